import dayjs from 'dayjs'
import { z } from 'zod'
import { inRange, localDate, periodRange, type Range } from './period'
import { limitOutcomes, type MetricCase, type MetricContext } from './timeLimits'
import type { AnsweredFollowUp } from './rates'

// 质量异常分析日报表 (daily quality-anomaly report): for one day, what stands out. Decisions:
// - The day is a local calendar date. Its baseline is the same weekday of the previous four weeks
//   (D−7, D−14, D−21, D−28): a Monday is compared with Mondays.
// - Spike rule (complaint volume, overdue): flagged when today's count ≥ `spikeMinCount` AND today's
//   count ≥ `spikePercent` % of the baseline's mean. In integers, so no rounding can move an edge:
//   today × 4 × 100 ≥ spikePercent × (sum of the four baseline counts). Defaults: 150 % and at least
//   3 (a single complaint on a quiet weekday is no anomaly; with an empty baseline, 3 is). Both are
//   settings.
// - Complaint volume: complaints received on the day. Its cases: those complaints.
// - Overdue: cases that missed a time limit due on the day (timeLimits.ts: the limit's last moment
//   falls in the day and is final at asOf). Its cases: those cases.
// - Repeat complaint: a customer with another complaint received within `repeatWindowDays` (default
//   30) × 24 h before one of the day's complaints (exactly 30 days before counts; a second complaint
//   the same day counts). One flag per customer; its cases: that customer's complaints from 30 days
//   before their first complaint of the day to the end of the day, oldest first. Wall-clock time:
//   the window is about the customer, not the store's clock.
// - Escalated to the manager: cases whose level-2 escalation is dated on the day (the timeline's
//   escalation events, dated at their deadline).
// - 不满意 follow-ups: follow-ups answered 不满意 on the day.
// - A flag is listed only when it holds (a spike) or has cases (the other three). Case ids are sorted
//   (by receipt for the complaint lists, by id otherwise) so every PC prints the same report.

export interface AnomalySettings {
  /** a spike is today ≥ this % of the baseline mean */
  spikePercent: number
  /** and at least this many today */
  spikeMinCount: number
  repeatWindowDays: number
}

export const DEFAULT_ANOMALY_SETTINGS: AnomalySettings = {
  spikePercent: 150,
  spikeMinCount: 3,
  repeatWindowDays: 30
}

const whole = (min: number, max: number) =>
  z
    .number({ message: 'validation.number' })
    .int('validation.number')
    .min(min, 'validation.range')
    .max(max, 'validation.range')

export const anomalySettingsSchema = z.object({
  spikePercent: whole(101, 1000),
  spikeMinCount: whole(1, 1000),
  repeatWindowDays: whole(1, 365)
}) satisfies z.ZodType<AnomalySettings>

export interface EscalationMark {
  caseId: string
  level: 1 | 2
  at: number
}

export interface AnomalyInput {
  cases: readonly MetricCase[]
  escalations: readonly EscalationMark[]
  followUps: readonly AnsweredFollowUp[]
}

export type AnomalyFlag =
  | { rule: 'complaintSpike' | 'overdueSpike'; today: number; baseline: number[]; caseIds: string[] }
  | { rule: 'repeatCustomer'; customerId: string; caseIds: string[] }
  | { rule: 'managerEscalation' | 'unsatisfiedFollowUp'; caseIds: string[] }

export interface AnomalyReport {
  day: string
  /** D−7, D−14, D−21, D−28 */
  baselineDays: string[]
  complaints: { today: number; baseline: number[] }
  overdue: { today: number; baseline: number[] }
  flags: AnomalyFlag[]
}

const DAY_MS = 86_400_000

function dayRange(day: string): Range {
  return periodRange({ kind: 'day', from: day, to: day })
}

/** The spike rule in integers (see above). */
export function isSpike(today: number, baseline: readonly number[], s: AnomalySettings): boolean {
  const sum = baseline.reduce((a, b) => a + b, 0)
  return today >= s.spikeMinCount && today * baseline.length * 100 >= s.spikePercent * sum
}

function byReceipt(a: MetricCase, b: MetricCase): number {
  return a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export function anomalyReport(
  day: string,
  input: AnomalyInput,
  ctx: MetricContext,
  s: AnomalySettings = DEFAULT_ANOMALY_SETTINGS
): AnomalyReport {
  const baselineDays = [7, 14, 21, 28].map((n) => dayjs(day).subtract(n, 'day').format('YYYY-MM-DD'))
  const wanted = new Set([day, ...baselineDays])
  // One pass over the cases: each case's receipt day and the days of its missed limits.
  const receivedOn = new Map<string, MetricCase[]>()
  const missedOn = new Map<string, Set<MetricCase>>()
  for (const c of input.cases) {
    const d = localDate(c.receivedAt)
    if (wanted.has(d)) {
      const list = receivedOn.get(d)
      if (list) list.push(c)
      else receivedOn.set(d, [c])
    }
    for (const l of limitOutcomes(c, ctx)) {
      if (l.met || !(ctx.asOf > l.dueAt)) continue
      const due = localDate(l.dueAt)
      if (!wanted.has(due)) continue
      const set = missedOn.get(due) ?? new Set<MetricCase>()
      missedOn.set(due, set.add(c))
    }
  }
  const received = (d: string) => [...(receivedOn.get(d) ?? [])].sort(byReceipt)
  const missed = (d: string) => [...(missedOn.get(d) ?? [])].sort(byReceipt)
  const today = dayRange(day)
  const todays = received(day)
  const overdueToday = missed(day)
  const complaints = { today: todays.length, baseline: baselineDays.map((d) => received(d).length) }
  const overdue = { today: overdueToday.length, baseline: baselineDays.map((d) => missed(d).length) }
  const flags: AnomalyFlag[] = []
  if (isSpike(complaints.today, complaints.baseline, s))
    flags.push({ rule: 'complaintSpike', ...complaints, caseIds: todays.map((c) => c.id) })
  if (isSpike(overdue.today, overdue.baseline, s))
    flags.push({ rule: 'overdueSpike', ...overdue, caseIds: overdueToday.map((c) => c.id) })

  const window = s.repeatWindowDays * DAY_MS
  const customers = [...new Set(todays.map((c) => c.customerId))].sort()
  for (const customerId of customers) {
    const first = todays.find((c) => c.customerId === customerId) as MetricCase
    const theirs = input.cases
      .filter(
        (c) =>
          c.customerId === customerId && c.receivedAt >= first.receivedAt - window && c.receivedAt < today.end
      )
      .sort(byReceipt)
    if (theirs.length > 1)
      flags.push({ rule: 'repeatCustomer', customerId, caseIds: theirs.map((c) => c.id) })
  }

  const managerCases = [
    ...new Set(input.escalations.filter((e) => e.level === 2 && inRange(e.at, today)).map((e) => e.caseId))
  ].sort()
  if (managerCases.length > 0) flags.push({ rule: 'managerEscalation', caseIds: managerCases })
  const unhappy = [
    ...new Set(
      input.followUps
        .filter((f) => f.satisfaction === 'unsatisfied' && inRange(f.at, today))
        .map((f) => f.caseId)
    )
  ].sort()
  if (unhappy.length > 0) flags.push({ rule: 'unsatisfiedFollowUp', caseIds: unhappy })
  return { day, baselineDays, complaints, overdue, flags }
}
