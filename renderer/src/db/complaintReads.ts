import type { DeskDatabase } from './database'
import type { SyncedRecords } from './schema'
import {
  packedByIds,
  packedOfCustomers,
  packedReceivedBetween,
  packedWithNoPrefix,
  packedWithNos
} from './packedHistory'

// Every read of complaints by id, by customer, by number or of the open ones, outside the list's own
// queries (complaintQuery.ts), the writer and the rebuilds of derived rows. One place, so that when
// settled history is stored another way (issue 18: packs, packedHistory.ts) these reads know it in
// one place; lint keeps other modules of the data layer from reading the table directly. Only settled
// complaints are ever packed, so the reads of open ones read rows alone.

type StoredComplaint = SyncedRecords['complaints']
/** The statuses no pack holds (only settled complaints are packed, and a write moves one back to a
 *  row first): reads by these read rows alone. */
type UnpackedStatus = Exclude<StoredComplaint['status'], 'closed' | 'rejected'>

/** One complaint by id (a tombstone too: callers decide what a deleted one means). */
export async function complaintById(db: DeskDatabase, id: string): Promise<StoredComplaint | undefined> {
  const row = await db.complaints.get(id)
  if (row) return row
  return (await packedByIds(db, [id])).get(id)?.row as StoredComplaint | undefined
}

/** Complaints by id, in the order asked; undefined where none has that id. */
export async function complaintsByIds(
  db: DeskDatabase,
  ids: readonly string[]
): Promise<(StoredComplaint | undefined)[]> {
  const rows = await db.complaints.bulkGet([...ids])
  const missing = ids.filter((_, i) => rows[i] === undefined)
  if (missing.length === 0) return rows
  const packed = await packedByIds(db, missing)
  return rows.map((r, i) => r ?? (packed.get(ids[i] as string)?.row as StoredComplaint | undefined))
}

/** Rows first, then packed ones not among them (a complaint is in one place; this only guards). */
function union(rows: StoredComplaint[], packed: StoredComplaint[]): StoredComplaint[] {
  if (packed.length === 0) return rows
  const seen = new Set(rows.map((r) => r.id))
  return [...rows, ...packed.filter((p) => !seen.has(p.id))]
}

/** Every complaint of these archives (a customer and those merged into it). */
export async function complaintsOfCustomers(
  db: DeskDatabase,
  customerIds: readonly string[]
): Promise<StoredComplaint[]> {
  const [rows, packed] = await Promise.all([
    db.complaints
      .where('customerId')
      .anyOf([...customerIds])
      .toArray(),
    packedOfCustomers(db, customerIds)
  ])
  return union(rows, packed)
}

/** The ids of an archive's complaints (what a merge moves). */
export async function complaintIdsOfCustomer(db: DeskDatabase, customerId: string): Promise<string[]> {
  const [ids, packed] = await Promise.all([
    db.complaints.where('customerId').equals(customerId).primaryKeys() as Promise<string[]>,
    packedOfCustomers(db, [customerId])
  ])
  return [...new Set([...ids, ...packed.map((p) => p.id)])]
}

/** How many complaints an archive holds (tombstones included, as the index counts them). */
export async function complaintCountOfCustomer(db: DeskDatabase, customerId: string): Promise<number> {
  const [rows, packed] = await Promise.all([
    db.complaints.where('customerId').equals(customerId).count(),
    packedOfCustomers(db, [customerId])
  ])
  return rows + packed.length
}

/** The complaint with this number, if any. */
export async function complaintByNo(db: DeskDatabase, no: string): Promise<StoredComplaint | undefined> {
  return (await db.complaints.where('no').equals(no).first()) ?? (await packedWithNos(db, [no]))[0]
}

/** The complaints holding any of these numbers. */
export async function complaintsWithNos(
  db: DeskDatabase,
  nos: readonly string[]
): Promise<StoredComplaint[]> {
  const [rows, packed] = await Promise.all([
    db.complaints
      .where('no')
      .anyOf([...nos])
      .toArray(),
    packedWithNos(db, nos)
  ])
  return union(rows, packed)
}

/** The complaints whose number starts so (a day and PC code: `TS-20261120-A1-`). */
export async function complaintsWithNoPrefix(db: DeskDatabase, prefix: string): Promise<StoredComplaint[]> {
  const [rows, packed] = await Promise.all([
    db.complaints.where('no').startsWith(prefix).toArray(),
    packedWithNoPrefix(db, prefix)
  ])
  return union(rows, packed)
}

/** Every open complaint (the sparse _openAt index holds only those: settled ones are never read). */
export function openComplaints(db: DeskDatabase): Promise<StoredComplaint[]> {
  return db.complaints.where('_openAt').above(-Infinity).toArray()
}

/** The ids of every open complaint. */
export async function openComplaintIds(db: DeskDatabase): Promise<string[]> {
  return (await db.complaints.where('_openAt').above(-Infinity).primaryKeys()) as string[]
}

/** Open complaints whose next escalation is due by `now` (the sparse _escalateAt index). */
export function complaintsToEscalate(db: DeskDatabase, now: number): Promise<StoredComplaint[]> {
  return db.complaints.where('_escalateAt').belowOrEqual(now).toArray()
}

/** The ids of complaints in a status (index only). */
export async function complaintIdsInStatus(db: DeskDatabase, status: UnpackedStatus): Promise<string[]> {
  return (await db.complaints
    .where('[status+receivedAt]')
    .between([status, -Infinity], [status, Infinity])
    .primaryKeys()) as string[]
}

/** How many complaints were received at or after `since` (工作台's 今日登记; index count only). */
export async function countReceivedSince(db: DeskDatabase, since: number): Promise<number> {
  const [rows, packed] = await Promise.all([
    db.complaints.where('receivedAt').aboveOrEqual(since).count(),
    packedReceivedBetween(db, since, Infinity)
  ])
  return rows + packed.length
}

/** How many complaints in these statuses have this clerk as first responder (index counts only). */
export async function countOfResponder(
  db: DeskDatabase,
  staffNo: string,
  statuses: readonly UnpackedStatus[]
): Promise<number> {
  const counts = await Promise.all(
    statuses.map((status) => db.complaints.where('[firstResponder+status]').equals([staffNo, status]).count())
  )
  return counts.reduce((a, b) => a + b, 0)
}

/** The receivedAt of the `n`-th complaint row (not packed: the caller merges packs itself) received
 *  after `after` (ms, exclusive), in receivedAt order; undefined when fewer rows are. Index keys only. */
export async function nthRowReceivedAfter(
  db: DeskDatabase,
  after: number,
  n: number
): Promise<number | undefined> {
  const keys = await db.complaints
    .where('receivedAt')
    .above(after)
    .offset(n - 1)
    .limit(1)
    .keys()
  return keys[0] as number | undefined
}

/** The complaint rows (not packed ones) received in (after, until] (ms), in receivedAt order: the
 *  snapshot writer lists history a page at a time and merges the packed complaints of the page. */
export function complaintRowsReceivedIn(
  db: DeskDatabase,
  after: number,
  until: number
): Promise<StoredComplaint[]> {
  return db.complaints.where('receivedAt').between(after, until, false, true).toArray()
}
