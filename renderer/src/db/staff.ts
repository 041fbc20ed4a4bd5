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
  const added = await ctx.writer.transact(by, async (tx) => {
    if (await ctx.db.staff.where('staffNo').equals(input.staffNo).count()) return false
    await tx.create('staff', { id, ...input, active: true })
    return true
  })
  if (!added) throw new DuplicateStaffNoError(input.staffNo)
  return id
}

export async function updateStaff(
  ctx: DataContext,
  by: string,
  id: string,
  patch: Partial<Pick<Staff, 'name' | 'role' | 'active'>>
): Promise<void> {
  await ctx.writer.transact(by, (tx) => tx.update('staff', id, patch))
}
