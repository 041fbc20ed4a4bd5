import { formatComplaintNo, parseComplaintNo } from '@shared/domain/complaintNo'
import { SYNCED_TABLES } from '@shared/sync/change'
import type { DeskDatabase } from '../database'
import type { DataContext } from '../context'
import type { OutboxEntry, Stamp } from '../schema'
import { EXPORT_STATE_KEY, type ExportState } from './exportOutbox'
import { complaintsWithNos } from '../complaintReads'
import { PACKS_TABLE, unpackComplaints } from '../packedHistory'
import { CUSTOMER_PACKS_TABLE, unpackCustomers } from '../packedCustomers'

// A PC whose device id changes (main gave it a new one because another PC uses the same id — a
// cloned disk image — or because device.json was lost) moves its UNPUBLISHED work to the new id
// before anything else runs: the changes not yet on the share are re-stamped (same time and
// counter, new device), so its stamps can never equal the other PC's and the new chain carries only
// its own device's stamps. What was published under the former id stays that id's history: this PC
// reads that chain from then on like any peer's, starting after what it had published itself.
// Its unpublished complaints are renumbered with its new 电脑代码 (renumbering).
// One transaction, run at start-up; an interrupted run simply runs again next time.

/** the device id this data was last written under */
export const DEVICE_ID_KEY = 'device.id'
/** { from, to, at }: the last time this PC took a new id (the sync page says so) */
export const DEVICE_RENEWED_KEY = 'device.renewed'
const HLC_META_KEY = 'hlc'

export interface DeviceRenewal {
  from: string
  to: string
  at: number
  /** changes moved to the new id */
  moved: number
  /** unpublished complaints renumbered with the new 电脑代码: [old, new] */
  renumbered: [string, string][]
}

function restamp(hlc: string, from: string, to: string): string {
  return hlc.endsWith(`-${from}`) ? `${hlc.slice(0, hlc.length - from.length)}${to}` : hlc
}

/** Makes `device.deviceId` the id this data is written under; returns what moved when it changed. */
export async function adoptDeviceId(
  db: DeskDatabase,
  device: { deviceId: string; deviceCode: string },
  now: number
): Promise<DeviceRenewal | null> {
  const { deviceId, deviceCode } = device
  // the packs: a complaint or customer the changes name may be packed, moved to a row first
  const tables = ['outbox', 'meta', 'syncPeers', PACKS_TABLE, CUSTOMER_PACKS_TABLE, ...SYNCED_TABLES]
  return db.transaction('rw', tables, async () => {
    const former = (await db.meta.get(DEVICE_ID_KEY))?.value as string | undefined
    if (former === deviceId) return null
    await db.meta.put({ key: DEVICE_ID_KEY, value: deviceId })
    // First start with this key (or a new install): nothing was written under another id.
    if (former === undefined) return null

    const state = ((await db.meta.get(EXPORT_STATE_KEY))?.value as ExportState | undefined) ?? {
      outboxSeq: 0,
      seq: 0,
      hash: ''
    }
    const unpublished = (await db.outbox.where('seq').above(state.outboxSeq).toArray()).filter(
      (e) => e.device === former
    )
    const stamps = new Map(unpublished.map((e) => [e.hlc, restamp(e.hlc, former, deviceId)]))
    const numbers = await renumbering(db, unpublished, deviceCode)
    await db.outbox.bulkPut(
      unpublished.map((e): OutboxEntry => ({
        ...e,
        hlc: stamps.get(e.hlc) as string,
        device: deviceId,
        value: withNumbers(e.value, numbers)
      }))
    )
    // The published part is the former id's chain, which the other PC (or, after a restore, nobody)
    // continues; this PC never sends it again under its new id.
    await db.outbox.where('seq').belowOrEqual(state.outboxSeq).delete()

    // The records those changes wrote hold the same stamps in their field clocks.
    const idsByTable = new Map<string, Set<string>>()
    for (const e of unpublished)
      idsByTable.set(e.table, (idsByTable.get(e.table) ?? new Set()).add(e.recordId))
    // A packed complaint (with its events) becomes a row before it is rewritten, like before any write.
    const subjects = unpublished.flatMap((e) =>
      e.table !== 'events'
        ? []
        : e.field === 'subjectId'
          ? [e.value]
          : e.field === '*'
            ? [(e.value as { subjectId?: unknown } | null)?.subjectId]
            : []
    )
    await unpackComplaints(db, [
      ...(idsByTable.get('complaints') ?? []),
      ...subjects.filter((s): s is string => typeof s === 'string')
    ])
    await unpackCustomers(db, idsByTable.get('customers') ?? [])
    for (const [table, ids] of idsByTable) {
      const rows = (await db.table(table).bulkGet([...ids])) as (Record<string, unknown> | undefined)[]
      const changed = rows.flatMap((row) =>
        row ? [withNumbers(restampRecord(row, stamps, deviceId), numbers) as Record<string, unknown>] : []
      )
      await db.table(table).bulkPut(changed)
    }

    // A new chain under the new id; the former id's chain is read like a peer's from after our part.
    await db.meta.put({
      key: EXPORT_STATE_KEY,
      value: { outboxSeq: state.outboxSeq, seq: 0, hash: '' } satisfies ExportState
    })
    if (state.seq > 0 && !(await db.syncPeers.get(former)))
      await db.syncPeers.put({ device: former, upTo: state.seq, gaps: [] })
    const hlc = (await db.meta.get(HLC_META_KEY))?.value
    if (typeof hlc === 'string')
      await db.meta.put({ key: HLC_META_KEY, value: restamp(hlc, former, deviceId) })
    const renewal: DeviceRenewal = {
      from: former,
      to: deviceId,
      at: now,
      moved: unpublished.length,
      renumbered: [...numbers]
    }
    await db.meta.put({ key: DEVICE_RENEWED_KEY, value: renewal })
    return renewal
  })
}

