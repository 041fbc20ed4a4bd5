import dayjs from 'dayjs'
import type { Category, Channel, Satisfaction } from '../complaint'
import type { ConsultOutcome } from '../counter/consultation'
import type { RevisitRule } from '../revisit'
import { vsPrevious, type Change, type DurationMetric, type MetricValue } from './metric'
import { datesOf, inRange, localDate, type Range } from './period'
import {
  answeredFollowUps,
  complaintObligations,
  complaintRate,
  conversionRate,
  dissatisfactionRate,
  limitTally,
  missRate,
  missRateOf,
  revisitRate,
  slaComplianceOf,
  type AnsweredFollowUp,
  type ComplaintRate,
  type FollowUpObligation,
  type ServedInput,
  type SlaCompliance
} from './rates'
import { closeTime, firstResponseTime } from './durations'
import { instantIndex } from './instantIndex'
import type { DailyFigure } from './dailyFigures'
import {
  caseCountedMs,
  limitOutcomes,
  limitsDueIn,
  TIME_LIMITS,
  type MetricCase,
  type MetricContext,
  type TimeLimit
} from './timeLimits'

// 统计报表 总览 (docs/metrics.md §8): the metric dictionary applied to a period's records with the filter
// bar's filters, 较上期, a trend by day / week / month, and the records behind every number
// (drill-down). Pure: the data layer (renderer/src/db/reports.ts) reads the records. Decisions:
// - The filters (部门, 投诉类别, 首问负责人 / 客服, 渠道) select COMPLAINTS. The 客服 filter also selects that
//   clerk's consultations, returns and 回访任务 (as 服务统计表 and 回访统计 do). Department, category and
//   channel narrow complaints only: 服务投诉率 for 商品质量 is quality complaints ÷ all customers served;
//   follow-up tasks of other rules (they have no category) are left out when one of them is set.
// - 服务投诉率's customers served come from the counter log, or — when the setting servedFrom says so —
//   from the daily 客流 / 成交笔数 figures (`served`): then only complaints received on days that have
//   the figure count, and the denominator's drill-down lists those days with their figures. The
//   filters narrow complaints only; the figures are the whole store's.
// - 服务不满意率 and 回访率 count complaints' 回访 (the complaint record) plus 回访任务 of the other rules
//   (维修 / 新客户 / 大客户 / 专项): a 投诉回访 task is the complaint's own 回访, so it is not counted twice.
//   A task is owed from its window start and made when it ended done; its answer is its final
//   satisfaction at its end.
// - The drill-down lists are built with the same primitives as the metrics, and a test checks each
//   list against its number (distinct customers for 服务投诉率's denominator, the sum of durations for
//   the duration metrics' numerators, one row per limit for 时效达标率).

export const OVERVIEW_METRICS = [
  'complaintRate',
  'missRate',
  'dissatisfactionRate',
  'revisitRate',
  'conversionRate',
  'firstResponseTime',
  'closeTime',
  'slaCompliance'
] as const
export type OverviewMetric = (typeof OVERVIEW_METRICS)[number]

/** A complaint as the reports read it. */
export interface ReportCase extends MetricCase {
  no: string
  category: Category
  department: string
  /** 首问负责人 */
  firstResponder: string
  channel: Channel
  product: string
  /** 工号 of who made the complaint's 回访 (客服考核) */
  revisitBy?: string
}

/** A consultation or a return of the counter log (the day rows keep its day, not its minute). */
export interface ReportService {
  kind: 'consultation' | 'return'
  id: string
  at: number
  staffNo: string
  customerKey: string
  outcome: ConsultOutcome | null
}

/** A 回访任务 of a rule other than 投诉回访. */
export interface ReportTask {
  id: string
  rule: RevisitRule
  clerk: string
  windowStart: number
  /** set when the task ended done (called) */
  doneAt: number | null
  /** the final answer, with the instant it was given */
  answer: { at: number; satisfaction: Satisfaction } | null
}

export interface ReportFilters {
  department?: string
  category?: Category
  /** 工号 */
  clerk?: string
  channel?: Channel
  /** one cause of 原因分析 (a Pareto bar): its complaints only */
  cause?: { by: ParetoBy; key: string }
}

