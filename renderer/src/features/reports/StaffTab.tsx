import { useState } from 'react'
import { Alert, Button, Card, Space, Spin, Table } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { MetricValue } from '@shared/domain/metrics/metric'
import type { Period } from '@shared/domain/metrics/period'
import type { ReportFilters } from '@shared/domain/metrics/report'
import type { StaffList, StaffRow } from '@shared/domain/metrics/staffReview'
import { useData } from '@/app/session'
import { count, percent } from './format'
import { DrillDrawer, type Drill } from './DrillDrawer'

// 客服考核: one row per clerk — complaints taken as 首问负责人, handled, closed, 按时率, follow-ups done
// and their 服务不满意率, consultations and 成交转化率, problems logged and adopted — as a table and a
// grouped bar chart. Every number (and each rate's numerator and denominator) opens its records.

export type StaffResult = Awaited<ReturnType<ReturnType<typeof useData>['read']['reportStaffReview']>>

export function useStaffReview(period: Period, filters: ReportFilters) {
  const data = useData()
  const key = JSON.stringify([period, filters])
  return useLiveQuery(() => data.read.reportStaffReview({ period, filters }), [data, key])
}

export function useStaffNames(): Map<string, string> {
  const data = useData()
  const staff = useLiveQuery(() => data.read.listStaff(), [data])
  return new Map((staff ?? []).map((s) => [s.staffNo, s.name]))
}

export function clerkLabel(names: ReadonlyMap<string, string>, clerk: string): string {
  const name = names.get(clerk)
  return name ? `${clerk} ${name}` : clerk
}

/** The count columns of the table and the chart, in order. */
export const COUNT_LISTS = [
  'taken',
  'handled',
  'closed',
  'followUps',
  'consultations',
  'problems',
  'adopted'
] as const
/** The rate columns: numerator list, denominator list. */
export const RATE_COLUMNS = [
  { key: 'onTime', numerator: 'onTimeMet', denominator: 'onTimeDue' },
  { key: 'dissatisfaction', numerator: 'unsatisfied', denominator: 'answered' },
  { key: 'conversion', numerator: 'converted', denominator: 'withOutcome' }
] as const

export function rateTitle(t: TFunction, key: (typeof RATE_COLUMNS)[number]['key']): string {
  return key === 'onTime'
    ? t('reports.staff.onTime')
    : key === 'dissatisfaction'
      ? t('reports.metric.dissatisfactionRate')
      : t('reports.metric.conversionRate')
}

const CHART_BARS = [
  { list: 'taken', fill: '#e0e0e0', stroke: '#404040' },
  { list: 'handled', fill: '#9e9e9e', stroke: '#404040' },
  { list: 'closed', fill: '#424242', stroke: '#000000' }
] as const

export function StaffChart(props: {
  rows: readonly StaffRow[]
  names: ReadonlyMap<string, string>
  onBar?: (row: StaffRow, list: StaffList) => void
  width?: number
  height?: number
}) {
  const { t, i18n } = useTranslation()
  const data = props.rows.map((r) => ({ ...r, label: clerkLabel(props.names, r.clerk) }))
  const chart = (
    <BarChart
      data={data}
      margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
      {...(props.width ? { width: props.width, height: props.height } : {})}
    >
      <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" />
      <XAxis dataKey="label" interval={0} tick={{ fontSize: 12, fill: '#000' }} />
      <YAxis
        allowDecimals={false}
        tick={{ fontSize: 12, fill: '#000' }}
        tickFormatter={(v: number) => count(i18n.language, v)}
      />
      <Tooltip formatter={(v) => count(i18n.language, Number(v))} />
      <Legend formatter={(value: string) => <span style={{ color: '#000' }}>{value}</span>} />
      {CHART_BARS.map((b) => (
        <Bar
          key={b.list}
          dataKey={b.list}
          name={t(`reports.staff.list.${b.list}`)}
          fill={b.fill}
          stroke={b.stroke}
          isAnimationActive={false}
          cursor={props.onBar ? 'pointer' : undefined}
          onClick={(_, index) => {
            const r = props.rows[index]
            if (r && props.onBar) props.onBar(r, b.list)
          }}
        />
      ))}
    </BarChart>
  )
  if (props.width) return chart
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 300}>
      {chart}
    </ResponsiveContainer>
  )
}

