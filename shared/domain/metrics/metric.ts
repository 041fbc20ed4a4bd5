// What every metric of the dictionary returns (docs/metrics.md). A metric is a pure function of plain
// inputs; it never returns NaN or Infinity. Decisions:
// - A rate's value is a fraction 0..1 (the screen formats it as a percentage); value =
//   numerator / denominator, and both are returned so the screen can show them on hover.
// - A zero denominator gives value null ("—") with reason 'reports.noData.none' (nothing to measure
//   in the period).
// - When the records a metric needs do not exist yet (consultations before 柜台登记 has them, daily
//   figures never entered), value is null with a reason naming the missing source; the numerator and
//   the part of the denominator that is known are still returned.
// - A duration metric (首次响应时长, 结案时长) is in counted ms. Its value is the MEDIAN (half the cases
//   took longer): one case stuck for weeks must not make a whole month look slow. Numerator and
//   denominator are the total counted ms and the number of cases, so numerator / denominator is the
//   MEAN, also returned as `mean`.
// - 较上期 (vsPrevious): `delta` is value − previous value (for a rate: percentage points as a
//   fraction; for a duration: ms); `relative` is delta / previous value, null when the previous value
//   is 0 or missing.

export type NoDataReason =
  'reports.noData.none' | 'reports.noData.consultations' | 'reports.noData.dailyFigures'

export interface MetricValue {
  /** null = "—" */
  value: number | null
  numerator: number
  denominator: number
  /** why value is null; null when it is not */
  reason: NoDataReason | null
}

export interface DurationMetric extends MetricValue {
  /** numerator / denominator (ms), null without cases */
  mean: number | null
}

export function ratio(numerator: number, denominator: number): MetricValue {
  if (denominator <= 0) return { value: null, numerator, denominator, reason: 'reports.noData.none' }
  return { value: numerator / denominator, numerator, denominator, reason: null }
}

export function missing(reason: NoDataReason, numerator: number, denominator: number): MetricValue {
  return { value: null, numerator, denominator, reason }
}

/** Median of the values (the mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export function durationMetric(durations: readonly number[]): DurationMetric {
  const total = durations.reduce((a, b) => a + b, 0)
  const n = durations.length
  if (n === 0) return { value: null, numerator: 0, denominator: 0, reason: 'reports.noData.none', mean: null }
  return { value: median(durations), numerator: total, denominator: n, reason: null, mean: total / n }
}

export interface Change {
  delta: number | null
  relative: number | null
}

/** 较上期: the change of a metric's value against the previous period's. */
export function vsPrevious(current: MetricValue, previous: MetricValue): Change {
  if (current.value === null || previous.value === null) return { delta: null, relative: null }
  const delta = current.value - previous.value
  return { delta, relative: previous.value === 0 ? null : delta / previous.value }
}
