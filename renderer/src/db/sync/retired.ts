import type { DataContext } from '../context'
import type { RetiredDevice, RetiredDevicesRecord } from '../schema'
import { getStaffByNo } from '../staff'

// 移除电脑 (issue 18 point 3; docs/sync-engine.md "A PC that is gone"): a 客服经理 removes a PC that is
// gone for good (retired, broken, replaced). Nothing on the share is touched — its files stay, its
// changes stay merged everywhere. What changes: it is listed as 已移除 instead of as a PC that stopped
// syncing, its vanished files are not reported, and compaction no longer waits for it.
//
// The removal is a synced store setting (settings 'retiredDevices', one field `device:<id>` each), so
// every PC agrees. It records the PC's status `lastSeen` at that moment; if the PC ever publishes a
// newer status (it was not gone after all, or was repaired), the removal no longer holds — on every PC
// alike, decided by the share, nothing to write — and it is welcomed back as an ordinary PC (it then
// takes whatever it lacks from the snapshots, like any PC away for long).

export const RETIRED_ID = 'retiredDevices'
const FIELD = 'device:'

export type RetireRefusal =
  'syncPage.retire.managerOnly' | 'syncPage.retire.notThisPc' | 'syncPage.retire.badDevice'

export class RetireRefusedError extends Error {
  constructor(readonly code: RetireRefusal) {
    super(code)
  }
}

function asRetired(value: unknown): RetiredDevice | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (typeof v.removedAt !== 'number' || typeof v.lastSeen !== 'number') return null
  return { removedAt: v.removedAt, lastSeen: v.lastSeen, name: typeof v.name === 'string' ? v.name : '' }
}

/** Every removal recorded (whether or not the PC came back since): deviceId → removal. */
export async function readRetired(ctx: DataContext): Promise<Map<string, RetiredDevice>> {
  const out = new Map<string, RetiredDevice>()
  const stored = (await ctx.db.settings.get(RETIRED_ID)) as Record<string, unknown> | undefined
  if (!stored || stored._deleted) return out
  for (const [field, value] of Object.entries(stored)) {
    if (!field.startsWith(FIELD)) continue
    const retired = asRetired(value)
    if (retired) out.set(field.slice(FIELD.length), retired)
  }
  return out
}

/** The removals as a list, for the sync page. */
export async function listRetiredDevices(
  ctx: DataContext
): Promise<({ deviceId: string } & RetiredDevice)[]> {
  return [...(await readRetired(ctx))].map(([deviceId, r]) => ({ deviceId, ...r }))
}

/** Whether a removal holds for a PC whose newest status says `lastSeen` (it did not come back since). */
export function stillRetired(removal: RetiredDevice | undefined, lastSeen: number): boolean {
  return removal !== undefined && lastSeen <= removal.lastSeen
}

/** 移除电脑: a 客服经理 removes another PC (never this one). `lastSeen` is what its status said when the
 *  manager looked (the sync page's list). */
export async function retireDevice(
  ctx: DataContext,
  staffNo: string,
  peer: { deviceId: string; lastSeen: number; name: string }
): Promise<void> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(peer.deviceId) || !Number.isFinite(peer.lastSeen))
    throw new RetireRefusedError('syncPage.retire.badDevice')
  if (peer.deviceId === ctx.writer.deviceId) throw new RetireRefusedError('syncPage.retire.notThisPc')
  const field = `${FIELD}${peer.deviceId}` as const
  const value: RetiredDevice = { removedAt: ctx.now(), lastSeen: peer.lastSeen, name: peer.name.slice(0, 80) }
  await ctx.writer.transact(staffNo, async (tx) => {
    const who = await getStaffByNo(ctx, staffNo)
    if (!who?.active || who.role !== 'manager') throw new RetireRefusedError('syncPage.retire.managerOnly')
    if (await ctx.db.settings.get(RETIRED_ID))
      await tx.update('settings', RETIRED_ID, { [field]: value } as Partial<RetiredDevicesRecord> as never)
    else await tx.create('settings', { id: RETIRED_ID, [field]: value } as RetiredDevicesRecord as never)
  })
}
