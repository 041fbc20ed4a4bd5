import { DEFAULT_TIME_RULES, type TimeRuleSettings } from '../../../shared/domain/timeRules'
import type { DataContext } from './context'

export async function getTimeRules(ctx: DataContext): Promise<TimeRuleSettings> {
  const stored = await ctx.db.settings.get('timeRules')
  if (stored?.id !== 'timeRules' || stored._deleted) return DEFAULT_TIME_RULES
  const { storeDayEndsAt, escalateToLeaderAfterHours, escalateToManagerAfterHours, revisitWithinDays } = stored
  return { storeDayEndsAt, escalateToLeaderAfterHours, escalateToManagerAfterHours, revisitWithinDays }
}

export async function saveTimeRules(ctx: DataContext, staffNo: string, rules: TimeRuleSettings): Promise<void> {
  await ctx.writer.transact(staffNo, async (tx) => {
    if (await ctx.db.settings.get('timeRules')) await tx.update('settings', 'timeRules', rules)
    else await tx.create('settings', { id: 'timeRules', ...rules })
  })
}
