import { useState } from 'react'
import { Button, Space, Spin, Table, Typography } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useNavigate } from 'react-router'
import type { Period } from '@shared/domain/metrics/period'
import type { FeedbackColumn, FeedbackRow } from '@shared/domain/metrics/feedback'
import type { ReportFilters } from '@shared/domain/metrics/report'
import type { FeedbackResult } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { downloadXlsx } from '@/features/customers/import/download'
import { DrillDrawer, type Drill } from './DrillDrawer'
import { count, percent } from './format'
import { feedbackXlsx, reportFileName } from './reportsXlsx'

// 部门反馈 (四个不漏 rule 4; shared/domain/metrics/feedback.ts): per 责任部门, the complaints closed in
// the period, those fed back and not, the feedback rate, and the results each department received;
// then the list of closed cases with no feedback. Every figure opens its complaints.

export const FEEDBACK_COLUMNS: readonly FeedbackColumn[] = ['closed', 'fedBack', 'unfedBack', 'received']

export function useFeedback(period: Period, filters: ReportFilters) {
  const data = useData()
  const key = JSON.stringify([period, filters])
  return useLiveQuery(() => data.read.reportFeedback({ period, filters }), [data, key])
}

export function departmentLabel(t: (k: string) => string, d: string): string {
  return d || t('reports.ui.notFilled')
}

type Row = FeedbackRow | (FeedbackResult['total'] & { department: null })

export function FeedbackTab(props: { period: Period; filters: ReportFilters }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const data = useData()
  const navigate = useNavigate()
  const result = useFeedback(props.period, props.filters)
  const [drill, setDrill] = useState<Drill | null>(null)
  const exporting = useAction({ staff: false })
  const name = (r: Row) =>
    r.department === null ? t('reports.feedbackPage.total') : departmentLabel(t, r.department)
  const open = (r: Row, column: FeedbackColumn) =>
    result &&
    setDrill({
      title: `${name(r)} ${t(`reports.feedbackPage.${column}`)}`,
      range: result.range,
      target: { metric: 'complaints' },
      filters: props.filters,
      asOf: result.asOf,
      refs: r[column].map((id) => ({ kind: 'complaint', id }))
    })
  const cell = (column: FeedbackColumn) => ({
    key: column,
    title: t(`reports.feedbackPage.${column}`),
    render: (_: unknown, r: Row) => (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-label={t('reports.feedbackPage.cell', {
          department: name(r),
          column: t(`reports.feedbackPage.${column}`),
          count: r[column].length
        })}
        onClick={() => open(r, column)}
      >
        {count(locale, r[column].length)}
      </Button>
    )
  })
  const exportXlsx = () =>
    void exporting.run(
      async () => {
        const r = await data.read.reportFeedback({ period: props.period, filters: props.filters })
        const rows = await data.read.drillDownRows(
          r.total.closed.map((id) => ({ kind: 'complaint' as const, id }))
        )
        const file = reportFileName(t, t('reports.departmentFeedback'), props.period)
        downloadXlsx(await feedbackXlsx(t, locale, props.period, props.filters, r, rows), file)
        return file
      },
      (file) => t('reports.ui.exported', { file })
    )
  const printQuery = new URLSearchParams({
    tab: 'feedback',
    from: props.period.from,
    to: props.period.to,
    kind: props.period.kind,
    filters: JSON.stringify(props.filters)
  }).toString()
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Space>
        <Button onClick={exportXlsx} loading={exporting.busy}>
          {t('action.exportExcel')}
        </Button>
        <Button
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => navigate(`/print/reports?${printQuery}`)}
        >
          {t('reports.printReport')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('reports.feedbackPage.hint')}</Typography.Text>
      {!result ? (
        <Spin tip={t('reports.ui.loading')}>
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <Table<Row>
          size="small"
          data-testid="feedback-table"
          rowKey={(r) => (r.department === null ? '\u0000total' : `d:${r.department}`)}
          pagination={false}
          dataSource={[...result.rows, { ...result.total, department: null }]}
          columns={[
            { key: 'department', title: t('reports.feedbackPage.department'), render: (_, r) => name(r) },
            ...FEEDBACK_COLUMNS.slice(0, 3).map(cell),
            {
              key: 'rate',
              title: t('reports.feedbackPage.fedBackRate'),
              render: (_, r) => (r.rate === null ? '—' : percent(locale, r.rate))
            },
            cell('received')
          ]}
        />
      )}
      {result && (
        <Typography.Text type="secondary">
          {t('reports.dataAsOf')} {new Date(result.asOf).toLocaleString(locale)}
        </Typography.Text>
      )}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  )
}
