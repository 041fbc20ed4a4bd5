// Settled history stored as fewer, larger records (issue 18, docs/sync-engine.md "Packed history"):
// settled complaints with their timeline events, PACK_SIZE to a pack, in the order received, each pack
// carrying the keys the reads of history look it up by. Pure: the data layer stores packs in its
// `complaintPacks` table and reads complaints out of them; this module decides what a pack holds.

/** Complaints to a pack: one IndexedDB put costs about the same whatever its size below 64 KiB, and a
 *  settled complaint with its events is ~300 bytes compressed in the snapshot (~1 KiB as a row). */
export const PACK_SIZE = 200

/** A settled complaint as stored (its row, derived keys included) with its timeline events. */
export interface PackedComplaint {
  row: PackRow
  events: PackRow[]
}

/** A stored record: the fields a pack reads, anything else kept as it is. */
export interface PackRow {
  id: string
  [field: string]: unknown
}

/** What the data layer stores: the complaints and the keys of every read of history. */
export interface ComplaintPack {
  id: string
  /** receivedAt of its first complaint and its last (ms): the list's day ranges read packs by these */
  day: number
  dayTo: number
  /** multiEntry keys: by id, by number, by customer, by phone, by name */
  ids: string[]
  nos: string[]
  customerIds: string[]
  phones: string[]
  names: string[]
  complaints: PackedComplaint[]
}

/**
 * A pack as the data layer stores it: its keys as they are (IndexedDB indexes them), its complaints as
 * two JSON texts — the rows, and each row's events in the same order. A text is copied into IndexedDB
 * as one block, where an object graph of 200 complaints with their events is walked field by field
 * (~13 ms a pack: a CPU profile of a full-scale join spent ~13 s of it there); and the list, which
 * reads rows only, parses no events.
 */
export interface StoredComplaintPack extends Omit<ComplaintPack, 'complaints'> {
  rowsText: string
  eventsText: string
}

/** The stored form of a pack. */
export function storedPack(pack: ComplaintPack): StoredComplaintPack {
  const { complaints, ...keys } = pack
  return {
    ...keys,
    rowsText: JSON.stringify(complaints.map((c) => c.row)),
    eventsText: JSON.stringify(complaints.map((c) => c.events))
  }
}

/** The rows of a stored pack, in its order. */
export function storedRows(pack: StoredComplaintPack): PackRow[] {
  return JSON.parse(pack.rowsText) as PackRow[]
}

/** The complaints of a stored pack, with their events. */
export function storedComplaints(pack: StoredComplaintPack): PackedComplaint[] {
  const rows = storedRows(pack)
  const events = JSON.parse(pack.eventsText) as PackRow[][]
  if (events.length !== rows.length)
    throw new Error(`pack ${pack.id}: ${rows.length} rows, ${events.length} timelines`)
  return rows.map((row, i) => ({ row, events: events[i] ?? [] }))
}

/** The complaints of a pack as any schema version stored it: v16 kept them as objects
 *  (`ComplaintPack`), v17 as texts. A backup before an upgrade reads a database as it is on disk. */
export function complaintsOfStored(pack: StoredComplaintPack | ComplaintPack): PackedComplaint[] {
  return 'complaints' in pack && Array.isArray(pack.complaints)
    ? pack.complaints
    : storedComplaints(pack as StoredComplaintPack)
}

const receivedAt = (c: PackedComplaint): number =>
  typeof c.row.receivedAt === 'number' ? c.row.receivedAt : Number.NaN

/** The distinct string values of `field` over the pack's complaints (a multiEntry key). */
function keysOf(complaints: readonly PackedComplaint[], field: string): string[] {
  const out = new Set<string>()
  for (const c of complaints) {
    const v = c.row[field]
    if (typeof v === 'string' && v !== '') out.add(v)
  }
  return [...out]
}

/** One pack of these complaints (already in the order received), with its keys. */
export function packOf(id: string, complaints: readonly PackedComplaint[]): ComplaintPack {
  if (complaints.length === 0) throw new Error('a pack holds at least one complaint')
  const days = complaints.map(receivedAt).filter(Number.isFinite)
  return {
    id,
    day: days.length ? Math.min(...days) : 0,
    dayTo: days.length ? Math.max(...days) : 0,
    ids: complaints.map((c) => c.row.id),
    nos: keysOf(complaints, 'no'),
    customerIds: keysOf(complaints, 'customerId'),
    phones: keysOf(complaints, 'customerPhone'),
    names: keysOf(complaints, 'customerName'),
    complaints: [...complaints]
  }
}

/**
 * Packs of settled complaints: ordered by receivedAt (then id, so the same input always packs the same
 * way), `size` to a pack, pack ids `${prefix}-${n}`. Events go with the complaint they belong to; an
 * event whose complaint is not among them is returned in `stray` (the caller stores it as a row).
 */
export function packComplaints(
  rows: readonly PackRow[],
  events: readonly PackRow[],
  opts: { prefix: string; size?: number }
): { packs: ComplaintPack[]; stray: PackRow[] } {
  const size = opts.size ?? PACK_SIZE
  if (!Number.isInteger(size) || size < 1) throw new Error(`pack size ${size}`)
  const byId = new Map<string, PackedComplaint>()
  for (const row of rows) byId.set(row.id, { row, events: [] })
  const stray: PackRow[] = []
  for (const e of events) {
    const owner = typeof e.subjectId === 'string' ? byId.get(e.subjectId) : undefined
    if (owner) owner.events.push(e)
    else stray.push(e)
  }
  const ordered = [...byId.values()].sort(
    (a, b) => receivedAt(a) - receivedAt(b) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0)
  )
  const packs: ComplaintPack[] = []
  for (let at = 0; at < ordered.length; at += size)
    packs.push(packOf(`${opts.prefix}-${packs.length}`, ordered.slice(at, at + size)))
  return { packs, stray }
}

/** A complaint taken out of its pack (before any write to it: it becomes a row again), and the pack
 *  without it (null when it was the last). */
export function takeFromPack(
  pack: ComplaintPack,
  complaintId: string
): { taken: PackedComplaint; rest: ComplaintPack | null } | null {
  const at = pack.complaints.findIndex((c) => c.row.id === complaintId)
  if (at < 0) return null
  const taken = pack.complaints[at] as PackedComplaint
  const left = pack.complaints.filter((_, i) => i !== at)
  return { taken, rest: left.length ? packOf(pack.id, left) : null }
}
