import 'fake-indexeddb/auto'
import { canonicalJson } from '../../../../../shared/sync/json'
import { complaintIntakeSchema, emptyIntakeForm, type ComplaintIntake } from '../../../../../shared/domain/complaint'
import type { DataContext } from '../../../../../renderer/src/db'
import { device, freshData } from '../helpers'

// Simulated PCs for sync tests: each its own fake-indexeddb database, device id and driven clock.

export type Pc = DataContext & { time: { value: number } }

export const BASE_TIME = Date.parse('2026-11-22T10:00:00+08:00')
export const SYNCED = ['staff', 'customers', 'complaints', 'events', 'settings', 'returns', 'handovers'] as const
/** Local bookkeeping that each PC keeps for itself. */
const LOCAL_STAMPS = new Set(['_created', '_updated'])

export async function pc(deviceId: string, deviceCode: string, skewMs = 0): Promise<Pc> {
  return freshData({ dev: device(deviceId, deviceCode), time: { value: BASE_TIME + skewMs } })
}

export function intake(over: Partial<Record<string, string>> = {}): ComplaintIntake {
  return complaintIntakeSchema('2026-11-22').parse({ ...emptyIntakeForm, customerPhone: '13800138000', customerName: '张三', content: '电饭煲不加热', ...over })
}

/** Every synced record, table by table, minus the per-PC stamps: what must be identical everywhere.
 *  Derived index keys are kept on purpose: they must have been recomputed identically too. */
export async function syncedState(ctx: DataContext): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const table of SYNCED) {
    const rows = (await ctx.db.table(table).toArray()) as Record<string, unknown>[]
    out[table] = rows
      .map((row) => canonicalJson(Object.fromEntries(Object.entries(row).filter(([k]) => !LOCAL_STAMPS.has(k)))))
      .sort()
  }
  return out
}
