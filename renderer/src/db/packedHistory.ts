import type Dexie from 'dexie'
import type { DeskDatabase } from './database'
import { addUntracked } from './untrackedAdd'
import { packedArchive } from './packedCustomers'
import type { SyncedRecords } from './schema'
import {
  complaintsOfStored,
  packComplaints,
  packOf,
  storedComplaints,
  storedPack,
  storedRows,
  type ComplaintPack,
  type PackedComplaint,
  type StoredComplaintPack
} from '@shared/sync/complaintPacks'

// Settled history stored as packs (issue 18, docs/sync-engine.md "Packed history"): a joining PC stores
// the settled complaints of the store's snapshot with their timelines, PACK_SIZE to a record, instead
// of one row each (one IndexedDB put costs about the same whatever its size). Every read of complaints
// and events reads rows and packs together (complaintReads.ts, timelineReads.ts, complaintQuery.ts and
// the rebuilds); every write to a packed complaint, or to its timeline, first moves it back to a row
// (`unpackComplaints`, in the writer's transaction). So a complaint is a row or in one pack, never both.

type StoredComplaint = SyncedRecords['complaints']
type StoredEvent = SyncedRecords['events']

/** The packs' table, by name (a database opened as it is on disk names no table properties). */
export const PACKS_TABLE = 'complaintPacks'
const PACKS = PACKS_TABLE

const rowOf = (c: PackedComplaint): StoredComplaint => c.row as unknown as StoredComplaint
const rowsIn = (pack: StoredComplaintPack): StoredComplaint[] =>
  storedRows(pack) as unknown as StoredComplaint[]
const eventsOfPacked = (c: PackedComplaint): StoredEvent[] => c.events as unknown as StoredEvent[]

/** The packs holding any of these complaints. */
function packsHolding(db: DeskDatabase, ids: readonly string[]): Promise<StoredComplaintPack[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db.complaintPacks
    .where('ids')
    .anyOf([...new Set(ids)])
    .distinct()
    .toArray()
}

// Ids that may be packed, per open database: the packs' `ids` index read once, then every pack stored
// here adds its ids (storePacks is the only way a pack is made). A superset — a complaint moved back to
// a row stays listed, and so do the ids of a transaction that failed — so a "maybe" costs one look and
// a packed complaint is never missed. A join's history slices ask it instead of the index: an `anyOf`
// of a slice's 2 000 ids steps a cursor once per id (~6 s of a full-scale join, CPU profile).
const maybePacked = new WeakMap<Dexie, Set<string>>()

/** Those of `ids` that may be packed (see maybePacked), in the caller's transaction. */
export async function mayBePacked(db: DeskDatabase, ids: readonly string[]): Promise<string[]> {
  let known = maybePacked.get(db)
  if (!known) {
    known = new Set((await db.complaintPacks.orderBy('ids').keys()) as string[])
    maybePacked.set(db, known)
  }
  return ids.filter((id) => known.has(id))
}

/** Packed complaints by id (those not packed are absent from the map). */
export async function packedByIds(
  db: DeskDatabase,
  ids: readonly string[]
): Promise<Map<string, PackedComplaint>> {
  const wanted = new Set(ids)
  const found = new Map<string, PackedComplaint>()
  for (const pack of await packsHolding(db, ids))
    for (const c of storedComplaints(pack)) if (wanted.has(c.row.id)) found.set(c.row.id, c)
  return found
}

/** The packed complaints whose `field` (a key the packs index by: customerId, no, customerPhone,
 *  customerName) passes `keep`, read from the packs whose `index` holds `values` (or starts with
 *  `prefix`). */
