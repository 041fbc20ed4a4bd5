import 'fake-indexeddb/auto'
import { canonicalJson } from '@shared/sync/json'
import { encodeFrame, headerBytesOf, PREFIX_BYTES } from '@shared/sync/frame'
import { createRealShare, type RealShare } from './realShare'
import { complaintIntakeSchema, emptyIntakeForm, type ComplaintIntake } from '@shared/domain/complaint'
import { openDataLayer, type DataContext } from '@/db/context'
import { recordsOf } from '@/db/packedHistory'
import { device, freshData } from '../helpers'
import { isStoreAccess, openStore, STORE_ID_KEY } from '@/db/sync/storeAccess'
import { registerComplaint } from '@/db/complaints'
import { addCustomerNote } from '@/db/customers'
import { writeSnapshot } from '@/db/sync/snapshots'
import { syncOnce } from '@/db/sync/syncOnce'
import type { KeyVault } from '@/db/sync/storeKey'

// Simulated PCs for sync tests: each its own fake-indexeddb database, device id and driven clock.

export type Pc = DataContext & { time: { value: number } }

export const BASE_TIME = Date.parse('2026-11-22T10:00:00+08:00')
export const SYNCED = [
  'staff',
  'customers',
  'complaints',
  'events',
  'settings',
  'returns',
  'handovers',
  'revisitTasks',
  'consultations',
  'problems',
  'workReports',
  'dailyFigures',
  'auditLog'
] as const
/** Local bookkeeping that each PC keeps for itself. */
const LOCAL_STAMPS = new Set(['_created', '_updated'])

/** The store every simulated PC has joined (joining is an explicit step in the app: storeChoice.ts). */
export const TEST_STORE_ID = 'test-store'

export async function pc(
  deviceId: string,
  deviceCode: string,
  skewMs = 0,
  opts: { joined?: boolean; keyVault?: KeyVault } = {}
): Promise<Pc> {
  const ctx = await freshData({
    dev: device(deviceId, deviceCode),
    time: { value: BASE_TIME + skewMs },
    ...(opts.keyVault ? { keyVault: opts.keyVault } : {})
  })
  if (opts.joined !== false) await ctx.db.meta.put({ key: STORE_ID_KEY, value: TEST_STORE_ID })
  return ctx
}

export function intake(over: Partial<Record<string, string>> = {}): ComplaintIntake {
  return complaintIntakeSchema('2026-11-22').parse({
    ...emptyIntakeForm,
    customerPhone: '13800138000',
    customerName: '张三',
    content: '电饭煲不加热',
    ...over
  })
}

/** Every synced record (packed ones too), table by table, minus the per-PC stamps: what must be identical everywhere.
 *  Derived index keys are kept on purpose: they must have been recomputed identically too. */
export async function syncedState(ctx: DataContext): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const table of SYNCED) {
    // settled history a join stored in packs counts as the records it holds
    const rows = await recordsOf(ctx.db, table)
    out[table] = rows
      .map((row) =>
        canonicalJson(Object.fromEntries(Object.entries(row).filter(([k]) => !LOCAL_STAMPS.has(k))))
      )
      .sort()
  }
  return out
}

/** A segment file re-framed with an edited header and/or body (valid checksum): files as a newer
 *  app version or a broken writer would produce them. */
export async function reframe(
  bytes: Uint8Array,
  edit: (header: Record<string, unknown>) => void,
  body?: Uint8Array
): Promise<Uint8Array> {
  const headerLength = Number(new TextDecoder().decode(bytes.slice(7, 15)))
  const header = JSON.parse(
    new TextDecoder().decode(bytes.slice(PREFIX_BYTES, PREFIX_BYTES + headerLength))
  ) as Record<string, unknown>
  edit(header)
  return encodeFrame(headerBytesOf(header), body ?? bytes.slice(PREFIX_BYTES + headerLength + 1))
}

/** Shares (the production share code on a temp folder) that end their lives with the test file. */
export function shareKeeper(): { make: () => Promise<RealShare>; disposeAll: () => Promise<void> } {
  const made: RealShare[] = []
  return {
    make: async () => {
      const share = await createRealShare()
      made.push(share)
      return share
    },
    disposeAll: async () => {
      for (const share of made.splice(0)) await share.dispose()
    }
  }
}

/** A byte-for-byte copy of `from`'s database opened as another PC with `deviceId` (a disk image). */
export async function cloneOf(from: Pc, deviceId: string, dbName: string): Promise<Pc> {
  // (the same database class, reached through the instance: tests may not import the module)
  const copy = new (from.db.constructor as new (name: string) => DataContext['db'])(dbName)
  await copy.open()
  for (const table of from.db.tables) await copy.table(table.name).bulkPut(await table.toArray())
  copy.close()
  return reopen(from.time, deviceId, dbName, from.device.deviceCode)
}

export async function reopen(
  time: { value: number },
  deviceId: string,
  dbName: string,
  code: string
): Promise<Pc> {
  const ctx: DataContext = await openDataLayer(device(deviceId, code), { dbName, now: () => time.value })
  return Object.assign(ctx, { time })
}

/** A store on A: `n` complaints (with their customers and timelines), those in `settled` closed, and a
 *  note on some customers; then A writes a snapshot of `chunkRecords` records per chunk. */
export async function storeOnA(
  share: RealShare,
  n: number,
  settled: (i: number) => boolean,
  chunkRecords: number
): Promise<{ a: Pc; ids: string[] }> {
  const a = await pc('pcA', 'A1')
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const c = await registerComplaint(
      a,
      '1001',
      intake({ customerPhone: `1380013${String(8000 + i)}`, customerName: `客户${i}` })
    )
    ids.push(c.id)
    if (i % 3 === 0) await addCustomerNote(a, '1001', c.customerId, `第 ${i} 次来电`)
    if (settled(i))
      await a.writer.transact('1001', (tx) =>
        tx.update('complaints', c.id, { status: 'closed', closedAt: a.time.value })
      )
  }
  await syncOnce(a, share)
  const store = await openStore(a.db, share, a.now())
  if (!isStoreAccess(store)) throw new Error('A has no store')
  await writeSnapshot(a, share, store, { chunkRecords })
  return { a, ids }
}
