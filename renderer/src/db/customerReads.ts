import type { Tier } from '@shared/domain/customer'
import type { DeskDatabase } from './database'
import type { SyncedRecords } from './schema'

// Every read of the customers table by the data layer, like complaintReads.ts for complaints: by id,
// by phone, by search key (the multi-entry `_keys` index: `p:` phones, `n:` names, …), by clerk
// (`_clerk`), by tier, the archive's list, and the walks of whole-archive work. Each is a thin wrapper
// of one Dexie query (same rows, same order, same cost). One place, so that when the archive is
// stored another way (issue 18, docs/sync-engine.md "Packed history": packs, with the search-key
// index held by the app) the reads learn it here; lint rule e keeps the rest of the data layer off
// the table. Every function is a pure read, so any of them may run in a live query.
//
// Not here: the rows a joining PC holds before storing them (joiningCustomers.ts; customers.ts and
// customerQuery.ts ask those first), and writes (the writer, WriteTx).

type StoredCustomer = SyncedRecords['customers']

/** The stores the reads below touch: a read-only transaction that spans several of them lists these
 *  (with any other tables it reads), so it keeps spanning them when the archive is stored another way. */
export const CUSTOMER_STORES: readonly string[] = ['customers']

// --- One archive, or a few by id -------------------------------------------------------------------

/** One archive by id, as stored (a tombstone or a merged one too: callers decide what those mean). */
export function customerById(db: DeskDatabase, id: string): Promise<StoredCustomer | undefined> {
  return db.customers.get(id)
}

/** Archives by id, in the order asked (duplicates repeated); undefined where none has that id. */
export function customersByIds(
  db: DeskDatabase,
  ids: readonly string[]
): Promise<(StoredCustomer | undefined)[]> {
  return db.customers.bulkGet(ids as string[])
}

// --- By phone and by search key (`_keys`) --------------------------------------------------------

/** The first archive (in id order) whose primary phone is `phone` and that `keep` accepts. */
export function firstCustomerWithPhone(
  db: DeskDatabase,
  phone: string,
  keep: (c: StoredCustomer) => boolean
): Promise<StoredCustomer | undefined> {
  return db.customers.where('phone').equals(phone).filter(keep).first()
}

/** The first archive (in id order) holding search key `key` (e.g. `p:` + a phone's digits) that `keep`
 *  accepts. Tombstoned and merged archives carry no keys. */
export function firstCustomerWithKey(
  db: DeskDatabase,
  key: string,
  keep: (c: StoredCustomer) => boolean
): Promise<StoredCustomer | undefined> {
  return db.customers.where('_keys').equals(key).filter(keep).first()
}

/** Up to `limit` archives with a search key starting with `prefix`, in key order (an exact key before
 *  longer ones): one kind of a search's lookups. An archive can come more than once. */
export function customersWithKeyPrefix(
  db: DeskDatabase,
  prefix: string,
  limit: number
): Promise<StoredCustomer[]> {
  return db.customers.where('_keys').startsWith(prefix).limit(limit).toArray()
}

/** The archives holding any of these search keys, in key order (one holding two of them comes twice). */
export function customersWithAnyKey(db: DeskDatabase, keys: readonly string[]): Promise<StoredCustomer[]> {
  return db.customers
    .where('_keys')
    .anyOf(keys as string[])
    .toArray()
}

/** Walks the search keys starting with `prefix` in key order, with the id of the archive holding each
 *  — index keys only, no record is loaded. */
export async function eachCustomerKeyWithPrefix(
  db: DeskDatabase,
  prefix: string,
  visit: (key: string, id: string) => void
): Promise<void> {
  await db.customers
    .where('_keys')
    .startsWith(prefix)
    .eachKey((key, cursor) => visit(key as string, cursor.primaryKey as string))
}

/** Walks the search keys in [lower, upper) in key order, with the id of the archive holding each —
 *  index keys only, no record is loaded. */
export async function eachCustomerKeyBetween(
  db: DeskDatabase,
  lower: string,
  upper: string,
  visit: (key: string, id: string) => void
): Promise<void> {
  await db.customers
    .where('_keys')
    .between(lower, upper)
    .eachKey((key, cursor) => visit(key as string, cursor.primaryKey as string))
}

/** Walks the DISTINCT search keys starting with `prefix` in key order, each with the first (lowest) id
 *  of the archives holding it — index keys only. */
