import { useState } from 'react'
import { Alert, App, Button, Card, Form, Input, Radio, Space, Spin, Table, Typography, Upload } from 'antd'
import { UploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { TFunction } from 'i18next'
import { datesOf, localDate, periodRange, type Period } from '@shared/domain/metrics/period'
import {
  checkDailyFigure,
  parseDailyFigures,
  type DailyFigure,
  type DailyFigureForm,
  type FigureColumn,
  type FigureProblem
} from '@shared/domain/metrics/dailyFigures'
import { SERVED_SOURCES, type ServedSource } from '@shared/domain/metrics/rates'
import { readFiguresFile } from '@shared/import/figuresFile'
import { DailyFiguresRefusedError } from '@/db'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { importMessageText } from '@/features/customers/import/importText'
import { count } from './format'

// 客流数据 (docs/metrics.md §6a): where 服务投诉率's customers served come from (the manager's setting),
// the daily 客流 / 成交笔数 typed by hand or imported from Excel (a preview first; the pure parser's
// problems listed by row; all or nothing; a day with other stored figures replaced only when the
// user confirms), and the figures of the filter bar's period. Only a 客服经理 changes anything
// (refused in the data layer too); everyone sees the figures.

const EMPTY: DailyFigureForm = { date: '', footfall: '', transactions: '' }

export function figureProblemText(t: TFunction, p: FigureProblem): string {
  const message = t(p.code, {
    date: p.params?.date ?? '',
    rows: (p.params?.rows ?? []).join(t('pattern.listSeparator'))
  })
  if (p.row === 0) return t('reports.figuresPage.problemFile', { message })
  if (p.column === null) return t('reports.figuresPage.problemRow', { row: p.row, message })
  return t('reports.figuresPage.problem', {
    row: p.row,
    column: t(`reports.figuresPage.${p.column}`),
    message
  })
}

const figureText = (locale: string, v: number | null | undefined) =>
  v === null || v === undefined ? '' : count(locale, v)

function SourceCard(props: { isManager: boolean }) {
  const { t } = useTranslation()
  const data = useData()
  const stored = useLiveQuery(() => data.read.getServedFrom(), [data])
  const [chosen, setChosen] = useState<ServedSource | null>(null)
  const saving = useAction()
  const value = chosen ?? stored ?? 'counterLog'
  return (
    <Card size="small" title={t('reports.figuresPage.sourceTitle')} data-testid="served-from-card">
      <Form layout="vertical" component="div">
        <Form.Item label={t('reports.figuresPage.sourceLabel')} extra={t('reports.figuresPage.sourceHint')}>
          <Radio.Group
            aria-label={t('reports.figuresPage.sourceLabel')}
            value={value}
            disabled={!props.isManager}
            onChange={(e) => setChosen(e.target.value as ServedSource)}
            options={SERVED_SOURCES.map((s) => ({ value: s, label: t(`reports.servedFrom.${s}`) }))}
          />
        </Form.Item>
        {props.isManager ? (
          <Button
            type="primary"
            loading={saving.busy}
            disabled={stored === undefined || value === stored}
            onClick={() =>
              void saving
                .run((at) => data.write.saveServedFrom(at.staffNo, value), 'reports.figuresPage.sourceSaved')
                .then((ok) => ok && setChosen(null))
            }
          >
            {t('action.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('reports.figuresPage.readOnly')}</Typography.Text>
        )}
      </Form>
    </Card>
  )
}

function EntryCard() {
  const { t } = useTranslation()
  const data = useData()
  const { modal } = App.useApp()
  const [form, setForm] = useState<DailyFigureForm>(EMPTY)
  const [errors, setErrors] = useState<Partial<Record<FigureColumn | 'form', string>>>({})
  const saving = useAction({ toField: (e) => showRefusal(e) })
  const showRefusal = (e: unknown): boolean => {
    if (!(e instanceof DailyFiguresRefusedError)) return false
    if (e.problems.length > 0) {
      setErrors(Object.fromEntries(e.problems.map((p) => [p.column ?? 'form', t(p.code)])))
      return true
    }
    setErrors({ form: t(e.message) })
    return true
  }
  const save = (replace: boolean) =>
    saving.run(
      (at) => data.write.saveDailyFigure(at.staffNo, form, replace),
      () => {
        const checked = checkDailyFigure(form)
        setForm(EMPTY)
        return t('reports.figuresPage.saved', { date: checked.ok ? checked.figure.date : form.date })
      }
    )
  const submit = async () => {
    const checked = checkDailyFigure(form)
    if (!checked.ok) {
      setErrors(Object.fromEntries(checked.problems.map((p) => [p.column ?? 'form', t(p.code)])))
      return
    }
    setErrors({})
    const replaced = await data.read.figuresToReplace([checked.figure])
    if (replaced.length === 0) return void (await save(false))
    modal.confirm({
      title: t('reports.figuresPage.confirmTitle'),
      content: t('reports.figuresPage.confirmOne', { dates: replaced.join(t('pattern.listSeparator')) }),
      okText: t('reports.figuresPage.confirmOk'),
      cancelText: t('reports.figuresPage.cancel'),
      onOk: () => save(true)
    })
  }
  const field = (key: FigureColumn, id: string, width: number) => (
    <Form.Item
      label={t(`reports.figuresPage.${key}`)}
      htmlFor={id}
      validateStatus={errors[key] ? 'error' : undefined}
      help={errors[key]}
    >
      <Input
        id={id}
        style={{ width }}
        value={form[key]}
        placeholder={key === 'date' ? t('reports.ui.datePlaceholder') : undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        onPressEnter={() => void submit()}
      />
    </Form.Item>
  )
  return (
    <Card size="small" title={t('reports.figuresPage.entryTitle')} data-testid="figures-entry">
      <Typography.Paragraph type="secondary">{t('reports.figuresPage.entryHint')}</Typography.Paragraph>
      <Form layout="inline" component="div">
        {field('date', 'figure-date', 150)}
        {field('footfall', 'figure-footfall', 120)}
        {field('transactions', 'figure-transactions', 120)}
        <Form.Item>
          <Button type="primary" loading={saving.busy} onClick={() => void submit()}>
            {t('action.save')}
          </Button>
        </Form.Item>
      </Form>
      {errors.form && (
        <Typography.Paragraph type="danger" data-testid="figures-entry-error" style={{ marginTop: 8 }}>
          {errors.form}
        </Typography.Paragraph>
      )}
    </Card>
  )
}

type ImportStage =
  | { step: 'pick'; reading?: string; error?: string; problems?: FigureProblem[] }
  | {
      step: 'preview'
      fileName: string
      rows: (string | number)[][]
      figures: DailyFigure[]
      replaced: string[]
    }

function ImportCard() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const data = useData()
  const { modal } = App.useApp()
  const [stage, setStage] = useState<ImportStage>({ step: 'pick' })
  const importing = useAction({
    toField: (e) => {
      if (!(e instanceof DailyFiguresRefusedError)) return false
      // a stale preview: another PC changed a day meanwhile — read the file's days again
      if (e.message === 'reports.figuresPage.unconfirmed' && stage.step === 'preview') {
        void data.read.figuresToReplace(stage.figures).then((replaced) => setStage({ ...stage, replaced }))
        return false
      }
      if (e.problems.length > 0) {
        setStage({
          step: 'pick',
          error: t('reports.figuresPage.fileRefusedShort'),
          problems: [...e.problems]
        })
        return true
      }
      return false
    }
  })

  const choose = async (file: File) => {
    setStage({ step: 'pick', reading: file.name })
    try {
      const read = await readFiguresFile(new Uint8Array(await file.arrayBuffer()), file.name)
      if (!read.ok) return setStage({ step: 'pick', error: importMessageText(t, read.error) })
      const parsed = parseDailyFigures(read.rows)
      if (!parsed.ok)
        return setStage({
          step: 'pick',
          error: t('reports.figuresPage.fileRefused', { count: parsed.problems.length }),
          problems: parsed.problems
        })
      const replaced = await data.read.figuresToReplace(parsed.figures)
      setStage({ step: 'preview', fileName: file.name, rows: read.rows, figures: parsed.figures, replaced })
    } catch (e) {
      setStage({
        step: 'pick',
        error: t('customerImport.readFailed', { reason: e instanceof Error ? e.message : String(e) })
      })
    }
  }

  const write = (s: Extract<ImportStage, { step: 'preview' }>) =>
    importing.run(
      (at) => data.write.importDailyFigures(at.staffNo, s.rows, s.replaced),
      (r) => {
        setStage({ step: 'pick' })
        return t('reports.figuresPage.imported', { count: r.written })
      }
    )
  const confirm = (s: Extract<ImportStage, { step: 'preview' }>) => {
    if (s.replaced.length === 0) return void write(s)
    modal.confirm({
      title: t('reports.figuresPage.confirmTitle'),
      content: t('reports.figuresPage.confirmImport', {
        count: s.replaced.length,
        dates: s.replaced.join(t('pattern.listSeparator'))
      }),
      okText: t('reports.figuresPage.confirmOk'),
      cancelText: t('reports.figuresPage.cancel'),
      onOk: () => write(s)
    })
  }

  return (
    <Card size="small" title={t('reports.figuresPage.importTitle')} data-testid="figures-import">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('reports.figuresPage.importHint')}</Typography.Text>
        {stage.step === 'pick' && (
          <>
            <Upload
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              disabled={!!stage.reading}
              beforeUpload={(file) => {
                void choose(file)
                return Upload.LIST_IGNORE
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />} loading={!!stage.reading}>
                {t('reports.figuresPage.chooseFile')}
              </Button>
            </Upload>
            {stage.reading && (
              <Typography.Text>
                {t('reports.figuresPage.reading', { fileName: stage.reading })}
              </Typography.Text>
            )}
            {stage.error && (
              <Alert
                type="error"
                showIcon
                data-testid="figures-import-error"
                title={stage.error}
                description={
                  stage.problems && (
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {stage.problems.map((p, i) => (
                        <li key={i}>{figureProblemText(t, p)}</li>
                      ))}
                    </ul>
                  )
                }
              />
            )}
          </>
        )}
        {stage.step === 'preview' && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="figures-preview">
            <Typography.Text strong>
              {t('reports.figuresPage.preview', { fileName: stage.fileName })}
            </Typography.Text>
            <Typography.Text>
              {t('reports.figuresPage.previewSummary', {
                count: stage.figures.length,
                first: stage.figures[0]?.date ?? '',
                last: stage.figures[stage.figures.length - 1]?.date ?? ''
              })}
            </Typography.Text>
            {stage.replaced.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('reports.figuresPage.replaceNote', {
                  count: stage.replaced.length,
                  dates: stage.replaced.join(t('pattern.listSeparator'))
                })}
              />
            )}
            <Table<DailyFigure>
              size="small"
              rowKey="date"
              pagination={{ pageSize: 31, hideOnSinglePage: true, showSizeChanger: false }}
              dataSource={stage.figures}
              columns={[
                { key: 'date', title: t('reports.figuresPage.date'), dataIndex: 'date' },
                {
                  key: 'footfall',
                  title: t('reports.figuresPage.footfall'),
                  render: (_, f) => figureText(locale, f.footfall)
                },
                {
                  key: 'transactions',
                  title: t('reports.figuresPage.transactions'),
                  render: (_, f) => figureText(locale, f.transactions)
                },
                {
                  key: 'replaces',
                  title: t('reports.figuresPage.willReplace'),
                  render: (_, f) =>
                    stage.replaced.includes(f.date) ? t('reports.figuresPage.willReplace') : ''
                }
              ]}
            />
            <Space>
              <Button type="primary" loading={importing.busy} onClick={() => confirm(stage)}>
                {t('reports.figuresPage.import', { count: stage.figures.length })}
              </Button>
              <Button onClick={() => setStage({ step: 'pick' })}>{t('reports.figuresPage.cancel')}</Button>
            </Space>
          </Space>
        )}
      </Space>
    </Card>
  )
}

