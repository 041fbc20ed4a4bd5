import { useState } from 'react'
import { Button, Space, Tabs } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import type { Period } from '@shared/domain/metrics/period'
import type { Granularity, ParetoBy } from '@shared/domain/metrics/report'
import { useData } from '@/app/session'
import { FilterBar, initialFilters, RangeKept, resolvePeriod, type FilterState } from './FilterBar'
import { OverviewTab } from './OverviewTab'
import { CauseTab } from './CauseTab'
import { ExportButton } from './ExportButton'

// 统计报表: the filter bar shared by every page, then 总览 and 原因分析 (the other pages of issue 16
// are not built yet). The period shown is the last one accepted: a refused custom range keeps it.

export type ReportTab = 'overview' | 'causes'

export function ReportsPage() {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const tab: ReportTab = params.get('tab') === 'causes' ? 'causes' : 'overview'
  const [state, setState] = useState<FilterState>(() => initialFilters(data.now()))
  const [accepted, setAccepted] = useState<Period>(() => {
    const r = resolvePeriod(initialFilters(data.now()), data.now())
    if (!r.ok) throw new Error('the default period is always valid')
    return r.period
  })
  const [by, setBy] = useState<Granularity>('day')
  const [paretoBy, setParetoBy] = useState<ParetoBy>('category')
  const resolved = resolvePeriod(state, data.now())
  const onChange = (next: FilterState) => {
    setState(next)
    const r = resolvePeriod(next, data.now())
    if (r.ok && JSON.stringify(r.period) !== JSON.stringify(accepted)) {
      setAccepted(r.period)
      // a year by day is 365 bars: weeks read better
      if (r.period.kind === 'custom' && next.choice === 'custom') {
        const days = (Date.parse(r.period.to) - Date.parse(r.period.from)) / 86_400_000
        setBy(days > 92 ? 'month' : days > 31 ? 'week' : 'day')
      } else setBy('day')
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
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'causes' ? { tab: 'causes' } : {})}
        tabBarExtraContent={
          <Space>
            <ExportButton tab={tab} period={accepted} filters={state.filters} by={by} paretoBy={paretoBy} />
            <Button
              icon={<PrinterOutlined aria-hidden />}
              onClick={() => navigate(`/print/reports?${printQuery}`)}
            >
              {t('reports.printReport')}
            </Button>
          </Space>
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
          }
        ]}
      />
    </Space>
  )
}
