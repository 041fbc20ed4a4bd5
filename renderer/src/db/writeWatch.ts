import type Dexie from 'dexie'
import type { DBCoreMutateRequest, DBCoreTransaction } from 'dexie'

// What the in-memory caches of the data layer share (settingsCache.ts, deskRightCache.ts,
// joiningCustomers.ts): a middleware that sees every write to some tables — the desk's, sync's, a
// restore's through Dexie — and a count of writes that lets a value read from those tables be kept
// only if nothing was written while it was read, nor is still being written.

/** Installs `onWrite` for every write request to `tables` (before the database opens). Called before
 *  the write is made; it must not await (Dexie's transaction zone would be lost). */
export function watchWrites(
  db: Dexie,
  name: string,
  tables: readonly string[],
  onWrite: (table: string, req: DBCoreMutateRequest) => void
): void {
  db.use({
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName)
        if (!tables.includes(tableName)) return table
        return {
          ...table,
          mutate: (req) => {
            onWrite(tableName, req)
            return table.mutate(req)
          }
        }
      }
    })
  })
}

/** Writes seen: `version` moves on every write asked for and again when its transaction ends;
 *  `pending` counts transactions with such a write not ended yet. */
export interface WriteCount {
  version: number
  pending: number
  counted: WeakSet<object>
}

export function newWriteCount(): WriteCount {
  return { version: 0, pending: 0, counted: new WeakSet() }
}

/** Counts a write of `trans` (once per transaction) until it commits or aborts. */
export function countWrite(count: WriteCount, trans: DBCoreTransaction): void {
  count.version++
  if (count.counted.has(trans)) return
  count.counted.add(trans)
  count.pending++
  const ended = () => {
    count.pending--
    count.version++
  }
  if (!onEnd(trans, ended, ended)) ended()
}

/** Runs `committed` when the transaction commits and `aborted` when it aborts; false when `trans` is
 *  not a native IndexedDB transaction (then neither will run). */
export function onEnd(trans: DBCoreTransaction, committed: () => void, aborted?: () => void): boolean {
  // The IndexedDB implementation's transaction is the native IDBTransaction.
  const native = trans as unknown as Partial<IDBTransaction>
  if (typeof native.addEventListener !== 'function') return false
  native.addEventListener('complete', committed, { once: true })
  if (aborted) native.addEventListener('abort', aborted, { once: true })
  return true
}
