import { useState } from 'react'
import { Button, Card, Col, Row, Segmented, Space, Spin, Table, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis
} from 'recharts'
import type { Period } from '@shared/domain/metrics/period'
import type { Granularity, ReportFilters } from '@shared/domain/metrics/report'
import type { CompliancePoint, DurationOf, HistogramBin, Timeliness } from '@shared/domain/metrics/timeliness'
import { TIME_LIMITS, type TimeLimit } from '@shared/domain/metrics/timeLimits'
import { useData } from '@/app/session'
import { bucketLabel, count, duration, percent } from './format'
import { DrillDrawer, type Drill } from './DrillDrawer'

// 时效分析: the distributions of 首次响应时长 and 结案时长 (histograms of counted time with their
// medians) and 时效达标率 per limit and all together over time. Every bar, point and table figure
// opens its cases. Grey-scale print: bars grey with an outline, lines by dash pattern and marker shape.

export type TimelinessResult = Timeliness & { query: { period: Period; filters: ReportFilters } }

export function useTimeliness(period: Period, filters: ReportFilters, by: Granularity) {
  const data = useData()
  const key = JSON.stringify([period, filters, by])
  return useLiveQuery(() => data.read.reportTimeliness({ period, filters }, by), [data, key])
}

const H = 3_600_000

/** A bin's label: hours for 首次响应时长, days for 结案时长. */
export function binLabel(t: TFunction, of: DurationOf, b: HistogramBin): string {
  const days = of === 'closeTime'
  const unit = days ? 24 * H : H
  const from = b.fromMs / unit
  const to = b.toMs / unit
  if (b.toMs === Infinity)
    return days ? t('reports.tl.binDaysOver', { from }) : t('reports.tl.binHoursOver', { from })
  if (b.fromMs === 0)
    return days ? t('reports.tl.binDaysUnder', { to }) : t('reports.tl.binHoursUnder', { to })
  return days ? t('reports.tl.binDays', { from, to }) : t('reports.tl.binHours', { from, to })
}

export const LIMIT_LINES: readonly {
  limit: TimeLimit | 'all'
  stroke: string
  dash?: string
  shape: 'circle' | 'square' | 'triangle' | 'diamond'
}[] = [
  { limit: 'firstResponse', stroke: '#1f3b57', shape: 'circle' },
  { limit: 'resolution', stroke: '#b8600b', dash: '8 4', shape: 'square' },
  { limit: 'followUp', stroke: '#6b6b6b', dash: '2 3', shape: 'triangle' },
  { limit: 'all', stroke: '#000000', dash: '12 3 2 3', shape: 'diamond' }
]

function Marker(props: {
  cx?: number
  cy?: number
  shape: string
  stroke: string
  label: string
  onClick?: () => void
}) {
  const { cx, cy } = props
  if (typeof cx !== 'number' || typeof cy !== 'number' || Number.isNaN(cy)) return <g />
  const common = {
    stroke: props.stroke,
    strokeWidth: 2,
    fill: '#fff',
    cursor: props.onClick ? 'pointer' : undefined,
    onClick: props.onClick,
    role: props.onClick ? 'button' : undefined,
    'aria-label': props.label
  }
  if (props.shape === 'square') return <rect x={cx - 4} y={cy - 4} width={8} height={8} {...common} />
  if (props.shape === 'triangle')
    return <polygon points={`${cx},${cy - 5} ${cx + 5},${cy + 4} ${cx - 5},${cy + 4}`} {...common} />
  if (props.shape === 'diamond')
    return <polygon points={`${cx},${cy - 5} ${cx + 5},${cy} ${cx},${cy + 5} ${cx - 5},${cy}`} {...common} />
  return <circle cx={cx} cy={cy} r={4} {...common} />
}