/** 服务投诉率's customers served from the daily figures (the setting servedFrom); absent = the counter log. */
export interface ServedFigures {
  from: 'footfall' | 'transactions'
  figures: readonly DailyFigure[]
}

export interface ReportInput {
  cases: readonly ReportCase[]
  services: readonly ReportService[]
  tasks: readonly ReportTask[]
  served?: ServedFigures
}

/** Where a range's customers served come from: the daily figures when chosen, else the counter log. */
function servedOf(served: ServedFigures | undefined, services: readonly ReportService[]): ServedInput {
  if (served) return { from: served.from, figures: served.figures }
  return {
    from: 'counterLog',
    consultations: services.filter((s) => s.kind === 'consultation'),
    returns: services.filter((s) => s.kind === 'return')
  }
}

/** `served` carried over to a narrowed input. */
const keepServed = (input: ReportInput) => (input.served ? { served: input.served } : {})

export type Granularity = 'day' | 'week' | 'month'

export function applyFilters(input: ReportInput, f: ReportFilters): ReportInput {
  const narrowsCases = Boolean(f.department || f.category || f.channel || f.cause)
  return {
    cases: input.cases.filter(
      (c) =>
        (!f.department || c.department === f.department) &&
        (!f.category || c.category === f.category) &&
        (!f.channel || c.channel === f.channel) &&
        (!f.clerk || c.firstResponder === f.clerk) &&
        (!f.cause || causeOf(c, f.cause.by) === f.cause.key)
    ),
    services: f.clerk ? input.services.filter((s) => s.staffNo === f.clerk) : input.services,
    tasks: narrowsCases ? [] : f.clerk ? input.tasks.filter((t) => t.clerk === f.clerk) : input.tasks,
    ...keepServed(input)
  }
}

function taskAnswers(tasks: readonly ReportTask[]): AnsweredFollowUp[] {
  return tasks.flatMap((t) =>
    t.answer ? [{ caseId: t.id, at: t.answer.at, satisfaction: t.answer.satisfaction }] : []
  )
}

function taskObligations(tasks: readonly ReportTask[]): FollowUpObligation[] {
  return tasks.map((t) => ({ caseId: t.id, arisesAt: t.windowStart, doneAt: t.doneAt }))
}

export interface OverviewFigures {
  complaints: number
  complaintRate: ComplaintRate
  missRate: MetricValue
  dissatisfactionRate: MetricValue
  revisitRate: MetricValue
  conversionRate: MetricValue
  firstResponseTime: DurationMetric
  closeTime: DurationMetric
  slaCompliance: SlaCompliance
}

/** Every 总览 figure for one range: the pure metrics of the dictionary, nothing else. */
export function overviewFigures(input: ReportInput, ctx: MetricContext, range: Range): OverviewFigures {
  const { cases, services, tasks } = input
  const consultations = services.filter((s) => s.kind === 'consultation')
  const limits = limitTally(cases, ctx, range)
  return {
    complaints: cases.filter((c) => inRange(c.receivedAt, range)).length,
    complaintRate: complaintRate(cases, servedOf(input.served, services), range),
    missRate: missRateOf(limits),
    dissatisfactionRate: dissatisfactionRate([...answeredFollowUps(cases), ...taskAnswers(tasks)], range),
    revisitRate: revisitRate([...complaintObligations(cases), ...taskObligations(tasks)], range, ctx.asOf),
    conversionRate: conversionRate(consultations, range),
    firstResponseTime: firstResponseTime(cases, ctx, range),
    closeTime: closeTime(cases, ctx, range),
    slaCompliance: slaComplianceOf(limits)
  }
}

/** The metric value a card shows (时效达标率: all limits pooled). */
export function headline(f: OverviewFigures, m: OverviewMetric): MetricValue {
  return m === 'slaCompliance' ? f.slaCompliance.all : f[m]
}

export interface Bucket {
  /** first local date of the bucket */
  key: string
  range: Range
}

