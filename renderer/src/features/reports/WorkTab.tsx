import { useState } from 'react'
import { Button, Card, Descriptions, Form, Input, Space, Spin, Table, Tag, Typography } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useNavigate, useSearchParams } from 'react-router'
import dayjs from 'dayjs'
import { customPeriod, localDate, periodRange } from '@shared/domain/metrics/period'
import type { RecordRef } from '@shared/domain/metrics/report'
import { REMARK_MAX, WORK_FIGURES, type WorkFigure, type WorkFigures } from '@shared/domain/workReport'
import { normalizeDateInput } from '@shared/text'
import type { WorkDayRow } from '@/db'
import type { Staff } from '@shared/domain/staff'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { downloadXlsx } from '@/features/customers/import/download'
import { DrillDrawer, type Drill } from './DrillDrawer'
import { count } from './format'
import { workXlsx, type WorkDetail } from './reportsXlsx'

type Data = ReturnType<typeof useData>

/** The records behind one figure (a follow-up is a complaint's 回访 or a 回访任务). */
export async function workRefs(data: Data, figure: WorkFigure, ids: readonly string[]): Promise<RecordRef[]> {
  const tasks = new Set(figure === 'followUps' ? await data.read.anomalyTaskIds(ids) : [])
  return ids.map((id) =>
    figure === 'consultations' || figure === 'returns'
      ? { kind: figure === 'consultations' ? 'consultation' : 'return', id, customerKey: '' }
      : tasks.has(id)
        ? { kind: 'task', id }
        : { kind: 'complaint', id }
  )
}

/** The rows 工作报表 shows, exports and prints: every staff member for a 客服经理 or 值班长, else the
 *  clerk's own day only. */
async function readWorkRows(
  data: Data,
  me: Staff,
  day: string
): Promise<{ rows: WorkDayRow[]; asOf: number }> {
  if (me.role === 'manager' || me.role === 'shiftLeader') return data.read.listWorkDay(day)
  const mine = await data.read.getWorkDay(me.staffNo, day)
  return {
    asOf: mine.asOf,
    rows: [
      { staffNo: me.staffNo, name: me.name, role: me.role, figures: mine.figures, submitted: mine.submitted }
    ]
  }
}

export function useWorkRows(day: string): { rows: WorkDayRow[]; asOf: number } | undefined {
  const data = useData()
  const me = useSession((s) => s.staff)
  return useLiveQuery(
    async () => (me ? readWorkRows(data, me, day) : undefined),
    [data, me?.staffNo, me?.role, day]
  )
}

/** Every record behind the figures of these rows (交接班 are counted only), for the 明细 sheet. */
async function workDetails(data: Data, rows: readonly WorkDayRow[]): Promise<WorkDetail[]> {
  const out: WorkDetail[] = []
  for (const r of rows)
    for (const figure of WORK_FIGURES) {
      if (figure === 'handovers' || r.figures[figure].length === 0) continue
      const found = await data.read.drillDownRows(await workRefs(data, figure, r.figures[figure]))
      for (const row of found) out.push({ staffNo: r.staffNo, name: r.name, figure, row })
    }
  return out
}

// 工作报表 (shared/domain/workReport.ts): the clerk's day counted from the records — each figure opens
// its records — their remark and 提交 (a resubmission edits it); the manager (and 值班长) see every
// clerk's figures and who has submitted. The day is kept in the URL (?workDay=).

const stamp = (ms: number) => dayjs(ms).format('YYYY-MM-DD HH:mm')

