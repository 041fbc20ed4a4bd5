import { settingsWrite } from './audit'
import { nanoid } from 'nanoid'
import type { SetupInput } from '@shared/domain/setup'
import type { Staff } from '@shared/domain/staff'
import type { DataContext } from './context'
import { SESSION_STAFF_KEY } from './prefs'

export async function isSetupDone(ctx: DataContext): Promise<boolean> {
  const store = await ctx.db.settings.get('store')
  return !!store && !store._deleted
}

/** First run: the store record, its first manager, and that manager at the desk. One transaction. */
export async function completeSetup(ctx: DataContext, input: SetupInput): Promise<Staff> {
  const manager: Staff = {
    id: nanoid(),
    staffNo: input.managerStaffNo,
    name: input.managerName,
    role: 'manager',
    active: true
  }
  await ctx.writer.transact(input.managerStaffNo, async (tx) => {
    if (await ctx.db.settings.get('store')) throw new Error('setup already done')
    await tx.create('settings', { id: 'store', storeName: input.storeName })
    await tx.create('staff', manager)
    await tx.local.meta.put({ key: SESSION_STAFF_KEY, value: input.managerStaffNo })
  })
  return manager
}

export async function updateStoreName(ctx: DataContext, staffNo: string, storeName: string): Promise<void> {
  await settingsWrite(ctx, staffNo, 'store', (tx) => tx.update('settings', 'store', { storeName }))
}

export async function getStoreName(ctx: DataContext): Promise<string> {
  const store = await ctx.db.settings.get('store')
  return store?.id === 'store' ? store.storeName : ''
}
