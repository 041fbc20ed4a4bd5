import type { DeskDatabase } from '../database'
import type { SyncedTable } from '../schema'
import { packedWithNos } from '../packedHistory'

// Some synced tables have UNIQUE indexes (staff 工号, complaint 编号). Two PCs can each create a record
// with the same value while apart (the same 工号 added on both). IndexedDB would then refuse the whole
// apply transaction — and with it every later change of that peer, forever. So records that would
// break a unique index are found first and held back (quarantined with their changes, retried every
// round) while the rest of the batch applies.

type Row = { id: string } & Record<string, unknown>

/** id → why, for the rows (about to be written to `table`) whose unique values another record holds. */
export async function findUniqueClashes(
  db: DeskDatabase,
  table: SyncedTable,
  rows: readonly Row[]
): Promise<Map<string, string>> {
  const clashes = new Map<string, string>()
  const unique = db.table(table).schema.indexes.filter((i) => i.unique && typeof i.keyPath === 'string')
  for (const index of unique) {
    const keyPath = index.keyPath as string
    const values = [
      ...new Set(
        rows
          .map((r) => r[keyPath])
          .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      )
    ]
    if (values.length === 0) continue
    const holders = (await db.table(table).where(keyPath).anyOf(values).toArray()) as Row[]
    // settled complaints held in packs keep their numbers too (packedHistory.ts)
    if (table === 'complaints' && keyPath === 'no')
      holders.push(...((await packedWithNos(db, values.map(String))) as unknown as Row[]))
    const owner = new Map<unknown, string>(holders.map((h) => [h[keyPath], h.id]))
    for (const row of rows) {
      const value = row[keyPath]
      if (value === undefined || clashes.has(row.id)) continue
      const held = owner.get(value)
      if (held !== undefined && held !== row.id)
        clashes.set(row.id, `${table}.${keyPath} ${JSON.stringify(value)} is already used by ${held}`)
      else owner.set(value, row.id)
    }
  }
  return clashes
}
