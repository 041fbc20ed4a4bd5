import type { Range } from '@shared/domain/metrics/period'
import type { MetricContext } from '@shared/domain/metrics/timeLimits'
import {
  applyFilters,
  drillDown,
  overview,
  touching,
  type DrillTarget,
  type Granularity,
  type Overview,
  type RecordRef,
  type ReportFilters,
  type ReportInput
} from '@shared/domain/metrics/report'
import { timeliness, type Timeliness } from '@shared/domain/metrics/timeliness'
import {
  staffRecords,
  staffReview,
  type ReportProblem,
  type StaffList,
  type StaffRef,
  type StaffRow
} from '@shared/domain/metrics/staffReview'
import { ReportInputParser, type RawReportInput, type SentReportInput } from './reportInput'
import { RowMirror } from './rowMirror'

// The computing half of 统计报表 (reports.ts reads, this counts): plain data in, plain data out, so it
// runs in a worker (reportsWorker.ts) off the UI thread, or inline where there is no Worker (tests).

/** A report's input: sent once with its rows, then named by id alone — a drill-down lists the records
 *  behind a number from the very input that number was counted from, without reading or parsing it
 *  again. The computing side keeps the last few. */
export interface InputRef {
  id: string
  raw?: RawReportInput | SentReportInput
}

/** The input named by id is no longer kept (the worker restarted, or newer inputs pushed it out). */
export const INPUT_GONE = 'report input gone'

export type ComputeRequest =
  | {
      kind: 'overview'
      input: InputRef
      filters: ReportFilters
      ctx: MetricContext
      ranges: { current: Range; previous: Range }
      by: Granularity
    }
  | {
      kind: 'drill'
      input: InputRef
      filters: ReportFilters
      ctx: MetricContext
      range: Range
      target: DrillTarget
    }
  | {
      /** one page of a drill-down list, with the list's length */
      kind: 'drillPage'
      input: InputRef
      filters: ReportFilters
      ctx: MetricContext
      range: Range
      target: DrillTarget
      offset: number
      limit: number
    }
  | {
      kind: 'timeliness'
      input: InputRef
      filters: ReportFilters
      ctx: MetricContext
      range: Range
      by: Granularity
    }
  | {
      kind: 'staff'
      input: InputRef
      problems: ReportProblem[]
      filters: ReportFilters
      ctx: MetricContext
      range: Range
    }
  | {
      kind: 'staffDrill'
      input: InputRef
      problems: ReportProblem[]
      filters: ReportFilters
      ctx: MetricContext
      range: Range
      clerk: string
      list: StaffList
    }

/** A page of a drill-down list and the list's length. */
export interface DrillPage {
  total: number
  refs: RecordRef[]
}

export type ComputeResult = Overview | RecordRef[] | DrillPage | Timeliness | StaffRow[] | StaffRef[]

interface Prepared {
  all: ReportInput
  /** the input narrowed by each filter set asked for so far */
  filtered: Map<string, ReportInput>
  /** the rows it was parsed from: the same rows again (a period asked again) reuse it whole */
  raw: RawReportInput
}

const KEPT_INPUTS = 2
const kept = new Map<string, Prepared>()

const parser = new ReportInputParser()

/** The input's records parsed once (rows parsed for the last report are not parsed again), complaints
 *  in receipt order (the order every list shows). */
function prepare(raw: RawReportInput): Prepared {
  const { cases, services, tasks } = parser.parse(raw)
  cases.sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id))
  return {
    all: { cases, services, tasks, ...(raw.served ? { served: raw.served } : {}) },
    filtered: new Map(),
    raw
  }
}

const sameTexts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((text, i) => text === b[i])

/** Whether two inputs hold the same rows (texts that crossed as "already held" are the very same
 *  strings, so this is mostly a pointer comparison). */
function sameRows(a: RawReportInput, b: RawReportInput): boolean {
  return (
    sameTexts(a.complaintRows, b.complaintRows) &&
    sameTexts(a.taskRows, b.taskRows) &&
    a.serviceRows.length === b.serviceRows.length &&
    a.serviceRows.every(
      (row, i) => row.at === b.serviceRows[i]?.at && row.lines === b.serviceRows[i]?.lines
    ) &&
    JSON.stringify(a.served ?? null) === JSON.stringify(b.served ?? null)
  )
}

