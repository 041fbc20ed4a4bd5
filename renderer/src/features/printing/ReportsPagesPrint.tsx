import { useTranslation } from 'react-i18next'
import type { Period } from '@shared/domain/metrics/period'
import type { Granularity, ReportFilters } from '@shared/domain/metrics/report'
import { TIME_LIMITS } from '@shared/domain/metrics/timeLimits'
import { binLabel, ComplianceChart, HistogramChart, useTimeliness } from '@/features/reports/TimelinessTab'
import {
  clerkLabel,
  COUNT_LISTS,
  rateTitle,
  RATE_COLUMNS,
  StaffChart,
  useStaffNames,
  useStaffReview
} from '@/features/reports/StaffTab'
import { bucketLabel, count, duration, percent } from '@/features/reports/format'
import { Summary } from './ReportsPrintPage'

// 打印报表 of 时效分析 and 客服考核 (ReportsPrintPage.tsx): charts at a fixed width, tables whose rows do
// not break across pages (print.css), figures as "value (numerator/denominator)".

const CHART_WIDTH = 680

const fraction = (locale: string, v: { value: number | null; numerator: number; denominator: number }) =>
  `${v.value === null ? '—' : percent(locale, v.value)} (${v.numerator}/${v.denominator})`

export function TimelinessSheet(props: { period: Period; filters: ReportFilters; by: Granularity }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const tl = useTimeliness(props.period, props.filters, props.by)
  if (!tl) return null
  const limits = [...TIME_LIMITS, 'all' as const]
  return (
    <>
      <Summary period={props.period} filters={props.filters} asOf={tl.asOf} />
      {(['firstResponseTime', 'closeTime'] as const).map((of) => (
        <div key={of} style={{ breakInside: 'avoid' }} data-testid={`print-histogram-${of}`}>
          <h3 style={{ margin: '8px 0 2px' }}>
            {t('reports.tl.distribution', { metric: t(`reports.metric.${of}`) })} ·{' '}
            {t('reports.tl.median', {
              value: tl[of].metric.value === null ? '—' : duration(t, locale, tl[of].metric.value)
            })}{' '}
            · {t('reports.tl.measured', { count: tl[of].metric.denominator })}
          </h3>
          <HistogramChart of={of} bins={tl[of].bins} width={CHART_WIDTH} height={170} />
          <table className="print-table">
            <thead>
              <tr>
                {tl[of].bins.map((b) => (
                  <th key={b.fromMs}>{binLabel(t, of, b)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {tl[of].bins.map((b) => (
                  <td key={b.fromMs}>{count(locale, b.count)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      ))}
      <h3 style={{ margin: '10px 0 4px' }}>{t('reports.tl.complianceTrend')}</h3>
      <div style={{ breakInside: 'avoid' }} data-testid="print-compliance">
        <ComplianceChart points={tl.trend} by={props.by} width={CHART_WIDTH} height={240} />
      </div>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('reports.ui.bucket')}</th>
            {limits.map((l) => (
              <th key={l}>{t(`reports.limit.${l}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...tl.trend, { ...tl.compliance, key: '' }].map((p) => (
            <tr key={p.key}>
              <td>{p.key ? bucketLabel(t, p.key, props.by) : t('reports.ui.allFilters')}</td>
              {limits.map((l) => (
                <td key={l}>{fraction(locale, p[l])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

export function StaffSheet(props: { period: Period; filters: ReportFilters }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const s = useStaffReview(props.period, props.filters)
  const names = useStaffNames()
  if (!s) return null
  return (
    <>
      <Summary period={props.period} filters={props.filters} asOf={s.asOf} />
      <div style={{ breakInside: 'avoid' }} data-testid="print-staff-chart">
        <StaffChart rows={s.rows} names={names} width={CHART_WIDTH} height={260} />
      </div>
      <table className="print-table print-table-wide" data-testid="print-staff-table">
        <thead>
          <tr>
            <th>{t('reports.staff.clerk')}</th>
            {COUNT_LISTS.map((l) => (
              <th key={l}>{t(`reports.staff.list.${l}`)}</th>
            ))}
            {RATE_COLUMNS.map((c) => (
              <th key={c.key}>{rateTitle(t, c.key)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r) => (
            <tr key={r.clerk}>
              <td>{clerkLabel(names, r.clerk)}</td>
              {COUNT_LISTS.map((l) => (
                <td key={l}>{count(locale, r[l])}</td>
              ))}
              {RATE_COLUMNS.map((c) => (
                <td key={c.key}>{fraction(locale, r[c.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
