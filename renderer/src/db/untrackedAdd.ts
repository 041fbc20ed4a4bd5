import Dexie, { RangeSet } from 'dexie'

// Records added in the caller's transaction without Dexie's per-key change tracking. For a write of
// fewer than 50 records Dexie (4.x, pinned) notes every primary and index key it touches, one by one,
// so live queries can tell whether they are concerned; a complaint pack carries ~1 000 multiEntry keys,
// and that bookkeeping alone was a third of a join's main thread (a CPU profile of the join bench,
// 2026-12-07). Here the store is written directly and the whole table is marked changed instead (as
// Dexie itself does for a write of 50 or more): at commit, every live query reading the table runs
// again and Dexie's query cache drops what it held for it.

type TrackedTransaction = IDBTransaction & { mutatedParts?: Record<string, RangeSet> }

/** Adds `values` to `table` one after the other (an existing key fails the add, and so the
 *  transaction). Each value is taken from `values` only when the add before it has succeeded, so a
 *  lazy iterable builds its values between IndexedDB's answers, and a keystroke waits for one value,
 *  not for the whole batch. Must run inside a Dexie read-write transaction holding `table`. */
export async function addUntracked(db: Dexie, table: string, values: Iterable<object>): Promise<void> {
  const tx = Dexie.currentTransaction as unknown as { idbtrans?: TrackedTransaction } | null
  const idbtrans = tx?.idbtrans
  if (!idbtrans) throw new Error(`addUntracked(${table}) outside a transaction`)
  const store = idbtrans.objectStore(table)
  let added = 0
  for (const value of values) {
    await new Promise<void>((resolve, reject) => {
      const request = store.add(value)
      request.onsuccess = () => resolve()
      request.onerror = () => reject(request.error)
    })
    added++
  }
  if (added === 0) return
  const parts = idbtrans.mutatedParts ?? (idbtrans.mutatedParts = {})
  const everything = () => new RangeSet(-Infinity, [[]])
  for (const index of ['', ':dels', ...db.table(table).schema.indexes.map((i) => i.name)])
    parts[`idb://${db.name}/${table}/${index}`] = everything()
}