// what crossed from the UI thread, per row key (rowMirror.ts)
const mirrors = { complaints: new RowMirror(), services: new RowMirror(), tasks: new RowMirror() }

/** The rows as read, nulls (rows this side already holds) filled in. */
function received(raw: RawReportInput | SentReportInput): RawReportInput {
  const keys = raw.rowKeys
  if (!keys) return raw as RawReportInput
  const services = mirrors.services.decode(
    keys.services,
    raw.serviceRows.map((row) => row.lines)
  )
  return {
    ...raw,
    complaintRows: mirrors.complaints.decode(keys.complaints, raw.complaintRows),
    serviceRows: raw.serviceRows.map((row, i) => ({ at: row.at, lines: services[i] as string })),
    taskRows: mirrors.tasks.decode(keys.tasks, raw.taskRows)
  }
}

/** The input named by `ref` (parsed now if it carries its rows), narrowed by `filters`. */
export function preparedInput(ref: InputRef, filters: ReportFilters): ReportInput {
  let p = kept.get(ref.id)
  if (ref.raw) {
    const raw = received(ref.raw)
    // The same rows as a kept input (a period opened again, 本月 ↔ a year and back): its records, their
    // order and its instant indexes are reused, not made again.
    p = [...kept.values()].find((k) => sameRows(k.raw, raw)) ?? prepare(raw)
    kept.delete(ref.id)
    kept.set(ref.id, p)
    for (const id of kept.keys()) if (kept.size > KEPT_INPUTS) kept.delete(id)
  }
  if (!p) throw new Error(INPUT_GONE)
  const key = JSON.stringify(filters)
  let input = p.filtered.get(key)
  if (!input) p.filtered.set(key, (input = applyFilters(p.all, filters)))
  return input
}

// The rules and closed days arrive as new objects with every message; one object per value lets the
// limits computed for a case be kept across requests and reports (timeLimits.ts limitOutcomes).
const known = new Map<string, unknown>()
function same<T>(kind: string, value: T): T {
  const key = `${kind}:${JSON.stringify(value)}`
  const kept = known.get(key)
  if (kept !== undefined) return kept as T
  if (known.size >= 8) known.clear()
  known.set(key, value)
  return value
}
const sameContext = (ctx: MetricContext): MetricContext => ({
  ...ctx,
  rules: same('rules', ctx.rules),
  closedDays: same('closedDays', ctx.closedDays)
})

let lastList: { key: string; refs: RecordRef[] } | null = null

/** Where the last request's time went in ms (parsing its rows, counting), for the benchmark. */
export const spent = { prepare: 0, count: 0 }

export function compute(req: ComputeRequest): ComputeResult {
  const t0 = performance.now()
  const input = preparedInput(req.input, req.filters)
  spent.prepare = performance.now() - t0
  const result = counted(req, input)
  spent.count = performance.now() - t0 - spent.prepare
  return result
}

function counted(req: ComputeRequest, input: ReportInput): ComputeResult {
  const ctx = sameContext(req.ctx)
  switch (req.kind) {
    case 'overview':
      return overview(input, ctx, req.ranges, req.by)
    case 'drill':
      return drillDown(touching(input, ctx, req.range), ctx, req.range, req.target)
    case 'drillPage': {
      // the list stays here; only the page shown crosses to the UI thread (a year is 60 000 refs)
      const key = JSON.stringify([req.input.id, req.filters, req.range, req.target, ctx.asOf])
      if (lastList?.key !== key)
        lastList = { key, refs: drillDown(touching(input, ctx, req.range), ctx, req.range, req.target) }
      return { total: lastList.refs.length, refs: lastList.refs.slice(req.offset, req.offset + req.limit) }
    }
    case 'timeliness':
      return timeliness(input, ctx, req.range, req.by)
    case 'staff':
    case 'staffDrill': {
      const problems = req.filters.clerk
        ? req.problems.filter((p) => p.staffNo === req.filters.clerk)
        : req.problems
      const staffInput = { ...touching(input, ctx, req.range), problems }
      return req.kind === 'staff'
        ? staffReview(staffInput, ctx, req.range)
        : staffRecords(staffInput, ctx, req.range, req.clerk, req.list)
    }
  }
}
