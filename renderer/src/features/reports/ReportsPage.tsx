import { useState } from 'react'
import { Button, Space, Tabs } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import type { Period } from '@shared/domain/metrics/period'
import type { Granularity, ParetoBy, ReportFilters } from '@shared/domain/metrics/report'
import { useData } from '@/app/session'
import { HistoryLoadingNote } from '@/features/sync/HistoryLoadingNote'
import { FilterBar, initialFilters, RangeKept, resolvePeriod, type FilterState } from './FilterBar'
import { OverviewTab } from './OverviewTab'
import { CauseTab } from './CauseTab'
import { TimelinessTab } from './TimelinessTab'
import { StaffTab } from './StaffTab'
import { ExportButton } from './ExportButton'
import { AnomalyTab } from './AnomalyTab'
import { FeedbackTab } from './FeedbackTab'
import { WorkTab } from './WorkTab'
import { FiguresTab } from './FiguresTab'

// 统计报表: the filter bar shared by every page, then 总览 and 原因分析 (the other pages of issue 16
// are not built yet). The period shown is the last one accepted: a refused custom range keeps it.

export const REPORT_TABS = ['overview', 'causes', 'timeliness', 'staff'] as const
export type ReportTab = (typeof REPORT_TABS)[number]
/** pages with their own export and print (their period is not the filter bar's alone) */
const OWN_TABS = ['anomaly', 'feedback', 'work', 'figures'] as const

const CHOICES = ['day', 'week', 'month', 'custom'] as const

/** The filter bar's state from the URL (?kind=&from=&to=&filters=), else 本月 and no filter. */
function fromParams(params: URLSearchParams, now: number): FilterState {
  const initial = initialFilters(now)
  const choice = CHOICES.find((c) => c === params.get('kind'))
  if (!choice) return initial
  let filters: ReportFilters = {}
  try {
    const parsed = JSON.parse(params.get('filters') ?? '{}') as unknown
    if (parsed && typeof parsed === 'object') filters = parsed as ReportFilters
  } catch {
    filters = {}
  }
  return { choice, from: params.get('from') ?? initial.from, to: params.get('to') ?? initial.to, filters }
}

/** The trend's buckets for a period: a year by day is 365 bars — months (or weeks) read better. */
function trendBy(period: Period): Granularity {
  if (period.kind !== 'custom') return 'day'
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000
  return days > 92 ? 'month' : days > 31 ? 'week' : 'day'
}

export function ReportsPage() {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const own = OWN_TABS.find((k) => k === params.get('tab'))
  const tab: ReportTab = REPORT_TABS.find((k) => k === params.get('tab')) ?? 'overview'
  // Back from 打印报表 the URL carries the period and filters that were printed (fromParams).
  const [state, setState] = useState<FilterState>(() => fromParams(params, data.now()))
  const [accepted, setAccepted] = useState<Period>(() => {
    const r = resolvePeriod(fromParams(params, data.now()), data.now())
    if (r.ok) return r.period
    const fallback = resolvePeriod(initialFilters(data.now()), data.now())
    if (!fallback.ok) throw new Error('the default period is always valid')
    return fallback.period
  })
  const [by, setBy] = useState<Granularity>(
    () => (['day', 'week', 'month'] as const).find((b) => b === params.get('by')) ?? trendBy(accepted)
  )
  const [paretoBy, setParetoBy] = useState<ParetoBy>(
    () =>
      (['category', 'department', 'product'] as const).find((b) => b === params.get('paretoBy')) ?? 'category'
  )
  const resolved = resolvePeriod(state, data.now())
  const onChange = (next: FilterState) => {
    setState(next)
    const r = resolvePeriod(next, data.now())
    if (r.ok && JSON.stringify(r.period) !== JSON.stringify(accepted)) {
      setAccepted(r.period)
      setBy(next.choice === 'custom' ? trendBy(r.period) : 'day')
    }
  }
  const printQuery = new URLSearchParams({
    tab,
    from: accepted.from,
    to: accepted.to,
    kind: accepted.kind,
    by,
    paretoBy,
    filters: JSON.stringify(state.filters)
  }).toString()
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <FilterBar value={state} onChange={onChange} refusal={resolved.ok ? null : resolved.code} />
      {!resolved.ok && <RangeKept period={accepted} />}
      <HistoryLoadingNote of="figures" />
      <Tabs
        activeKey={own ?? tab}
        onChange={(key) => {
          const next = new URLSearchParams(params)
          if (key !== 'overview') next.set('tab', key)
          else next.delete('tab')
          setParams(next)
        }}
        tabBarExtraContent={
          !own && (
            <Space>
              <ExportButton tab={tab} period={accepted} filters={state.filters} by={by} paretoBy={paretoBy} />
              <Button
                icon={<PrinterOutlined aria-hidden />}
                onClick={() => navigate(`/print/reports?${printQuery}`)}
              >
                {t('reports.printReport')}
              </Button>
            </Space>
          )
        }
        items={[
          {
            key: 'overview',
            label: t('reports.overview'),
            children: <OverviewTab period={accepted} filters={state.filters} by={by} onBy={setBy} />
          },
          {
            key: 'causes',
            label: t('reports.causeAnalysis'),
            children: <CauseTab period={accepted} filters={state.filters} by={paretoBy} onBy={setParetoBy} />
          },
          {
            key: 'timeliness',
            label: t('reports.timeliness'),
            children: <TimelinessTab period={accepted} filters={state.filters} by={by} onBy={setBy} />
          },
          {
            key: 'staff',
            label: t('reports.staffReview'),
            children: <StaffTab period={accepted} filters={state.filters} />
          },
          {
            key: 'feedback',
            label: t('reports.departmentFeedback'),
            children: <FeedbackTab period={accepted} filters={state.filters} />
          },
          { key: 'anomaly', label: t('reports.anomalyDaily'), children: <AnomalyTab /> },
          { key: 'work', label: t('reports.workReport'), children: <WorkTab /> },
          {
            key: 'figures',
            label: t('reports.figuresPage.tab'),
            children: <FiguresTab period={accepted} />
          }
        ]}
      />
    </Space>
  )
}
