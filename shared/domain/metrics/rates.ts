import type { Satisfaction } from '../complaint'
import { missing, ratio, type MetricValue } from './metric'
import { datesOf, inRange, localDate, type Range } from './period'
import { limitsDueIn, TIME_LIMITS, type MetricCase, type MetricContext, type TimeLimit } from './timeLimits'
import type { DailyFigure } from './dailyFigures'

// The rates of the metric dictionary (docs/metrics.md has the formulas and the edge cases).

/** Where 服务投诉率's "customers served" comes from (a setting): the counter log, or the daily figures. */
export const SERVED_SOURCES = ['counterLog', 'footfall', 'transactions'] as const
export type ServedSource = (typeof SERVED_SOURCES)[number]

/** One service at the counter (a consultation, a return) with whom it served. `customerKey` is the
 *  counter log's (issue 15, serviceStats.ts): 'c:<archive id>', else 'p:<phone>', else 'a:<record id>'. */
export interface ServiceContact {
  at: number
  customerKey: string
}

export type ServedInput =
  | {
      from: 'counterLog'
      /** consultations (咨询登记); null while the counter log has none to give */
      consultations: readonly ServiceContact[] | null
      returns: readonly ServiceContact[]
    }
  | { from: 'footfall' | 'transactions'; figures: readonly DailyFigure[] }

export interface ComplaintRate extends MetricValue {
  /** days of the range without the chosen figure (daily figures only; 0 otherwise) */
  daysWithoutFigure: number
}

// A case's customer as the counter log names it ('c:<archive id>'), made once per case object: the
// same case is counted in the period, the previous one and a trend bucket, report after report, and a
// string made anew must be hashed anew by the Set each time. Case objects are immutable (timeLimits.ts).
const caseKeys = new WeakMap<object, string>()
function caseCustomerKey(c: Pick<MetricCase, 'customerId'>): string {
  let key = caseKeys.get(c)
  if (key === undefined) caseKeys.set(c, (key = `c:${c.customerId}`))
  return key
}

/**
 * 服务投诉率 = complaints received ÷ customers served, in the range.
 * counterLog: served = DISTINCT customers among the consultations, complaints and returns of the
 * range (the counter log's 服务人数; a complaint's customer is 'c:<customerId>'). footfall /
 * transactions: served = the sum of that daily figure over the days of the range that have it, and
 * only complaints received on those days count.
 */
export function complaintRate(
  cases: readonly Pick<MetricCase, 'receivedAt' | 'customerId'>[],
  served: ServedInput,
  range: Range
): ComplaintRate {
  if (served.from === 'counterLog') {
    const complaints = cases.filter((c) => inRange(c.receivedAt, range))
    const people = new Set(complaints.map(caseCustomerKey))
    for (const r of served.returns) if (inRange(r.at, range)) people.add(r.customerKey)
    if (served.consultations === null)
      return {
        ...missing('reports.noData.consultations', complaints.length, people.size),
        daysWithoutFigure: 0
      }
    for (const r of served.consultations) if (inRange(r.at, range)) people.add(r.customerKey)
    return { ...ratio(complaints.length, people.size), daysWithoutFigure: 0 }
  }
  const key = served.from
  const byDate = new Map<string, number>()
  for (const f of served.figures) {
    const v = f[key]
    if (v !== null) byDate.set(f.date, v)
  }
  const dates = datesOf(range)
  const withFigure = new Set(dates.filter((d) => byDate.has(d)))
  const denominator = [...withFigure].reduce((sum, d) => sum + (byDate.get(d) as number), 0)
  const inPeriod = cases.filter((c) => inRange(c.receivedAt, range))
  const daysWithoutFigure = dates.length - withFigure.size
  if (withFigure.size === 0)
    return { ...missing('reports.noData.dailyFigures', inPeriod.length, 0), daysWithoutFigure }
  const numerator = inPeriod.filter((c) => withFigure.has(localDate(c.receivedAt))).length
  return { ...ratio(numerator, denominator), daysWithoutFigure }
}

/** The limits due in a range, counted once for 服务遗漏率 and 时效达标率 (one pass over the cases). */
export interface LimitTally {
  /** cases with a limit due in the range, and those that missed any of them */
  casesDue: number
  casesMissed: number
  met: Record<TimeLimit, number>
  due: Record<TimeLimit, number>
}

