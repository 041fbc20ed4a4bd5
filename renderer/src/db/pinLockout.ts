import { auditedTransact } from './audit'
import {
  afterAttempt,
  beforeAttempt,
  UNLOCKED,
  unlockedByManager,
  type PinAttempt,
  type PinLockState
} from '@shared/domain/desk/pinLockout'
import type { DataContext } from './context'
import { getStaffByNo } from './staff'
import { checkStaffPin } from './staffPin'

// 切换工号 with a PIN (issue 17 point 1): every PIN typed to become someone goes through here, so five
// wrong in a row lock that 工号 for five minutes whatever screen asked (shared/domain/desk/pinLockout.ts).
// The count is this PC's own (local meta, never synced): the guesses are typed here.

const keyOf = (staffNo: string) => `pinLock.${staffNo}`

export type GuardedPinCheck = PinAttempt | { outcome: 'noPin' | 'unknownStaff' | 'inactive' }

function readState(value: unknown): PinLockState {
  const v = value as Partial<PinLockState> | undefined
  return typeof v?.wrong === 'number' && typeof v.lockedUntil === 'number'
    ? { wrong: v.wrong, lockedUntil: v.lockedUntil }
    : UNLOCKED
}

export async function pinLockState(ctx: DataContext, staffNo: string): Promise<PinLockState> {
  return readState((await ctx.db.meta.get(keyOf(staffNo.trim())))?.value)
}

/** Checks `staffNo`'s PIN as typed, counting wrong ones; while locked the PIN is not looked at. */
export async function checkPinGuarded(
  ctx: DataContext,
  staffNo: string,
  pin: string
): Promise<GuardedPinCheck> {
  const no = staffNo.trim()
  const state = await pinLockState(ctx, no)
  const blocked = beforeAttempt(state, ctx.now())
  if (blocked) return blocked
  const result = await checkStaffPin(ctx, no, pin)
  if (result !== 'ok' && result !== 'wrong') return { outcome: result }
  // the instant the answer is known (a PIN check takes tens of milliseconds of hashing)
  const attempt = afterAttempt(state, result === 'ok', ctx.now())
  await ctx.db.meta.put({ key: keyOf(no), value: attempt.state })
  return attempt
}

/** A 客服经理's own 工号 and PIN unlock `staffNo` at once. The manager's PIN is itself guarded. */
export async function unlockPinWithManager(
  ctx: DataContext,
  managerNo: string,
  managerPin: string,
  staffNo: string
): Promise<'ok' | 'notManager' | GuardedPinCheck['outcome']> {
  const manager = await getStaffByNo(ctx, managerNo.trim())
  if (!manager || !manager.active || manager.role !== 'manager') return 'notManager'
  const check = await checkPinGuarded(ctx, managerNo, managerPin)
  if (check.outcome !== 'ok') return check.outcome
  await auditedTransact(
    ctx,
    manager.staffNo,
    { kind: 'pinUnlocked', params: { staffNo: staffNo.trim() } },
    async (tx, record) => {
      await tx.local.meta.put({ key: keyOf(staffNo.trim()), value: unlockedByManager() })
      await record()
    }
  )
  return 'ok'
}