/**
 * Complaint numbers carry the 电脑代码, which a cloned PC shares too: the complaints this PC registered
 * but never published get the new code (same day, same sequence), so they cannot clash with the
 * other PC's. No one else has seen those numbers. A new number already in use here is left alone.
 */
async function renumbering(
  db: DeskDatabase,
  unpublished: readonly OutboxEntry[],
  deviceCode: string
): Promise<Map<string, string>> {
  const numbers = new Map<string, string>()
  for (const e of unpublished) {
    if (e.table !== 'complaints') continue
    const no =
      e.field === 'no' ? e.value : e.field === '*' ? (e.value as { no?: unknown } | null)?.no : undefined
    const parsed = typeof no === 'string' ? parseComplaintNo(no) : null
    if (parsed && parsed.deviceCode !== deviceCode)
      numbers.set(no as string, formatComplaintNo(parsed.day, deviceCode, parsed.seq))
  }
  const taken = await complaintsWithNos(db, [...numbers.values()])
  for (const c of taken) for (const [from, to] of numbers) if (to === c.no) numbers.delete(from)
  return numbers
}

/** `value` with every string that is a renumbered complaint number replaced (events, returns … quote it). */
function withNumbers(value: unknown, numbers: ReadonlyMap<string, string>): unknown {
  if (numbers.size === 0) return value
  if (typeof value === 'string') return numbers.get(value) ?? value
  if (Array.isArray(value)) return value.map((v) => withNumbers(v, numbers))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === '_clock' ? v : withNumbers(v, numbers)])
    )
  }
  return value
}

function restampRecord(
  row: Record<string, unknown>,
  stamps: ReadonlyMap<string, string>,
  deviceId: string
): Record<string, unknown> {
  const clock = row._clock as Record<string, string> | undefined
  const next: Record<string, unknown> = { ...row }
  if (clock)
    next._clock = Object.fromEntries(
      Object.entries(clock).map(([field, hlc]) => [field, stamps.get(hlc) ?? hlc])
    )
  for (const key of ['_created', '_updated']) {
    const stamp = row[key] as Stamp | undefined
    const moved = stamp && stamps.get(stamp.hlc)
    if (stamp && moved) next[key] = { ...stamp, hlc: moved, device: deviceId }
  }
  return next
}

/** The last renewal, for the sync page's notice. */
export async function lastDeviceRenewal(ctx: DataContext): Promise<DeviceRenewal | null> {
  return ((await ctx.db.meta.get(DEVICE_RENEWED_KEY))?.value as DeviceRenewal | undefined) ?? null
}
