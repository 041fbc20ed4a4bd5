import { ROLES, type Role } from '@shared/domain/staff'
import type { DataContext } from './context'

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
  await ctx.writer.transact(staffNo, async (tx) => {
    if (await ctx.db.settings.get('privacy')) await tx.update('settings', 'privacy', { unmaskRoles })
    else await tx.create('settings', { id: 'privacy', unmaskRoles })
  })
}
