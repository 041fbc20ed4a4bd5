import { useCallback, useEffect, useRef, useState } from 'react'
import { Alert, Button, Card, Col, Row, Segmented, Space, Spin, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { MetricValue } from '@shared/domain/metrics/metric'
import type { Period } from '@shared/domain/metrics/period'
import { TIME_LIMITS } from '@shared/domain/metrics/timeLimits'
import type {
  DrillTarget,
  Granularity,
  Overview,
  OverviewCard,
  ReportFilters,
  TrendPoint
} from '@shared/domain/metrics/report'
import type { TFunction } from 'i18next'
import type { OverviewResult } from '@/db'
import { useData } from '@/app/session'
import { changeText, count, DURATION_METRICS, duration, metricText } from './format'
import { DrillDrawer, type Drill } from './DrillDrawer'
import { TrendChart } from './TrendChart'

// 总览: a card per measure of the dictionary with 较上期 and, on hover, numerator and denominator; a
// trend by day / week / month. Every number opens the records behind it.

export function useOverview(
  period: Period,
  filters: ReportFilters,
  by: Granularity
): OverviewResult | undefined {
  const data = useData()
  const key = JSON.stringify([period, filters, by])
  return useLiveQuery(() => data.read.reportOverview({ period, filters }, by), [data, key])
}

/** Where 服务投诉率's customers served came from, and the days of the period without the figure
 *  (their complaints are not counted): shown under the card, in the print and in the Excel. */
export function servedNotes(t: TFunction, o: Pick<Overview, 'servedFrom' | 'figures'>): string[] {
  if (o.servedFrom === 'counterLog') return []
  const source = t(`reports.servedFrom.${o.servedFrom}`)
  const rate = o.figures.complaintRate
  const notes = [t('reports.figuresPage.servedFrom', { source })]
  if (rate.value !== null && rate.daysWithoutFigure > 0)
    notes.push(t('reports.figuresPage.daysWithout', { count: rate.daysWithoutFigure, source }))
  return notes
}

export function OverviewTab(props: {
  period: Period
  filters: ReportFilters
  by: Granularity
  onBy: (by: Granularity) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const o = useOverview(props.period, props.filters, props.by)
  const [drill, setDrill] = useState<Drill | null>(null)
  // useLiveQuery keeps the last result while the next one computes: a stale result stays on screen
  const shown = o
  const open = (title: string, target: DrillTarget, range = shown?.current) =>
    shown &&
    range &&
    setDrill({ title, target, range, filters: props.filters, asOf: shown.asOf, inputId: shown.inputId })
  // one function for the chart's life, reading the latest `open`: the memoized chart is not drawn again
  // when only the tab re-renders
  const openLatest = useRef(open)
  useEffect(() => {
    openLatest.current = open
  })
  const onBar = useCallback(
    (p: TrendPoint) =>
      openLatest.current(
        t('reports.ui.trendBar', { bucket: p.key, count: p.complaints }),
        { metric: 'complaints' },
        p.range
      ),
    [t]
  )

  const fraction = (
    metric: string,
    v: MetricValue,
    target: (part: 'numerator' | 'denominator') => DrillTarget,
    title: string
  ) => (
    <Space size={4}>
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-label={t('reports.ui.numeratorOf', { metric, value: v.numerator })}
        onClick={() => open(`${title} · ${t('reports.ui.numerator')}`, target('numerator'))}
      >
        {count(locale, v.numerator)}
      </Button>
      /
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-label={t('reports.ui.denominatorOf', { metric, value: v.denominator })}
        onClick={() => open(`${title} · ${t('reports.ui.denominator')}`, target('denominator'))}
      >
        {count(locale, v.denominator)}
      </Button>
    </Space>
  )

  const card = (c: OverviewCard) => {
    const name = t(`reports.metric.${c.metric}`)
    const isDuration = DURATION_METRICS.has(c.metric)
    const hover = isDuration
      ? `${t('reports.ui.median')} · ${t('reports.ui.mean', { value: 'mean' in c.current && c.current.mean !== null ? duration(t, locale, c.current.mean as number) : '—' })} · ${t('reports.ui.denominator')} ${c.current.denominator}`
      : `${t('reports.ui.numerator')} ${c.current.numerator} / ${t('reports.ui.denominator')} ${c.current.denominator}`
    return (
      <Col key={c.metric} xs={24} sm={12} lg={6}>
        <Card size="small" title={name} data-testid={`kpi-${c.metric}`}>
          <Tooltip title={hover}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid={`kpi-value-${c.metric}`}>
              {metricText(t, locale, c.metric, c.current)}
            </Typography.Title>
          </Tooltip>
          {c.current.reason && c.current.reason !== 'reports.noData.none' && (
            <Typography.Text type="secondary">{t(c.current.reason)}</Typography.Text>
          )}
          {c.metric === 'complaintRate' &&
            shown &&
            servedNotes(t, shown).map((note) => (
              <div key={note} data-testid="served-note">
                <Typography.Text type="secondary">{note}</Typography.Text>
              </div>
            ))}
          <div>
            <Typography.Text type="secondary">
              {c.change.delta === null
                ? t('reports.ui.noPrevious')
                : t('pattern.labelValue', {
                    label: t('reports.vsPrevious'),
                    value: changeText(t, locale, c.metric, c.change)
                  })}
            </Typography.Text>
          </div>
          <div>
            {isDuration ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                aria-label={t('reports.ui.denominatorOf', { metric: name, value: c.current.denominator })}
                onClick={() => open(name, { metric: c.metric as 'firstResponseTime', part: 'denominator' })}
              >
                {count(locale, c.current.denominator)}
              </Button>
            ) : c.metric === 'slaCompliance' ? (
              fraction(name, c.current, (part) => ({ metric: 'slaCompliance', part, limit: 'all' }), name)
            ) : (
              fraction(name, c.current, (part) => ({ metric: c.metric as 'missRate', part }), name)
            )}
          </div>
          {c.metric === 'slaCompliance' &&
            shown &&
            TIME_LIMITS.map((limit) => {
              const v = shown.figures.slaCompliance[limit]
              const label = t(`reports.limit.${limit}`)
              return (
                <div key={limit} data-testid={`sla-${limit}`}>
                  <Typography.Text type="secondary">
                    {t('pattern.labelValue', {
                      label,
                      value: metricText(t, locale, 'slaCompliance', v)
                    })}{' '}
                  </Typography.Text>
                  {fraction(
                    label,
                    v,
                    (part) => ({ metric: 'slaCompliance', part, limit }),
                    `${name} · ${label}`
                  )}
                </div>
              )
            })}
        </Card>
      </Col>
    )
  }

  return (
    <Space
      orientation="vertical"
      style={{ width: '100%' }}
      size={16}
      data-testid="overview"
      // which period is on screen, and whether a newer one is being counted (benchmark, tests)
      data-range={shown ? `${shown.current.start}-${shown.current.end}` : ''}
      data-computing={o === undefined ? 'true' : 'false'}
    >
      {!shown ? (
        <Spin tip={t('reports.ui.loading')}>
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small" title={t('reports.ui.complaints')} data-testid="kpi-complaints">
                <Typography.Title level={3} style={{ margin: 0 }}>
                  <Button
                    type="link"
                    style={{ padding: 0, fontSize: 'inherit', height: 'auto' }}
                    aria-label={`${t('reports.ui.complaints')} ${shown.figures.complaints}`}
                    onClick={() => open(t('reports.ui.complaints'), { metric: 'complaints' })}
                  >
                    {count(locale, shown.figures.complaints)}
                  </Button>
                </Typography.Title>
                <Typography.Text type="secondary">
                  {t('pattern.labelValue', {
                    label: t('reports.ui.previous'),
                    value: count(locale, shown.previousFigures.complaints)
                  })}
                </Typography.Text>
              </Card>
            </Col>
            {shown.cards.map(card)}
          </Row>
          <Card
            size="small"
            title={t('reports.ui.trend')}
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
            <div data-testid="trend-chart">
              <TrendChart points={shown.trend} by={props.by} onBar={onBar} />
            </div>
          </Card>
          {shown.trend.length === 0 && <Alert type="info" title={t('reports.noData.none')} />}
        </>
      )}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  )
}
