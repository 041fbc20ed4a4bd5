import type { Collection } from 'dexie'
import type { Tier } from '@shared/domain/customer'
import type { DeskDatabase } from './database'
import type { SyncedRecords } from './schema'
import { CUSTOMER_PACKS_TABLE, packedArchive } from './packedCustomers'
import { byEntry, byId, byName, compare, type PackedArchive } from './packedArchive'
import {
  entryRecords,
  mergeSorted,
  prefixed,
  rowEntries,
  walkedEntries,
  type Entry
} from './customerReadMerge'

// Every read of the customers table by the data layer, like complaintReads.ts for complaints: by id,
// by phone, by search key (the multi-entry `_keys` index: `p:` phones, `n:` names, …), by clerk
// (`_clerk`), by tier, the archive's list, and the walks of whole-archive work. Each is a thin wrapper
// of one Dexie query, and — where a join stored customers in packs (packedCustomers.ts, issue 18,
// docs/sync-engine.md "Archive packs") — the same read of the packed archive merged in, in the index's
// order: the same rows in the same order as if every customer were a row. A PC without packs reads the
// table alone. Lint rule e keeps the rest of the data layer off the table. Every function is a pure
// read, so any of them may run in a live query (the packs' keys are read each time, so it watches them).
//
// Not here: the rows a joining PC holds before storing them (joiningCustomers.ts; customers.ts and
// customerQuery.ts ask those first), and writes (the writer, WriteTx).

type StoredCustomer = SyncedRecords['customers']

/** The stores the reads below touch: a read-only transaction that spans several of them lists these
 *  (with any other tables it reads). */
export const CUSTOMER_STORES: readonly string[] = ['customers', CUSTOMER_PACKS_TABLE]

// Every read below is one chain of Dexie promises (no native `await`): it runs inside its caller's
// transaction like the single Dexie query it was before packs (see packedArchive).

// --- One archive, or a few by id -------------------------------------------------------------------

/** One archive by id, as stored (a tombstone or a merged one too: callers decide what those mean). */
export function customerById(db: DeskDatabase, id: string): Promise<StoredCustomer | undefined> {
  return packedArchive(db).then((archive) => db.customers.get(id).then((row) => row ?? archive.get(id)))
}

/** Archives by id, in the order asked (duplicates repeated); undefined where none has that id. */
export function customersByIds(
  db: DeskDatabase,
  ids: readonly string[]
): Promise<(StoredCustomer | undefined)[]> {
  return packedArchive(db).then((archive) =>
    db.customers
      .bulkGet(ids as string[])
      .then((rows) => (archive.empty ? rows : rows.map((row, i) => row ?? archive.get(ids[i] as string))))
  )
}

// --- By phone and by search key (`_keys`) --------------------------------------------------------

/** The first of two candidates in id order. */
const firstById = (a: StoredCustomer | undefined, b: StoredCustomer | undefined) =>
  !a ? b : !b ? a : byId(a, b) <= 0 ? a : b

/** The first archive (in id order) whose primary phone is `phone` and that `keep` accepts. */
export function firstCustomerWithPhone(
  db: DeskDatabase,
  phone: string,
  keep: (c: StoredCustomer) => boolean
): Promise<StoredCustomer | undefined> {
  return packedArchive(db).then((archive) =>
    db.customers
      .where('phone')
      .equals(phone)
      .filter(keep)
      .first()
      .then((row) => firstById(row, archive.withValue('phone', phone, keep, 1)[0]))
  )
}

/** The first archive (in id order) holding search key `key` (e.g. `p:` + a phone's digits) that `keep`
 *  accepts. Tombstoned and merged archives carry no keys. */
