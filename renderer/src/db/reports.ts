import dayjs from 'dayjs'
import { comparison, type Period, type Range } from '@shared/domain/metrics/period'
import type { MetricContext } from '@shared/domain/metrics/timeLimits'
import {
  applyFilters,
  pareto,
  type Granularity,
  type Overview,
  type Pareto,
  type ParetoBy,
  type ReportFilters,
  type ReportService,
  type ReportTask
} from '@shared/domain/metrics/report'
import type { DataContext } from './context'
import { dayOfRow, readDayLines, readDayRows, type DayRowEntry } from './dayRows'
import { getClosedDays } from './closedDays'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'
import type { Timeliness } from '@shared/domain/metrics/timeliness'
import type { ReportProblem, StaffRow } from '@shared/domain/metrics/staffReview'
import { parseComplaintLine } from './complaintDayFamily'
import { complaintDaysBuiltKey, ensureComplaintDays } from './complaintDays'
import { ensureServiceDays, serviceDaysBuiltKey } from './serviceDays'
import { ensureTaskDays, taskDaysBuiltKey } from './taskDays'
import { servicesOfRows, tasksOfRows, type RawReportInput, type ServiceRow } from './reportInput'
import { run, sent, timing } from './reportsWorkerClient'
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
export async function metricContext(ctx: DataContext, asOf: number): Promise<MetricContext> {
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

export async function readProblems(ctx: DataContext, range: Range): Promise<ReportProblem[]> {
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