export function HistogramChart(props: {
  of: DurationOf
  bins: readonly HistogramBin[]
  onBar?: (b: HistogramBin) => void
  width?: number
  height?: number
}) {
  const { t, i18n } = useTranslation()
  const rows = props.bins.map((b) => ({ ...b, label: binLabel(t, props.of, b) }))
  const chart = (
    <BarChart
      data={rows}
      margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
      {...(props.width ? { width: props.width, height: props.height } : {})}
    >
      <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" />
      <XAxis dataKey="label" interval={0} tick={{ fontSize: 11, fill: '#000' }} />
      <YAxis
        allowDecimals={false}
        tick={{ fontSize: 12, fill: '#000' }}
        tickFormatter={(v: number) => count(i18n.language, v)}
      />
      <Tooltip formatter={(v) => count(i18n.language, Number(v))} />
      <Bar
        dataKey="count"
        name={t('reports.ui.count')}
        fill="#c9c9c9"
        stroke="#404040"
        isAnimationActive={false}
        cursor={props.onBar ? 'pointer' : undefined}
        onClick={(_, index) => {
          const b = props.bins[index]
          if (b && props.onBar) props.onBar(b)
        }}
      />
    </BarChart>
  )
  if (props.width) return chart
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 260}>
      {chart}
    </ResponsiveContainer>
  )
}

export function ComplianceChart(props: {
  points: readonly CompliancePoint[]
  by: Granularity
  onPoint?: (p: CompliancePoint, limit: TimeLimit | 'all') => void
  width?: number
  height?: number
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const limitName = (l: TimeLimit | 'all') => t(`reports.limit.${l}`)
  const rows = props.points.map((p) => ({
    label: bucketLabel(t, p.key, props.by),
    firstResponse: p.firstResponse.value,
    resolution: p.resolution.value,
    followUp: p.followUp.value,
    all: p.all.value
  }))
  const chart = (
    <LineChart
      data={rows}
      margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
      {...(props.width ? { width: props.width, height: props.height } : {})}
    >
      <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#000' }} />
      <YAxis
        domain={[0, 1]}
        tick={{ fontSize: 12, fill: '#000' }}
        tickFormatter={(v: number) => percent(locale, v)}
      />
      <Tooltip formatter={(v) => (v === null || v === undefined ? '—' : percent(locale, Number(v)))} />
      <Legend formatter={(value: string) => <span style={{ color: '#000' }}>{value}</span>} />
      {LIMIT_LINES.map((l) => (
        <Line
          key={l.limit}
          type="linear"
          dataKey={l.limit}
          name={limitName(l.limit)}
          stroke={l.stroke}
          strokeWidth={2}
          strokeDasharray={l.dash}
          connectNulls
          isAnimationActive={false}
          dot={(d: { cx?: number; cy?: number; index?: number }) => {
            const p = props.points[d.index ?? -1]
            return (
              <Marker
                key={`${l.limit}-${d.index}`}
                cx={d.cx}
                cy={d.cy}
                shape={l.shape}
                stroke={l.stroke}
                label={`${rows[d.index ?? 0]?.label ?? ''} ${limitName(l.limit)}`}
                onClick={p && props.onPoint ? () => props.onPoint?.(p, l.limit) : undefined}
              />
            )
          }}
          activeDot={false}
        />
      ))}
    </LineChart>
  )
  if (props.width) return chart
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 300}>
      {chart}
    </ResponsiveContainer>
  )
}