async function packedWhere(
  db: DeskDatabase,
  index: 'customerIds' | 'nos' | 'phones' | 'names',
  field: 'customerId' | 'no' | 'customerPhone' | 'customerName',
  lookup: { anyOf: readonly string[] } | { prefix: string; ignoreCase?: boolean },
  limit = Infinity
): Promise<StoredComplaint[]> {
  let packs: StoredComplaintPack[]
  let keep: (v: unknown) => boolean
  if ('anyOf' in lookup) {
    if (lookup.anyOf.length === 0) return []
    const values = new Set(lookup.anyOf)
    keep = (v) => typeof v === 'string' && values.has(v)
    packs = await db.complaintPacks
      .where(index)
      .anyOf([...values])
      .distinct()
      .toArray()
  } else {
    const { prefix, ignoreCase } = lookup
    const low = prefix.toLowerCase()
    keep = (v) =>
      typeof v === 'string' && (ignoreCase ? v.toLowerCase().startsWith(low) : v.startsWith(prefix))
    const where = db.complaintPacks.where(index)
    packs = await (ignoreCase ? where.startsWithIgnoreCase(prefix) : where.startsWith(prefix))
      .distinct()
      .toArray()
  }
  const out: StoredComplaint[] = []
  for (const pack of packs)
    for (const row of rowsIn(pack)) {
      if (out.length >= limit) return out
      if (keep(row[field])) out.push(row)
    }
  return out
}

export const packedOfCustomers = (db: DeskDatabase, customerIds: readonly string[]) =>
  packedWhere(db, 'customerIds', 'customerId', { anyOf: customerIds })
export const packedWithNos = (db: DeskDatabase, nos: readonly string[]) =>
  packedWhere(db, 'nos', 'no', { anyOf: nos })
export const packedWithNoPrefix = (db: DeskDatabase, prefix: string, limit?: number, ignoreCase = false) =>
  packedWhere(db, 'nos', 'no', { prefix, ignoreCase }, limit)

/** The packed events of these subjects (complaint ids; other subjects are never packed). */
export async function packedEventsOf(
  db: DeskDatabase,
  subjectIds: readonly string[]
): Promise<StoredEvent[]> {
  const packed = await packedByIds(db, subjectIds)
  return [...packed.values()].flatMap(eventsOfPacked)
}

/** Every packed complaint received in [from, to] (ms), in no particular order: the packs whose range
 *  meets it (their `dayTo` index), each complaint tested. */
export async function packedReceivedBetween(
  db: DeskDatabase,
  from: number,
  to: number
): Promise<StoredComplaint[]> {
  const packs = await db.complaintPacks.where('dayTo').aboveOrEqual(from).toArray()
  const out: StoredComplaint[] = []
  for (const pack of packs) {
    if (pack.day > to) continue
    for (const row of rowsIn(pack)) {
      const at = row.receivedAt
      if (typeof at === 'number' && at >= from && at <= to) out.push(row)
    }
  }
  return out
}

/** A pack's place in time, read from its indexes alone (no pack read): what the list needs to decide
 *  which packs can still place on a page (complaintListMerge.ts). */
export interface PackRange {
  id: string
  day: number
  dayTo: number
}

/** Every pack's range, from the keys of its `dayTo` and `day` indexes (one keys-only read when no
 *  pack is stored, two otherwise; ~1 000 keys at 200 000 packed complaints). */
export async function packRanges(db: DeskDatabase): Promise<PackRange[]> {
  const dayTo = new Map<string, number>()
  await db.complaintPacks.orderBy('dayTo').eachKey((key, c) => dayTo.set(c.primaryKey, key as number))
  if (dayTo.size === 0) return []
  const out: PackRange[] = []
  await db.complaintPacks.orderBy('day').eachKey((key, c) => {
    const to = dayTo.get(c.primaryKey)
    if (to !== undefined) out.push({ id: c.primaryKey, day: key as number, dayTo: to })
  })
  return out
}

/** The complaints of these packs (ids from packRanges), in no particular order. */
export async function packedIn(db: DeskDatabase, packIds: readonly string[]): Promise<StoredComplaint[]> {
  const packs = await db.complaintPacks.bulkGet([...packIds])
  return packs.flatMap((p) => (p ? rowsIn(p) : []))
}

const byKeyThenId =
  (field: string) =>
  (a: StoredComplaint, b: StoredComplaint): number => {
    const x = String((a as unknown as Record<string, unknown>)[field])
    const y = String((b as unknown as Record<string, unknown>)[field])
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }

