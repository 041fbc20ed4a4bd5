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
  /** the row's key: the local date (YYYY-MM-DD), or the date and a part (YYYY-MM-DD#4.1) of a split day */
  day: string
  /** '\n'-separated lines, each starting with its record's key and a tab ('' in a split day's head) */
  lines: string
  /** a split day's head: its lines are in its parts — how many (a power of two), or `true` for a day
   *  split before parts were counted (64 parts keyed YYYY-MM-DD#07; still read and written) */
  split?: true | number
}

// A day's row stays small: Chromium keeps an IndexedDB value over ~64 KiB as a separate blob file, and
// one task written on a day of 10 000 (a rule switched on over the archive) rewrote its whole row —
// 250 ms. A row that grows past SPLIT_CHARS is split for good into parts by a hash of each line's key,
// as many as keep each part about half full (so a day of 180 complaints is 4 parts, not 64: a year of
// reports reads ~2 000 rows instead of ~50 000, and each read row costs about the same whatever its
// size); a part that outgrows SPLIT_CHARS splits its day again into more parts. The head row stays as
// the mark.
const SPLIT_CHARS = 16_000
const LEGACY_PARTS = 64
const PART_COUNTS = [2, 4, 8, 16, 32, 64, 128, 256] as const
const MAX_PARTS = 256

