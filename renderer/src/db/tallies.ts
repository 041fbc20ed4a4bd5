import type { DeskDatabase } from './database'
import type { SyncedTable } from './schema'

// Counts kept beside the data. IndexedDB counts by walking the index (about a second for 200 000
// complaints in Chromium, and it blocks other reads meanwhile), so the writer adjusts these in the
// same transaction as every change. Local and derived: rebuilt from the records when missing.

/** Which field of which table is counted per value. */
const TALLIED: Partial<Record<SyncedTable, string>> = { complaints: 'status', customers: 'tier' }
/** v2 added customers by tier; a new key makes an older database recount once. */
export const TALLIES_BUILT_KEY = 'tallies.built.v2'
const BUILT_KEY = TALLIES_BUILT_KEY

type Row = Record<string, unknown> & { _deleted?: 1 }

function key(table: SyncedTable, value: unknown): string {
  return `${table}.${TALLIED[table]}=${String(value)}`
}

/** Which tally keys a record's change moves, and by how much (a tombstone counts nowhere). Pure, so a
 *  batch can sum its moves in memory and write each key once. */
export function tallyMoves(
  table: SyncedTable,
  beforeRecord: object | undefined,
  afterRecord: object | undefined
): [string, number][] {
  const field = TALLIED[table]
  if (!field) return []
  const before = beforeRecord as Row | undefined
  const after = afterRecord as Row | undefined
  const from = before && !before._deleted ? key(table, before[field]) : null
  const to = after && !after._deleted ? key(table, after[field]) : null
  if (from === to) return []
  const moves: [string, number][] = []
  if (from) moves.push([from, -1])
  if (to) moves.push([to, 1])
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

/** Count of records whose tallied field has one of `values`; undefined until the tallies are built. */
export async function readTallies(
  db: DeskDatabase,
  table: SyncedTable,
  values: readonly string[]
): Promise<number | undefined> {
  if (!(await db.meta.get(BUILT_KEY))) return undefined
  const rows = await db.tallies.bulkGet(values.map((v) => key(table, v)))
  return rows.reduce((sum, row) => sum + (row?.n ?? 0), 0)
}

/** Recounts from the records (first start after an upgrade, or after data was loaded by other means). */
export async function ensureTallies(
  db: DeskDatabase,
  statuses: readonly string[],
  tiers: readonly string[]
): Promise<void> {
  if (await db.meta.get(BUILT_KEY)) return
  await db.transaction('rw', db.complaints, db.customers, db.tallies, db.meta, async () => {
    for (const status of statuses) {
      const live = await db.complaints
        .where('[status+receivedAt]')
        .between([status, -Infinity], [status, Infinity])
        .filter((c) => !c._deleted)
        .count()
      await db.tallies.put({ key: key('complaints', status), n: live })
    }
    const byTier = new Map<string, number>(tiers.map((t) => [t, 0]))
    await db.customers.each((c) => {
      if (!c._deleted) byTier.set(c.tier ?? 'regular', (byTier.get(c.tier ?? 'regular') ?? 0) + 1)
    })
    for (const [tier, n] of byTier) await db.tallies.put({ key: key('customers', tier), n })
    await db.meta.put({ key: BUILT_KEY, value: true })
  })
}