export function firstCustomerWithKey(
  db: DeskDatabase,
  key: string,
  keep: (c: StoredCustomer) => boolean
): Promise<StoredCustomer | undefined> {
  return packedArchive(db).then((archive) =>
    db.customers
      .where('_keys')
      .equals(key)
      .filter(keep)
      .first()
      .then((row) => {
        const packed = archive
          .entries(key, (k) => k === key)
          .map(([, id]) => archive.get(id) as StoredCustomer)
          .find(keep)
        return firstById(row, packed)
      })
  )
}

/** Up to `limit` archives with a search key starting with `prefix`, in key order (an exact key before
 *  longer ones): one kind of a search's lookups. An archive can come more than once. */
export function customersWithKeyPrefix(
  db: DeskDatabase,
  prefix: string,
  limit: number
): Promise<StoredCustomer[]> {
  return packedArchive(db).then((archive) =>
    db.customers
      .where('_keys')
      .startsWith(prefix)
      .limit(limit)
      .toArray()
      .then((rows) => {
        if (archive.empty) return rows
        const match = prefixed(prefix)
        const entries = mergeSorted(rowEntries(rows, match), archive.entries(prefix, match, limit), byEntry)
        return entryRecords(entries.slice(0, limit), rows, archive)
      })
  )
}

/** The archives holding any of these search keys, in key order (one holding two of them comes twice). */
export function customersWithAnyKey(db: DeskDatabase, keys: readonly string[]): Promise<StoredCustomer[]> {
  return packedArchive(db).then((archive) =>
    db.customers
      .where('_keys')
      .anyOf(keys as string[])
      .toArray()
      .then((rows) => {
        if (archive.empty) return rows
        const wanted = new Set(keys)
        const packed = [...wanted].flatMap((key) => archive.entries(key, (k) => k === key)).sort(byEntry)
        const entries = mergeSorted(
          rowEntries(rows, (k) => wanted.has(k)),
          packed,
          byEntry
        )
        return entryRecords(entries, rows, archive)
      })
  )
}

/** Index entries of rows and packs in [from, …) while `within` holds, merged in key order. */
function keyEntries(
  db: DeskDatabase,
  rows: Collection<StoredCustomer, string>,
  from: string,
  within: (key: string) => boolean
): Promise<Entry[]> {
  return packedArchive(db).then((archive) =>
    walkedEntries(rows).then((walked) => mergeSorted(walked, archive.entries(from, within), byEntry))
  )
}

/** Walks the search keys starting with `prefix` in key order, with the id of the archive holding each
 *  — index keys only, no record is loaded. */
export function eachCustomerKeyWithPrefix(
  db: DeskDatabase,
  prefix: string,
  visit: (key: string, id: string) => void
): Promise<void> {
  return keyEntries(db, db.customers.where('_keys').startsWith(prefix), prefix, prefixed(prefix)).then(
    (entries) => {
      for (const [key, id] of entries) visit(key, id)
    }
  )
}

/** Walks the search keys in [lower, upper) in key order, with the id of the archive holding each —
 *  index keys only, no record is loaded. */
export function eachCustomerKeyBetween(
  db: DeskDatabase,
  lower: string,
  upper: string,
  visit: (key: string, id: string) => void
): Promise<void> {
  return keyEntries(db, db.customers.where('_keys').between(lower, upper), lower, (k) => k < upper).then(
    (entries) => {
      for (const [key, id] of entries) visit(key, id)
    }
  )
}

/** Walks the DISTINCT search keys starting with `prefix` in key order, each with the first (lowest) id
 *  of the archives holding it — index keys only. */
export function eachDistinctCustomerKeyWithPrefix(
  db: DeskDatabase,
  prefix: string,
  visit: (key: string, firstId: string) => void
): Promise<void> {
  return packedArchive(db).then((archive) => {
    const rows: Entry[] = []
    return db.customers
      .where('_keys')
      .startsWith(prefix)
      .eachUniqueKey((key, cursor) => void rows.push([key as string, cursor.primaryKey as string]))
      .then(() => {
        let last: string | undefined
        for (const [key, id] of mergeSorted(rows, archive.entries(prefix, prefixed(prefix)), byEntry)) {
          if (key === last) continue
          last = key
          visit(key, id)
        }
      })
  })
}

