import Dexie from 'dexie'
import type { DeskDatabase } from './database'
import type { SyncedRecords } from './schema'
import { addUntracked } from './untrackedAdd'
import { PackedArchive, viewOf, type PackView } from './packedArchive'
import {
  customerPack,
  customerPackGroups,
  customerPackRows,
  type CustomerPackRow,
  type StoredCustomerPack
} from '@shared/sync/customerPacks'

// The customer archive a join stored as packs (issue 18, docs/sync-engine.md "Archive packs"): the keeper
// of the `customerPacks` table. The packs carry no IndexedDB index; the data layer holds them parsed, per
// open database, with each pack's search keys sorted as the table's `_keys` index would keep them, and
// customerReads.ts answers every read from rows and packs together. A customer is a row or in one pack,
// never both: any write to a packed one moves it to a row first (`unpackCustomers`, in the writer's
// transaction), and the pack is stored again without it under a NEW id. So the list of pack ids, read
// on every use (a keys-only read, which also makes a live query watch the table), says exactly which
// parsed packs stand for the table now, in any transaction.

type StoredCustomer = SyncedRecords['customers']

/** The packs' table, by name (a database opened as it is on disk names no table properties). */
export const CUSTOMER_PACKS_TABLE = 'customerPacks'

const EMPTY = new PackedArchive([])

interface Kept {
  /** parsed packs by id (those of a transaction not ended yet too) */
  packs: Map<string, PackView>
  /** packs made by a transaction not ended yet: never dropped as unlisted meanwhile */
  pending: Set<string>
  last?: { listed: string; archive: PackedArchive }
}

const kept = new WeakMap<Dexie, Kept>()

function keptFor(db: Dexie): Kept {
  let k = kept.get(db)
  if (!k) kept.set(db, (k = { packs: new Map(), pending: new Set() }))
  return k
}

/** The packed archive as the caller's transaction (or a read of its own) sees it. Must run where the
 *  caller may read `customerPacks` (customerReads.ts lists it in CUSTOMER_STORES). A chain of Dexie
 *  promises, no native `await`: every read of the archive runs inside its caller's transaction, and
 *  Dexie follows a transaction across native awaits only for a bounded number of microtasks. */
export function packedArchive(db: DeskDatabase | Dexie): Promise<PackedArchive> {
  const table = db.table(CUSTOMER_PACKS_TABLE)
  const k = keptFor(db)
  return table
    .toCollection()
    .primaryKeys()
    .then((keys) => {
      const ids = keys as string[]
      const missing = ids.filter((id) => !k.packs.has(id))
      if (missing.length === 0) return archiveOf(k, ids)
      return table.bulkGet(missing).then((stored: (StoredCustomerPack | undefined)[]) => {
        for (const pack of stored)
          if (pack)
            k.packs.set(pack.id, viewOf(pack.id, customerPackRows(pack) as unknown as StoredCustomer[]))
        return archiveOf(k, ids)
      })
    })
}

/** The archive of these packs (all parsed), the same object while the list does not change. */
function archiveOf(k: Kept, ids: readonly string[]): PackedArchive {
  const listed = ids.join('\n')
  if (k.last?.listed === listed) return k.last.archive
  dropUnlisted(k, new Set(ids))
  const archive = ids.length === 0 ? EMPTY : new PackedArchive(ids.flatMap((id) => k.packs.get(id) ?? []))
  k.last = { listed, archive }
  return archive
}

function dropUnlisted(k: Kept, listed: ReadonlySet<string>): void {
  for (const id of k.packs.keys()) if (!listed.has(id) && !k.pending.has(id)) k.packs.delete(id)
}

/** Keeps `view` parsed for the caller's transaction: dropped if it aborts, listed once it commits. */
function keepMade(db: Dexie, view: PackView): void {
  const k = keptFor(db)
  k.packs.set(view.id, view)
  k.pending.add(view.id)
  const idbtrans = (Dexie.currentTransaction as unknown as { idbtrans?: IDBTransaction } | null)?.idbtrans
  if (!idbtrans) return void k.pending.delete(view.id)
  idbtrans.addEventListener('complete', () => k.pending.delete(view.id), { once: true })
  idbtrans.addEventListener(
    'abort',
    () => {
      k.pending.delete(view.id)
      k.packs.delete(view.id)
    },
    { once: true }
  )
}

const newPackId = (): string => `c:${crypto.randomUUID()}`

/** Stores customers known absent here (as rows and in packs) as packs, in the caller's read-write
 *  transaction holding `customerPacks`. The rows are kept parsed as they are (the very objects). */
export async function storeCustomerPacks(db: Dexie, rows: readonly StoredCustomer[]): Promise<void> {
  const groups = customerPackGroups(rows)
  // not bulkAdd: each pack made just before its add, without Dexie's per-key tracking (untrackedAdd.ts)
  await addUntracked(
    db,
    CUSTOMER_PACKS_TABLE,
    (function* () {
      for (const group of groups) {
        const id = newPackId()
        keepMade(db, viewOf(id, group))
        yield customerPack(id, group as unknown as CustomerPackRow[])
      }
    })()
  )
}

/**
 * Moves these customers (those packed) out of their packs into rows, in the caller's read-write
 * transaction (which must hold customers and customerPacks): before any write to a customer, so the
 * write finds its row. Each pack that held one is stored again without it, under a new id. Tallies
 * count a customer the same packed or not. Returns the ids moved.
 */
export async function unpackCustomers(db: DeskDatabase | Dexie, ids: Iterable<string>): Promise<string[]> {
  const wanted = new Set(ids)
  if (wanted.size === 0) return []
  const archive = await packedArchive(db)
  if (![...wanted].some((id) => archive.get(id))) return []
  const moved: StoredCustomer[] = []
  for (const pack of archive.packs) {
    if (!pack.rows.some((r) => wanted.has(r.id))) continue
    const left = pack.rows.filter((r) => {
      if (!wanted.has(r.id)) return true
      moved.push(r)
      return false
    })
    await db.table(CUSTOMER_PACKS_TABLE).delete(pack.id)
    if (left.length) await storeCustomerPacks(db, left)
  }
  if (moved.length) await db.table('customers').bulkPut(moved)
  return moved.map((r) => r.id)
}

/** Whether this database holds any packed customer (one key read). */
export async function anyPackedCustomer(db: DeskDatabase | Dexie): Promise<boolean> {
  return (await db.table(CUSTOMER_PACKS_TABLE).count()) > 0
}

/** The packed customers as rows, `packsPerPage` packs at a time (each page its own read, in pack id
 *  order): whole-store readers (a backup, a snapshot) write them as the customer records they are.
 *  `db` may be a database opened as it is on disk (an older version has no such table: nothing). */
export async function* packedCustomerPages(
  db: Dexie,
  packsPerPage = 10
): AsyncGenerator<{ packs: number; customers: StoredCustomer[] }> {
  if (!db.tables.some((t) => t.name === CUSTOMER_PACKS_TABLE)) return
  const table = db.table<StoredCustomerPack, string>(CUSTOMER_PACKS_TABLE)
  let after: string | undefined
  for (;;) {
    const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
      .limit(packsPerPage)
      .toArray()
    if (page.length === 0) return
    const customers = page.flatMap((pack) => customerPackRows(pack) as unknown as StoredCustomer[])
    yield { packs: page.length, customers }
    if (page.length < packsPerPage) return
    after = page[page.length - 1]?.id
  }
}