export function limitTally(cases: readonly MetricCase[], ctx: MetricContext, range: Range): LimitTally {
  const tally: LimitTally = {
    casesDue: 0,
    casesMissed: 0,
    met: { firstResponse: 0, resolution: 0, followUp: 0 },
    due: { firstResponse: 0, resolution: 0, followUp: 0 }
  }
  for (const c of cases) {
    const limits = limitsDueIn(c, ctx, range)
    if (limits.length === 0) continue
    tally.casesDue++
    let missed = false
    for (const l of limits) {
      tally.due[l.limit]++
      if (l.met) tally.met[l.limit]++
      else missed = true
    }
    if (missed) tally.casesMissed++
  }
  return tally
}

/** 服务遗漏率 = cases that missed a limit due in the range ÷ cases with a limit due in the range (timeLimits.ts). */
export function missRate(cases: readonly MetricCase[], ctx: MetricContext, range: Range): MetricValue {
  return missRateOf(limitTally(cases, ctx, range))
}

export function missRateOf(tally: LimitTally): MetricValue {
  return ratio(tally.casesMissed, tally.casesDue)
}

export type SlaCompliance = Record<TimeLimit | 'all', MetricValue>

/** 时效达标率 per limit = limits met ÷ limits due in the range; `all` pools every limit. */
export function slaCompliance(cases: readonly MetricCase[], ctx: MetricContext, range: Range): SlaCompliance {
  return slaComplianceOf(limitTally(cases, ctx, range))
}

export function slaComplianceOf({ met, due }: LimitTally): SlaCompliance {
  const sum = (r: Record<TimeLimit, number>) => TIME_LIMITS.reduce((s, k) => s + r[k], 0)
  return {
    firstResponse: ratio(met.firstResponse, due.firstResponse),
    resolution: ratio(met.resolution, due.resolution),
    followUp: ratio(met.followUp, due.followUp),
    all: ratio(sum(met), sum(due))
  }
}

/** A follow-up call that was answered (a complaint's 回访 today; 回访 tasks will add theirs). */
export interface AnsweredFollowUp {
  caseId: string
  at: number
  satisfaction: Satisfaction
}

export function answeredFollowUps(cases: readonly MetricCase[]): AnsweredFollowUp[] {
  return cases.flatMap((c) =>
    c.revisit ? [{ caseId: c.id, at: c.revisit.at, satisfaction: c.revisit.satisfaction }] : []
  )
}

/** 服务不满意率 = follow-ups answered 不满意 in the range ÷ follow-ups answered in the range. */
export function dissatisfactionRate(followUps: readonly AnsweredFollowUp[], range: Range): MetricValue {
  const answered = followUps.filter((f) => inRange(f.at, range))
  return ratio(answered.filter((f) => f.satisfaction === 'unsatisfied').length, answered.length)
}

/** A call the store owes a customer: it arose at `arisesAt`, made at `doneAt`. */
export interface FollowUpObligation {
  caseId: string
  arisesAt: number
  doneAt: number | null
}

/** A complaint owes a follow-up from the moment the customer accepted the result. */
export function complaintObligations(cases: readonly MetricCase[]): FollowUpObligation[] {
  return cases.flatMap((c) =>
    c.resolvedAt === null ? [] : [{ caseId: c.id, arisesAt: c.resolvedAt, doneAt: c.revisit?.at ?? null }]
  )
}

/** 回访率 = obligations arising in the range that have been followed up (by asOf) ÷ obligations arising in the range. */
export function revisitRate(
  obligations: readonly FollowUpObligation[],
  range: Range,
  asOf: number
): MetricValue {
  const arising = obligations.filter((o) => inRange(o.arisesAt, range))
  return ratio(arising.filter((o) => o.doneAt !== null && o.doneAt <= asOf).length, arising.length)
}

/** 成交转化率 = consultations of the range that led to a sale ÷ consultations of the range with an
 *  outcome (the counter log's definition, issue 15: 已成交 ÷ 有结果; a consultation without an outcome
 *  yet is not in it). */
export function conversionRate(
  consultations: readonly { at: number; outcome: string | null }[] | null,
  range: Range
): MetricValue {
  if (consultations === null) return missing('reports.noData.consultations', 0, 0)
  const decided = consultations.filter((c) => inRange(c.at, range) && c.outcome !== null)
  return ratio(decided.filter((c) => c.outcome === 'converted').length, decided.length)
}