/** The ids of the archives holding a search key starting with `prefix`, in key order (then id): one
 *  id per key held. Index keys only. */
export function customerIdsWithKeyPrefix(db: DeskDatabase, prefix: string): Promise<string[]> {
  return keyEntries(db, db.customers.where('_keys').startsWith(prefix), prefix, prefixed(prefix)).then(
    (entries) => entries.map(([, id]) => id)
  )
}

// --- By clerk (`_clerk`: the 负责客服's 工号, '' unassigned) and by tier --------------------------------

const ids = (rows: readonly StoredCustomer[]): string[] => rows.map((r) => r.id)
const asIds = (keys: unknown[]): string[] => keys as string[]

/** How many archives clerk `staffNo` holds ('' : how many are unassigned). Index count only. */
export function countCustomersOfClerk(db: DeskDatabase, staffNo: string): Promise<number> {
  return packedArchive(db).then((archive) =>
    db.customers
      .where('_clerk')
      .equals(staffNo)
      .count()
      .then((n) => n + archive.countWithValue('_clerk', staffNo))
  )
}

/** The ids of the archives clerk `staffNo` holds ('' : the unassigned ones), in id order. */
export function customerIdsOfClerk(db: DeskDatabase, staffNo: string): Promise<string[]> {
  return packedArchive(db).then((archive) =>
    db.customers
      .where('_clerk')
      .equals(staffNo)
      .primaryKeys()
      .then((rows) => mergeSorted(asIds(rows), ids(archive.withValue('_clerk', staffNo)), compare))
  )
}

/** Every distinct `_clerk` value, in order ('' first when some archive is unassigned): a unique-key
 *  walk, one step per 工号 however many customers each holds. */
export function clerksHoldingCustomers(db: DeskDatabase): Promise<string[]> {
  return packedArchive(db).then((archive) =>
    db.customers
      .orderBy('_clerk')
      .uniqueKeys()
      .then((keys) => {
        const rows = asIds(keys)
        return archive.empty ? rows : [...new Set([...rows, ...archive.valuesOf('_clerk')])].sort(compare)
      })
  )
}

/** The ids of the archives in tier `tier`, in id order. Index keys only. */
export function customerIdsInTier(db: DeskDatabase, tier: Tier): Promise<string[]> {
  return packedArchive(db).then((archive) =>
    db.customers
      .where('tier')
      .equals(tier)
      .primaryKeys()
      .then((rows) => mergeSorted(asIds(rows), ids(archive.withValue('tier', tier)), compare))
  )
}

/** Which archives to pick from, through the narrowest index: any of some tiers, one clerk's (`_clerk`),
 *  or every archive. */
export type CustomerScope = { tiers: readonly Tier[] } | { clerk: string } | 'all'

const byTier = (a: StoredCustomer, b: StoredCustomer): number => compare(a.tier, b.tier) || byId(a, b)

/** The ids of the archives of `scope` that `keep` accepts (each record is read to be asked), in the
 *  index's order (tier then id; id). */
export function customerIdsWhere(
  db: DeskDatabase,
  scope: CustomerScope,
  keep: (c: StoredCustomer) => boolean
): Promise<string[]> {
  return packedArchive(db).then((archive) => {
    if (scope === 'all')
      return db.customers
        .toCollection()
        .filter(keep)
        .primaryKeys()
        .then((rows) => mergeSorted(asIds(rows), ids(archive.inIdOrder().filter(keep)), compare))
    if ('clerk' in scope)
      return db.customers
        .where('_clerk')
        .equals(scope.clerk)
        .filter(keep)
        .primaryKeys()
        .then((rows) =>
          mergeSorted(asIds(rows), ids(archive.withValue('_clerk', scope.clerk, keep)), compare)
        )
    // tier then id: the rows (read as records, to know their tiers) merged with the packed ones
    const tiers = [...new Set(scope.tiers)].sort(compare)
    return db.customers
      .where('tier')
      .anyOf(tiers)
      .filter(keep)
      .toArray()
      .then((rows) => {
        if (archive.empty) return ids(rows)
        const packed = tiers.flatMap((tier) => archive.withValue('tier', tier, keep))
        return ids(mergeSorted(rows, packed, byTier))
      })
  })
}