/** FNV-1a of a line's key. */
function hashOf(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** The part of a day split into `split` parts that holds `key`. */
function partOf(day: string, split: true | number, key: string): string {
  const h = hashOf(key)
  return split === true
    ? `${day}#${String(h % LEGACY_PARTS).padStart(2, '0')}`
    : `${day}#${split}.${h % split}`
}

/** How many parts a day of `chars` is split into: each about half of SPLIT_CHARS. */
function partsFor(chars: number): number {
  let n = 2
  while (n < MAX_PARTS && chars / n > SPLIT_CHARS / 2) n *= 2
  return n
}

/** The local date a row belongs to (a part's key without its part). */
export function dayOfRow(rowKey: string): string {
  const hash = rowKey.indexOf('#')
  return hash < 0 ? rowKey : rowKey.slice(0, hash)
}

/** A row's lines ([] for a split day's head). */
export function linesOf(row: DayRowEntry): string[] {
  return row.lines ? row.lines.split('\n') : []
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

/** Applies moves: per store, one read (heads and the parts they may be split into) and one write. */
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
  await Promise.all([...byStore].map(([store, byDay]) => applyToStore(db, store, byDay)))
}

// Up to this many keys a write reads each day's head and every part its lines could be in (whatever
// the day's split) in one round trip; a bigger batch reads the heads first, then the parts it needs.
const GUESSED_KEYS = 2_000

async function applyToStore(db: DeskDatabase, store: DayStore, byDay: Map<string, DayMove[]>): Promise<void> {
  const table = db.table<DayRowEntry, string>(store)
  const days = [...byDay.keys()]
  const guess = (day: string) =>
    (byDay.get(day) ?? []).flatMap((m) => [true as const, ...PART_COUNTS].map((n) => partOf(day, n, m.key)))
  const guessed = [...new Set(days.flatMap(guess))]
  const oneTrip = days.length + guessed.length <= GUESSED_KEYS
  const read = await table.bulkGet(oneTrip ? [...days, ...guessed] : days)
  const heads = new Map(days.map((day, i) => [day, read[i]]))
  const parts = new Map<string, DayRowEntry | undefined>()
  if (oneTrip) guessed.forEach((key, i) => parts.set(key, read[days.length + i]))
  else {
    const wanted = [
      ...new Set(
        days.flatMap((day) => {
          const split = heads.get(day)?.split
          return split ? (byDay.get(day) ?? []).map((m) => partOf(day, split, m.key)) : []
        })
      )
    ]
    const got = wanted.length ? await table.bulkGet(wanted) : []
    wanted.forEach((key, i) => parts.set(key, got[i]))
  }
  const put: DayRowEntry[] = []
  const gone: string[] = []
  const regrow: string[] = []
  for (const day of days) {
    const head = heads.get(day)
    const dayMoves = byDay.get(day) ?? []
    const split = head?.split
    if (!split) {
      const lines = applyMoves(head ? linesOf(head) : [], dayMoves)
      if (lines.size === 0) gone.push(day)
      else put.push(...rowsOfDay(day, [...lines.values()]))
      continue
    }
    const byPart = new Map<string, DayMove[]>()
    for (const m of dayMoves) {
      const key = partOf(day, split, m.key)
      const list = byPart.get(key)
      if (list) list.push(m)
      else byPart.set(key, [m])
    }
    const rows: DayRowEntry[] = []
    const emptied: string[] = []
    for (const [key, moves] of byPart) {
      const lines = applyMoves(linesOf(parts.get(key) ?? EMPTY), moves)
      if (lines.size === 0) emptied.push(key)
      else rows.push({ day: key, lines: [...lines.values()].join('\n') })
    }
    // a part outgrew its size: the whole day is split again, into more parts (below)
    if (rows.some((r) => r.lines.length > SPLIT_CHARS) && (split === true || split < MAX_PARTS))
      regrow.push(day)
    else {
      put.push(...rows)
      gone.push(...emptied)
    }
  }
  for (const day of regrow) {
    // every part of the day as stored, then this write's moves: rows of a new split (the new part keys
    // name their count, so none of them is an old part's key)
    const stored = await table.where('day').between(`${day}#`, `${day}#\uffff`, true, true).toArray()
    const lines = applyMoves(stored.flatMap(linesOf), byDay.get(day) ?? [])
    const rows = rowsOfDay(day, [...lines.values()])
    const kept = new Set(rows.map((r) => r.day))
    put.push(...rows)
    gone.push(...stored.map((r) => r.day).filter((key) => !kept.has(key)))
  }
  await Promise.all([put.length && table.bulkPut(put), gone.length && table.bulkDelete(gone)])
}

const EMPTY: DayRowEntry = { day: '', lines: '' }

function applyMoves(current: readonly string[], moves: readonly DayMove[]): Map<string, string> {
  const lines = new Map<string, string>()
  for (const line of current) lines.set(keyOf(line), line)
  for (const m of moves) {
    if (m.line === null) lines.delete(m.key)
    else lines.set(m.key, m.line)
  }
  return lines
}

/** A day's rows: one row, or a head and its parts once the lines pass SPLIT_CHARS. */
function rowsOfDay(day: string, lines: readonly string[]): DayRowEntry[] {
  const joined = lines.join('\n')
  if (joined.length <= SPLIT_CHARS) return [{ day, lines: joined }]
  const split = partsFor(joined.length)
  const parts = new Map<string, string[]>()
  for (const line of lines) {
    const part = partOf(day, split, keyOf(line))
    const list = parts.get(part)
    if (list) list.push(line)
    else parts.set(part, [line])
  }
  return [
    { day, lines: '', split },
    ...[...parts].map(([key, partLines]) => ({ day: key, lines: partLines.join('\n') }))
  ]
}

/** Every line of the rows from `first` to `last` (YYYY-MM-DD, inclusive), each record once. */
export async function readDayLines(
  db: DeskDatabase,
  store: DayStore,
  first: string,
  last: string
): Promise<string[]> {
  const rows = await readDayRows(db, store, first, last)
  const seen = new Set<string>()
  const out: string[] = []
  for (const row of rows)
    for (const line of linesOf(row)) {
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
    .bulkPut([...days].flatMap(([day, lines]) => rowsOfDay(day, lines)))
}

/** The rows of the days from `first` to `last` (YYYY-MM-DD, inclusive), split days' parts included. */
export function readDayRows(
  db: DeskDatabase,
  store: DayStore,
  first: string,
  last: string
): Promise<DayRowEntry[]> {
  return db
    .table<DayRowEntry, string>(store)
    .where('day')
    .between(first, `${last}#\uffff`, true, true)
    .toArray()
}
