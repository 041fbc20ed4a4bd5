import type { TFunction } from 'i18next'
import dayjs from 'dayjs'
import type { Change, MetricValue } from '@shared/domain/metrics/metric'
import type { Granularity, OverviewMetric } from '@shared/domain/metrics/report'

// Numbers and dates of 统计报表 in the UI's language (zh-CN: 12.5%, 11月3日; en: 12.5%, Nov 3).

export const DURATION_METRICS: ReadonlySet<OverviewMetric> = new Set(['firstResponseTime', 'closeTime'])

export function percent(locale: string, fraction: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction)
}

export function count(locale: string, n: number): string {
  return new Intl.NumberFormat(locale).format(n)
}

/** A duration in counted ms: minutes under an hour, else hours with one decimal. */
export function duration(t: TFunction, locale: string, ms: number): string {
  const minutes = Math.abs(ms) / 60_000
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  return minutes < 60
    ? t('reports.ui.minutes', { value: fmt.format(Math.round(minutes)) })
    : t('reports.ui.hours', { value: fmt.format(minutes / 60) })
}

/** A metric's value as a card shows it, "—" when there is none. */
export function metricText(t: TFunction, locale: string, metric: OverviewMetric, v: MetricValue): string {
  if (v.value === null) return '—'
  return DURATION_METRICS.has(metric) ? duration(t, locale, v.value) : percent(locale, v.value)
}

/** 较上期 in words: percentage points for a rate, a duration for a time. */
export function changeText(t: TFunction, locale: string, metric: OverviewMetric, c: Change): string {
  if (c.delta === null) return t('reports.ui.noPrevious')
  const sign = c.delta > 0 ? '+' : c.delta < 0 ? '−' : '±'
  if (DURATION_METRICS.has(metric))
    return t('reports.ui.changeDuration', { sign, value: duration(t, locale, Math.abs(c.delta)) })
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(c.delta) * 100)
  return t('reports.ui.changePoints', { sign, value: points })
}

/** A trend bucket's label (its first day; a month by its month). */
export function bucketLabel(t: TFunction, key: string, by: Granularity): string {
  return dayjs(key).format(t(by === 'month' ? 'reports.ui.monthPattern' : 'reports.ui.dayPattern'))
}

export function dateText(t: TFunction, ms: number): string {
  return dayjs(ms).format(t('pattern.monthDayTime'))
}
