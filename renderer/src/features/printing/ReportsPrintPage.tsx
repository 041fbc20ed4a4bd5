import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { customPeriod, type Period, type PeriodKind } from '@shared/domain/metrics/period'
import { TIME_LIMITS } from '@shared/domain/metrics/timeLimits'
import type { Granularity, ParetoBy, ReportFilters } from '@shared/domain/metrics/report'
import { useData } from '@/app/session'
import { filterSummary } from '@/features/reports/FilterBar'
import { servedNotes, useOverview } from '@/features/reports/OverviewTab'
import { causeLabel, ParetoChart, useParetoResult } from '@/features/reports/CauseTab'
import { TrendChart } from '@/features/reports/TrendChart'
import { bucketLabel, changeText, count, metricText, percent } from '@/features/reports/format'
import { asOfValue, useHistoryLoading } from '@/features/reports/asOf'
import { PrintView } from './PrintView'
import { StaffSheet, TimelinessSheet } from './ReportsPagesPrint'
import { AnomalySheet, FeedbackSheet, WorkSheet } from './ReportsPrintSheets'

// #/print/reports?tab=&from=&to=&kind=&by=&paretoBy=&filters= — 打印报表 of 总览 or 原因分析 on A4: the
// filter summary and 数据截至 at the top, the chart at a fixed width (no animation), the tables with
// rows that do not break across pages; page numbers come from @page (print.css).

const CHART_WIDTH = 680

const TAB_TITLES = {
  overview: 'reports.overview',
  causes: 'reports.causeAnalysis',
  timeliness: 'reports.timeliness',
  staff: 'reports.staffReview',
  anomaly: 'reports.anomalyDaily',
  feedback: 'reports.departmentFeedback',
  work: 'reports.workReport'
} as const

function readQuery(params: URLSearchParams, now: number) {
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  const checked = customPeriod(from, to)
  const fallback = dayjs(now).format('YYYY-MM-DD')
  const period: Period = checked.ok
    ? { ...checked.period, kind: (params.get('kind') as PeriodKind | null) ?? 'custom' }
    : { kind: 'day', from: fallback, to: fallback }
  let filters: ReportFilters = {}
  try {
    filters = JSON.parse(params.get('filters') ?? '{}') as ReportFilters
  } catch {
    filters = {}
  }
  const by = (['day', 'week', 'month'] as const).find((b) => b === params.get('by')) ?? 'day'
  const paretoBy =
    (['category', 'department', 'product'] as const).find((b) => b === params.get('paretoBy')) ?? 'category'
  const tab =
    (['causes', 'anomaly', 'feedback', 'timeliness', 'staff', 'work'] as const).find(
      (k) => k === params.get('tab')
    ) ?? 'overview'
  return {
    tab,
    day: /^\d{4}-\d{2}-\d{2}$/.test(params.get('day') ?? '') ? (params.get('day') as string) : fallback,
    period,
    filters,
    by,
    paretoBy
  } as const
}

export function ReportsPrintPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const [params] = useSearchParams()
  const q = readQuery(params, data.now())
  const storeName = useLiveQuery(() => data.read.getStoreName(), [data])
  const title = t(TAB_TITLES[q.tab])
  return (
    <PrintView
      title={`${t('nav.reports')} ${title}`}
      fileName={`${t('nav.reports')}-${title}-${q.tab === 'anomaly' || q.tab === 'work' ? q.day : q.period.from}`}
      // back to the same page, period and filters (ReportsPage reads them from the URL)
      onBack={() => navigate(`/reports?${params.toString()}`)}
      audit={{
        form: 'reports',
        record: `${q.tab} ${q.tab === 'anomaly' || q.tab === 'work' ? q.day : q.period.from}`
      }}
    >
      <div data-testid="reports-sheet" className="print-report">
        <h2 style={{ textAlign: 'center', margin: '0 0 4px' }}>
          {storeName} {t('nav.reports')} · {title}
        </h2>
        {q.tab === 'timeliness' ? (
          <TimelinessSheet period={q.period} filters={q.filters} by={q.by} />
        ) : q.tab === 'staff' ? (
          <StaffSheet period={q.period} filters={q.filters} />
        ) : q.tab === 'anomaly' ? (
          <AnomalySheet day={q.day} />
        ) : q.tab === 'work' ? (
          <WorkSheet day={q.day} />
        ) : q.tab === 'feedback' ? (
          <FeedbackSheet period={q.period} filters={q.filters} />
        ) : q.tab === 'causes' ? (
          <CausesSheet period={q.period} filters={q.filters} by={q.paretoBy} />
        ) : (
          <OverviewSheet period={q.period} filters={q.filters} by={q.by} />
        )}
      </div>
    </PrintView>
  )
}

