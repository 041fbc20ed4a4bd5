import { useState } from 'react'
import { Alert, Button, Card, Form, Input, List, Space, Spin, Table, Tag, Typography } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useNavigate, useSearchParams } from 'react-router'
import {
  anomalySettingsSchema,
  type AnomalyFlag,
  type AnomalySettings
} from '@shared/domain/metrics/anomalies'
import { customPeriod, localDate } from '@shared/domain/metrics/period'
import type { RecordRef } from '@shared/domain/metrics/report'
import { normalizeDateInput } from '@shared/text'
import type { AnomalyResult } from '@/db'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { downloadXlsx } from '@/features/customers/import/download'
import { DrillDrawer, type Drill } from './DrillDrawer'
import { count } from './format'
import { anomalyXlsx, reportFileName } from './reportsXlsx'
import { comparisonRows, flagDetail, flagTitle, meanText } from './anomalyText'

// 质量异常分析日报表 (docs/metrics.md §5, §9): a day (default today) against the same weekday of the
// previous four weeks, the flags of the pure rules (anomalies.ts), each opening its records. The day is
// kept in the URL (?day=) so 打印报表 and back keep it. A bad date is refused under the field and the
// last accepted day stays shown. The thresholds card is the manager's.

export function useAnomalies(day: string) {
  const data = useData()
  return useLiveQuery(() => data.read.reportAnomalies(day), [data, day])
}

export function ComparisonTable(props: { result: AnomalyResult }) {
  const { t, i18n } = useTranslation()
  const r = props.result
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      data-testid="anomaly-comparison"
      dataSource={comparisonRows(r)}
      columns={[
        {
          key: 'row',
          title: t('reports.anomalyPage.row'),
          render: (_, row) => t(`reports.anomalyPage.${row.key}`)
        },
        {
          key: 'today',
          title: `${t('reports.anomalyPage.today')} ${r.day}`,
          render: (_, row) => count(i18n.language, row.today)
        },
        ...r.baselineDays.map((d, i) => ({
          key: d,
          title: d,
          render: (_: unknown, row: { baseline: number[] }) => count(i18n.language, row.baseline[i] ?? 0)
        })),
        {
          key: 'mean',
          title: t('reports.anomalyPage.mean'),
          render: (_, row) => meanText(i18n.language, row.baseline)
        }
      ]}
    />
  )
}

/** The names of the repeat customers (one read of their records). */
export function useCustomerNames(result: AnomalyResult | undefined) {
  const data = useData()
  const ids = (result?.flags ?? []).flatMap((f) => (f.rule === 'repeatCustomer' ? [f.customerId] : []))
  return useLiveQuery(async () => {
    const names = new Map<string, string>()
    for (const id of ids) {
      const c = await data.read.getCustomer(id)
      if (c) names.set(id, c.name)
    }
    return names
  }, [data, ids.join(',')])
}

function AnomalySettingsCard() {
  const { t } = useTranslation()
  const data = useData()
  const me = useSession((s) => s.staff)
  const stored = useLiveQuery(() => data.read.getAnomalySettings(), [data])
  const [typed, setTyped] = useState<Partial<Record<keyof AnomalySettings, string>>>({})
  const [errors, setErrors] = useState<Partial<Record<keyof AnomalySettings, string>>>({})
  const saving = useAction()
  if (!stored) return null
  const fields = ['spikePercent', 'spikeMinCount', 'repeatWindowDays'] as const
  const value = (f: (typeof fields)[number]) => typed[f] ?? String(stored[f])
  const save = async () => {
    const input = Object.fromEntries(
      fields.map((f) => {
        const text = value(f).trim()
        return [f, /^\d+$/.test(text) ? Number(text) : Number.NaN]
      })
    ) as unknown as AnomalySettings
    const parsed = anomalySettingsSchema.safeParse(input)
    if (!parsed.success) {
      // the reason under each refused field; what was typed stays
      const next: typeof errors = {}
      for (const i of parsed.error.issues) {
        const f = i.path[0] as (typeof fields)[number]
        next[f] = t(`reports.anomalyPage.bad.${f}`)
      }
      setErrors(next)
      return
    }
    setErrors({})
    if (
      await saving.run(
        (at) => data.write.saveAnomalySettings(at.staffNo, parsed.data),
        'reports.anomalyPage.saved'
      )
    )
      setTyped({})
  }
  return (
    <Card size="small" title={t('reports.anomalyPage.settings')} data-testid="anomaly-settings">
      <Typography.Paragraph type="secondary">{t('reports.anomalyPage.settingsHint')}</Typography.Paragraph>
      {me?.role === 'manager' ? (
        <Form layout="inline" component="div">
          {fields.map((f) => (
            <Form.Item
              key={f}
              label={t(`reports.anomalyPage.${f}`)}
              htmlFor={`anomaly-${f}`}
              validateStatus={errors[f] ? 'error' : undefined}
              help={errors[f]}
            >
              <Input
                id={`anomaly-${f}`}
                style={{ width: 100 }}
                value={value(f)}
                onChange={(e) => setTyped({ ...typed, [f]: e.target.value })}
                onPressEnter={() => void save()}
              />
            </Form.Item>
          ))}
          <Form.Item>
            <Button type="primary" loading={saving.busy} onClick={() => void save()}>
              {t('reports.anomalyPage.save')}
            </Button>
          </Form.Item>
        </Form>
      ) : (
        <Typography.Text>
          {fields
            .map((f) => `${t(`reports.anomalyPage.${f}`)} ${stored[f]}`)
            .join(t('pattern.listSeparator'))}
        </Typography.Text>
      )}
    </Card>
  )
}

