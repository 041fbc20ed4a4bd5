import { settingsWrite } from './audit'
import { DEFAULT_IDLE_MINUTES, idleMinutesSchema } from '@shared/domain/desk/idleLock'
import type { DataContext } from './context'
import { getStaffByNo } from './staff'
import { staffHasPin } from './staffPin'

// 已锁定 and PINs (issue 17 point 1), the store's settings (系统设置 → 锁定与PIN, one record 'deskLock',
// synced, one field each so two PCs' changes merge): after how many idle minutes the desk locks
// (default 10, 0 = never by itself) and whether everyone must have a PIN. Only an active 客服经理
// changes them, checked here and again inside the write.

export interface DeskLockSettings {
  idleMinutes: number
  /** everyone must have a PIN: someone without one sets it at their next 切换工号 */
  pinForEveryone: boolean
}

/** The data layer refused; `message` is an i18n key (deskLock.refused.* or validation.*). Nothing was written. */
export class DeskLockRefusedError extends Error {}

export async function getDeskLockSettings(ctx: DataContext): Promise<DeskLockSettings> {
  const stored = await ctx.db.settings.get('deskLock')
  const record = stored?.id === 'deskLock' && !stored._deleted ? stored : undefined
  const minutes = idleMinutesSchema.safeParse(record?.idleMinutes)
  return {
    idleMinutes: minutes.success ? minutes.data : DEFAULT_IDLE_MINUTES,
    pinForEveryone: record?.pinForEveryone === true
  }
}

async function isActiveManager(ctx: DataContext, staffNo: string): Promise<boolean> {
  const staff = await getStaffByNo(ctx, staffNo)
  return !!staff && staff.active && staff.role === 'manager'
}

/** Saves the fields given. `by` must be an active 客服经理; minutes 0–120 (whole). */
export async function saveDeskLockSettings(
  ctx: DataContext,
  by: string,
  values: Partial<DeskLockSettings>
): Promise<void> {
  const fields: Partial<DeskLockSettings> = {}
  if (values.idleMinutes !== undefined) {
    const parsed = idleMinutesSchema.safeParse(values.idleMinutes)
    if (!parsed.success) throw new DeskLockRefusedError(parsed.error.issues[0]?.message ?? 'validation.range')
    fields.idleMinutes = parsed.data
  }
  if (values.pinForEveryone !== undefined) fields.pinForEveryone = values.pinForEveryone === true
  if (!(await isActiveManager(ctx, by))) throw new DeskLockRefusedError('deskLock.refused.notManager')
  // recorded in 操作日志 like every settings change (its own refusal: a manager's, checked here)
  const refused = await settingsWrite(
    ctx,
    by,
    'deskLock',
    async (tx) => {
      if (!(await isActiveManager(ctx, by))) return true
      if (await ctx.db.settings.get('deskLock')) await tx.update('settings', 'deskLock', fields)
      else await tx.create('settings', { id: 'deskLock', ...fields })
      return false
    },
    (wasRefused) => !wasRefused,
    'own'
  )
  if (refused) throw new DeskLockRefusedError('deskLock.refused.notManager')
}

/** What becoming `staffNo` at this desk takes: nothing, their PIN, or (PIN for everyone) setting one. */
export async function switchNeeds(
  ctx: DataContext,
  staffNo: string
): Promise<'nothing' | 'pin' | 'setPin' | 'unknownStaff'> {
  const staff = await getStaffByNo(ctx, staffNo.trim())
  if (!staff || !staff.active) return 'unknownStaff'
  if (staffHasPin(staff)) return 'pin'
  return (await getDeskLockSettings(ctx)).pinForEveryone ? 'setPin' : 'nothing'
}
