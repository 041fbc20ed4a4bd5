import type { TFunction } from 'i18next'
import dayjs from 'dayjs'
import { loadExcelJs } from '@shared/import/readTable'
import type { Period } from '@shared/domain/metrics/period'
import { TIME_LIMITS } from '@shared/domain/metrics/timeLimits'
import type { ParetoBy, ReportFilters } from '@shared/domain/metrics/report'
import type { AnomalyResult, DrillRow, FeedbackResult, OverviewResult, WorkDayRow } from '@/db'
import { WORK_FIGURES, type WorkFigure } from '@shared/domain/workReport'
import { comparisonRows, flagDetail, flagTitle, meanText } from './anomalyText'
import { filterSummary } from './FilterBar'
import { causeLabel, type ParetoResult } from './CauseTab'
import { servedNotes } from './OverviewTab'
import { asOfValue, historyLoadingNow } from './asOf'
import { bucketLabel, changeText, count, metricText, percent } from './format'

// 导出Excel of 总览 and 原因分析: the filters and 数据截至 at the top of the summary sheet, the figures,
// then one row per complaint of the period (the records behind the figures). Labels are the UI's.

export type Workbook = InstanceType<Awaited<ReturnType<typeof loadExcelJs>>['Workbook']>
export type Sheet = ReturnType<Workbook['addWorksheet']>

const time = (ms: number) => dayjs(ms).format('YYYY-MM-DD HH:mm')

export function header(
  sheet: Sheet,
  t: TFunction,
  title: string,
  period: Period,
  filters: ReportFilters,
  asOf: number
) {
  sheet.addRow([title]).font = { bold: true, size: 14 }
  for (const f of filterSummary(t, period, filters)) sheet.addRow([f.label, f.value])
  sheet.addRow([t('reports.dataAsOf'), asOfValue(t, asOf, historyLoadingNow())])
  sheet.addRow([])
}

/** One row per record; `extra` adds columns (时效分析: the durations). */
export function recordSheet(
  wb: Workbook,
  t: TFunction,
  rows: readonly DrillRow[],
  extra?: { titles: string[]; values: (r: DrillRow) => (string | number)[] }
) {
  const sheet = wb.addWorksheet(t('reports.ui.records'))
  sheet.addRow([
    t('complaint.complaintNo'),
    t('complaint.receivedAt'),
    t('complaint.customerName'),
    t('complaint.category'),
    t('workflow.field.department'),
    t('complaint.status'),
    t('complaint.firstResponder'),
    ...(extra?.titles ?? [])
  ]).font = { bold: true }
  for (const r of rows)
    sheet.addRow([
      r.no,
      time(r.at),
      r.customerName,
      r.category ? t(`complaint.categoryOption.${r.category}`) : '',
      r.department,
      t(`complaint.statusOption.${r.status}`),
      r.staffNo,
      ...(extra?.values(r) ?? [])
    ])
  sheet.columns.forEach((c) => (c.width = 16))
}

export async function bytes(wb: Workbook): Promise<Uint8Array> {
  const out = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer
  return out instanceof Uint8Array
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out)
}

export async function overviewXlsx(
  t: TFunction,
  locale: string,
  o: OverviewResult,
  rows: readonly DrillRow[]
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet(t('reports.ui.summary'))
  header(sheet, t, t('reports.overview'), o.query.period, o.query.filters, o.asOf)
  sheet.addRow([
    t('reports.ui.metricColumn'),
    t('reports.ui.value'),
    t('reports.ui.numerator'),
    t('reports.ui.denominator'),
    t('reports.ui.previous'),
    t('reports.ui.change')
  ]).font = { bold: true }
  sheet.addRow([t('reports.ui.complaints'), o.figures.complaints, '', '', o.previousFigures.complaints, ''])
  for (const c of o.cards)
    sheet.addRow([
      t(`reports.metric.${c.metric}`),
      metricText(t, locale, c.metric, c.current),
      c.current.numerator,
      c.current.denominator,
      metricText(t, locale, c.metric, c.previous),
      changeText(t, locale, c.metric, c.change)
    ])
  for (const limit of TIME_LIMITS) {
    const v = o.figures.slaCompliance[limit]
    sheet.addRow([
      `${t('reports.metric.slaCompliance')} · ${t(`reports.limit.${limit}`)}`,
      metricText(t, locale, 'slaCompliance', v),
      v.numerator,
      v.denominator
    ])
  }
  for (const note of servedNotes(t, o)) sheet.addRow([note])
  sheet.addRow([])
  sheet.addRow([t('reports.ui.trend')]).font = { bold: true }
  sheet.addRow([
    t('reports.ui.bucket'),
    t('reports.ui.complaints'),
    t('reports.metric.complaintRate'),
    t('reports.metric.missRate'),
    t('reports.metric.dissatisfactionRate')
  ]).font = { bold: true }
  const by =
    o.trend.length > 1 && dayjs(o.trend[1]?.key).diff(dayjs(o.trend[0]?.key), 'day') > 7 ? 'month' : 'day'
  const pct = (v: number | null) => (v === null ? '—' : percent(locale, v))
  for (const p of o.trend)
    sheet.addRow([
      bucketLabel(t, p.key, by),
      p.complaints,
      pct(p.complaintRate),
      pct(p.missRate),
      pct(p.dissatisfactionRate)
    ])
  sheet.getColumn(1).width = 30
  for (const i of [2, 3, 4, 5, 6]) sheet.getColumn(i).width = 16
  recordSheet(wb, t, rows)
  return bytes(wb)
}