/**
 * The first `limit` packed complaints whose `field` matches, in the order a rows' index on that field
 * reads them (value, then id): what the list's search would find if they were rows. Read keys-only
 * first: the first `limit` entries of the packs' index each name at least one match, so the answer is
 * in their packs and in those of entries equal to the last (equal values go by id). Packs are then
 * read in entry order until no later entry can place.
 */
async function packedFirst(
  db: DeskDatabase,
  index: 'nos' | 'phones' | 'names',
  field: 'no' | 'customerPhone' | 'customerName',
  lookup: { equals: string } | { prefix: string; ignoreCase?: boolean },
  limit: number
): Promise<StoredComplaint[]> {
  const where = db.complaintPacks.where(index)
  const range = (): ReturnType<typeof where.equals> =>
    'equals' in lookup
      ? where.equals(lookup.equals)
      : lookup.ignoreCase
        ? where.startsWithIgnoreCase(lookup.prefix)
        : where.startsWith(lookup.prefix)
  const entries: { key: string; pack: string }[] = []
  await range()
    .limit(limit)
    .eachKey((key, c) => entries.push({ key: key as string, pack: c.primaryKey }))
  const last = entries.at(-1)
  if (entries.length === limit && last)
    for (const pack of (await where.equals(last.key).primaryKeys()) as string[])
      entries.push({ key: last.key, pack })
  const keep =
    'equals' in lookup
      ? (v: string) => v === lookup.equals
      : lookup.ignoreCase
        ? (v: string) => v.toLowerCase().startsWith(lookup.prefix.toLowerCase())
        : (v: string) => v.startsWith(lookup.prefix)
  const order = byKeyThenId(field)
  const read = new Set<string>()
  let found: StoredComplaint[] = []
  for (const { key, pack } of entries) {
    const nth = found[limit - 1]
    if (nth && String(nth[field]) < key) break
    if (read.has(pack)) continue
    read.add(pack)
    const matches = (await packedIn(db, [pack])).filter((c) => typeof c[field] === 'string' && keep(c[field]))
    found = [...found, ...matches].sort(order).slice(0, limit)
  }
  return found
}

/** packedFirst by number prefix (the list's search is case-insensitive), phone prefix, whole phone,
 *  name prefix. */
export const packedFirstWithNoPrefix = (db: DeskDatabase, prefix: string, limit: number) =>
  packedFirst(db, 'nos', 'no', { prefix, ignoreCase: true }, limit)
export const packedFirstWithPhonePrefix = (db: DeskDatabase, prefix: string, limit: number) =>
  packedFirst(db, 'phones', 'customerPhone', { prefix }, limit)
export const packedFirstWithPhone = (db: DeskDatabase, phone: string, limit: number) =>
  packedFirst(db, 'phones', 'customerPhone', { equals: phone }, limit)
export const packedFirstWithNamePrefix = (db: DeskDatabase, prefix: string, limit: number) =>
  packedFirst(db, 'names', 'customerName', { prefix }, limit)

/** Whether any complaint is packed (most PCs never hold a pack: only a join stores them). */
export async function anyPacked(db: DeskDatabase): Promise<boolean> {
  return (await db.complaintPacks.limit(1).count()) > 0
}

/** Each packed complaint with its events (and the id of its pack), pack by pack (rebuilds of derived
 *  rows, snapshots, renewals). */
export async function eachPacked(
  db: DeskDatabase,
  visit: (row: StoredComplaint, events: StoredEvent[], packId: string) => void
): Promise<void> {
  await db.complaintPacks.each((pack) => {
    for (const c of storedComplaints(pack)) visit(rowOf(c), eventsOfPacked(c), pack.id)
  })
}

/** Every packed complaint row, pack by pack; their events are not parsed (the rebuilds of day rows
 *  and tallies read rows only). */
export async function eachPackedRow(db: DeskDatabase, visit: (row: StoredComplaint) => void): Promise<void> {
  await db.complaintPacks.each((pack) => {
    for (const row of rowsIn(pack)) visit(row)
  })
}

