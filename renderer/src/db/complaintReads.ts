import type { DeskDatabase } from './database'
import type { SyncedRecords } from './schema'

// Every read of complaints by id, by customer, by number or of the open ones, outside the list's own
// queries (complaintQuery.ts), the writer and the rebuilds of derived rows. One place, so that when
// settled history is stored another way (issue 18: fewer, larger records) these reads are taught it
// once; lint keeps other modules of the data layer from reading the table directly.

type StoredComplaint = SyncedRecords['complaints']

/** One complaint by id (a tombstone too: callers decide what a deleted one means). */
export function complaintById(db: DeskDatabase, id: string): Promise<StoredComplaint | undefined> {
  return db.complaints.get(id)
}

/** Complaints by id, in the order asked; undefined where none has that id. */
export function complaintsByIds(
  db: DeskDatabase,
  ids: readonly string[]
): Promise<(StoredComplaint | undefined)[]> {
  return db.complaints.bulkGet([...ids])
}

/** Every complaint of these archives (a customer and those merged into it). */
export function complaintsOfCustomers(
  db: DeskDatabase,
  customerIds: readonly string[]
): Promise<StoredComplaint[]> {
  return db.complaints
    .where('customerId')
    .anyOf([...customerIds])
    .toArray()
}

/** The ids of an archive's complaints (what a merge moves). */
export async function complaintIdsOfCustomer(db: DeskDatabase, customerId: string): Promise<string[]> {
  return (await db.complaints.where('customerId').equals(customerId).primaryKeys()) as string[]
}

/** How many complaints an archive holds (tombstones included, as the index counts them). */
export function complaintCountOfCustomer(db: DeskDatabase, customerId: string): Promise<number> {
  return db.complaints.where('customerId').equals(customerId).count()
}

/** The complaint with this number, if any. */
export function complaintByNo(db: DeskDatabase, no: string): Promise<StoredComplaint | undefined> {
  return db.complaints.where('no').equals(no).first()
}

/** The complaints holding any of these numbers. */
export function complaintsWithNos(db: DeskDatabase, nos: readonly string[]): Promise<StoredComplaint[]> {
  return db.complaints
    .where('no')
    .anyOf([...nos])
    .toArray()
}

/** The complaints whose number starts so (a day and PC code: `TS-20261120-A1-`). */
export function complaintsWithNoPrefix(db: DeskDatabase, prefix: string): Promise<StoredComplaint[]> {
  return db.complaints.where('no').startsWith(prefix).toArray()
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

/** The ids of complaints in a status (index only; awaitingRevisit is an open status). */
export async function complaintIdsInStatus(
  db: DeskDatabase,
  status: StoredComplaint['status']
): Promise<string[]> {
  return (await db.complaints
    .where('[status+receivedAt]')
    .between([status, -Infinity], [status, Infinity])
    .primaryKeys()) as string[]
}

/** How many complaints were received at or after `since` (工作台's 今日登记; index count only). */
export function countReceivedSince(db: DeskDatabase, since: number): Promise<number> {
  return db.complaints.where('receivedAt').aboveOrEqual(since).count()
}

/** How many complaints in these statuses have this clerk as first responder (index counts only). */
export async function countOfResponder(
  db: DeskDatabase,
  staffNo: string,
  statuses: readonly StoredComplaint['status'][]
): Promise<number> {
  const counts = await Promise.all(
    statuses.map((status) => db.complaints.where('[firstResponder+status]').equals([staffNo, status]).count())
  )
  return counts.reduce((a, b) => a + b, 0)
}