export async function paretoXlsx(
  t: TFunction,
  locale: string,
  period: Period,
  filters: ReportFilters,
  by: ParetoBy,
  p: ParetoResult,
  rows: readonly DrillRow[]
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet(t('reports.ui.summary'))
  header(sheet, t, t('reports.causeAnalysis'), period, filters, p.asOf)
  sheet.addRow([
    t(`reports.ui.paretoByOption.${by}`),
    t('reports.ui.count'),
    t('reports.ui.share'),
    t('reports.ui.cumulative')
  ]).font = {
    bold: true
  }
  for (const b of p.bars)
    sheet.addRow([causeLabel(t, by, b.key), b.count, percent(locale, b.share), percent(locale, b.cumulative)])
  sheet.addRow([t('reports.ui.complaints'), count(locale, p.total)])
  if (p.otherWarning) sheet.addRow([t('reports.ui.otherWarning', { share: percent(locale, p.otherShare) })])
  sheet.getColumn(1).width = 30
  recordSheet(wb, t, rows)
  return bytes(wb)
}

/** 统计报表-总览-20261101.xlsx */
export function reportFileName(t: TFunction, title: string, period: Period): string {
  return `${t('nav.reports')}-${title}-${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}.xlsx`
}

/** 质量异常分析日报表: the day and 数据截至, the comparison (that day, the four baseline days, the mean)
 *  and the flags on the summary sheet; then one row per record of each flag (a record under two flags
 *  appears twice, once under each). */
export async function anomalyXlsx(
  t: TFunction,
  locale: string,
  r: AnomalyResult,
  rows: readonly DrillRow[],
  customerNames: ReadonlyMap<string, string>
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet(t('reports.ui.summary'))
  sheet.addRow([t('reports.anomalyDaily')]).font = { bold: true, size: 14 }
  sheet.addRow([t('reports.anomalyPage.day'), r.day])
  sheet.addRow([t('reports.dataAsOf'), asOfValue(t, r.asOf, historyLoadingNow())])
  sheet.addRow([])
  sheet.addRow([
    t('reports.anomalyPage.row'),
    t('reports.anomalyPage.today'),
    ...r.baselineDays,
    t('reports.anomalyPage.mean')
  ]).font = { bold: true }
  for (const row of comparisonRows(r))
    sheet.addRow([
      t(`reports.anomalyPage.${row.key}`),
      row.today,
      ...row.baseline,
      meanText(locale, row.baseline)
    ])
  sheet.addRow([])
  sheet.addRow([t('reports.anomalyPage.flags')]).font = { bold: true }
  if (r.flags.length === 0) sheet.addRow([t('reports.anomalyPage.noFlags')])
  for (const f of r.flags)
    sheet.addRow([
      flagTitle(t, f),
      flagDetail(t, locale, f, r, f.rule === 'repeatCustomer' ? customerNames.get(f.customerId) : undefined)
    ])
  sheet.getColumn(1).width = 28
  sheet.getColumn(2).width = 40
  const byId = new Map(rows.map((row) => [row.ref.id, row]))
  const records = wb.addWorksheet(t('reports.ui.records'))
  records.addRow([
    t('reports.anomalyPage.flags'),
    t('reports.ui.record'),
    t('complaint.complaintNo'),
    t('reports.ui.at'),
    t('complaint.customerName'),
    t('complaint.category'),
    t('workflow.field.department'),
    t('complaint.status'),
    t('reports.ui.clerk')
  ]).font = { bold: true }
  for (const f of r.flags)
    for (const id of f.caseIds) {
      const row = byId.get(id)
      if (!row) continue
      records.addRow([
        flagTitle(t, f),
        t(`reports.ui.recordKind.${row.ref.kind}`),
        row.no,
        time(row.at),
        row.customerName,
        row.category ? t(`complaint.categoryOption.${row.category}`) : '',
        row.department,
        row.ref.kind === 'complaint' ? t(`complaint.statusOption.${row.status}`) : '',
        row.staffNo
      ])
    }
  records.columns.forEach((c) => (c.width = 16))
  return bytes(wb)
}

/** 部门反馈: the filters and 数据截至, one row per 责任部门 and the total, then one row per complaint
 *  closed in the period with its 责任部门 and whether it was fed back. */
