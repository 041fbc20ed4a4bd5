import type { Range } from '@shared/domain/metrics/period'
import type { DrillTarget, RecordRef, ReportFilters } from '@shared/domain/metrics/report'
import type { StaffList } from '@shared/domain/metrics/staffReview'
import type { DataContext } from './context'
import { INPUT_GONE, type DrillPage, type InputRef } from './reportsCompute'
import { drillTiming, run, sent, timing } from './reportsWorkerClient'
import { metricContext, readProblems, readReportInput } from './reports'

// The records behind a number of 统计报表 (issue 16): a list made in the worker from the report's own
// input when it is still kept there, else from a fresh read; a page of it at a time.

/** The records behind one number of a report, for `range` (the period, its previous one or a trend
 *  bucket), with the same filters. `inputId`: the report's own input (OverviewResult.inputId), which
 *  covers every range it shows — then nothing is read or parsed again; if it is no longer kept, the
 *  range is read afresh. */
export async function reportDrillDown(
  ctx: DataContext,
  filters: ReportFilters,
  range: Range,
  target: DrillTarget,
  asOf: number,
  inputId?: string
): Promise<RecordRef[]> {
  const asked = performance.now()
  const metrics = await metricContext(ctx, asOf)
  const ask = (input: InputRef) =>
    run({ kind: 'drill', input, filters, ctx: metrics, range, target }) as Promise<RecordRef[]>
  if (inputId)
    try {
      const refs = await ask({ id: inputId })
      drillTiming(asked, refs.length)
      return refs
    } catch (e) {
      if (!(e instanceof Error && e.message === INPUT_GONE)) throw e
    }
  const t0 = performance.now()
  const raw = await readReportInput(ctx, range)
  const t1 = performance.now()
  const refs = await ask(sent(raw))
  timing('drill', t0, t1, raw)
  return refs
}

/** One page (`offset`, `limit`) of the records behind a number, and how many there are: the list stays
 *  with the report's input (`inputId`), so opening a number or turning a page moves only that page. An
 *  input no longer kept: the list is made afresh (reportDrillDown). */
export async function reportDrillPage(
  ctx: DataContext,
  filters: ReportFilters,
  range: Range,
  target: DrillTarget,
  asOf: number,
  inputId: string | undefined,
  offset: number,
  limit: number
): Promise<DrillPage> {
  if (inputId)
    try {
      const asked = performance.now()
      const metrics = await metricContext(ctx, asOf)
      const page = (await run({
        kind: 'drillPage',
        input: { id: inputId },
        filters,
        ctx: metrics,
        range,
        target,
        offset,
        limit
      })) as DrillPage
      drillTiming(asked, page.total)
      return page
    } catch (e) {
      if (!(e instanceof Error && e.message === INPUT_GONE)) throw e
    }
  const refs = await reportDrillDown(ctx, filters, range, target, asOf)
  return { total: refs.length, refs: refs.slice(offset, offset + limit) }
}

/** The records behind one figure of one clerk in 客服考核. */
export async function reportStaffDrill(
  ctx: DataContext,
  filters: ReportFilters,
  range: Range,
  clerk: string,
  list: StaffList,
  asOf: number
): Promise<RecordRef[]> {
  const [raw, problems] = await Promise.all([readReportInput(ctx, range), readProblems(ctx, range)])
  return (await run({
    kind: 'staffDrill',
    input: sent(raw),
    problems,
    filters,
    ctx: await metricContext(ctx, asOf),
    range,
    clerk,
    list
  })) as RecordRef[]
}
