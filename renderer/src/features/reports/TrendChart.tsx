import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis
} from 'recharts'
import { useTranslation } from 'react-i18next'
import type { Granularity, TrendPoint } from '@shared/domain/metrics/report'
import { bucketLabel, count, percent } from './format'

// 总览's trend: complaints received per bucket as bars (left axis), the three controls as lines (right
// axis, %). Told apart in grey-scale print by fill, dash pattern and marker, not by colour alone.
// A bar opens the complaints behind it.

export const LINES = [
  { key: 'complaintRate', stroke: '#1f3b57', dash: undefined, dot: { r: 3 } },
  { key: 'missRate', stroke: '#b8600b', dash: '8 4', dot: { r: 3, strokeWidth: 2, fill: '#fff' } },
  { key: 'dissatisfactionRate', stroke: '#6b6b6b', dash: '2 3', dot: false }
] as const

export function TrendChart(props: {
  points: readonly TrendPoint[]
  by: Granularity
  onBar?: (point: TrendPoint) => void
  width?: number
  height?: number
  /** off by default: numbers, not motion, and screenshots and print show the final chart */
  animate?: boolean
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const rows = props.points.map((p) => ({ ...p, label: bucketLabel(t, p.key, props.by) }))
  const chart = (
    <ComposedChart
      data={rows}
      margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
      {...(props.width ? { width: props.width, height: props.height } : {})}
    >
      <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#000' }} />
      <YAxis
        yAxisId="n"
        allowDecimals={false}
        tick={{ fontSize: 12, fill: '#000' }}
        tickFormatter={(v: number) => count(locale, v)}
      />
      <YAxis
        yAxisId="r"
        orientation="right"
        domain={[0, 'auto']}
        tick={{ fontSize: 12, fill: '#000' }}
        tickFormatter={(v: number) => percent(locale, v)}
      />
      <Tooltip
        formatter={(value, name) =>
          name === t('reports.ui.complaints')
            ? count(locale, Number(value))
            : value === null || value === undefined
              ? '—'
              : percent(locale, Number(value))
        }
      />
      <Legend formatter={(value: string) => <span style={{ color: '#000' }}>{value}</span>} />
      <Bar
        yAxisId="n"
        dataKey="complaints"
        name={t('reports.ui.complaints')}
        fill="#c9c9c9"
        stroke="#404040"
        isAnimationActive={props.animate === true}
        cursor={props.onBar ? 'pointer' : undefined}
        onClick={(_, index) => {
          const p = props.points[index]
          if (p && props.onBar) props.onBar(p)
        }}
      />
      {LINES.map((l) => (
        <Line
          key={l.key}
          yAxisId="r"
          type="linear"
          dataKey={l.key}
          name={t(`reports.metric.${l.key}`)}
          stroke={l.stroke}
          strokeWidth={2}
          strokeDasharray={l.dash}
          dot={l.dot}
          connectNulls
          isAnimationActive={props.animate === true}
        />
      ))}
    </ComposedChart>
  )
  if (props.width) return chart
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 320}>
      {chart}
    </ResponsiveContainer>
  )
}
