import type { TFunction } from 'i18next'
import { loadExcelJs } from '@shared/import/readTable'
import type { Granularity, RecordRef } from '@shared/domain/metrics/report'
import { TIME_LIMITS } from '@shared/domain/metrics/timeLimits'
import type { DrillRow } from '@/db'
import { bytes, header, recordSheet } from './reportsXlsx'
import { bucketLabel, duration, percent } from './format'
import { binLabel, type TimelinessResult } from './TimelinessTab'
import { clerkLabel, COUNT_LISTS, rateTitle, RATE_COLUMNS, type StaffResult } from './StaffTab'

// 导出Excel of 时效分析 and 客服考核: the filters and 数据截至 at the top of the summary sheet, the
// figures, then one row per complaint (时效分析: with its counted durations).

const hours = (ms: number | undefined) => (ms === undefined ? '' : Math.round((ms / 3_600_000) * 100) / 100)

export async function timelinessXlsx(
  t: TFunction,
  locale: string,
  by: Granularity,
  tl: TimelinessResult,
  rows: readonly DrillRow[],
  responded: readonly RecordRef[],
  closed: readonly RecordRef[]
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet(t('reports.ui.summary'))
  header(sheet, t, t('reports.timeliness'), tl.query.period, tl.query.filters, tl.asOf)
  for (const of of ['firstResponseTime', 'closeTime'] as const) {
    const d = tl[of]
    const name = t(`reports.metric.${of}`)
    sheet.addRow([t('reports.tl.distribution', { metric: name })]).font = { bold: true }
    sheet.addRow([
      t('reports.ui.median'),
      d.metric.value === null ? '—' : duration(t, locale, d.metric.value),
      t('reports.tl.measured', { count: d.metric.denominator })
    ])
    sheet.addRow([t('reports.tl.bin'), t('reports.ui.count')]).font = { bold: true }
    for (const b of d.bins) sheet.addRow([binLabel(t, of, b), b.count])
    sheet.addRow([])
  }
  sheet.addRow([t('reports.tl.complianceTrend')]).font = { bold: true }
  const limits = [...TIME_LIMITS, 'all' as const]
  sheet.addRow([t('reports.ui.bucket'), ...limits.map((l) => t(`reports.limit.${l}`))]).font = { bold: true }
  const cell = (v: { value: number | null; numerator: number; denominator: number }) =>
    `${v.value === null ? '—' : percent(locale, v.value)} (${v.numerator}/${v.denominator})`
  for (const p of [...tl.trend, { ...tl.compliance, key: '' }])
    sheet.addRow([
      p.key ? bucketLabel(t, p.key, by) : t('reports.ui.allFilters'),
      ...limits.map((l) => cell(p[l]))
    ])
  sheet.getColumn(1).width = 30
  for (const i of [2, 3, 4, 5]) sheet.getColumn(i).width = 22
  const durations = (refs: readonly RecordRef[]) =>
    new Map(refs.map((r) => [r.id, 'durationMs' in r ? r.durationMs : undefined]))
  const first = durations(responded)
  const close = durations(closed)
  recordSheet(wb, t, rows, {
    titles: [
      `${t('reports.metric.firstResponseTime')} (${t('reports.ui.hours', { value: '' }).trim()})`,
      `${t('reports.metric.closeTime')} (${t('reports.ui.hours', { value: '' }).trim()})`
    ],
    values: (r) => [hours(first.get(r.ref.id)), hours(close.get(r.ref.id))]
  })
  return bytes(wb)
}

export async function staffXlsx(
  t: TFunction,
  locale: string,
  s: StaffResult,
  names: ReadonlyMap<string, string>,
  rows: readonly DrillRow[]
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet(t('reports.ui.summary'))
  header(sheet, t, t('reports.staffReview'), s.query.period, s.query.filters, s.asOf)
  sheet.addRow([
    t('reports.staff.clerk'),
    ...COUNT_LISTS.map((l) => t(`reports.staff.list.${l}`)),
    ...RATE_COLUMNS.map((c) => rateTitle(t, c.key))
  ]).font = { bold: true }
  const rate = (v: { value: number | null; numerator: number; denominator: number }) =>
    `${v.value === null ? '—' : percent(locale, v.value)} (${v.numerator}/${v.denominator})`
  for (const r of s.rows)
    sheet.addRow([
      clerkLabel(names, r.clerk),
      ...COUNT_LISTS.map((l) => r[l]),
      ...RATE_COLUMNS.map((c) => rate(r[c.key]))
    ])
  sheet.getColumn(1).width = 20
  recordSheet(wb, t, rows)
  return bytes(wb)
}