export async function feedbackXlsx(
  t: TFunction,
  locale: string,
  period: Period,
  filters: ReportFilters,
  r: FeedbackResult,
  rows: readonly DrillRow[]
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet(t('reports.ui.summary'))
  header(sheet, t, t('reports.departmentFeedback'), period, filters, r.asOf)
  sheet.addRow([
    t('reports.feedbackPage.department'),
    t('reports.feedbackPage.closed'),
    t('reports.feedbackPage.fedBack'),
    t('reports.feedbackPage.unfedBack'),
    t('reports.feedbackPage.fedBackRate'),
    t('reports.feedbackPage.received')
  ]).font = { bold: true }
  const rate = (v: number | null) => (v === null ? '—' : percent(locale, v))
  for (const row of r.rows)
    sheet.addRow([
      row.department || t('reports.ui.notFilled'),
      row.closed.length,
      row.fedBack.length,
      row.unfedBack.length,
      rate(row.rate),
      row.received.length
    ])
  sheet.addRow([
    t('reports.feedbackPage.total'),
    r.total.closed.length,
    r.total.fedBack.length,
    r.total.unfedBack.length,
    rate(r.total.rate),
    r.total.received.length
  ]).font = { bold: true }
  sheet.getColumn(1).width = 24
  const unfed = new Set(r.total.unfedBack)
  const records = wb.addWorksheet(t('reports.ui.records'))
  records.addRow([
    t('complaint.complaintNo'),
    t('complaint.receivedAt'),
    t('complaint.customerName'),
    t('complaint.category'),
    t('workflow.field.department'),
    t('complaint.status'),
    t('complaint.firstResponder'),
    t('reports.feedbackPage.unfedBack')
  ]).font = { bold: true }
  for (const row of rows)
    records.addRow([
      row.no,
      time(row.at),
      row.customerName,
      row.category ? t(`complaint.categoryOption.${row.category}`) : '',
      row.department,
      t(`complaint.statusOption.${row.status}`),
      row.staffNo,
      unfed.has(row.ref.id) ? t('reports.feedbackPage.unfedBack') : ''
    ])
  records.columns.forEach((c) => (c.width = 16))
  return bytes(wb)
}

/** One record behind a figure of 工作报表, for its 明细 sheet. */
export interface WorkDetail {
  staffNo: string
  name: string
  figure: WorkFigure
  row: DrillRow
}

/** 工作报表: the day and 数据截至, one row per staff member with the six figures, 提交情况 and the
 *  remark; then one row per record behind the figures (交接班 are counted, not listed as records). */
export async function workXlsx(
  t: TFunction,
  day: string,
  asOf: number,
  rows: readonly WorkDayRow[],
  details: readonly WorkDetail[]
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet(t('reports.ui.summary'))
  sheet.addRow([t('reports.workReport')]).font = { bold: true, size: 14 }
  sheet.addRow([t('reports.workPage.day'), day])
  sheet.addRow([t('reports.dataAsOf'), asOfValue(t, asOf, historyLoadingNow())])
  sheet.addRow([
    t('reports.workPage.whoSubmitted', {
      submitted: rows.filter((r) => r.submitted).length,
      total: rows.length
    })
  ])
  sheet.addRow([])
  sheet.addRow([
    t('reports.workPage.staff'),
    ...WORK_FIGURES.map((f) => t(`reports.workPage.figure.${f}`)),
    t('reports.workPage.status'),
    t('reports.workPage.remark')
  ]).font = { bold: true }
  for (const r of rows)
    sheet.addRow([
      `${r.staffNo} ${r.name}`,
      ...WORK_FIGURES.map((f) => r.figures[f].length),
      r.submitted
        ? t('reports.workPage.submittedAt', { time: time(r.submitted.submittedAt) })
        : t('reports.workPage.notSubmitted'),
      r.submitted?.remark ?? ''
    ])
  sheet.getColumn(1).width = 18
  sheet.getColumn(WORK_FIGURES.length + 2).width = 22
  sheet.getColumn(WORK_FIGURES.length + 3).width = 40
  const records = wb.addWorksheet(t('reports.ui.records'))
  records.addRow([
    t('reports.workPage.staff'),
    t('reports.workPage.item'),
    t('reports.ui.record'),
    t('complaint.complaintNo'),
    t('reports.ui.at'),
    t('complaint.customerName'),
    t('complaint.status')
  ]).font = { bold: true }
  for (const d of details)
    records.addRow([
      `${d.staffNo} ${d.name}`,
      t(`reports.workPage.figure.${d.figure}`),
      t(`reports.ui.recordKind.${d.row.ref.kind}`),
      d.row.no,
      time(d.row.at),
      d.row.customerName,
      d.row.ref.kind === 'complaint' ? t(`complaint.statusOption.${d.row.status}`) : ''
    ])
  records.columns.forEach((c) => (c.width = 16))
  return bytes(wb)
}