export function Summary(props: { period: Period; filters: ReportFilters; asOf: number }) {
  const { t } = useTranslation()
  const historyLoading = useHistoryLoading()
  const items = [
    ...filterSummary(t, props.period, props.filters),
    { label: t('reports.dataAsOf'), value: asOfValue(t, props.asOf, historyLoading) }
  ]
  return (
    <p style={{ margin: '0 0 8px', fontSize: 11 }} data-testid="print-filters">
      {items
        .map((i) => t('pattern.labelValue', { label: i.label, value: i.value }))
        .join(t('pattern.clauseSeparator'))}
    </p>
  )
}

function OverviewSheet(props: { period: Period; filters: ReportFilters; by: Granularity }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const o = useOverview(props.period, props.filters, props.by)
  if (!o) return null
  const pct = (v: number | null) => (v === null ? '—' : percent(locale, v))
  return (
    <>
      <Summary period={props.period} filters={props.filters} asOf={o.asOf} />
      {servedNotes(t, o).map((note) => (
        <p key={note} style={{ margin: '0 0 4px', fontSize: 11 }} data-testid="print-served">
          {note}
        </p>
      ))}
      <table className="print-table" data-testid="print-kpis">
        <thead>
          <tr>
            <th>{t('reports.ui.metricColumn')}</th>
            <th>{t('reports.ui.value')}</th>
            <th>{t('reports.ui.numerator')}</th>
            <th>{t('reports.ui.denominator')}</th>
            <th>{t('reports.vsPrevious')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t('reports.ui.complaints')}</td>
            <td>{count(locale, o.figures.complaints)}</td>
            <td />
            <td />
            <td>{count(locale, o.previousFigures.complaints)}</td>
          </tr>
          {o.cards.map((c) => (
            <tr key={c.metric}>
              <td>{t(`reports.metric.${c.metric}`)}</td>
              <td>{metricText(t, locale, c.metric, c.current)}</td>
              <td>
                {c.metric === 'firstResponseTime' || c.metric === 'closeTime'
                  ? ''
                  : count(locale, c.current.numerator)}
              </td>
              <td>{count(locale, c.current.denominator)}</td>
              <td>{changeText(t, locale, c.metric, c.change)}</td>
            </tr>
          ))}
          {TIME_LIMITS.map((l) => {
            const v = o.figures.slaCompliance[l]
            return (
              <tr key={l}>
                <td>
                  {t('reports.metric.slaCompliance')} · {t(`reports.limit.${l}`)}
                </td>
                <td>{metricText(t, locale, 'slaCompliance', v)}</td>
                <td>{count(locale, v.numerator)}</td>
                <td>{count(locale, v.denominator)}</td>
                <td />
              </tr>
            )
          })}
        </tbody>
      </table>
      <h3 style={{ margin: '10px 0 4px' }}>{t('reports.ui.trend')}</h3>
      <div style={{ breakInside: 'avoid' }} data-testid="print-trend">
        <TrendChart points={o.trend} by={props.by} width={CHART_WIDTH} height={260} animate={false} />
      </div>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('reports.ui.bucket')}</th>
            <th>{t('reports.ui.complaints')}</th>
            <th>{t('reports.metric.complaintRate')}</th>
            <th>{t('reports.metric.missRate')}</th>
            <th>{t('reports.metric.dissatisfactionRate')}</th>
          </tr>
        </thead>
        <tbody>
          {o.trend.map((p) => (
            <tr key={p.key}>
              <td>{bucketLabel(t, p.key, props.by)}</td>
              <td>{count(locale, p.complaints)}</td>
              <td>{pct(p.complaintRate)}</td>
              <td>{pct(p.missRate)}</td>
              <td>{pct(p.dissatisfactionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function CausesSheet(props: { period: Period; filters: ReportFilters; by: ParetoBy }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const p = useParetoResult(props.period, props.filters, props.by)
  if (!p) return null
  return (
    <>
      <Summary period={props.period} filters={props.filters} asOf={p.asOf} />
      {p.otherWarning && (
        <p style={{ fontWeight: 700, fontSize: 11 }}>
          {t('reports.ui.otherWarning', { share: percent(locale, p.otherShare) })}
        </p>
      )}
      <div style={{ breakInside: 'avoid' }} data-testid="print-pareto">
        <ParetoChart result={p} by={props.by} width={CHART_WIDTH} height={280} animate={false} />
      </div>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t(`reports.ui.paretoByOption.${props.by}`)}</th>
            <th>{t('reports.ui.count')}</th>
            <th>{t('reports.ui.share')}</th>
            <th>{t('reports.ui.cumulative')}</th>
          </tr>
        </thead>
        <tbody>
          {p.bars.map((b) => (
            <tr key={b.key}>
              <td>{causeLabel(t, props.by, b.key)}</td>
              <td>{count(locale, b.count)}</td>
              <td>{percent(locale, b.share)}</td>
              <td>{percent(locale, b.cumulative)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
