import Dexie from 'dexie'
import { onEnd, watchWrites } from './writeWatch'
import { buildKeyIndex, mergeEntries, readPrefix, type KeyIndex } from '@shared/domain/customerKeyIndex'
import type { StoredCustomer } from './customers'

// A PC joining a large store is usable before its customers are stored (docs/sync-engine.md, "Joining
// a large store"): the snapshot's customers, as the rows they will be stored as, are held here with
// their search keys while the join's background load runs, and customer search answers from them —
// never waiting behind the history's writes. What was stored here since (a user's edit, a peer's
// change, a customer stored for use) is seen by the middleware below when its transaction commits, and
// wins over the snapshot's row. Reads by id or phone that find nothing stored take the row from here
// and store it first (customers.ts), so every write has a stored row to merge into.

interface Joining {
  snapshotId: string
  /** the snapshot's customers, by id (the rows the background load stores, by identity) */
  rows: Map<string, StoredCustomer>
  index: KeyIndex
  /** rows stored here that may differ from `rows`: the stored row (or null once deleted) */
  written: Map<string, StoredCustomer | null>
  /** ids of `rows` not stored yet */
  unstored: Set<string>
}

const joining = new WeakMap<Dexie, Joining>()

/** Holds the customers of snapshot `snapshotId` for `db` (replacing any held before): `rows` as they
 *  will be stored; those `stored` names are in the table already (a restart mid-load holds the stored
 *  rows and the rest of the snapshot's). */
export function holdJoiningCustomers(
  db: Dexie,
  snapshotId: string,
  rows: Iterable<StoredCustomer>,
  stored: ReadonlySet<string> = new Set()
): void {
  const byId = new Map<string, StoredCustomer>()
  for (const row of rows) byId.set(row.id, row)
  const unstored = new Set<string>()
  for (const id of byId.keys()) if (!stored.has(id)) unstored.add(id)
  joining.set(db, {
    snapshotId,
    rows: byId,
    index: buildKeyIndex(byId.values()),
    written: new Map(),
    unstored
  })
}

/** The snapshot row held for `id` if the held rows are `snapshotId`'s (the background load then
 *  stores that very row). */
export function heldSnapshotRow(db: Dexie, snapshotId: string, id: string): StoredCustomer | undefined {
  const held = joining.get(db)
  return held?.snapshotId === snapshotId ? held.rows.get(id) : undefined
}

/** Whether customer search and reads answer from held rows (a join is loading its customers). */
export function joiningCustomersHeld(db: Dexie): boolean {
  return joining.has(db)
}

/** The join's load ended (or was undone by a restore): everything reads the table again. */
export function releaseJoiningCustomers(db: Dexie): void {
  joining.delete(db)
}

/** A held row as it is now: the stored one if it was written since, else the snapshot's; undefined when
 *  nothing is held for `db` or the id is unknown (or deleted since). */
export function joiningCustomer(db: Dexie, id: string): StoredCustomer | undefined {
  const held = joining.get(db)
  if (!held) return undefined
  const written = held.written.get(id)
  if (written !== undefined) return written ?? undefined
  return held.rows.get(id)
}

/** Whether `id` is held and not stored yet (reads store it before using it). */
export function joiningCustomerUnstored(db: Dexie, id: string): boolean {
  return joining.get(db)?.unstored.has(id) ?? false
}

/** How many held customers are not stored yet (0 when none are held). */
export function joiningCustomersUnstored(db: Dexie): number {
  return joining.get(db)?.unstored.size ?? 0
}

/** Candidates for each prefix as `where('_keys').startsWith(prefix).limit(limit)` would read them from
 *  the table once everything is stored: the snapshot's rows not written since, and the written ones. */
export function searchJoiningCustomers(
  db: Dexie,
  prefixes: readonly string[],
  limit: number
): StoredCustomer[] | undefined {
  const held = joining.get(db)
  if (!held) return undefined
  const found = new Map<string, StoredCustomer>()
  for (const prefix of prefixes) {
    const fromSnapshot = readPrefix(held.index, prefix, limit, { keep: (id) => !held.written.has(id) })
    const fromWritten: [string, string][] = []
    for (const [id, row] of held.written)
      for (const key of new Set(row?._keys ?? [])) if (key.startsWith(prefix)) fromWritten.push([key, id])
    for (const [, id] of mergeEntries(fromSnapshot, fromWritten, limit)) {
      const row = joiningCustomer(db, id)
      if (row) found.set(id, row)
    }
  }
  return [...found.values()]
}

/** Notes a committed write of customer rows (every path: the writer, sync, the join's own load). */
function noteWritten(held: Joining, puts: readonly StoredCustomer[], deletes: readonly string[]): void {
  for (const row of puts) {
    held.unstored.delete(row.id)
    // the join's load stores the very row held: nothing changed
    if (held.rows.get(row.id) === row) held.written.delete(row.id)
    else held.written.set(row.id, row)
  }
  for (const id of deletes) {
    held.unstored.delete(id)
    held.written.set(id, null)
  }
}

/** Notes customer rows stored without the middleware seeing them (as packs, packedCustomers.ts) when
 *  the caller's transaction commits. */
export function noteCustomersStored(db: Dexie, rows: readonly StoredCustomer[]): void {
  if (!joining.has(db)) return
  const note = () => {
    const held = joining.get(db)
    if (held) noteWritten(held, rows, [])
  }
  const idbtrans = (Dexie.currentTransaction as unknown as { idbtrans?: IDBTransaction } | null)?.idbtrans
  if (idbtrans) idbtrans.addEventListener('complete', note, { once: true })
  else note()
}

/** Installs the middleware that keeps held rows current (before the database opens). The rows are
 *  noted when their transaction commits, so an aborted write changes nothing held. */
export function watchCustomerWrites(db: Dexie): void {
  watchWrites(db, 'joiningCustomers', ['customers'], (_, req) => {
    if (!joining.has(db)) return
    // not used on customers; if it ever is, the held rows can no longer be trusted
    if (req.type === 'deleteRange') return releaseJoiningCustomers(db)
    const puts = req.type === 'put' || req.type === 'add' ? (req.values as StoredCustomer[]) : []
    const deletes = req.type === 'delete' ? (req.keys as string[]) : []
    const note = () => {
      const held = joining.get(db)
      if (held) noteWritten(held, puts, deletes)
    }
    if (!onEnd(req.trans, note)) note()
  })
}