export function TimelinessTab(props: {
  period: Period
  filters: ReportFilters
  by: Granularity
  onBy: (by: Granularity) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const result = useTimeliness(props.period, props.filters, props.by)
  const [last, setLast] = useState<TimelinessResult | undefined>(undefined)
  if (result && result !== last) setLast(result)
  const shown = result ?? last
  const [drill, setDrill] = useState<Drill | null>(null)
  if (!shown)
    return (
      <Spin tip={t('reports.ui.loading')}>
        <div style={{ height: 120 }} />
      </Spin>
    )
  const openBin = (of: DurationOf, b: HistogramBin) =>
    setDrill({
      title: t('reports.tl.binDrill', {
        metric: t(`reports.metric.${of}`),
        bin: binLabel(t, of, b),
        count: b.count
      }),
      range: shown.current,
      target: { metric: 'durationBin', of, fromMs: b.fromMs, toMs: b.toMs },
      filters: props.filters,
      asOf: shown.asOf
    })
  const pointTitle = (p: CompliancePoint, limit: TimeLimit | 'all', part: 'numerator' | 'denominator') =>
    t('reports.tl.pointDrill', {
      bucket: p.key ? bucketLabel(t, p.key, props.by) : t('reports.ui.allFilters'),
      limit: t(`reports.limit.${limit}`),
      part: t(part === 'numerator' ? 'reports.tl.met' : 'reports.tl.due'),
      count: p[limit][part]
    })
  const openPoint = (p: CompliancePoint, limit: TimeLimit | 'all', part: 'numerator' | 'denominator') =>
    setDrill({
      title: pointTitle(p, limit, part),
      range: p.range,
      target: { metric: 'slaCompliance', part, limit },
      filters: props.filters,
      asOf: shown.asOf
    })
  const distribution = (of: DurationOf) => {
    const d = shown[of]
    const name = t(`reports.metric.${of}`)
    return (
      <Col xs={24} lg={12} key={of}>
        <Card
          size="small"
          title={t('reports.tl.distribution', { metric: name })}
          data-testid={`histogram-${of}`}
        >
          <Space size={16} wrap>
            <Typography.Text strong data-testid={`median-${of}`}>
              {t('reports.tl.median', {
                value: d.metric.value === null ? '—' : duration(t, locale, d.metric.value)
              })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('reports.tl.measured', { count: d.metric.denominator })}
            </Typography.Text>
            {of === 'firstResponseTime' && (
              <Typography.Text type="secondary">
                {t('reports.tl.pending', { count: d.pending })}
              </Typography.Text>
            )}
          </Space>
          <HistogramChart of={of} bins={d.bins} onBar={(b) => openBin(of, b)} />
          <Table<HistogramBin>
            size="small"
            rowKey={(b) => String(b.fromMs)}
            pagination={false}
            dataSource={d.bins}
            columns={[
              { key: 'bin', title: t('reports.tl.bin'), render: (_, b) => binLabel(t, of, b) },
              {
                key: 'count',
                title: t('reports.ui.count'),
                render: (_, b) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    aria-label={t('reports.tl.binDrill', {
                      metric: name,
                      bin: binLabel(t, of, b),
                      count: b.count
                    })}
                    onClick={() => openBin(of, b)}
                  >
                    {count(locale, b.count)}
                  </Button>
                )
              }
            ]}
          />
        </Card>
      </Col>
    )
  }
  const fraction = (p: CompliancePoint, limit: TimeLimit | 'all') => (
    <Space size={4}>
      <span>{p[limit].value === null ? '—' : percent(locale, p[limit].value as number)}</span>
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-label={pointTitle(p, limit, 'numerator')}
        onClick={() => openPoint(p, limit, 'numerator')}
      >
        {count(locale, p[limit].numerator)}
      </Button>
      /
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-label={pointTitle(p, limit, 'denominator')}
        onClick={() => openPoint(p, limit, 'denominator')}
      >
        {count(locale, p[limit].denominator)}
      </Button>
    </Space>
  )
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Row gutter={[12, 12]}>{(['firstResponseTime', 'closeTime'] as const).map(distribution)}</Row>
      <Card
        size="small"
        title={t('reports.tl.complianceTrend')}
        extra={
          <Segmented<Granularity>
            aria-label={t('reports.ui.granularity')}
            value={props.by}
            onChange={props.onBy}
            options={(['day', 'week', 'month'] as const).map((k) => ({
              value: k,
              label: t(`reports.ui.granularityOption.${k}`)
            }))}
          />
        }
      >
        <div data-testid="compliance-chart">
          <ComplianceChart
            points={shown.trend}
            by={props.by}
            onPoint={(p, limit) => openPoint(p, limit, 'denominator')}
          />
        </div>
        <Table<CompliancePoint>
          size="small"
          rowKey="key"
          data-testid="compliance-table"
          pagination={{ pageSize: 31, hideOnSinglePage: true, showSizeChanger: false }}
          dataSource={[...shown.trend, { ...shown.compliance, key: '' }]}
          columns={[
            {
              key: 'bucket',
              title: t('reports.ui.bucket'),
              render: (_, p) => (p.key ? bucketLabel(t, p.key, props.by) : t('reports.ui.allFilters'))
            },
            ...[...TIME_LIMITS, 'all' as const].map((limit) => ({
              key: limit,
              title: t(`reports.limit.${limit}`),
              render: (_: unknown, p: CompliancePoint) => fraction(p, limit)
            }))
          ]}
        />
      </Card>
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  )
}
