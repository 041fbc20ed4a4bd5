import dayjs from 'dayjs'
import { comparison, type Period, type Range } from '@shared/domain/metrics/period'
import type { MetricContext } from '@shared/domain/metrics/timeLimits'
import {
  applyFilters,
  pareto,
  type DrillTarget,
  type Granularity,
  type Overview,
  type Pareto,
  type ParetoBy,
  type RecordRef,
  type ReportFilters,
  type ReportService,
  type ReportTask
} from '@shared/domain/metrics/report'
import type { Category, ComplaintStatus } from '@shared/domain/complaint'
import type { DataContext } from './context'
import { dayOfRow, readDayLines, readDayRows, type DayRowEntry } from './dayRows'
import { getClosedDays } from './closedDays'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'
import type { Timeliness } from '@shared/domain/metrics/timeliness'
import type { ReportProblem, StaffList, StaffRow } from '@shared/domain/metrics/staffReview'
import { parseComplaintLine } from './complaintDayFamily'
import { complaintDaysBuiltKey, ensureComplaintDays } from './complaintDays'
import { ensureServiceDays, serviceDaysBuiltKey } from './serviceDays'
import { ensureTaskDays, taskDaysBuiltKey } from './taskDays'
import {
  servicesOfRows,
  tasksOfRows,
  type RawReportInput,
  type SentReportInput,
  type ServiceRow
} from './reportInput'
import { RowMirror } from './rowMirror'
import {
  compute,
  INPUT_GONE,
  spent,
  type ComputeRequest,
  type DrillPage,
  type InputRef
} from './reportsCompute'
import { servedFigures } from './dailyFigures'

// 统计报表 (issue 16, docs/metrics.md §8): reads a period's complaints, counter-log services and 回访任务
// from the writer's day rows (one row per local day: complaintDays, serviceDays, taskDays / taskMade),
// then applies the pure metric dictionary (shared/domain/metrics/report.ts). No complaint record is
// loaded for a figure; a drill-down page loads its own records only.
//
// Complaints are filed under the days they received, responded, resolved, were followed up and
// closed; a limit's last moment can come later (24 h limit, follow-up window, closed days, pauses),
// so the rows of LOOKBACK_DAYS before the period are read too. A case whose limit falls more than
// LOOKBACK_DAYS after its last filing day (only with pauses or closed periods of many weeks) is
// missing from that limit's figures: a documented bound (docs/metrics.md §8).

export const LOOKBACK_DAYS = 62

export interface ReportQuery {
  period: Period
  filters: ReportFilters
}

const FMT = 'YYYY-MM-DD'

/** The store's rules and 停业日. A case's own pauses travel in its report line (complaintDayFamily.ts
 *  pausesField → MetricCase.pauses), so its limits leave paused time out. */
async function metricContext(ctx: DataContext, asOf: number): Promise<MetricContext> {
  const closed = await getClosedDays(ctx)
  return { rules: ctx.timeRules, closedDays: closedDayIntervals(closed, ctx.timeRules.storeDayEndsAt), asOf }
}

const serviceRowsOf = (rows: readonly DayRowEntry[]): ServiceRow[] =>
  rows.map((row) => ({ at: dayjs(dayOfRow(row.day)).valueOf(), lines: row.lines }))

export async function readServices(ctx: DataContext, first: string, last: string): Promise<ReportService[]> {
  return servicesOfRows(serviceRowsOf(await readDayRows(ctx.db, 'serviceDays', first, last)))
}

/** taskDays rows (tasks by due day) from the local day of `from` to that of `to`; [] until built. */
async function readTaskRows(ctx: DataContext, from: number, to: number): Promise<DayRowEntry[]> {
  if (!(await ctx.db.meta.get(taskDaysBuiltKey()))) return []
  return readDayRows(ctx.db, 'taskDays', dayjs(from).format(FMT), dayjs(to).format(FMT))
}

export async function readTasks(ctx: DataContext, from: number, to: number): Promise<ReportTask[]> {
  return tasksOfRows((await readTaskRows(ctx, from, to)).map((row) => row.lines))
}

/** Everything that can count in `range` (plus the look-back), unfiltered, as the day rows' texts: the
 *  worker splits and parses them (reportInput.ts). */
