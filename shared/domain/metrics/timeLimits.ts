import type { ComplaintStatus, Satisfaction } from '../complaint'
import {
  ALWAYS_COUNTING,
  businessClock,
  countedMs,
  type BusinessClock,
  type Interval
} from '../clock/businessClock'
import {
  countedEscalationDeadlines,
  countedRevisitDueAt,
  countedSunsetDeadline,
  type TimeRuleSettings
} from '../timeRules'
import { inRange, type Range } from './period'

// The three time limits of a complaint as the reports judge them (服务遗漏率, 时效达标率, the overdue
// spike of the anomaly report). Decisions:
// - The limits and their deadlines are the time rules' (timeRules.ts), in counted time: the case's
//   pauses and the store's closed days do not count.
//   · firstResponse (日落原则): met when the first response came before the sunset deadline;
//   · resolution (限时办结, the 24 h limit): met when the customer accepted a result before the
//     leader deadline. Not applicable to a case rejected (不成立) before that deadline;
//   · followUp (回访): met when the follow-up was made at or before its due instant (inclusive).
//     Applies once a result was accepted.
// - Each limit has a LAST MOMENT (`dueAt`), the last instant at which it could still be met: the
//   sunset deadline − 1 ms (23:59:59.999 of the store day), the leader deadline − 1 ms, the
//   follow-up due instant itself (inclusive). A limit belongs to the period its last moment falls in
//   — today's complaints' sunset limits belong to today — and counts only once it is final, when
//   asOf > dueAt: a limit whose outcome is not final yet is counted nowhere, so a running period is
//   not flattered by early successes while its misses are still to come.
// - Reports judge history: a case closed after missing a limit still missed it (the live 已超时 flag,
//   which clears when a case ends, is a different question).
// - The judgement uses the case's fields as they are now, like the time rules: a reopened case has
//   no accepted result again.
// - A deadline that an open pause keeps from coming (null) is no limit yet.

export const TIME_LIMITS = ['firstResponse', 'resolution', 'followUp'] as const
export type TimeLimit = (typeof TIME_LIMITS)[number]

/** The fields of a complaint the reports read (a stored Complaint is one, plus its pauses). */
export interface MetricCase {
  id: string
  customerId: string
  status: ComplaintStatus
  receivedAt: number
  firstResponseAt: number | null
  resolvedAt: number | null
  closedAt: number | null
  revisit: { at: number; satisfaction: Satisfaction } | null
  escalationLevel: 0 | 1 | 2
  /** paused intervals (clock/pauses.ts pauseIntervals); absent = never paused */
  pauses?: readonly Interval[]
}

/** What every case's clock shares: the rules, the store's closed days (as intervals) and "now". */
export interface MetricContext {
  rules: TimeRuleSettings
  /** clock/closedDays.ts closedDayIntervals */
  closedDays: readonly Interval[]
  /** 数据截至: the instant the report is computed for */
  asOf: number
}

export interface LimitOutcome {
  limit: TimeLimit
  /** the last instant at which the limit could be met */
  dueAt: number
  met: boolean
}

export function caseClock(c: Pick<MetricCase, 'pauses'>, ctx: MetricContext): BusinessClock {
  const pauses = c.pauses ?? []
  if (pauses.length === 0 && ctx.closedDays.length === 0) return ALWAYS_COUNTING
  return businessClock(ctx.closedDays, pauses)
}

/** Counted ms between two instants on this case's clock. */
export function caseCountedMs(c: MetricCase, ctx: MetricContext, from: number, to: number): number {
  return countedMs(caseClock(c, ctx), from, to)
}

// A report asks for the same case's limits several times (the period, the previous one, each trend
// bucket, each metric), and the next report on the same cases again: they are kept per rules object,
// closed-days object and case object — what they depend on (not asOf). All three are treated as
// immutable, so a kept answer is always the answer.
type Kept = WeakMap<TimeRuleSettings, WeakMap<readonly Interval[], WeakMap<MetricCase, LimitOutcome[]>>>
const outcomeCache: Kept = new WeakMap()

// the last pair asked for, so the common case (one report's many calls) is one lookup
let last: {
  rules: TimeRuleSettings
  closedDays: readonly Interval[]
  byCase: WeakMap<MetricCase, LimitOutcome[]>
} | null = null

function keptFor(ctx: MetricContext): WeakMap<MetricCase, LimitOutcome[]> {
  if (last && last.rules === ctx.rules && last.closedDays === ctx.closedDays) return last.byCase
  let byRules = outcomeCache.get(ctx.rules)
  if (!byRules) outcomeCache.set(ctx.rules, (byRules = new WeakMap()))
  let byCase = byRules.get(ctx.closedDays)
  if (!byCase) byRules.set(ctx.closedDays, (byCase = new WeakMap()))
  last = { rules: ctx.rules, closedDays: ctx.closedDays, byCase }
  return byCase
}

/** Every limit of the case whose deadline is known, with its last moment and whether it was met. */
export function limitOutcomes(c: MetricCase, ctx: MetricContext): LimitOutcome[] {
  const forCtx = keptFor(ctx)
  const kept = forCtx.get(c)
  if (kept) return kept
  const out = computeLimitOutcomes(c, ctx)
  forCtx.set(c, out)
  return out
}

function computeLimitOutcomes(c: MetricCase, ctx: MetricContext): LimitOutcome[] {
  const clock = caseClock(c, ctx)
  const out: LimitOutcome[] = []
  const sunset = countedSunsetDeadline(c.receivedAt, ctx.rules, clock)
  if (sunset !== null)
    out.push({
      limit: 'firstResponse',
      dueAt: sunset - 1,
      met: c.firstResponseAt !== null && c.firstResponseAt < sunset
    })
  const { leader } = countedEscalationDeadlines(c, ctx.rules, clock)
  const rejectedBefore = c.status === 'rejected' && c.closedAt !== null && c.closedAt < (leader ?? Infinity)
  if (leader !== null && !rejectedBefore)
    out.push({ limit: 'resolution', dueAt: leader - 1, met: c.resolvedAt !== null && c.resolvedAt < leader })
  const due = countedRevisitDueAt(c, ctx.rules, clock)
  if (due !== null)
    out.push({ limit: 'followUp', dueAt: due, met: c.revisit !== null && c.revisit.at <= due })
  return out
}

/** The limits of the case whose last moment falls in the range, and only those final at asOf. */
export function limitsDueIn(c: MetricCase, ctx: MetricContext, range: Range): readonly LimitOutcome[] {
  // asked for every case of every range: most have none due there, and those allocate nothing
  let due: LimitOutcome[] | undefined
  for (const o of limitOutcomes(c, ctx))
    if (inRange(o.dueAt, range) && ctx.asOf > o.dueAt) (due ??= []).push(o)
  return due ?? NONE_DUE
}
const NONE_DUE: readonly LimitOutcome[] = Object.freeze([])
