import { settingsWrite } from './audit'
import { DEFAULT_TIME_RULES, type TimeRuleSettings } from '@shared/domain/timeRules'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { SYSTEM_STAFF_NO } from './escalations'
import { openComplaintIds } from './complaintReads'

export async function getTimeRules(ctx: DataContext): Promise<TimeRuleSettings> {
  return readTimeRules(await ctx.db.settings.get('timeRules'))
}

/** The rules in a stored settings record; the handbook's defaults when there is none. */
export function readTimeRules(stored: SyncedRecords['settings'] | undefined): TimeRuleSettings {
  if (stored?.id !== 'timeRules' || stored._deleted) return DEFAULT_TIME_RULES
  const { storeDayEndsAt, escalateToLeaderAfterHours, escalateToManagerAfterHours, revisitWithinDays } =
    stored
  return { storeDayEndsAt, escalateToLeaderAfterHours, escalateToManagerAfterHours, revisitWithinDays }
}

export async function saveTimeRules(
  ctx: DataContext,
  staffNo: string,
  rules: TimeRuleSettings
): Promise<void> {
  const previous = ctx.timeRules
  await settingsWrite(ctx, staffNo, 'timeRules', async (tx) => {
    if (await ctx.db.settings.get('timeRules')) await tx.update('settings', 'timeRules', rules)
    else await tx.create('settings', { id: 'timeRules', ...rules })
    // Open cases' overdue/escalation keys depend on the rules: recompute them with the new ones.
    ctx.timeRules = rules
    const open = await openComplaintIds(ctx.db)
    for (const id of open) await tx.rederive('complaints', id)
  }).catch((e: unknown) => {
    ctx.timeRules = previous
    throw e
  })
}

const ZONE_KEY = 'timeKeys.zone'

/** Store days end at LOCAL midnight, so the derived time keys depend on the PC's time zone: after
 *  the zone changed (a PC set up with the wrong one, then corrected), recompute them for open cases. */
export async function rederiveIfZoneChanged(
  ctx: DataContext,
  zone = Intl.DateTimeFormat().resolvedOptions().timeZone
): Promise<boolean> {
  const stored = (await ctx.db.meta.get(ZONE_KEY))?.value
  if (stored === zone) return false
  await ctx.writer.transact(SYSTEM_STAFF_NO, async (tx) => {
    if (stored !== undefined)
      for (const id of await openComplaintIds(ctx.db)) await tx.rederive('complaints', id)
    await tx.local.meta.put({ key: ZONE_KEY, value: zone })
  })
  return stored !== undefined
}