export async function readReportInput(ctx: DataContext, range: Range): Promise<RawReportInput> {
  const db = ctx.db
  if (!(await db.meta.get(complaintDaysBuiltKey()))) await ensureComplaintDays(db)
  if (!(await db.meta.get(serviceDaysBuiltKey()))) await ensureServiceDays(db)
  await ensureTaskDays(db)
  const first = dayjs(range.start).format(FMT)
  const last = dayjs(range.end - 1).format(FMT)
  const lookFrom = dayjs(range.start).subtract(LOOKBACK_DAYS, 'day')
  const [complaintRows, serviceRows, taskRows, served] = await Promise.all([
    readDayRows(db, 'complaintDays', lookFrom.format(FMT), last),
    readDayRows(db, 'serviceDays', first, last),
    // tasks due up to the look-back on either side: answered or owed in the range
    readTaskRows(ctx, lookFrom.valueOf(), dayjs(range.end).add(LOOKBACK_DAYS, 'day').valueOf()),
    // 服务投诉率's customers served, when the setting says the daily figures (dailyFigures.ts)
    servedFigures(ctx, first, last)
  ])
  return {
    complaintRows: complaintRows.map((row) => row.lines),
    serviceRows: serviceRowsOf(serviceRows),
    taskRows: taskRows.map((row) => row.lines),
    ...(served ? { served } : {}),
    rowKeys: {
      complaints: complaintRows.map((row) => row.day),
      services: serviceRows.map((row) => row.day),
      tasks: taskRows.map((row) => row.day)
    }
  }
}

// One worker for the reports, made on first use. Where there is none (tests in Node) or it fails to
// load, the counting runs inline: the same code, only on this thread.
let worker: Worker | null | undefined
let nextId = 1
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()

function reportsWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (typeof Worker === 'undefined') return (worker = null)
  try {
    const w = new Worker(new URL('./reportsWorker.ts', import.meta.url), { type: 'module' })
    w.onmessage = (
      event: MessageEvent<{ id: number; ok: boolean; result?: unknown; error?: string; spent?: typeof spent }>
    ) => {
      if (event.data.spent) Object.assign(spent, event.data.spent)
      const call = waiting.get(event.data.id)
      if (!call) return
      waiting.delete(event.data.id)
      if (event.data.ok) call.resolve(event.data.result)
      else call.reject(new Error(event.data.error))
    }
    w.onerror = (event) => {
      event.preventDefault()
      worker = null
      for (const call of waiting.values()) call.reject(new Error('reports worker failed'))
      waiting.clear()
    }
    return (worker = w)
  } catch {
    return (worker = null)
  }
}

// what crossed to the worker, per row key (rowMirror.ts)
const mirrors = { complaints: new RowMirror(), services: new RowMirror(), tasks: new RowMirror() }

/** A fresh input as it crosses to the worker: rows it already holds as null. */
function crossing(raw: RawReportInput): SentReportInput | RawReportInput {
  const keys = raw.rowKeys
  if (!keys) return raw
  const services = mirrors.services.encode(
    keys.services,
    raw.serviceRows.map((row) => row.lines)
  )
  return {
    ...raw,
    complaintRows: mirrors.complaints.encode(keys.complaints, raw.complaintRows),
    serviceRows: raw.serviceRows.map((row, i) => ({ at: row.at, lines: services[i] ?? null })),
    taskRows: mirrors.tasks.encode(keys.tasks, raw.taskRows)
  }
}

async function run(request: ComputeRequest): Promise<ReturnType<typeof compute>> {
  const w = reportsWorker()
  if (!w) return compute(request)
  const id = nextId++
  const raw = request.input.raw
  try {
    const wire = raw
      ? { ...request, input: { ...request.input, raw: crossing(raw as RawReportInput) } }
      : request
    return await new Promise((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
      w.postMessage({ id, request: wire })
    })
  } catch (e) {
    if (e instanceof Error && e.message === INPUT_GONE) throw e
    // the worker lacks rows, could not count or failed to load: start the crossing afresh, and count
    // here rather than show nothing
    for (const mirror of Object.values(mirrors)) mirror.reset()
    return compute(request)
  }
}

let inputSerial = 0
/** A fresh input, sent with its rows. */
function sent(raw: RawReportInput): InputRef {
  return { id: `${Date.now()}-${++inputSerial}`, raw }
}

