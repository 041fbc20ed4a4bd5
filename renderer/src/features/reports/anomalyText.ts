import type { AnomalyFlag } from '@shared/domain/metrics/anomalies'
import type { AnomalyResult } from '@/db'
import { count } from './format'

// 质量异常分析日报表 in words, shared by the page, its export and its print.

type T = (k: string, o?: Record<string, unknown>) => string

export function flagTitle(t: T, f: AnomalyFlag): string {
  return t(`reports.anomaly.${f.rule}`)
}

export function flagDetail(
  t: T,
  locale: string,
  f: AnomalyFlag,
  r: Pick<AnomalyResult, 'settings'>,
  customerName?: string
): string {
  if (f.rule === 'complaintSpike' || f.rule === 'overdueSpike')
    return t('reports.anomalyPage.spikeDetail', {
      today: count(locale, f.today),
      mean: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
        f.baseline.reduce((a, b) => a + b, 0) / f.baseline.length
      )
    })
  if (f.rule === 'repeatCustomer')
    return t('reports.anomalyPage.repeatDetail', {
      customer: customerName ?? f.customerId,
      days: r.settings.repeatWindowDays,
      count: f.caseIds.length
    })
  return t('reports.anomalyPage.casesDetail', { count: f.caseIds.length })
}

export function meanText(locale: string, baseline: readonly number[]): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
    baseline.reduce((a, b) => a + b, 0) / baseline.length
  )
}

/** The rows of the comparison table: 投诉量 and 超时量, that day and the four baseline days. */
export function comparisonRows(r: AnomalyResult) {
  return [
    { key: 'complaints' as const, ...r.complaints },
    { key: 'overdue' as const, ...r.overdue }
  ]
}
