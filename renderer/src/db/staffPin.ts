import { auditedTransact } from './audit'
import {
  hashPin,
  needsRehash,
  normalisePin,
  pinSchema,
  verifyPin,
  type PinCheckResult
} from '@shared/domain/pin'
import type { Staff } from '@shared/domain/staff'
import type { DataContext } from './context'
import { getStaffByNo } from './staff'

// Staff PINs. Who may: anyone their own, the 客服经理 anyone's; only the manager clears one.
// WebCrypto is awaited BEFORE the write transaction: an await on anything but IndexedDB inside it
// would let the transaction commit early. The rights are checked before hashing (no wasted work)
// and again inside the transaction (the staff list may have changed meanwhile, e.g. by sync).

/** The data layer refused; `message` is an i18n key (staffPin.refused.* or validation.*). Nothing was written. */
export class StaffPinRefusedError extends Error {}

type Refusal = 'notAllowed' | 'unknownStaff'

/** Cleared PINs are '' rather than absent: a field change must carry a value to sync. */
export function staffHasPin(staff: Pick<Staff, 'pinHash'>): boolean {
  return !!staff.pinHash
}

async function refusal(
  ctx: DataContext,
  by: string,
  staffNo: string,
  managerOnly: boolean
): Promise<{ refused: Refusal } | { target: Staff & { id: string } }> {
  const [actor, target] = await Promise.all([getStaffByNo(ctx, by), getStaffByNo(ctx, staffNo)])
  const isManager = !!actor && actor.active && actor.role === 'manager'
  const isSelf = !!actor && actor.active && by === staffNo
  if (!(isManager || (isSelf && !managerOnly))) return { refused: 'notAllowed' }
  if (!target) return { refused: 'unknownStaff' }
  return { target }
}

async function writePinHash(
  ctx: DataContext,
  by: string,
  staffNo: string,
  pinHash: string,
  managerOnly: boolean
): Promise<void> {
  const audit = { kind: pinHash ? ('pinSet' as const) : ('pinCleared' as const), params: { staffNo } }
  const outcome = await auditedTransact(ctx, by, audit, async (tx, record) => {
    const checked = await refusal(ctx, by, staffNo, managerOnly)
    if ('refused' in checked) return checked
    await tx.update('staff', checked.target.id, { pinHash })
    await record()
    return null
  })
  if (outcome) throw new StaffPinRefusedError(`staffPin.refused.${outcome.refused}`)
}

/** 设置PIN: `by` sets their own, or is an active 客服经理. The PIN is validated (4–6 digits) and only its hash is stored. */
export async function setStaffPin(ctx: DataContext, by: string, staffNo: string, pin: string): Promise<void> {
  const parsed = pinSchema.safeParse(pin)
  if (!parsed.success) throw new StaffPinRefusedError(parsed.error.issues[0]?.message ?? 'validation.pin')
  const before = await refusal(ctx, by, staffNo, false)
  if ('refused' in before) throw new StaffPinRefusedError(`staffPin.refused.${before.refused}`)
  await writePinHash(ctx, by, staffNo, await hashPin(parsed.data), false)
}

/** 清除PIN (客服经理 only): the person then confirms by switching to their 工号 until they set a new one. */
export async function clearStaffPin(ctx: DataContext, by: string, staffNo: string): Promise<void> {
  await writePinHash(ctx, by, staffNo, '', true)
}

/** Checks a 工号 and PIN as typed (full-width digits allowed); never throws for a wrong entry. */
export async function checkStaffPin(ctx: DataContext, staffNo: string, pin: string): Promise<PinCheckResult> {
  const staff = await getStaffByNo(ctx, staffNo.trim())
  if (!staff) return 'unknownStaff'
  if (!staff.active) return 'inactive'
  if (!staff.pinHash) return 'noPin'
  const plain = normalisePin(pin)
  if (!(await verifyPin(plain, staff.pinHash))) return 'wrong'
  // A verifier of an earlier kind (PBKDF2 before issue 17) is replaced now that the PIN is known:
  // the upgrade never asks anyone for anything, and locks nobody out.
  if (needsRehash(staff.pinHash)) {
    const parsed = pinSchema.safeParse(plain)
    if (parsed.success) {
      const fresh = await hashPin(parsed.data)
      await ctx.writer.transact(staff.staffNo, async (tx) => {
        const now = await getStaffByNo(ctx, staff.staffNo)
        // only if nobody changed it meanwhile
        if (now && now.pinHash === staff.pinHash) await tx.update('staff', staff.id, { pinHash: fresh })
      })
    }
  }
  return 'ok'
}
