import { useState } from 'react'
import { Button, DatePicker, Drawer, Space, Table, Typography } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useSearchParams } from 'react-router'
import dayjs, { type Dayjs } from 'dayjs'
import { MEASURES, type Measure, type RevisitRule, type StatRow } from '@shared/domain/revisit'
import type { StatsScope } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { useCanUnmask } from '@/features/customers/usePrivacy'
import { downloadXlsx } from '@/features/customers/import/download'
import { StatsTaskList } from './StatsTaskList'
import { exportStats } from './exportStats'

type Line = { key: string; label: string; scope: StatsScope; row: StatRow }

/** 回访统计: for a date range, per rule and per 负责客服, each figure opening the tasks behind it;
 *  coverage against the rule's target, red below it; 导出Excel with the same range. */
export function StatsTab() {
  const { t } = useTranslation()
  const data = useData()
  const canUnmask = useCanUnmask()
  // ?from=YYYY-MM-DD&to=YYYY-MM-DD opens a given period (links, the benchmark); else this month.
  const [params] = useSearchParams()
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const from = dayjs(params.get('from') ?? '')
    const to = dayjs(params.get('to') ?? '')
    return from.isValid() && to.isValid()
      ? [from, to]
      : [dayjs(data.now()).startOf('month'), dayjs(data.now()).endOf('month')]
  })
  const [drill, setDrill] = useState<{ title: string; scope: StatsScope; measure: Measure } | null>(null)
  const exporting = useAction({ failure: 'error.saveFailed' })
  const from = range[0].startOf('day').valueOf()
  const to = range[1].endOf('day').valueOf()
  const stats = useLiveQuery(() => data.read.revisitStats(from, to), [data, from, to])

  const lines: Line[] = stats
    ? [
        ...stats.byRule.map((r) => ({
          key: `rule-${r.rule}`,
          label: t(`revisit.rule.${r.rule}`),
          scope: { rule: r.rule as RevisitRule },
          row: r.row
        })),
        { key: 'total', label: t('revisit.stats.total'), scope: {}, row: stats.total }
      ]
    : []
  const clerkLines: Line[] = (stats?.byClerk ?? []).map((c) => ({
    key: `clerk-${c.clerk}`,
    label: c.clerk || t('revisit.stats.noClerk'),
    scope: { clerk: c.clerk },
    row: c.row
  }))

  const campaignLines: Line[] = (stats?.byCampaign ?? []).map((c) => ({
    key: `campaign-${c.id}`,
    label: c.name,
    scope: { rule: 'campaign', campaign: c.id },
    row: c.row
  }))

  const columns = (first: string) => [
    { key: 'label', title: first, dataIndex: 'label' },
    ...MEASURES.map((m) => ({
      key: m,
      title: t(`revisit.stats.measure.${m}`),
      render: (_: unknown, l: Line) =>
        l.row.counts[m] === 0 ? (
          0
        ) : (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            aria-label={`${l.label} ${t(`revisit.stats.measure.${m}`)} ${l.row.counts[m]}`}
            onClick={() => setDrill({ title: l.label, scope: l.scope, measure: m })}
          >
            {l.row.counts[m]}
          </Button>
        )
    })),
    {
      key: 'coverage',
      title: t('revisit.stats.coverage'),
      render: (_: unknown, l: Line) =>
        l.row.coverage === null ? (
          t('revisit.stats.none')
        ) : (
          <Typography.Text type={l.row.belowTarget ? 'danger' : undefined} data-testid={`coverage-${l.key}`}>
            {l.row.coverage}%
            {l.row.belowTarget && ` ${t('pattern.bracketed', { note: t('revisit.stats.belowTarget') })}`}
          </Typography.Text>
        )
    },
    {
      key: 'target',
      title: t('revisit.stats.target'),
      render: (_: unknown, l: Line) => (l.row.targetPercent === null ? '' : `${l.row.targetPercent}%`)
    }
  ]

  const exportXlsx = () =>
    exporting.run(
      async () => {
        if (!stats) return ''
        const file = await exportStats(data, stats, { masked: !canUnmask, t })
        downloadXlsx(file.bytes, file.fileName)
        return file.fileName
      },
      (file) => (file ? t('revisit.stats.exported', { file }) : null)
    )

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <span id="revisit-stats-range">{t('revisit.stats.range')}</span>
        <DatePicker.RangePicker
          aria-labelledby="revisit-stats-range"
          allowClear={false}
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={exporting.busy}
          onClick={() => void exportXlsx()}
        >
          {t('revisit.stats.export')}
        </Button>
      </Space>
      <Typography.Title level={5}>{t('revisit.stats.byRule')}</Typography.Title>
      <Table<Line>
        size="small"
        rowKey="key"
        pagination={false}
        loading={!stats}
        dataSource={lines}
        columns={columns(t('revisit.stats.rule'))}
      />
      <Typography.Title level={5}>{t('revisit.stats.byClerk')}</Typography.Title>
      <Table<Line>
        size="small"
        rowKey="key"
        pagination={false}
        loading={!stats}
        dataSource={clerkLines}
        columns={columns(t('revisit.stats.clerk'))}
      />
      {campaignLines.length > 0 && (
        <>
          <Typography.Title level={5}>{t('revisit.campaign.byCampaign')}</Typography.Title>
          <Table<Line>
            size="small"
            rowKey="key"
            // a busy store may run many campaigns in a long range: a page at a time
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            dataSource={campaignLines}
            columns={columns(t('revisit.campaign.name'))}
            data-testid="stats-by-campaign"
          />
        </>
      )}
      <Drawer
        open={!!drill}
        size="large"
        onClose={() => setDrill(null)}
        title={drill ? `${drill.title} · ${t(`revisit.stats.measure.${drill.measure}`)}` : ''}
      >
        {drill && <StatsTaskList from={from} to={to} scope={drill.scope} measure={drill.measure} />}
      </Drawer>
    </Space>
  )
}