export function AnomalyTab() {
  const { t, i18n } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const today = localDate(data.now())
  const day =
    params.get('day') && customPeriod(params.get('day') ?? '', params.get('day') ?? '').ok
      ? (params.get('day') as string)
      : today
  const [typed, setTyped] = useState(day)
  const [refused, setRefused] = useState<string | null>(null)
  const result = useAnomalies(day)
  const names = useCustomerNames(result)
  const [drill, setDrill] = useState<Drill | null>(null)
  const exporting = useAction({ staff: false })

  const accept = (text: string) => {
    setTyped(text)
    const normal = normalizeDateInput(text)
    const checked = customPeriod(normal, normal)
    if (!checked.ok) {
      setRefused(t(checked.code))
      return
    }
    setRefused(null)
    const next = new URLSearchParams(params)
    next.set('day', normal)
    setParams(next)
  }

  const open = async (f: AnomalyFlag) => {
    if (!result) return
    const tasks = new Set(f.rule === 'unsatisfiedFollowUp' ? await data.read.anomalyTaskIds(f.caseIds) : [])
    const refs: RecordRef[] = f.caseIds.map((id) =>
      tasks.has(id) ? { kind: 'task', id } : { kind: 'complaint', id }
    )
    setDrill({
      title: `${day} ${flagTitle(t, f)}`,
      range: result.range,
      target: { metric: 'complaints' },
      filters: {},
      asOf: result.asOf,
      refs
    })
  }

  const exportXlsx = () =>
    void exporting.run(
      async () => {
        const r = await data.read.reportAnomalies(day)
        const ids = [...new Set(r.flags.flatMap((f) => f.caseIds))]
        const tasks = new Set(await data.read.anomalyTaskIds(ids))
        const rows = await data.read.drillDownRows(
          ids.map((id) =>
            tasks.has(id) ? { kind: 'task' as const, id } : { kind: 'complaint' as const, id }
          )
        )
        const name = reportFileName(t, t('reports.anomalyDaily'), { kind: 'day', from: day, to: day })
        downloadXlsx(await anomalyXlsx(t, i18n.language, r, rows, names ?? new Map()), name)
        return name
      },
      (file) => t('reports.ui.exported', { file })
    )

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Space wrap align="start">
        <Form layout="inline" component="div">
          <Form.Item
            label={t('reports.anomalyPage.day')}
            htmlFor="anomaly-day"
            validateStatus={refused ? 'error' : undefined}
            help={refused}
          >
            <Input
              id="anomaly-day"
              style={{ width: 150 }}
              value={typed}
              placeholder={t('reports.ui.datePlaceholder')}
              onChange={(e) => accept(e.target.value)}
            />
          </Form.Item>
        </Form>
        <Button onClick={exportXlsx} loading={exporting.busy}>
          {t('action.exportExcel')}
        </Button>
        <Button
          icon={<PrinterOutlined aria-hidden />}
          onClick={() =>
            navigate(`/print/reports?${new URLSearchParams({ tab: 'anomaly', day }).toString()}`)
          }
        >
          {t('reports.printReport')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('reports.anomalyPage.filtersNotApplied')}</Typography.Text>
      {!result ? (
        <Spin tip={t('reports.ui.loading')}>
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <>
          <Typography.Text>
            {t('reports.anomalyPage.baselineHint', {
              days: result.baselineDays.join(t('pattern.listSeparator'))
            })}
          </Typography.Text>
          <ComparisonTable result={result} />
          <Card size="small" title={t('reports.anomalyPage.flags')}>
            {result.flags.length === 0 ? (
              <Alert type="success" title={t('reports.anomalyPage.noFlags')} />
            ) : (
              <List
                data-testid="anomaly-flags"
                dataSource={result.flags}
                rowKey={(f) => `${f.rule}:${f.rule === 'repeatCustomer' ? f.customerId : ''}`}
                renderItem={(f) => (
                  <List.Item
                    actions={[
                      <Button
                        key="open"
                        type="link"
                        aria-label={t('reports.anomalyPage.openCases', {
                          rule: flagTitle(t, f),
                          count: f.caseIds.length
                        })}
                        onClick={() => void open(f)}
                      >
                        {t('reports.anomalyPage.casesDetail', { count: f.caseIds.length })}
                      </Button>
                    ]}
                  >
                    <Space>
                      <Tag color="red">{flagTitle(t, f)}</Tag>
                      {flagDetail(
                        t,
                        i18n.language,
                        f,
                        result,
                        f.rule === 'repeatCustomer' ? names?.get(f.customerId) : undefined
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Typography.Text type="secondary">
            {t('reports.dataAsOf')} {new Date(result.asOf).toLocaleString(i18n.language)}
          </Typography.Text>
        </>
      )}
      <AnomalySettingsCard />
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  )
}