export async function eachDistinctCustomerKeyWithPrefix(
  db: DeskDatabase,
  prefix: string,
  visit: (key: string, firstId: string) => void
): Promise<void> {
  await db.customers
    .where('_keys')
    .startsWith(prefix)
    .eachUniqueKey((key, cursor) => visit(key as string, cursor.primaryKey as string))
}

/** The ids of the archives holding a search key starting with `prefix`, in key order (then id): one
 *  id per key held. Index keys only. */
export async function customerIdsWithKeyPrefix(db: DeskDatabase, prefix: string): Promise<string[]> {
  return (await db.customers.where('_keys').startsWith(prefix).primaryKeys()) as string[]
}

// --- By clerk (`_clerk`: the 负责客服's 工号, '' unassigned) and by tier --------------------------------

/** How many archives clerk `staffNo` holds ('' : how many are unassigned). Index count only. */
export function countCustomersOfClerk(db: DeskDatabase, staffNo: string): Promise<number> {
  return db.customers.where('_clerk').equals(staffNo).count()
}

/** The ids of the archives clerk `staffNo` holds ('' : the unassigned ones), in id order. */
export async function customerIdsOfClerk(db: DeskDatabase, staffNo: string): Promise<string[]> {
  return (await db.customers.where('_clerk').equals(staffNo).primaryKeys()) as string[]
}

/** Every distinct `_clerk` value, in order ('' first when some archive is unassigned): a unique-key
 *  walk, one step per 工号 however many customers each holds. */
export async function clerksHoldingCustomers(db: DeskDatabase): Promise<string[]> {
  return (await db.customers.orderBy('_clerk').uniqueKeys()) as string[]
}

/** The ids of the archives in tier `tier`, in id order. Index keys only. */
export async function customerIdsInTier(db: DeskDatabase, tier: Tier): Promise<string[]> {
  return (await db.customers.where('tier').equals(tier).primaryKeys()) as string[]
}

/** Which archives to pick from, through the narrowest index: any of some tiers, one clerk's (`_clerk`),
 *  or every archive. */
export type CustomerScope = { tiers: readonly Tier[] } | { clerk: string } | 'all'

/** The ids of the archives of `scope` that `keep` accepts (each record is read to be asked), in the
 *  index's order (tier then id; id). */
export async function customerIdsWhere(
  db: DeskDatabase,
  scope: CustomerScope,
  keep: (c: StoredCustomer) => boolean
): Promise<string[]> {
  const collection =
    scope === 'all'
      ? db.customers.toCollection()
      : 'tiers' in scope
        ? db.customers.where('tier').anyOf(scope.tiers as Tier[])
        : db.customers.where('_clerk').equals(scope.clerk)
  return (await collection.filter(keep).primaryKeys()) as string[]
}

// --- The archive's list (客户档案) -------------------------------------------------------------------

export interface CustomerFilter {
  tier?: Tier
  /** 工号; '' for unassigned */
  clerk?: string
}

/** The live archives of the list's filter: in name order, or one clerk's (by `_clerk`, then id). */
function listed(db: DeskDatabase, f: CustomerFilter) {
  const base =
    f.clerk !== undefined ? db.customers.where('_clerk').equals(f.clerk) : db.customers.orderBy('name')
  return base.filter((c) => !c._deleted && (!f.tier || c.tier === f.tier))
}

/** One page of the list: the live archives matching `f`, `offset` of them skipped, at most `limit`. */
export function customerPage(
  db: DeskDatabase,
  f: CustomerFilter,
  offset: number,
  limit: number
): Promise<StoredCustomer[]> {
  return listed(db, f).offset(offset).limit(limit).toArray()
}

/** How many live archives match `f`, counted row by row (the tallies count the whole archive faster). */
export function countListedCustomers(db: DeskDatabase, f: CustomerFilter): Promise<number> {
  return listed(db, f).count()
}

/** Every live archive matching `f`, in the list's order (an export). */
export function listedCustomers(db: DeskDatabase, f: CustomerFilter): Promise<StoredCustomer[]> {
  return listed(db, f).toArray()
}

// --- Whole-archive work ----------------------------------------------------------------------------

/** The id of every stored archive (tombstones too), in id order. Index keys only. */
export async function allCustomerIds(db: DeskDatabase): Promise<string[]> {
  return (await db.customers.toCollection().primaryKeys()) as string[]
}

/** Every stored archive (tombstones too), in id order: all records in memory at once. */
export function allStoredCustomers(db: DeskDatabase): Promise<StoredCustomer[]> {
  return db.customers.toArray()
}