function FigureLinks(props: {
  name: string
  figures: WorkFigures
  onOpen: (figure: WorkFigure, ids: string[]) => void
}) {
  const { t, i18n } = useTranslation()
  return (
    <Descriptions size="small" column={6} layout="vertical" bordered>
      {WORK_FIGURES.map((f) => (
        <Descriptions.Item key={f} label={t(`reports.workPage.figure.${f}`)}>
          {f === 'handovers' ? (
            count(i18n.language, props.figures[f].length)
          ) : (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              aria-label={t('reports.workPage.cell', {
                name: props.name,
                figure: t(`reports.workPage.figure.${f}`),
                count: props.figures[f].length
              })}
              onClick={() => props.onOpen(f, props.figures[f])}
            >
              {count(i18n.language, props.figures[f].length)}
            </Button>
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  )
}

export function WorkTab() {
  const { t, i18n } = useTranslation()
  const data = useData()
  const me = useSession((s) => s.staff)
  const [params, setParams] = useSearchParams()
  const today = localDate(data.now())
  const asked = params.get('workDay') ?? ''
  const day = customPeriod(asked, asked).ok ? asked : today
  const [typed, setTyped] = useState(day)
  const [refused, setRefused] = useState<string | null>(null)
  const [remark, setRemark] = useState<{ day: string; staffNo: string; text: string } | null>(null)
  const [remarkError, setRemarkError] = useState<string | null>(null)
  const [drill, setDrill] = useState<Drill | null>(null)
  const submitting = useAction()
  const exporting = useAction({ staff: false })
  const navigate = useNavigate()
  const mine = useLiveQuery(
    () => (me ? data.read.getWorkDay(me.staffNo, day) : undefined),
    [data, me?.staffNo, day]
  )
  const canSeeAll = me?.role === 'manager' || me?.role === 'shiftLeader'
  const all = useLiveQuery(() => (canSeeAll ? data.read.listWorkDay(day) : undefined), [data, canSeeAll, day])

  const accept = (text: string) => {
    setTyped(text)
    const normal = normalizeDateInput(text)
    const checked = customPeriod(normal, normal)
    if (!checked.ok) return setRefused(t(checked.code))
    setRefused(null)
    const next = new URLSearchParams(params)
    next.set('workDay', normal)
    setParams(next)
  }

  const open = async (name: string, figure: WorkFigure, ids: string[]) => {
    const refs = await workRefs(data, figure, ids)
    setDrill({
      title: `${name} ${day} ${t(`reports.workPage.figure.${figure}`)}`,
      range: periodRange({ kind: 'day', from: day, to: day }),
      target: { metric: 'complaints' },
      filters: {},
      asOf: data.now(),
      refs
    })
  }

  const text =
    remark && me && remark.day === day && remark.staffNo === me.staffNo
      ? remark.text
      : (mine?.submitted?.remark ?? '')
  const submit = async () => {
    if (!me) return
    if (text.trim().length > REMARK_MAX) return setRemarkError(t('reports.workPage.remarkTooLong'))
    setRemarkError(null)
    if (
      await submitting.run(
        (at) => data.write.submitWorkReport(at.staffNo, { staffNo: at.staffNo, day, remark: text }),
        'reports.workPage.saved'
      )
    )
      setRemark(null)
  }

  const exportXlsx = () =>
    void exporting.run(
      async () => {
        const shown = me ? await readWorkRows(data, me, day) : { asOf: data.now(), rows: [] }
        const file = `${t('nav.reports')}-${t('reports.workReport')}-${day.replaceAll('-', '')}.xlsx`
        downloadXlsx(
          await workXlsx(t, day, shown.asOf, shown.rows, await workDetails(data, shown.rows)),
          file
        )
        return file
      },
      (file) => t('reports.ui.exported', { file })
    )

  const submittedCount = all?.rows.filter((r) => r.submitted).length ?? 0
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Space>
        <Button onClick={exportXlsx} loading={exporting.busy}>
          {t('action.exportExcel')}
        </Button>
        <Button
          icon={<PrinterOutlined aria-hidden />}
          onClick={() =>
            navigate(`/print/reports?${new URLSearchParams({ tab: 'work', day, workDay: day }).toString()}`)
          }
        >
          {t('reports.printReport')}
        </Button>
      </Space>
      <Form layout="inline" component="div">
        <Form.Item
          label={t('reports.workPage.day')}
          htmlFor="work-day"
          validateStatus={refused ? 'error' : undefined}
          help={refused}
        >
          <Input
            id="work-day"
            style={{ width: 150 }}
            value={typed}
            placeholder={t('reports.ui.datePlaceholder')}
            onChange={(e) => accept(e.target.value)}
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('reports.workPage.hint')}</Typography.Text>
      {me && (
        <Card
          size="small"
          data-testid="work-mine"
          title={`${t('reports.workPage.mine')} · ${me.staffNo} ${me.name}`}
          extra={
            mine?.submitted ? (
              <Tag color="green">
                {t('reports.workPage.submitted')}{' '}
                {t('reports.workPage.submittedAt', { time: stamp(mine.submitted.submittedAt) })}
              </Tag>
            ) : (
              <Tag>{t('reports.workPage.notSubmitted')}</Tag>
            )
          }
        >
          {!mine ? (
            <Spin />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <FigureLinks
                name={me.name}
                figures={mine.figures}
                onOpen={(f, ids) => void open(me.name, f, ids)}
              />
              <Form layout="vertical" component="div">
                <Form.Item
                  label={t('reports.workPage.remark')}
                  htmlFor="work-remark"
                  validateStatus={remarkError ? 'error' : undefined}
                  help={remarkError}
                >
                  <Input.TextArea
                    id="work-remark"
                    rows={3}
                    value={text}
                    onChange={(e) => setRemark({ day, staffNo: me.staffNo, text: e.target.value })}
                  />
                </Form.Item>
                <Button type="primary" loading={submitting.busy} onClick={() => void submit()}>
                  {mine.submitted ? t('reports.workPage.resubmit') : t('reports.workPage.submit')}
                </Button>
              </Form>
            </Space>
          )}
        </Card>
      )}
      {canSeeAll && all && (
        <Card
          size="small"
          title={t('reports.workReport')}
          extra={t('reports.workPage.whoSubmitted', { submitted: submittedCount, total: all.rows.length })}
        >
          <Table<WorkDayRow>
            size="small"
            data-testid="work-all"
            rowKey="staffNo"
            pagination={false}
            dataSource={all.rows}
            columns={[
              {
                key: 'staff',
                title: t('reports.workPage.staff'),
                render: (_, r) => `${r.staffNo} ${r.name}`
              },
              ...WORK_FIGURES.map((f) => ({
                key: f,
                title: t(`reports.workPage.figure.${f}`),
                render: (_: unknown, r: WorkDayRow) =>
                  f === 'handovers' ? (
                    count(i18n.language, r.figures[f].length)
                  ) : (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      aria-label={t('reports.workPage.cell', {
                        name: r.name,
                        figure: t(`reports.workPage.figure.${f}`),
                        count: r.figures[f].length
                      })}
                      onClick={() => void open(r.name, f, r.figures[f])}
                    >
                      {count(i18n.language, r.figures[f].length)}
                    </Button>
                  )
              })),
              {
                key: 'status',
                title: t('reports.workPage.status'),
                render: (_, r) =>
                  r.submitted ? (
                    <Tag color="green">
                      {t('reports.workPage.submittedAt', { time: stamp(r.submitted.submittedAt) })}
                    </Tag>
                  ) : (
                    <Tag color="orange">{t('reports.workPage.notSubmitted')}</Tag>
                  )
              },
              {
                key: 'remark',
                title: t('reports.workPage.remark'),
                render: (_, r) => r.submitted?.remark ?? ''
              }
            ]}
          />
        </Card>
      )}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  )
}