/** The buckets of a trend over `range`: local days, Monday weeks or calendar months, cut to the range. */
export function buckets(range: Range, by: Granularity): Bucket[] {
  const out: Bucket[] = []
  let start = dayjs(range.start).startOf('day')
  if (by === 'week') start = start.subtract((start.day() + 6) % 7, 'day')
  if (by === 'month') start = start.startOf('month')
  while (start.valueOf() < range.end) {
    const next = start.add(1, by === 'day' ? 'day' : by === 'week' ? 'week' : 'month')
    out.push({
      key: start.format('YYYY-MM-DD'),
      range: { start: Math.max(start.valueOf(), range.start), end: Math.min(next.valueOf(), range.end) }
    })
    start = next
  }
  return out
}

/** The instants at which a record can count in some range (receipt, response, result, follow-up,
 *  close, each limit's last moment): a range that touches none of them cannot count it. */
function caseInstants(c: ReportCase, ctx: MetricContext): number[] {
  const at = [c.receivedAt]
  for (const t of [c.firstResponseAt, c.resolvedAt, c.closedAt, c.revisit?.at ?? null])
    if (t !== null) at.push(t)
  for (const l of limitOutcomes(c, ctx)) at.push(l.dueAt)
  return at
}

// Each input's instant indexes, kept while the input lives (a report's drill-downs reuse its 总览's),
// for the rules and closed days they were made with.
const indexes = new WeakMap<
  ReportInput,
  {
    rules: MetricContext['rules']
    closedDays: MetricContext['closedDays']
    of: (range: Range) => ReportInput
  }
>()

function touchingIndex(input: ReportInput, ctx: MetricContext): (range: Range) => ReportInput {
  const kept = indexes.get(input)
  if (kept && kept.rules === ctx.rules && kept.closedDays === ctx.closedDays) return kept.of
  const cases = instantIndex(input.cases, (c) => caseInstants(c, ctx))
  const tasks = instantIndex(input.tasks, (t) => (t.answer ? [t.windowStart, t.answer.at] : [t.windowStart]))
  const services = instantIndex(input.services, (s) => [s.at])
  const of = (range: Range): ReportInput => ({
    cases: cases(range),
    services: services(range),
    tasks: tasks(range),
    ...keepServed(input)
  })
  indexes.set(input, { rules: ctx.rules, closedDays: ctx.closedDays, of })
  return of
}

/** The input reduced to the records that can count in `range`: those with an instant in it (a pure
 *  speed-up: every metric of the subset equals the metric of the whole input; tested). */
export function touching(input: ReportInput, ctx: MetricContext, range: Range): ReportInput {
  return touchingIndex(input, ctx)(range)
}

export interface OverviewCard {
  metric: OverviewMetric
  current: MetricValue
  previous: MetricValue
  change: Change
}

export interface TrendPoint {
  key: string
  range: Range
  complaints: number
  complaintRate: number | null
  missRate: number | null
  dissatisfactionRate: number | null
}

export interface Overview {
  asOf: number
  current: Range
  previous: Range
  figures: OverviewFigures
  previousFigures: OverviewFigures
  cards: OverviewCard[]
  trend: TrendPoint[]
  /** where 服务投诉率's customers served came from */
  servedFrom: 'counterLog' | 'footfall' | 'transactions'
}

/** 总览: the figures of the current and the previous range (较上期), and the trend of the current one. */
export function overview(
  all: ReportInput,
  ctx: MetricContext,
  ranges: { current: Range; previous: Range },
  by: Granularity
): Overview {
  // Every instant at which a record can count, indexed once: each range (the period, the previous one,
  // each trend bucket) then reads only the records with an instant in it.
  const subset = touchingIndex(all, ctx)
  const figures = overviewFigures(subset(ranges.current), ctx, ranges.current)
  const previousFigures = overviewFigures(subset(ranges.previous), ctx, ranges.previous)
  const cards = OVERVIEW_METRICS.map((metric) => {
    const current = headline(figures, metric)
    const previous = headline(previousFigures, metric)
    return { metric, current, previous, change: vsPrevious(current, previous) }
  })
  // the trend needs four figures per bucket, not the whole dictionary
  const trend = buckets(ranges.current, by).map((b) => {
    const { cases, services, tasks } = subset(b.range)
    return {
      key: b.key,
      range: b.range,
      complaints: cases.filter((c) => inRange(c.receivedAt, b.range)).length,
      complaintRate: complaintRate(cases, servedOf(all.served, services), b.range).value,
      missRate: missRate(cases, ctx, b.range).value,
      dissatisfactionRate: dissatisfactionRate([...answeredFollowUps(cases), ...taskAnswers(tasks)], b.range)
        .value
    }
  })
  return {
    asOf: ctx.asOf,
    ...ranges,
    figures,
    previousFigures,
    cards,
    trend,
    servedFrom: all.served?.from ?? 'counterLog'
  }
}

