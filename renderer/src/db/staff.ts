import { auditedTransact } from './audit'
import { managerRefusal, RoleRefusedError, type RoleRefusal } from './roles'
import { nanoid } from 'nanoid'
import type { Role, Staff } from '@shared/domain/staff'
import type { DataContext } from './context'

export class DuplicateStaffNoError extends Error {
  constructor(readonly staffNo: string) {
    super(`staff no. ${staffNo} already exists`)
  }
}

export async function listStaff(ctx: DataContext): Promise<Staff[]> {
  const all = await ctx.db.staff.orderBy('staffNo').toArray()
  return all.filter((s) => !s._deleted)
}

export async function getStaffByNo(ctx: DataContext, staffNo: string): Promise<Staff | undefined> {
  const staff = await ctx.db.staff.where('staffNo').equals(staffNo).first()
  return staff && !staff._deleted ? staff : undefined
}

export async function addStaff(
  ctx: DataContext,
  by: string,
  input: { staffNo: string; name: string; role: Role }
): Promise<string> {
  const id = nanoid()
  // Refusal leaves the transaction by return, not throw (see applyWorkflow).
  const added = await auditedTransact(
    ctx,
    by,
    { kind: 'staffAdded', params: { staffNo: input.staffNo, role: input.role } },
    async (tx, record) => {
      const refusal = await staffChangeRefusal(ctx, by)
      if (refusal) return refusal
      if (await ctx.db.staff.where('staffNo').equals(input.staffNo).count()) return false
      await tx.create('staff', { id, ...input, active: true })
      await record()
      return true
    }
  )
  if (typeof added === 'string') throw new RoleRefusedError(added)
  if (!added) throw new DuplicateStaffNoError(input.staffNo)
  return id
}

export async function updateStaff(
  ctx: DataContext,
  by: string,
  id: string,
  patch: Partial<Pick<Staff, 'name' | 'role' | 'active'>>
): Promise<void> {
  const target = await ctx.db.staff.get(id)
  const params = { staffNo: target?.staffNo ?? id, fields: Object.keys(patch).sort(), ...patch }
  const refused = await auditedTransact(ctx, by, { kind: 'staffChanged', params }, async (tx, record) => {
    const refusal = await staffChangeRefusal(ctx, by)
    if (refusal) return refusal
    if ((await tx.update('staff', id, patch)) > 0) await record()
    return undefined
  })
  if (refused) throw new RoleRefusedError(refused)
}

/** 员工列表 changes: an active 客服经理 only — except while the store has no active manager at all
 *  (first run, before its first manager exists), so the list can be started. */
async function staffChangeRefusal(ctx: DataContext, by: string): Promise<RoleRefusal | undefined> {
  return managerRefusal(ctx, by)
}