// --- The archive's list (客户档案) -------------------------------------------------------------------

export interface CustomerFilter {
  tier?: Tier
  /** 工号; '' for unassigned */
  clerk?: string
}

const listable = (f: CustomerFilter) => (c: StoredCustomer) => !c._deleted && (!f.tier || c.tier === f.tier)

/** The live archives of the list's filter: in name order, or one clerk's (by `_clerk`, then id). */
function listed(db: DeskDatabase, f: CustomerFilter) {
  const base =
    f.clerk !== undefined ? db.customers.where('_clerk').equals(f.clerk) : db.customers.orderBy('name')
  return base.filter(listable(f))
}

/** The packed archives of the list's filter, in the list's order (the first `limit`). */
function packedListed(archive: PackedArchive, f: CustomerFilter, limit?: number): StoredCustomer[] {
  return f.clerk !== undefined
    ? archive.withValue('_clerk', f.clerk, listable(f), limit)
    : archive.inNameOrder(listable(f), limit)
}

const listOrder = (f: CustomerFilter) => (f.clerk !== undefined ? byId : byName)

/** One page of the list: the live archives matching `f`, `offset` of them skipped, at most `limit`. */
export function customerPage(
  db: DeskDatabase,
  f: CustomerFilter,
  offset: number,
  limit: number
): Promise<StoredCustomer[]> {
  return packedArchive(db).then((archive) => {
    if (archive.empty) return listed(db, f).offset(offset).limit(limit).toArray()
    return listed(db, f)
      .limit(offset + limit)
      .toArray()
      .then((rows) => {
        const packed = packedListed(archive, f, offset + limit)
        return mergeSorted(rows, packed, listOrder(f)).slice(offset, offset + limit)
      })
  })
}

/** How many live archives match `f`, counted row by row (the tallies count the whole archive faster). */
export function countListedCustomers(db: DeskDatabase, f: CustomerFilter): Promise<number> {
  return packedArchive(db).then((archive) =>
    listed(db, f)
      .count()
      .then(
        (n) =>
          n +
          (f.clerk !== undefined
            ? archive.countWithValue('_clerk', f.clerk, listable(f))
            : archive.countNamed(listable(f)))
      )
  )
}

/** Every live archive matching `f`, in the list's order (an export). */
export function listedCustomers(db: DeskDatabase, f: CustomerFilter): Promise<StoredCustomer[]> {
  return packedArchive(db).then((archive) =>
    listed(db, f)
      .toArray()
      .then((rows) => (archive.empty ? rows : mergeSorted(rows, packedListed(archive, f), listOrder(f))))
  )
}

// --- Whole-archive work ----------------------------------------------------------------------------

/** The id of every stored archive (tombstones too), in id order. Index keys only. */
export function allCustomerIds(db: DeskDatabase): Promise<string[]> {
  return packedArchive(db).then((archive) =>
    db.customers
      .toCollection()
      .primaryKeys()
      .then((rows) => mergeSorted(asIds(rows), ids(archive.inIdOrder()), compare))
  )
}

/** Every stored archive (tombstones too), in id order: all records in memory at once. */
export function allStoredCustomers(db: DeskDatabase): Promise<StoredCustomer[]> {
  return packedArchive(db).then((archive) =>
    db.customers.toArray().then((rows) => mergeSorted(rows, archive.inIdOrder(), byId))
  )
}
