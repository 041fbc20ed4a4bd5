import { useState } from 'react'
import { Alert, Button, Card, Segmented, Space, Spin, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { Period } from '@shared/domain/metrics/period'
import type { ParetoBar, ParetoBy, ReportFilters } from '@shared/domain/metrics/report'
import { useData } from '@/app/session'
import { count, percent } from './format'
import { DrillDrawer, type Drill } from './DrillDrawer'

// 原因分析: a Pareto of the period's complaints by category, department or product — bars largest
// first, the cumulative percentage as a line — and a warning when 其他 is above 10 %. Every bar and
// row opens its complaints.

export type ParetoResult = Awaited<ReturnType<ReturnType<typeof useData>['read']['reportPareto']>>

export function causeLabel(t: (k: string) => string, by: ParetoBy, key: string): string {
  if (by === 'category') return t(`complaint.categoryOption.${key}`)
  return key || t('reports.ui.notFilled')
}

export function useParetoResult(period: Period, filters: ReportFilters, by: ParetoBy) {
  const data = useData()
  const key = JSON.stringify([period, filters, by])
  return useLiveQuery(() => data.read.reportPareto({ period, filters }, by), [data, key])
}

export function ParetoChart(props: {
  result: ParetoResult
  by: ParetoBy
  onBar?: (bar: ParetoBar) => void
  width?: number
  height?: number
  /** off by default: numbers, not motion, and screenshots and print show the final chart */
  animate?: boolean
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const rows = props.result.bars.map((b) => ({ ...b, label: causeLabel(t, props.by, b.key) }))
  const chart = (
    <ComposedChart
      data={rows}
      margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
      {...(props.width ? { width: props.width, height: props.height } : {})}
    >
      <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" />
      <XAxis dataKey="label" interval={0} tick={{ fontSize: 12, fill: '#000' }} />
      <YAxis
        yAxisId="n"
        allowDecimals={false}
        tick={{ fontSize: 12, fill: '#000' }}
        tickFormatter={(v: number) => count(locale, v)}
      />
      <YAxis
        yAxisId="c"
        orientation="right"
        domain={[0, 1]}
        tick={{ fontSize: 12, fill: '#000' }}
        tickFormatter={(v: number) => percent(locale, v)}
      />
      <Tooltip
        formatter={(value, name) =>
          name === t('reports.ui.cumulative') ? percent(locale, Number(value)) : count(locale, Number(value))
        }
      />
      <Bar
        yAxisId="n"
        dataKey="count"
        name={t('reports.ui.count')}
        fill="#c9c9c9"
        stroke="#404040"
        isAnimationActive={props.animate === true}
        cursor={props.onBar ? 'pointer' : undefined}
        onClick={(_, index) => {
          const b = props.result.bars[index]
          if (b && props.onBar) props.onBar(b)
        }}
      />
      <Line
        yAxisId="c"
        type="linear"
        dataKey="cumulative"
        name={t('reports.ui.cumulative')}
        stroke="#1f3b57"
        strokeWidth={2}
        strokeDasharray="8 4"
        dot={{ r: 3 }}
        isAnimationActive={props.animate === true}
      />
    </ComposedChart>
  )
  if (props.width) return chart
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 320}>
      {chart}
    </ResponsiveContainer>
  )
}

export function CauseTab(props: {
  period: Period
  filters: ReportFilters
  by: ParetoBy
  onBy: (by: ParetoBy) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const result = useParetoResult(props.period, props.filters, props.by)
  const [drill, setDrill] = useState<Drill | null>(null)
  const open = (bar: ParetoBar) =>
    result &&
    setDrill({
      title: t('reports.ui.paretoBar', { cause: causeLabel(t, props.by, bar.key), count: bar.count }),
      range: result.range,
      target: { metric: 'complaints' },
      filters: { ...props.filters, cause: { by: props.by, key: bar.key } },
      asOf: result.asOf
    })
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Space>
        <span id="report-pareto-by">{t('reports.ui.paretoBy')}</span>
        <Segmented<ParetoBy>
          aria-labelledby="report-pareto-by"
          value={props.by}
          onChange={props.onBy}
          options={(['category', 'department', 'product'] as const).map((k) => ({
            value: k,
            label: t(`reports.ui.paretoByOption.${k}`)
          }))}
        />
      </Space>
      {!result ? (
        <Spin tip={t('reports.ui.loading')}>
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <>
          {result.otherWarning && (
            <Alert
              type="warning"
              showIcon
              title={t('reports.ui.otherWarning', { share: percent(locale, result.otherShare) })}
              data-testid="other-warning"
            />
          )}
          {result.total === 0 && <Alert type="info" title={t('reports.noData.none')} />}
          <Card size="small" title={t('reports.causeAnalysis')}>
            <div data-testid="pareto-chart">
              <ParetoChart result={result} by={props.by} onBar={open} />
            </div>
          </Card>
          <Table<ParetoBar>
            size="small"
            rowKey="key"
            data-testid="pareto-table"
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            dataSource={result.bars}
            columns={[
              {
                key: 'cause',
                title: t(`reports.ui.paretoByOption.${props.by}`),
                render: (_, b) => causeLabel(t, props.by, b.key)
              },
              {
                key: 'count',
                title: t('reports.ui.count'),
                render: (_, b) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    aria-label={t('reports.ui.paretoBar', {
                      cause: causeLabel(t, props.by, b.key),
                      count: b.count
                    })}
                    onClick={() => open(b)}
                  >
                    {count(locale, b.count)}
                  </Button>
                )
              },
              { key: 'share', title: t('reports.ui.share'), render: (_, b) => percent(locale, b.share) },
              {
                key: 'cumulative',
                title: t('reports.ui.cumulative'),
                render: (_, b) => percent(locale, b.cumulative)
              }
            ]}
          />
          <Typography.Text type="secondary">
            {t('reports.ui.complaints')} {count(locale, result.total)}
          </Typography.Text>
        </>
      )}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  )
}
