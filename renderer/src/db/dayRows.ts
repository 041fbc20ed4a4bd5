import type { DeskDatabase } from './database'
import type { SyncedTable } from './schema'
import { serviceFamily } from './serviceDayFamily'
import { taskDueFamily, taskMadeFamily } from './taskDayFamily'
import { complaintFamily } from './complaintDayFamily'

// Day rows: statistics over long periods read one row per local day instead of one record per case.
// A family (services for 服务统计表, follow-up tasks for 回访统计, complaints for 统计报表) files each record as one line under
// one or more days; the writer moves a record's lines in the same transaction as every change to it
// (local writes, imports and sync merges alike), exactly where the tallies move. Local and derived:
// each family rebuilds its rows from the records when its built mark is missing.

export type DayStore = 'serviceDays' | 'taskDays' | 'taskMade' | 'complaintDays'

export interface DayRowEntry {
  /** local date, YYYY-MM-DD */
  day: string
  /** '\n'-separated lines, each starting with its record's key and a tab */
  lines: string
}

/** Where one record is filed: a line (key first, no newline) under each of `days`. */
export interface Placement {
  key: string
  line: string
  days: readonly string[]
}

export interface DayRowFamily {
  store: DayStore
  /** null: the record is not filed (another table, a tombstone, not complete yet) */
  place(table: SyncedTable, record: object): Placement | null
}

/** One line's move: `line` null removes the record from that day. */
export interface DayMove {
  store: DayStore
  day: string
  key: string
  line: string | null
}

const families: readonly DayRowFamily[] = [serviceFamily, taskDueFamily, taskMadeFamily, complaintFamily]

/** Which lines a record's change moves, in every family (pure, so batches collect them in memory). */
export function dayRowMoves(
  table: SyncedTable,
  before: object | undefined,
  after: object | undefined
): DayMove[] {
  const moves: DayMove[] = []
  for (const family of families) {
    const from = before ? family.place(table, before) : null
    const to = after ? family.place(table, after) : null
    if (!from && !to) continue
    const unchanged =
      from &&
      to &&
      from.line === to.line &&
      from.days.length === to.days.length &&
      from.days.every((d, i) => d === to.days[i])
    if (unchanged) continue
    for (const day of from?.days ?? [])
      if (!to?.days.includes(day)) moves.push({ store: family.store, day, key: from!.key, line: null })
    for (const day of to?.days ?? []) moves.push({ store: family.store, day, key: to!.key, line: to!.line })
  }
  return moves
}

const keyOf = (line: string) => line.slice(0, line.indexOf('\t'))

/** Applies moves: one read and one write per day touched. */
export async function applyDayRowMoves(db: DeskDatabase, moves: readonly DayMove[]): Promise<void> {
  if (moves.length === 0) return
  const byStore = new Map<DayStore, Map<string, DayMove[]>>()
  for (const m of moves) {
    const days = byStore.get(m.store) ?? new Map<string, DayMove[]>()
    byStore.set(m.store, days)
    const list = days.get(m.day)
    if (list) list.push(m)
    else days.set(m.day, [m])
  }
  for (const [store, byDay] of byStore) {
    const days = [...byDay.keys()]
    const rows = await db.table<DayRowEntry, string>(store).bulkGet(days)
    const next: DayRowEntry[] = []
    const empty: string[] = []
    days.forEach((day, i) => {
      const lines = new Map<string, string>()
      for (const line of rows[i]?.lines.split('\n') ?? []) if (line) lines.set(keyOf(line), line)
      for (const m of byDay.get(day) ?? []) {
        if (m.line === null) lines.delete(m.key)
        else lines.set(m.key, m.line)
      }
      if (lines.size === 0) empty.push(day)
      else next.push({ day, lines: [...lines.values()].join('\n') })
    })
    if (next.length) await db.table<DayRowEntry, string>(store).bulkPut(next)
    if (empty.length) await db.table<DayRowEntry, string>(store).bulkDelete(empty)
  }
}

/** Every line of the rows from `first` to `last` (YYYY-MM-DD, inclusive), each record once. */
export async function readDayLines(
  db: DeskDatabase,
  store: DayStore,
  first: string,
  last: string
): Promise<string[]> {
  const rows = await db
    .table<DayRowEntry, string>(store)
    .where('day')
    .between(first, last, true, true)
    .toArray()
  const seen = new Set<string>()
  const out: string[] = []
  for (const row of rows)
    for (const line of row.lines.split('\n')) {
      const key = keyOf(line)
      if (seen.has(key)) continue
      seen.add(key)
      out.push(line)
    }
  return out
}

/** Rows for a whole rebuild: lines grouped by day. */
export async function replaceDayRows(
  db: DeskDatabase,
  store: DayStore,
  days: Map<string, string[]>
): Promise<void> {
  await db.table(store).clear()
  await db
    .table<DayRowEntry, string>(store)
    .bulkPut([...days].map(([day, lines]) => ({ day, lines: lines.join('\n') })))
}
