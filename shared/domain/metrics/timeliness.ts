import { durationMetric, type DurationMetric, type MetricValue } from './metric'
import type { Range } from './period'
import { slaCompliance } from './rates'
import { firstResponseTime } from './durations'
import { buckets, drillDown, touching, type Granularity, type ReportInput } from './report'
import type { MetricContext } from './timeLimits'

// 时效分析 (docs/metrics.md §8): the distributions of 首次响应时长 and 结案时长 as histograms with their
// median, and 时效达标率 per limit (日落原则 / 限时办结 / 回访时限) and all together over time. Pure.
// Decisions:
// - The cases measured are exactly those of the dictionary's duration metrics (durations.ts), taken
//   from drillDown so a bin's cases and the metric never disagree; durations are counted time.
// - Bins are fixed, in counted hours, left-closed: [from, to). 首次响应时长: under 1 h, 1–2, 2–4, 4–8,
//   8–24, 24–48, 48 h and more. 结案时长: under 1 day, 1–2, 2–3, 3–7, 7–14, 14 days and more. Fixed
//   bins compare from month to month; the last bin is open (to = Infinity).
// - The compliance trend uses the buckets of 总览 (day / week / month, cut to the period); a point
//   is the dictionary's 时效达标率 of its bucket (limits whose last moment falls in it, final at asOf).

const H = 3_600_000

export const DURATION_BINS_H = {
  firstResponseTime: [0, 1, 2, 4, 8, 24, 48],
  closeTime: [0, 24, 48, 72, 168, 336]
} as const

export type DurationOf = keyof typeof DURATION_BINS_H

export interface HistogramBin {
  fromMs: number
  /** Infinity for the last, open bin */
  toMs: number
  count: number
}

export interface Distribution {
  metric: DurationMetric
  bins: HistogramBin[]
  /** 首次响应时长: cases received in the range still without a first response (0 for 结案时长) */
  pending: number
}

/** Counts durations into the bins of `edgesH` (hours; the last bin open). */
export function histogram(durations: readonly number[], edgesH: readonly number[]): HistogramBin[] {
  const bins = edgesH.map((from, i) => ({
    fromMs: from * H,
    toMs: i + 1 < edgesH.length ? (edgesH[i + 1] as number) * H : Infinity,
    count: 0
  }))
  for (const d of durations) {
    const bin = bins.find((b) => d >= b.fromMs && d < b.toMs)
    if (bin) bin.count++
  }
  return bins
}

/** The durations behind a duration metric in the range (the cases drillDown lists). */
export function durationsOf(input: ReportInput, ctx: MetricContext, range: Range, of: DurationOf): number[] {
  return drillDown(input, ctx, range, { metric: of, part: 'denominator' }).map((r) =>
    'durationMs' in r ? (r.durationMs ?? 0) : 0
  )
}

export interface CompliancePoint {
  key: string
  range: Range
  firstResponse: MetricValue
  resolution: MetricValue
  followUp: MetricValue
  all: MetricValue
}

export interface Timeliness {
  asOf: number
  current: Range
  firstResponseTime: Distribution
  closeTime: Distribution
  compliance: CompliancePoint
  trend: CompliancePoint[]
}

export function timeliness(all: ReportInput, ctx: MetricContext, range: Range, by: Granularity): Timeliness {
  const input = touching(all, ctx, range)
  const distribution = (of: DurationOf): Distribution => {
    const durations = durationsOf(input, ctx, range, of)
    return {
      metric: durationMetric(durations),
      bins: histogram(durations, DURATION_BINS_H[of]),
      pending: of === 'firstResponseTime' ? firstResponseTime(input.cases, ctx, range).pending : 0
    }
  }
  const point = (key: string, r: Range): CompliancePoint => ({
    key,
    range: r,
    ...slaCompliance(input.cases, ctx, r)
  })
  return {
    asOf: ctx.asOf,
    current: range,
    firstResponseTime: distribution('firstResponseTime'),
    closeTime: distribution('closeTime'),
    compliance: point('', range),
    trend: buckets(range, by).map((b) => point(b.key, b.range))
  }
}
