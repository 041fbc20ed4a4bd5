// The customer archive stored as fewer, larger records (issue 18, docs/sync-engine.md "Archive packs"):
// a joining PC stores the snapshot's customers CUSTOMER_PACK_SIZE to a record, as one JSON text, with
// no IndexedDB index over them. An indexed row costs ~0.9 ms here (its search keys are ~7 index
// entries); a pack of 200 costs ~3 ms. The data layer holds the packs' keys in memory and answers every
// read of the archive from rows and packs together (renderer/src/db/packedCustomers.ts). Pure: this
// module decides what a pack is.

export const CUSTOMER_PACK_SIZE = 200

/** A stored customer row: its id, anything else kept as it is. */
export interface CustomerPackRow {
  id: string
  [field: string]: unknown
}

/** What the data layer stores: the ids (not indexed; for a reader of the database as a whole) and the
 *  rows as one text (copied into IndexedDB as one block). */
export interface StoredCustomerPack {
  id: string
  ids: string[]
  rowsText: string
}

/** The stored form of one pack of rows. */
export function customerPack(id: string, rows: readonly CustomerPackRow[]): StoredCustomerPack {
  if (rows.length === 0) throw new Error('a pack holds at least one customer')
  return { id, ids: rows.map((r) => r.id), rowsText: JSON.stringify(rows) }
}

/** The rows of a stored pack, in its order; refuses a pack whose text and ids disagree. */
export function customerPackRows(pack: StoredCustomerPack): CustomerPackRow[] {
  const rows = JSON.parse(pack.rowsText) as CustomerPackRow[]
  if (!Array.isArray(rows) || rows.length !== pack.ids.length || rows.some((r, i) => r?.id !== pack.ids[i]))
    throw new Error(`customer pack ${pack.id}: its rows and ids disagree`)
  return rows
}

/** These rows in groups of `size` (the order kept). */
export function customerPackGroups<T>(rows: readonly T[], size = CUSTOMER_PACK_SIZE): T[][] {
  const groups: T[][] = []
  for (let at = 0; at < rows.length; at += size) groups.push(rows.slice(at, at + size))
  return groups
}
