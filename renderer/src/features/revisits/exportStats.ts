import type { TFunction } from 'i18next'
import dayjs from 'dayjs'
import { isDoneOnTime } from '@shared/domain/revisit'
import { revisitStatsToXlsx } from '@shared/domain/revisit/exportXlsx'
import type { Data, RevisitStats } from '@/db'

const DAY_TIME = 'YYYY-MM-DD HH:mm'

/** The workbook of 回访统计: summary and one row per task in the range (回访统计-<from>-<to>.xlsx). */
export async function exportStats(
  data: Data,
  stats: RevisitStats,
  options: { masked: boolean; t: TFunction }
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const rows = await data.read.revisitStatsTasks(stats.from, stats.to, {})
  const from = dayjs(stats.from).format('YYYY-MM-DD')
  const to = dayjs(stats.to).format('YYYY-MM-DD')
  const bytes = await revisitStatsToXlsx({
    range: `${from} ~ ${to}`,
    byRule: stats.byRule,
    byClerk: stats.byClerk,
    masked: options.masked,
    tasks: rows.map(({ task, state }) => ({
      rule: task.rule,
      customerName: task.customerName,
      customerPhone: task.customerPhone,
      reason: task.campaign?.name || task.sourceNo,
      clerk: task.clerk,
      windowStart: dayjs(task.windowStart).format(DAY_TIME),
      dueAt: dayjs(task.dueAt).format(DAY_TIME),
      status: state.status,
      attempts: state.attempts,
      endedAt: state.endedAt ? dayjs(state.endedAt).format(DAY_TIME) : '',
      lastOutcome: state.final?.outcome,
      satisfaction: state.final?.satisfaction,
      onTime: isDoneOnTime({ dueAt: task.dueAt, state }),
      note: [state.final?.suggestions, state.final?.note].filter(Boolean).join('；')
    }))
  })
  return { bytes, fileName: options.t('revisit.stats.fileName', { from, to }) }
}
