import type { DeskDatabase } from './database'
import type { SyncedTable } from './schema'
import { eachPackedRow } from './packedHistory'
import { CUSTOMER_PACKS_TABLE, packedArchive } from './packedCustomers'

// Counts kept beside the data. IndexedDB counts by walking the index (about a second for 200 000
// complaints in Chromium, and it blocks other reads meanwhile), so the writer adjusts these in the
// same transaction as every change. Local and derived: rebuilt from the records when missing.

/** Which fields of which table are counted per value. */
const TALLIED = {
  complaints: ['status', 'category'],
  customers: ['tier']
} as const satisfies Partial<Record<SyncedTable, readonly string[]>>
type TalliedTable = keyof typeof TALLIED
export type TalliedField<T extends TalliedTable> = (typeof TALLIED)[T][number]

/** v2 added customers by tier, v3 complaints by category; a new key makes an older database
 *  recount once. */
export const TALLIES_BUILT_KEY = 'tallies.built.v3'
const BUILT_KEY = TALLIES_BUILT_KEY

type Row = Record<string, unknown> & { _deleted?: 1 }

function key(table: SyncedTable, field: string, value: unknown): string {
  return `${table}.${field}=${String(value)}`
}

function talliedFields(table: SyncedTable): readonly string[] {
  return (TALLIED as Partial<Record<SyncedTable, readonly string[]>>)[table] ?? []
}

/** Which tally keys a record's change moves, and by how much (a tombstone counts nowhere). Pure, so a
 *  batch can sum its moves in memory and write each key once. */
export function tallyMoves(
  table: SyncedTable,
  beforeRecord: object | undefined,
  afterRecord: object | undefined
): [string, number][] {
  const before = beforeRecord as Row | undefined
  const after = afterRecord as Row | undefined
  const moves: [string, number][] = []
  for (const field of talliedFields(table)) {
    const from = before && !before._deleted ? key(table, field, before[field]) : null
    const to = after && !after._deleted ? key(table, field, after[field]) : null
    if (from === to) continue
    if (from) moves.push([from, -1])
    if (to) moves.push([to, 1])
  }
  return moves
}

/** Moves one record from its old tally to its new one (a tombstone counts nowhere). */
export async function adjustTallies(
  db: DeskDatabase,
  table: SyncedTable,
  beforeRecord: object | undefined,
  afterRecord: object | undefined
): Promise<void> {
  for (const [k, delta] of tallyMoves(table, beforeRecord, afterRecord)) {
    const row = await db.tallies.get(k)
    await db.tallies.put({ key: k, n: (row?.n ?? 0) + delta })
  }
}

/** Counts records new here (each moves from nowhere) stored without the writer's own path (packs):
 *  the moves summed in memory, then one read and write per tally key. */
export async function addNewToTallies(
  db: DeskDatabase,
  table: SyncedTable,
  rows: readonly object[]
): Promise<void> {
  const sums = new Map<string, number>()
  for (const row of rows)
    for (const [key, delta] of tallyMoves(table, undefined, row)) sums.set(key, (sums.get(key) ?? 0) + delta)
  for (const [key, n] of sums) {
    const stored = await db.tallies.get(key)
    await db.tallies.put({ key, n: (stored?.n ?? 0) + n })
  }
}

/** Count of records whose tallied `field` has one of `values`; undefined until the tallies are built. */
export async function readTallies<T extends TalliedTable>(
  db: DeskDatabase,
  table: T,
  field: TalliedField<T>,
  values: readonly string[]
): Promise<number | undefined> {
  if (!(await db.meta.get(BUILT_KEY))) return undefined
  const rows = await db.tallies.bulkGet(values.map((v) => key(table, field, v)))
  return rows.reduce((sum, row) => sum + (row?.n ?? 0), 0)
}

/** Recounts from the records (first start after an upgrade, or after data was loaded by other means):
 *  one pass over each tallied table, every field at once. */
export async function ensureTallies(db: DeskDatabase): Promise<void> {
  if (await db.meta.get(BUILT_KEY)) return
  const tables = ['complaints', 'complaintPacks', 'customers', CUSTOMER_PACKS_TABLE, 'tallies', 'meta']
  await db.transaction('rw', tables, async () => {
    for (const table of Object.keys(TALLIED) as TalliedTable[]) {
      const counts = new Map<string, number>()
      const count = (row: Row): void => {
        for (const [k] of tallyMoves(table, undefined, row)) counts.set(k, (counts.get(k) ?? 0) + 1)
      }
      await db.table(table).each(count)
      // settled complaints a join stored in packs count as rows do (packedHistory.ts)
      if (table === 'complaints') await eachPackedRow(db, (c) => count(c as unknown as Row))
      // and so do customers a join stored in packs (packedCustomers.ts)
      if (table === 'customers')
        for (const c of (await packedArchive(db)).inIdOrder()) count(c as unknown as Row)
      // Values no longer present count zero (the old rows would otherwise keep their stale number).
      await db.tallies.where('key').startsWith(`${table}.`).delete()
      await db.tallies.bulkPut([...counts].map(([k, n]) => ({ key: k, n })))
    }
    await db.meta.put({ key: BUILT_KEY, value: true })
  })
}