// ---- drill-down ---------------------------------------------------------------------------------

export type RecordRef =
  | { kind: 'complaint'; id: string; limit?: TimeLimit; durationMs?: number }
  | { kind: 'consultation' | 'return'; id: string; customerKey: string }
  | { kind: 'task'; id: string }
  | { kind: 'problem'; id: string }
  /** a day's 客流 / 成交笔数 (服务投诉率's denominator from the daily figures): id = the date */
  | { kind: 'dailyFigure'; id: string; value: number }

/** What a drill-down opens: a metric's numerator or denominator (时效达标率 per limit or 'all'), or
 *  the complaints received. */
export type DrillTarget =
  | { metric: 'complaints' }
  | { metric: Exclude<OverviewMetric, 'slaCompliance'>; part: 'numerator' | 'denominator' }
  | { metric: 'slaCompliance'; part: 'numerator' | 'denominator'; limit: TimeLimit | 'all' }
  /** 时效分析: the cases of a duration metric whose duration falls in [fromMs, toMs) */
  | { metric: 'durationBin'; of: 'firstResponseTime' | 'closeTime'; fromMs: number; toMs: number }

const complaintRef = (c: ReportCase): RecordRef => ({ kind: 'complaint', id: c.id })

/** The records behind a number, in a stable order (complaints by receipt, then the others by time). */
export function drillDown(
  input: ReportInput,
  ctx: MetricContext,
  range: Range,
  target: DrillTarget
): RecordRef[] {
  const cases = [...input.cases].sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id))
  const received = cases.filter((c) => inRange(c.receivedAt, range))
  const services = input.services.filter((s) => inRange(s.at, range))
  const serviceRef = (s: ReportService): RecordRef => ({ kind: s.kind, id: s.id, customerKey: s.customerKey })
  switch (target.metric) {
    case 'durationBin':
      return drillDown(input, ctx, range, { metric: target.of, part: 'denominator' }).filter(
        (r) => 'durationMs' in r && (r.durationMs ?? 0) >= target.fromMs && (r.durationMs ?? 0) < target.toMs
      )
    case 'complaints':
      return received.map(complaintRef)
    case 'complaintRate':
      if (input.served) {
        // the days of the range that have the figure, and the complaints received on them
        const key = input.served.from
        const figured = new Map<string, number>()
        for (const f of input.served.figures) {
          const v = f[key]
          if (v !== null) figured.set(f.date, v)
        }
        const days = datesOf(range).filter((d) => figured.has(d))
        const withFigure = new Set(days)
        return target.part === 'numerator'
          ? received.filter((c) => withFigure.has(localDate(c.receivedAt))).map(complaintRef)
          : days.map((d) => ({ kind: 'dailyFigure', id: d, value: figured.get(d) as number }))
      }
      // denominator: the records whose distinct customers are the customers served
      return target.part === 'numerator'
        ? received.map(complaintRef)
        : [...received.map(complaintRef), ...services.map(serviceRef)]
    case 'missRate':
      return cases.flatMap((c) => {
        const limits = limitsDueIn(c, ctx, range)
        if (limits.length === 0) return []
        if (target.part === 'numerator' && limits.every((l) => l.met)) return []
        return [complaintRef(c)]
      })
    case 'slaCompliance':
      return cases.flatMap((c) =>
        limitsDueIn(c, ctx, range)
          .filter(
            (l) =>
              (target.limit === 'all' || l.limit === target.limit) && (target.part === 'denominator' || l.met)
          )
          .sort((a, b) => TIME_LIMITS.indexOf(a.limit) - TIME_LIMITS.indexOf(b.limit))
          .map((l): RecordRef => ({ kind: 'complaint', id: c.id, limit: l.limit }))
      )
    case 'dissatisfactionRate': {
      const answers = [
        ...answeredFollowUps(cases).map((a) => ({
          ...a,
          ref: { kind: 'complaint', id: a.caseId } as RecordRef
        })),
        ...taskAnswers(input.tasks).map((a) => ({ ...a, ref: { kind: 'task', id: a.caseId } as RecordRef }))
      ].filter(
        (a) => inRange(a.at, range) && (target.part === 'denominator' || a.satisfaction === 'unsatisfied')
      )
      return answers.sort((a, b) => a.at - b.at).map((a) => a.ref)
    }
    case 'revisitRate': {
      const owed = [
        ...complaintObligations(cases).map((o) => ({
          ...o,
          ref: { kind: 'complaint', id: o.caseId } as RecordRef
        })),
        ...taskObligations(input.tasks).map((o) => ({
          ...o,
          ref: { kind: 'task', id: o.caseId } as RecordRef
        }))
      ].filter(
        (o) =>
          inRange(o.arisesAt, range) &&
          (target.part === 'denominator' || (o.doneAt !== null && o.doneAt <= ctx.asOf))
      )
      return owed.sort((a, b) => a.arisesAt - b.arisesAt).map((o) => o.ref)
    }
    case 'conversionRate':
      return services
        .filter(
          (s) =>
            s.kind === 'consultation' &&
            s.outcome !== null &&
            (target.part === 'denominator' || s.outcome === 'converted')
        )
        .map(serviceRef)
    case 'firstResponseTime':
      // the cases measured (both parts list them; each carries its duration, whose sum is the numerator)
      return received
        .filter((c) => c.firstResponseAt !== null && c.firstResponseAt <= ctx.asOf)
        .map((c) => ({
          kind: 'complaint',
          id: c.id,
          durationMs: caseCountedMs(c, ctx, c.receivedAt, c.firstResponseAt as number)
        }))
    case 'closeTime':
      return cases
        .filter(
          (c) =>
            c.status === 'closed' &&
            c.closedAt !== null &&
            inRange(c.closedAt, range) &&
            c.closedAt <= ctx.asOf
        )
        .map((c) => ({
          kind: 'complaint',
          id: c.id,
          durationMs: caseCountedMs(c, ctx, c.receivedAt, c.closedAt as number)
        }))
  }
}

