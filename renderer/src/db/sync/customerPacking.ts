import type { DeskDatabase } from '../database'
import type { Derive } from '../derived'
import type { SyncedRecords, SyncedTable } from '../schema'
import { addNewToTallies } from '../tallies'
import { storeCustomerPacks, unpackCustomers } from '../packedCustomers'
import { noteCustomersStored } from '../joiningCustomers'
import { snapshotRow, type SnapshotRecordEntry } from './mergeBatch'

// The customers of a history slice (Writer.applyHistoryRecords) stored as packs (packedCustomers.ts):
// those new here, each as exactly the row a merge would store — the row a join held and searched
// (joiningCustomers.ts), or built from the record the same way (snapshotRow).

type StoredCustomer = SyncedRecords['customers']

/** The slice's packed customers moved back to rows first (a slice stored again after a crash): then
 *  `readPresent` lists them, and they merge as rows. In the caller's transaction. */
export async function unpackSliceCustomers(
  db: DeskDatabase,
  entries: readonly SnapshotRecordEntry[]
): Promise<void> {
  await unpackCustomers(
    db,
    entries.flatMap((e) => (e.t === 'customers' ? [e.r.id] : []))
  )
}

/** Packs the slice's customers that `present` does not list, in the caller's transaction (customers,
 *  customerPacks, tallies); returns the entries left for the ordinary merge. */
export async function packSliceCustomers(
  db: DeskDatabase,
  derive: Derive,
  entries: readonly SnapshotRecordEntry[],
  present: (table: SyncedTable, id: string) => boolean
): Promise<SnapshotRecordEntry[]> {
  const rows: StoredCustomer[] = []
  const rest: SnapshotRecordEntry[] = []
  for (const entry of entries) {
    const row =
      entry.t === 'customers' && !present(entry.t, entry.r.id)
        ? (entry.row ?? snapshotRow(derive, entry.t, entry.r))
        : undefined
    if (row) rows.push(row as unknown as StoredCustomer)
    else rest.push(entry)
  }
  if (rows.length === 0) return rest
  await storeCustomerPacks(db, rows)
  await addNewToTallies(db, 'customers', rows)
  noteCustomersStored(db, rows)
  return rest
}
