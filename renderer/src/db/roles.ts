import type { Role, Staff } from '@shared/domain/staff'
import type { DataContext } from './context'
import { getSessionStaffNo } from './prefs'

// Who may do what (issue 17 point 2, docs/security.md §7): the data layer reads the role from the
// synced staff list itself, so a stale screen or a hand-made call cannot claim another role.

/** A refusal for lack of a role; `message` is an i18n key (roles.refused.*). */
export class RoleRefusedError extends Error {}

export type RoleRefusal =
  'roles.refused.managerOnly' | 'roles.refused.unknownStaff' | 'roles.refused.fullPhones'

/** The active staff member with this 工号 (undefined: unknown, removed or retired). */
export async function activeStaff(ctx: DataContext, staffNo: string): Promise<Staff | undefined> {
  const staff = await ctx.db.staff.where('staffNo').equals(staffNo).first()
  return staff && !staff._deleted && staff.active ? staff : undefined
}

/** Undefined when `staffNo` is an active member with one of `roles`, else the refusal's key. */
export async function roleRefusal(
  ctx: DataContext,
  staffNo: string,
  roles: readonly Role[]
): Promise<RoleRefusal | undefined> {
  const staff = await activeStaff(ctx, staffNo)
  if (!staff) return 'roles.refused.unknownStaff'
  return roles.includes(staff.role) ? undefined : 'roles.refused.managerOnly'
}

/** Throws RoleRefusedError unless `staffNo` is an active 客服经理. For callers outside a write
 *  transaction (inside one, return the refusal instead: see applyWorkflow). */
export async function requireManager(ctx: DataContext, staffNo: string): Promise<void> {
  const refusal = await roleRefusal(ctx, staffNo, ['manager'])
  if (refusal) throw new RoleRefusedError(refusal)
}

/** Whether the person at this desk (session 工号) is an active 客服经理: the 操作日志's reads. */
export async function deskIsManager(ctx: DataContext): Promise<boolean> {
  const staffNo = await getSessionStaffNo(ctx)
  return !!staffNo && !(await roleRefusal(ctx, staffNo, ['manager']))
}

/**
 * Undefined when `staffNo` may do a 客服经理's action: an active manager — or anyone while the staff
 * list holds no active manager at all (a first run before its manager exists; a new PC about to
 * join its store, whose staff list arrives only by sync). Else the refusal's key.
 */
export async function managerRefusal(
  ctx: DataContext,
  staffNo: string | undefined
): Promise<RoleRefusal | undefined> {
  if (staffNo && !(await roleRefusal(ctx, staffNo, ['manager']))) return undefined
  const managers = await ctx.db.staff.filter((s) => !s._deleted && s.active && s.role === 'manager').count()
  if (managers === 0) return undefined
  return staffNo
    ? ((await roleRefusal(ctx, staffNo, ['manager'])) ?? 'roles.refused.managerOnly')
    : 'roles.refused.unknownStaff'
}

/** 恢复备份 (issue 17 point 4, for the backup slice): a 客服经理 only. Throws RoleRefusedError. */
export async function requireRestoreRight(ctx: DataContext, staffNo: string): Promise<void> {
  const refusal = await managerRefusal(ctx, staffNo)
  if (refusal) throw new RoleRefusedError(refusal)
}
