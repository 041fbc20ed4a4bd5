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
import { memo, useCallback, useMemo } from 'react'
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

// recharts 3 keeps its state in a store: every new prop object (margin, tick, formatter) is a store
// update. Constant objects and stable callbacks keep a re-render of the page from redrawing the chart.
const MARGIN = { top: 16, right: 16, bottom: 8, left: 0 }
const TICK = { fontSize: 12, fill: '#000' }
const RATE_DOMAIN: [number, 'auto'] = [0, 'auto']
const legendText = (value: string) => <span style={{ color: '#000' }}>{value}</span>

export const TrendChart = memo(function TrendChart(props: {
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
  const { points, by, onBar } = props
  const rows = useMemo(() => points.map((p) => ({ ...p, label: bucketLabel(t, p.key, by) })), [points, by, t])
  const countTick = useCallback((v: number) => count(locale, v), [locale])
  const rateTick = useCallback((v: number) => percent(locale, v), [locale])
  const complaintsName = t('reports.ui.complaints')
  const tooltipValue = useCallback(
    (value: unknown, name: unknown) =>
      name === complaintsName
        ? count(locale, Number(value))
        : value === null || value === undefined
          ? '—'
          : percent(locale, Number(value)),
    [complaintsName, locale]
  )
  const barClick = useCallback(
    (_: unknown, index: number) => {
      const p = points[index]
      if (p && onBar) onBar(p)
    },
    [points, onBar]
  )
  const chart = (
    <ComposedChart
      data={rows}
      margin={MARGIN}
      {...(props.width ? { width: props.width, height: props.height } : {})}
    >
      <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={TICK} />
      <YAxis yAxisId="n" allowDecimals={false} tick={TICK} tickFormatter={countTick} />
      <YAxis yAxisId="r" orientation="right" domain={RATE_DOMAIN} tick={TICK} tickFormatter={rateTick} />
      <Tooltip formatter={tooltipValue} />
      <Legend formatter={legendText} />
      <Bar
        yAxisId="n"
        dataKey="complaints"
        name={complaintsName}
        fill="#c9c9c9"
        stroke="#404040"
        isAnimationActive={props.animate === true}
        cursor={onBar ? 'pointer' : undefined}
        onClick={barClick}
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
})
