// 回访统计 → 导出Excel: a summary sheet (per rule, per clerk) and one row per task, for the range and
// filters on screen. The workbook's words are the store's zh-CN labels (like the customer export);
// phones are masked unless the exporting role may see them.

import { maskPhone } from '../phone'
import { loadExcelJs } from '../../import/readTable'
import type { Satisfaction } from '../complaint'
import { MEASURES, type Measure, type StatRow } from './coverage'
import type { RevisitRule } from './rules'
import type { Outcome, TaskStatus } from './task'

export const RULE_LABELS_ZH: Record<RevisitRule, string> = {
  complaint: '投诉回访',
  repair: '维修回访',
  newCustomer: '新客户回访',
  keyAccount: '大客户回访',
  campaign: '专项回访'
}
export const MEASURE_LABELS_ZH: Record<Measure, string> = {
  generated: '生成',
  due: '到期',
  done: '已回访',
  onTime: '按时回访',
  unreachable: '无法联系',
  refused: '拒绝回访',
  satisfied: '满意',
  neutral: '一般',
  unsatisfied: '不满意'
}
export const STATUS_LABELS_ZH: Record<TaskStatus, string> = {
  open: '未完成',
  done: '已回访',
  unreachable: '无法联系',
  refused: '拒绝回访',
  cancelled: '不再回访'
}
export const OUTCOME_LABELS_ZH: Record<Outcome, string> = {
  reached: '已接通',
  noAnswer: '未接通',
  wrongNumber: '号码错误',
  refused: '拒绝回访',
  rebooked: '改约'
}
const SATISFACTION_ZH: Record<Satisfaction, string> = {
  satisfied: '满意',
  neutral: '一般',
  unsatisfied: '不满意'
}

export interface ExportTaskRow {
  rule: RevisitRule
  customerName: string
  customerPhone: string
  reason: string
  clerk: string
  windowStart: string
  dueAt: string
  status: TaskStatus
  attempts: number
  endedAt: string
  lastOutcome?: Outcome
  satisfaction?: Satisfaction
  onTime: boolean
  note: string
}

export interface StatsExport {
  range: string
  byRule: { rule: RevisitRule; row: StatRow }[]
  byClerk: { clerk: string; row: StatRow }[]
  tasks: ExportTaskRow[]
  masked: boolean
}

export const SUMMARY_HEADERS = [
  '分组',
  ...MEASURES.map((m) => MEASURE_LABELS_ZH[m]),
  '回访率(%)',
  '目标(%)',
  '达标'
]
export const TASK_HEADERS = [
  '规则',
  '客户',
  '联系电话',
  '回访事由',
  '负责客服',
  '开始',
  '截止',
  '状态',
  '拨打次数',
  '结束时间',
  '最后结果',
  '满意度',
  '按时',
  '备注'
]

function summaryRow(label: string, row: StatRow): (string | number)[] {
  return [
    label,
    ...MEASURES.map((m) => row.counts[m]),
    row.coverage ?? '',
    row.targetPercent ?? '',
    row.coverage === null || row.targetPercent === null ? '' : row.belowTarget ? '否' : '是'
  ]
}

export async function revisitStatsToXlsx(data: StatsExport): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const workbook = new ExcelJS.Workbook()
  const summary = workbook.addWorksheet('回访统计')
  summary.addRow([`统计期间：${data.range}`])
  summary.addRow(SUMMARY_HEADERS).font = { bold: true }
  for (const { rule, row } of data.byRule) {
    const added = summary.addRow(summaryRow(RULE_LABELS_ZH[rule], row))
    if (row.belowTarget) added.getCell(SUMMARY_HEADERS.length - 2).font = { color: { argb: 'FFCF1322' } }
  }
  summary.addRow([])
  summary.addRow(['负责客服']).font = { bold: true }
  for (const { clerk, row } of data.byClerk) summary.addRow(summaryRow(clerk || '（未分配）', row))
  summary.columns.forEach((c, i) => (c.width = i === 0 ? 16 : 10))

  const tasks = workbook.addWorksheet('回访任务', { views: [{ state: 'frozen', ySplit: 1 }] })
  tasks.columns = TASK_HEADERS.map((header) => ({ header, width: 14, style: { numFmt: '@' } }))
  tasks.getRow(1).font = { bold: true }
  for (const t of data.tasks)
    tasks.addRow([
      RULE_LABELS_ZH[t.rule],
      t.customerName,
      data.masked ? maskPhone(t.customerPhone) : t.customerPhone,
      t.reason,
      t.clerk,
      t.windowStart,
      t.dueAt,
      STATUS_LABELS_ZH[t.status],
      String(t.attempts),
      t.endedAt,
      t.lastOutcome ? OUTCOME_LABELS_ZH[t.lastOutcome] : '',
      t.satisfaction ? SATISFACTION_ZH[t.satisfaction] : '',
      t.onTime ? '是' : '',
      t.note
    ])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
