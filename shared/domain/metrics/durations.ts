import { durationMetric, type DurationMetric } from './metric'
import { inRange, type Range } from './period'
import { caseCountedMs, type MetricCase, type MetricContext } from './timeLimits'

// 首次响应时长 and 结案时长, in counted time (paused time and closed days left out). The value is the
// median; numerator / denominator is the mean (metric.ts). Decisions:
// - 首次响应时长: cases RECEIVED in the range that have a first response (the judgement, valid or
//   not), from receipt to that response. Cases still waiting are not in it; `pending` counts them
//   (their lateness shows in 时效达标率 once their deadline passes).
// - 结案时长: cases CLOSED (结案, status closed) in the range, from receipt to closing. A rejected
//   (不成立) case ends at its judgement and is measured by 首次响应时长 only.

export interface ResponseTime extends DurationMetric {
  /** cases received in the range still without a first response */
  pending: number
}

export function firstResponseTime(
  cases: readonly MetricCase[],
  ctx: MetricContext,
  range: Range
): ResponseTime {
  const durations: number[] = []
  let pending = 0
  for (const c of cases) {
    if (!inRange(c.receivedAt, range)) continue
    if (c.firstResponseAt === null || c.firstResponseAt > ctx.asOf) pending++
    else durations.push(caseCountedMs(c, ctx, c.receivedAt, c.firstResponseAt))
  }
  return { ...durationMetric(durations), pending }
}

export function closeTime(cases: readonly MetricCase[], ctx: MetricContext, range: Range): DurationMetric {
  const durations: number[] = []
  for (const c of cases)
    if (c.status === 'closed' && c.closedAt !== null && inRange(c.closedAt, range) && c.closedAt <= ctx.asOf)
      durations.push(caseCountedMs(c, ctx, c.receivedAt, c.closedAt))
  return durationMetric(durations)
}