/** Where a report's time went (read from IndexedDB / counted in the worker), as performance entries
 *  for the benchmark; a few dozen kept. */
export const REPORT_READ_MEASURE = 'desk:report-read'
export const REPORT_COUNT_MEASURE = 'desk:report-count'
export const REPORT_DRILL_MEASURE = 'desk:report-drill'
function timing(kind: string, start: number, read: number, raw: RawReportInput): void {
  for (const name of [REPORT_READ_MEASURE, REPORT_COUNT_MEASURE, REPORT_DRILL_MEASURE])
    if (performance.getEntriesByName(name).length > 50) performance.clearMeasures(name)
  const detail = {
    kind,
    complaintRows: raw.complaintRows.length,
    serviceRows: raw.serviceRows.length,
    taskRows: raw.taskRows.length,
    // of the count: parsing the rows and counting in the worker (the rest: crossing to it and back)
    prepareMs: Math.round(spent.prepare),
    countMs: Math.round(spent.count)
  }
  performance.measure(REPORT_READ_MEASURE, { start, end: read, detail })
  performance.measure(REPORT_COUNT_MEASURE, { start: read, end: performance.now(), detail })
}

export interface OverviewResult extends Overview {
  query: ReportQuery
  /** the input it was counted from, for its drill-downs (reportDrillDown) */
  inputId: string
}

/** 总览 for a period (较上期: the previous period, "so far" while the period runs). */
export async function reportOverview(
  ctx: DataContext,
  query: ReportQuery,
  by: Granularity
): Promise<OverviewResult> {
  const asOf = ctx.now()
  const ranges = comparison(query.period, asOf)
  const t0 = performance.now()
  const raw = await readReportInput(ctx, { start: ranges.previous.start, end: ranges.current.end })
  const t1 = performance.now()
  const input = sent(raw)
  const result = (await run({
    kind: 'overview',
    input,
    filters: query.filters,
    ctx: await metricContext(ctx, asOf),
    ranges,
    by
  })) as Overview
  timing('overview', t0, t1, raw)
  return { ...result, query, inputId: input.id }
}

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
      performance.measure(REPORT_DRILL_MEASURE, {
        start: asked,
        end: performance.now(),
        detail: { refs: refs.length, prepareMs: Math.round(spent.prepare), countMs: Math.round(spent.count) }
      })
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
      performance.measure(REPORT_DRILL_MEASURE, {
        start: asked,
        end: performance.now(),
        detail: { refs: page.total, prepareMs: Math.round(spent.prepare), countMs: Math.round(spent.count) }
      })
      return page
    } catch (e) {
      if (!(e instanceof Error && e.message === INPUT_GONE)) throw e
    }
  const refs = await reportDrillDown(ctx, filters, range, target, asOf)
  return { total: refs.length, refs: refs.slice(offset, offset + limit) }
}

/** 原因分析: Pareto of the complaints received in the period by category, department or product. */
export async function reportPareto(
  ctx: DataContext,
  query: ReportQuery,
  by: ParetoBy
): Promise<Pareto & { asOf: number; range: Range }> {
  const asOf = ctx.now()
  const { current } = comparison(query.period, asOf)
  const first = dayjs(current.start).format(FMT)
  const last = dayjs(current.end - 1).format(FMT)
  if (!(await ctx.db.meta.get(complaintDaysBuiltKey()))) await ensureComplaintDays(ctx.db)
  const cases = (await readDayLines(ctx.db, 'complaintDays', first, last)).map(parseComplaintLine)
  const filtered = applyFilters({ cases, services: [], tasks: [] }, query.filters).cases
  return { ...pareto(filtered, current, by), asOf, range: current }
}

/** 时效分析 for the period: duration histograms with their medians, 时效达标率 per limit over time. */
export async function reportTimeliness(
  ctx: DataContext,
  query: ReportQuery,
  by: Granularity
): Promise<Timeliness & { query: ReportQuery }> {
  const asOf = ctx.now()
  const { current } = comparison(query.period, asOf)
  const raw = await readReportInput(ctx, current)
  const result = (await run({
    kind: 'timeliness',
    input: sent(raw),
    filters: query.filters,
    ctx: await metricContext(ctx, asOf),
    range: current,
    by
  })) as Timeliness
  return { ...result, query }
}

