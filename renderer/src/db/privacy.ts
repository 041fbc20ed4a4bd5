import { settingsWrite } from './audit'
import { ROLES, type Role } from '@shared/domain/staff'
import type { DataContext } from './context'
import { getSessionStaffNo } from './prefs'
import { getStaffByNo } from './staff'
import { cachedDeskRight } from './deskRightCache'

// 客户信息不得泄露: full phone numbers are a permission. Managers have it unless the store decides
// otherwise; everyone else sees 138****5678 in lists and reveals one number at a time (recorded).

export const DEFAULT_UNMASK_ROLES: readonly Role[] = ['manager']

export async function getUnmaskRoles(ctx: DataContext): Promise<Role[]> {
  const stored = await ctx.db.settings.get('privacy')
  if (stored?.id !== 'privacy' || stored._deleted) return [...DEFAULT_UNMASK_ROLES]
  return stored.unmaskRoles.filter((r) => ROLES.includes(r))
}

export async function saveUnmaskRoles(ctx: DataContext, staffNo: string, roles: Role[]): Promise<void> {
  const unmaskRoles = ROLES.filter((r) => roles.includes(r))
  await settingsWrite(ctx, staffNo, 'privacy', async (tx) => {
    if (await ctx.db.settings.get('privacy')) await tx.update('settings', 'privacy', { unmaskRoles })
    else await tx.create('settings', { id: 'privacy', unmaskRoles })
  })
}

/**
 * Whether the person at this desk (the 工号 kept as `session.staffNo`, docs/design.md §2) may see full
 * phone numbers. Nobody at the desk, an unknown or retired 工号: no. The data layer's own reads use it,
 * so a screen cannot get a full number — or probe one by prefix — that its user may not see
 * (docs/security.md §4).
 */
export async function deskMaySeePhones(ctx: DataContext): Promise<boolean> {
  const staffNo = await getSessionStaffNo(ctx)
  if (!staffNo) return false
  const staff = await getStaffByNo(ctx, staffNo)
  if (!staff || !staff.active) return false
  return (await getUnmaskRoles(ctx)).includes(staff.role)
}

/** deskMaySeePhones from memory while none of its inputs was written (deskRightCache.ts): for customer
 *  search during a join, which must not wait behind the history's writes. Reads nothing when it
 *  answers from memory, so a live query using it would not follow a change of who is at the desk. */
export async function deskMaySeePhonesHeld(ctx: DataContext): Promise<boolean> {
  return cachedDeskRight(ctx.db, () => deskMaySeePhones(ctx))
}