function ListCard(props: { period: Period }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const data = useData()
  const { from, to } = props.period
  const figures = useLiveQuery(() => data.read.listDailyFigures(from, to), [data, from, to])
  // the period up to today, as 总览 counts a running period "so far"
  const range = periodRange(props.period)
  const today = periodRange({ kind: 'day', from: localDate(data.now()), to: localDate(data.now()) })
  const days = datesOf({ start: range.start, end: Math.min(range.end, today.end) }).reverse()
  const byDate = new Map((figures ?? []).map((f) => [f.date, f]))
  const rows = days.map((date) => byDate.get(date) ?? { date, footfall: null, transactions: null })
  const entered = rows.filter((r) => r.footfall !== null || r.transactions !== null).length
  return (
    <Card
      size="small"
      title={t('reports.figuresPage.list')}
      extra={t('reports.figuresPage.daysEntered', { count: entered, total: days.length })}
    >
      <Typography.Paragraph type="secondary">{t('reports.figuresPage.listHint')}</Typography.Paragraph>
      {!figures ? (
        <Spin />
      ) : (
        <Table<DailyFigure>
          size="small"
          data-testid="figures-list"
          rowKey="date"
          pagination={{ pageSize: 31, hideOnSinglePage: true, showSizeChanger: false }}
          dataSource={rows}
          columns={[
            { key: 'date', title: t('reports.figuresPage.date'), dataIndex: 'date' },
            {
              key: 'footfall',
              title: t('reports.figuresPage.footfall'),
              render: (_, f) =>
                f.footfall === null ? (
                  <Typography.Text type="secondary">{t('reports.figuresPage.notEntered')}</Typography.Text>
                ) : (
                  figureText(locale, f.footfall)
                )
            },
            {
              key: 'transactions',
              title: t('reports.figuresPage.transactions'),
              render: (_, f) =>
                f.transactions === null ? (
                  <Typography.Text type="secondary">{t('reports.figuresPage.notEntered')}</Typography.Text>
                ) : (
                  figureText(locale, f.transactions)
                )
            }
          ]}
        />
      )}
    </Card>
  )
}

export function FiguresTab(props: { period: Period }) {
  const { t } = useTranslation()
  const me = useSession((s) => s.staff)
  const isManager = me?.role === 'manager'
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Typography.Text type="secondary">{t('reports.figuresPage.hint')}</Typography.Text>
      <SourceCard isManager={isManager} />
      {isManager && <EntryCard />}
      {isManager && <ImportCard />}
      <ListCard period={props.period} />
    </Space>
  )
}