async function readProblems(ctx: DataContext, range: Range): Promise<ReportProblem[]> {
  const list = await ctx.db.problems.where('createdAt').between(range.start, range.end, true, false).toArray()
  return list
    .filter((p) => !p._deleted)
    .map((p) => ({ id: p.id, staffNo: p.staffNo, createdAt: p.createdAt, status: p.status }))
}

/** 客服考核 for the period: one row per clerk. */
export async function reportStaffReview(
  ctx: DataContext,
  query: ReportQuery
): Promise<{ rows: StaffRow[]; asOf: number; range: Range; query: ReportQuery }> {
  const asOf = ctx.now()
  const { current } = comparison(query.period, asOf)
  const [raw, problems] = await Promise.all([readReportInput(ctx, current), readProblems(ctx, current)])
  const rows = (await run({
    kind: 'staff',
    input: sent(raw),
    problems,
    filters: query.filters,
    ctx: await metricContext(ctx, asOf),
    range: current
  })) as StaffRow[]
  return { rows, asOf, range: current, query }
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

/** One row of a drill-down list, loaded for the page shown. */
export interface DrillRow {
  ref: RecordRef
  /** when it happened (receipt, consultation, return, task window) */
  at: number
  /** complaint number, or '' */
  no: string
  customerName: string
  category: Category | ''
  department: string
  status: ComplaintStatus | string
  staffNo: string
}

/** The records of a page of drill-down refs (in the refs' order); a record gone since is left out. */
export async function drillDownRows(ctx: DataContext, refs: readonly RecordRef[]): Promise<DrillRow[]> {
  const ids = (kind: RecordRef['kind']) => refs.filter((r) => r.kind === kind).map((r) => r.id)
  // only the tables the page has records of (a read of nothing still opens a transaction)
  const read = <T>(
    table: { bulkGet(keys: string[]): Promise<(T | undefined)[]> },
    kind: RecordRef['kind']
  ) => {
    const keys = ids(kind)
    return keys.length ? table.bulkGet(keys) : Promise.resolve([] as (T | undefined)[])
  }
  const [complaints, consultations, returns, tasks, problems] = await Promise.all([
    read(ctx.db.complaints, 'complaint'),
    read(ctx.db.consultations, 'consultation'),
    read(ctx.db.returns, 'return'),
    read(ctx.db.revisitTasks, 'task'),
    read(ctx.db.problems, 'problem')
  ])
  const byId = new Map<string, Omit<DrillRow, 'ref'>>()
  for (const c of complaints)
    if (c)
      byId.set(`complaint:${c.id}`, {
        at: c.receivedAt,
        no: c.no,
        customerName: c.customerName,
        category: c.category,
        department: c.department,
        status: c.status,
        staffNo: c.firstResponder
      })
  for (const c of consultations)
    if (c)
      byId.set(`consultation:${c.id}`, {
        at: c.createdAt,
        no: '',
        customerName: c.customerName ?? '',
        category: '',
        department: '',
        status: c.outcome ?? '',
        staffNo: c.staffNo
      })
  for (const r of returns)
    if (r)
      byId.set(`return:${r.id}`, {
        at: r.createdAt,
        no: '',
        customerName: r.customerName ?? '',
        category: '',
        department: '',
        status: r.status,
        staffNo: r._created.staffNo
      })
  for (const t of tasks)
    if (t)
      byId.set(`task:${t.id}`, {
        at: t.windowStart,
        no: '',
        customerName: t.customerName ?? '',
        category: '',
        department: '',
        status: t._status ?? '',
        staffNo: t.clerk
      })
  for (const p of problems)
    if (p)
      byId.set(`problem:${p.id}`, {
        at: p.createdAt,
        no: '',
        customerName: '',
        category: '',
        department: '',
        status: p.status,
        staffNo: p.staffNo
      })
  // a day's 客流 / 成交笔数 (服务投诉率 from the daily figures): the figure is in the ref itself
  for (const ref of refs)
    if (ref.kind === 'dailyFigure')
      byId.set(`dailyFigure:${ref.id}`, {
        at: dayjs(ref.id).valueOf(),
        no: '',
        customerName: '',
        category: '',
        department: '',
        status: '',
        staffNo: ''
      })
  return refs.flatMap((ref) => {
    const row = byId.get(`${ref.kind}:${ref.id}`)
    return row ? [{ ref, ...row }] : []
  })
}
