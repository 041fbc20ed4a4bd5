import type { TFunction } from 'i18next'
import dayjs from 'dayjs'
import { loadExcelJs } from '@shared/import/readTable'
import { maskPhone } from '@shared/domain/phone'
import type { ServiceStats } from '@shared/domain/counter/serviceStats'
import type { WeeklySummary } from '@shared/domain/counter/weeklySummary'
import type { StoredConsultation, StoredProblem } from '@/db'

// 导出Excel of 服务统计表 and 每周汇总: a summary sheet, then one row per record. Headers are the UI's
// labels (the language the clerk works in); phones are masked as on paper (客户信息不得泄露).

type Workbook = InstanceType<Awaited<ReturnType<typeof loadExcelJs>>['Workbook']>

const rate = (t: TFunction, r: number | null) =>
  r === null ? t('counter.stats.noRate') : `${(r * 100).toFixed(1)}%`
const time = (ms: number) => dayjs(ms).format('YYYY-MM-DD HH:mm')

function statsSheet(wb: Workbook, t: TFunction, name: string, stats: ServiceStats) {
  const sheet = wb.addWorksheet(name)
  sheet.addRow([
    t('counter.staffNo'),
    t('counter.stats.customersServed'),
    t('counter.stats.consultations'),
    t('counter.stats.withOutcome'),
    t('counter.stats.converted'),
    t('counter.stats.conversionRate')
  ]).font = { bold: true }
  for (const r of [...stats.rows, { ...stats.total, staffNo: t('counter.stats.total') }])
    sheet.addRow([r.staffNo, r.served, r.consultations, r.withOutcome, r.converted, rate(t, r.rate)])
  sheet.columns.forEach((c) => (c.width = 14))
}

function consultationSheet(wb: Workbook, t: TFunction, rows: readonly StoredConsultation[]) {
  const sheet = wb.addWorksheet(t('returns.counterTab.consultation'))
  sheet.addRow([
    t('counter.createdAt'),
    t('counter.staffNo'),
    t('counter.channel'),
    t('counter.customerName'),
    t('counter.customerPhone'),
    t('counter.topic'),
    t('counter.product'),
    t('counter.itemNo'),
    t('counter.question'),
    t('counter.answer'),
    t('counter.outcome'),
    t('counter.orderNo'),
    t('counter.convertedAt')
  ]).font = { bold: true }
  for (const c of rows)
    sheet.addRow([
      time(c.createdAt),
      c.staffNo,
      t(`counter.channelOption.${c.channel}`),
      c.customerName,
      c.customerPhone ? maskPhone(c.customerPhone) : '',
      t(`counter.topicOption.${c.topic}`),
      c.product,
      c.itemNo,
      c.question,
      c.answer,
      c.outcome ? t(`counter.outcomeOption.${c.outcome}`) : '',
      c.orderNo,
      c.convertedAt ? time(c.convertedAt) : ''
    ])
}

async function bytes(wb: Workbook): Promise<Uint8Array> {
  const out = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer
  return out instanceof Uint8Array
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out)
}

export async function serviceStatsXlsx(
  t: TFunction,
  stats: ServiceStats,
  consultations: readonly StoredConsultation[]
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  statsSheet(wb, t, t('counter.stats.title'), stats)
  consultationSheet(wb, t, consultations)
  return bytes(wb)
}

export async function weeklySummaryXlsx(
  t: TFunction,
  summary: WeeklySummary,
  problems: readonly StoredProblem[],
  consultations: readonly StoredConsultation[]
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  statsSheet(wb, t, t('counter.weekly.service'), summary.service)
  const rewards = wb.addWorksheet(t('counter.weekly.rewards'))
  rewards.addRow([t('counter.problem.loggedBy'), t('counter.problem.reward')]).font = { bold: true }
  for (const r of summary.rewards) rewards.addRow([r.staffNo, r.amount])
  rewards.addRow([t('counter.weekly.rewardTotal'), summary.rewardTotal])
  const sheet = wb.addWorksheet(t('returns.counterTab.problem'))
  sheet.addRow([
    t('counter.createdAt'),
    t('counter.problem.loggedBy'),
    t('counter.problem.kind'),
    t('counter.problem.description'),
    t('counter.problem.status'),
    t('counter.problem.decidedBy'),
    t('counter.problem.decisionNote'),
    t('counter.problem.reward')
  ]).font = { bold: true }
  for (const p of problems)
    sheet.addRow([
      time(p.createdAt),
      p.staffNo,
      t(`counter.problem.kindOption.${p.kind}`),
      p.description,
      t(`counter.problem.statusOption.${p.status}`),
      p.decidedBy ?? '',
      p.decisionNote,
      p.reward ?? ''
    ])
  consultationSheet(wb, t, consultations)
  return bytes(wb)
}

/** 服务统计表-20261123.xlsx style names (the title in the UI's language). */
export function counterFileName(title: string, from: number): string {
  return `${title}-${dayjs(from).format('YYYYMMDD')}.xlsx`
}