// ---- 原因分析 (Pareto) ---------------------------------------------------------------------------

export type ParetoBy = 'category' | 'department' | 'product'

/** A complaint's cause as 原因分析 groups it (department and product as entered, trimmed). */
export function causeOf(c: ReportCase, by: ParetoBy): string {
  return (by === 'category' ? c.category : by === 'department' ? c.department : c.product).trim()
}

export interface ParetoBar {
  /** the category code, the department or product as entered; '' = not filled in */
  key: string
  count: number
  /** share of all complaints of the range, 0..1 */
  share: number
  /** cumulative share up to and including this bar, 0..1 */
  cumulative: number
  ids: string[]
}

export interface Pareto {
  total: number
  bars: ParetoBar[]
  /** share of 其他 (category other, or department / product not filled in); 0 without complaints */
  otherShare: number
  /** 其他 above 10 % (the causes are not named well enough to act on) */
  otherWarning: boolean
}

export const OTHER_WARNING_SHARE = 0.1

/** Complaints received in the range grouped by cause, largest first (ties by key), with the
 *  cumulative percentage. 其他 (the category 'other', or an empty department / product) is kept in
 *  its place by size, and warned about above 10 %. */
export function pareto(cases: readonly ReportCase[], range: Range, by: ParetoBy): Pareto {
  const groups = new Map<string, string[]>()
  const received = cases
    .filter((c) => inRange(c.receivedAt, range))
    .sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id))
  for (const c of received) {
    const key = causeOf(c, by)
    const list = groups.get(key)
    if (list) list.push(c.id)
    else groups.set(key, [c.id])
  }
  const total = received.length
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
  let running = 0
  const bars = sorted.map(([key, ids]) => {
    running += ids.length
    return { key, count: ids.length, share: ids.length / total, cumulative: running / total, ids }
  })
  const otherKey = by === 'category' ? 'other' : ''
  const other = groups.get(otherKey)?.length ?? 0
  const otherShare = total === 0 ? 0 : other / total
  return { total, bars, otherShare, otherWarning: otherShare > OTHER_WARNING_SHARE }
}