/** The packed complaints and their events as records, `packsPerPage` packs at a time (each page its
 *  own read, in pack id order): a backup writes them as the complaint and event records they are.
 *  `db` may be a database opened as it is on disk (an older version has no packs: nothing). */
export async function* packedRecordPages(
  db: Dexie,
  packsPerPage = 10
): AsyncGenerator<{
  packs: number
  complaints: Record<string, unknown>[]
  events: Record<string, unknown>[]
}> {
  if (!db.tables.some((t) => t.name === PACKS)) return
  const table = db.table<StoredComplaintPack | ComplaintPack, string>(PACKS)
  let after: string | undefined
  for (;;) {
    const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
      .limit(packsPerPage)
      .toArray()
    if (page.length === 0) return
    const complaints: Record<string, unknown>[] = []
    const events: Record<string, unknown>[] = []
    for (const pack of page)
      for (const c of complaintsOfStored(pack)) {
        complaints.push(c.row)
        events.push(...c.events)
      }
    yield { packs: page.length, complaints, events }
    if (page.length < packsPerPage) return
    after = page[page.length - 1]?.id
  }
}

/**
 * Moves these complaints (those packed) out of their packs into rows, with their events, in the
 * caller's transaction (which must hold complaints, events and complaintPacks): before any write to a
 * complaint or its timeline, so that the write finds its row. Tallies and day rows count a complaint
 * the same packed or not: nothing else changes. Returns the ids moved.
 */
export async function unpackComplaints(db: DeskDatabase, ids: Iterable<string>): Promise<string[]> {
  const wanted = new Set(ids)
  if (wanted.size === 0) return []
  const packs = await packsHolding(db, [...wanted])
  if (packs.length === 0) return []
  const rows: StoredComplaint[] = []
  const events: StoredEvent[] = []
  for (const pack of packs) {
    const left = storedComplaints(pack).filter((c) => {
      if (!wanted.has(c.row.id)) return true
      rows.push(rowOf(c))
      events.push(...eventsOfPacked(c))
      return false
    })
    if (left.length === 0) await db.complaintPacks.delete(pack.id)
    else await db.complaintPacks.put(storedPack(packOf(pack.id, left)))
  }
  await db.complaints.bulkPut(rows)
  if (events.length) await db.events.bulkPut(events)
  return rows.map((r) => r.id)
}

/** Stores settled complaints known absent here (rows and packs) with their events as packs of
 *  PACK_SIZE, ids `${prefix}-n`, in the caller's transaction. Events whose complaint is not among them
 *  are returned (the caller stores them as rows). */
export async function storePacks(
  db: DeskDatabase,
  rows: readonly StoredComplaint[],
  events: readonly StoredEvent[],
  prefix: string
): Promise<StoredEvent[]> {
  const { packs, stray } = packComplaints(
    rows as unknown as PackedComplaint['row'][],
    events as unknown as PackedComplaint['row'][],
    { prefix }
  )
  // not db.complaintPacks.bulkAdd: see untrackedAdd.ts
  // each pack's texts made just before its add (see addUntracked)
  await addUntracked(
    db,
    'complaintPacks',
    (function* () {
      for (const pack of packs) yield storedPack(pack)
    })()
  )
  const known = maybePacked.get(db)
  if (known) for (const pack of packs) for (const id of pack.ids) known.add(id)
  return stray as unknown as StoredEvent[]
}

/** Every stored record of a synced table, packed ones included (complaints, events, customers): the store as
 *  a whole (tests compare PCs by it; exports that read every record). */
export async function recordsOf(db: DeskDatabase, table: string): Promise<Record<string, unknown>[]> {
  const rows = (await db.table(table).toArray()) as Record<string, unknown>[]
  if (table === 'customers')
    for (const c of (await packedArchive(db)).inIdOrder()) rows.push(c as unknown as Record<string, unknown>)
  if (table !== 'complaints' && table !== 'events') return rows
  await eachPacked(db, (row, events) => {
    if (table === 'complaints') rows.push(row as unknown as Record<string, unknown>)
    else rows.push(...(events as unknown as Record<string, unknown>[]))
  })
  return rows
}