export function StaffTab(props: { period: Period; filters: ReportFilters }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const result = useStaffReview(props.period, props.filters)
  const names = useStaffNames()
  const [last, setLast] = useState<StaffResult | undefined>(undefined)
  if (result && result !== last) setLast(result)
  const shown = result ?? last
  const [drill, setDrill] = useState<Drill | null>(null)
  if (!shown)
    return (
      <Spin tip={t('reports.ui.loading')}>
        <div style={{ height: 120 }} />
      </Spin>
    )
  const title = (clerk: string, list: StaffList, n: number) =>
    t('reports.staff.drill', {
      clerk: clerkLabel(names, clerk),
      figure: t(`reports.staff.list.${list}`),
      count: n
    })
  const open = (clerk: string, list: StaffList, n: number) =>
    setDrill({
      title: title(clerk, list, n),
      range: shown.range,
      target: { metric: 'staff', clerk, list },
      filters: props.filters,
      asOf: shown.asOf
    })
  const link = (r: StaffRow, list: StaffList, n: number) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      aria-label={title(r.clerk, list, n)}
      onClick={() => open(r.clerk, list, n)}
    >
      {count(locale, n)}
    </Button>
  )
  const rate = (r: StaffRow, v: MetricValue, c: (typeof RATE_COLUMNS)[number]) => (
    <Space size={4}>
      <span>{v.value === null ? '—' : percent(locale, v.value)}</span>
      <span>
        ({link(r, c.numerator, v.numerator)} / {link(r, c.denominator, v.denominator)})
      </span>
    </Space>
  )
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      {shown.rows.length === 0 && <Alert type="info" title={t('reports.staff.none')} />}
      <Card size="small" title={t('reports.staff.chart')}>
        <div data-testid="staff-chart">
          <StaffChart
            rows={shown.rows}
            names={names}
            onBar={(r, list) => open(r.clerk, list, r[list as 'taken'])}
          />
        </div>
      </Card>
      <Table<StaffRow>
        size="small"
        rowKey="clerk"
        data-testid="staff-table"
        scroll={{ x: true }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={shown.rows}
        columns={[
          { key: 'clerk', title: t('reports.staff.clerk'), render: (_, r) => clerkLabel(names, r.clerk) },
          ...(['taken', 'handled', 'closed'] as const).map((list) => ({
            key: list,
            title: t(`reports.staff.list.${list}`),
            render: (_: unknown, r: StaffRow) => link(r, list, r[list])
          })),
          {
            key: 'onTime',
            title: rateTitle(t, 'onTime'),
            render: (_, r) => rate(r, r.onTime, RATE_COLUMNS[0])
          },
          {
            key: 'followUps',
            title: t('reports.staff.list.followUps'),
            render: (_, r) => link(r, 'followUps', r.followUps)
          },
          {
            key: 'dissatisfaction',
            title: rateTitle(t, 'dissatisfaction'),
            render: (_, r) => rate(r, r.dissatisfaction, RATE_COLUMNS[1])
          },
          {
            key: 'consultations',
            title: t('reports.staff.list.consultations'),
            render: (_, r) => link(r, 'consultations', r.consultations)
          },
          {
            key: 'conversion',
            title: rateTitle(t, 'conversion'),
            render: (_, r) => rate(r, r.conversion, RATE_COLUMNS[2])
          },
          ...(['problems', 'adopted'] as const).map((list) => ({
            key: list,
            title: t(`reports.staff.list.${list}`),
            render: (_: unknown, r: StaffRow) => link(r, list, r[list])
          }))
        ]}
      />
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  )
}
