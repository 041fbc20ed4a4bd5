import type { TFunction } from 'i18next'
import dayjs from 'dayjs'
import { loadExcelJs } from '@shared/import/readTable'
import type { Period } from '@shared/domain/metrics/period'
import { TIME_LIMITS } from '@shared/domain/metrics/timeLimits'
import type { ParetoBy, ReportFilters } from '@shared/domain/metrics/report'
import type { DrillRow, OverviewResult } from '@/db'
import { filterSummary } from './FilterBar'
import { causeLabel, type ParetoResult } from './CauseTab'
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
  sheet.addRow([t('reports.dataAsOf'), time(asOf)])
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
