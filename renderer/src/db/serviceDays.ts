import dayjs from 'dayjs'
import type { ServiceFact, ServiceKind } from '@shared/domain/counter/serviceStats'
import type { ConsultOutcome } from '@shared/domain/counter/consultation'
import type { TimeRange } from '@shared/domain/counter/week'
import type { DeskDatabase } from './database'
import type { SyncedTable } from './schema'

// 服务统计表 over long periods. A year holds ~150 000 services; walking the _svc index for them takes
// ~2 s in Chromium (one cursor step per key), and 服务人数 counts DISTINCT customers, so it cannot be
// summed from counters. Instead every local day keeps its services as one string (a line per record:
// kind, id, 工号, customer key, outcome): a year is ~365 rows read at once. Local and derived, like the
// tallies: the writer moves a record's line in the same transaction as every change (local writes,
// imports and sync merges alike), and the whole table is rebuilt from the records when missing.

const KIND_OF: Partial<Record<SyncedTable, ServiceKind>> = {
  consultations: 'consultation',
  complaints: 'complaint',
  returns: 'return'
}
const TABLES = ['consultations', 'complaints', 'returns'] as const

/** v1; the zone is part of the key because days are local: a PC moved to another zone rebuilds. */
function builtKey(): string {
  return `serviceDays.built.v1:${Intl.DateTimeFormat().resolvedOptions().timeZone}`
}

export interface ServiceDayEntry {
  /** local date, YYYY-MM-DD */
  day: string
  /** '\n'-separated lines: kind \t id \t 工号 \t customer \t outcome */
  lines: string
}

type Row = { id?: unknown; _svc?: unknown; _deleted?: 1 }
type Svc = [number, string, string, string]

/** One line's move: `line` null removes the record from that day. */
export interface ServiceDayMove {
  day: string
  id: string
  line: string | null
}

function placed(table: SyncedTable, r: Row | undefined): { day: string; line: string } | null {
  const kind = KIND_OF[table]
  if (!kind || !r || r._deleted || !Array.isArray(r._svc) || typeof r.id !== 'string') return null
  const [at, staffNo, customer, outcome] = r._svc as Svc
  return { day: dayjs(at).format('YYYY-MM-DD'), line: [kind, r.id, staffNo, customer, outcome].join('\t') }
}

/** Which day lines a record's change moves (pure, so batches sum them in memory). */
export function serviceDayMoves(
  table: SyncedTable,
  before: object | undefined,
  after: object | undefined
): ServiceDayMove[] {
  const from = placed(table, before as Row | undefined)
  const to = placed(table, after as Row | undefined)
  const id = `${KIND_OF[table]}\t${String((after as Row | undefined)?.id ?? (before as Row | undefined)?.id)}`
  if (from?.day === to?.day && from?.line === to?.line) return []
  const moves: ServiceDayMove[] = []
  if (from && from.day !== to?.day) moves.push({ day: from.day, id, line: null })
  if (to) moves.push({ day: to.day, id, line: to.line })
  return moves
}

/** kind \t id: the first two fields (ids are unique per table only). */
const lineId = (line: string) => line.slice(0, line.indexOf('\t', line.indexOf('\t') + 1))

/** Applies moves: one read and one write per day touched. */
export async function applyServiceDayMoves(
  db: DeskDatabase,
  moves: readonly ServiceDayMove[]
): Promise<void> {
  if (moves.length === 0) return
  const byDay = new Map<string, ServiceDayMove[]>()
  for (const m of moves) byDay.set(m.day, [...(byDay.get(m.day) ?? []), m])
  const days = [...byDay.keys()]
  const rows = await db.serviceDays.bulkGet(days)
  const next: ServiceDayEntry[] = []
  const empty: string[] = []
  days.forEach((day, i) => {
    const lines = new Map<string, string>()
    for (const line of rows[i]?.lines.split('\n') ?? []) if (line) lines.set(lineId(line), line)
    for (const m of byDay.get(day) ?? []) {
      if (m.line === null) lines.delete(m.id)
      else lines.set(m.id, m.line)
    }
    if (lines.size === 0) empty.push(day)
    else next.push({ day, lines: [...lines.values()].join('\n') })
  })
  if (next.length) await db.serviceDays.bulkPut(next)
  if (empty.length) await db.serviceDays.bulkDelete(empty)
}

/** The services of the whole local days in `range` ([first day, last day] by YYYY-MM-DD), or undefined
 *  when the table is not built yet. */
export async function readServiceDays(
  db: DeskDatabase,
  range: TimeRange
): Promise<ServiceFact[] | undefined> {
  if (!(await db.meta.get(builtKey()))) return undefined
  const first = dayjs(range.start).format('YYYY-MM-DD')
  const last = dayjs(range.end - 1).format('YYYY-MM-DD')
  const rows = await db.serviceDays.where('day').between(first, last, true, true).toArray()
  const facts: ServiceFact[] = []
  for (const row of rows) {
    const at = dayjs(row.day).valueOf()
    for (const line of row.lines.split('\n')) {
      const [kind, , staffNo, customer, outcome] = line.split('\t') as [
        ServiceKind,
        string,
        string,
        string,
        string
      ]
      facts.push(
        kind === 'consultation'
          ? { kind, at, staffNo, customer, outcome: (outcome || null) as ConsultOutcome | null }
          : { kind, at, staffNo, customer }
      )
    }
  }
  return facts
}

/** Rebuilds from the records' service keys when missing (first start after an upgrade, a zone change,
 *  or data loaded by other means). */
export async function ensureServiceDays(db: DeskDatabase): Promise<void> {
  const key = builtKey()
  if (await db.meta.get(key)) return
  await db.transaction('rw', [...TABLES, 'serviceDays', 'meta'], async () => {
    const days = new Map<string, string[]>()
    for (const table of TABLES) {
      const kind = KIND_OF[table] as ServiceKind
      // Keys only: the _svc index with its primary keys, no record is loaded.
      await db
        .table(table)
        .orderBy('_svc')
        .eachKey((svc, cursor) => {
          const [at, staffNo, customer, outcome] = svc as unknown as Svc
          const day = dayjs(at).format('YYYY-MM-DD')
          const line = [kind, String(cursor.primaryKey), staffNo, customer, outcome].join('\t')
          const list = days.get(day)
          if (list) list.push(line)
          else days.set(day, [line])
        })
    }
    await db.serviceDays.clear()
    await db.serviceDays.bulkPut([...days].map(([day, lines]) => ({ day, lines: lines.join('\n') })))
    await db.meta.put({ key, value: true })
  })
}

/** Whether `range` is made of whole local days (then the day rows answer it exactly). */
export function isWholeDays(range: TimeRange): boolean {
  const start = dayjs(range.start)
  const end = dayjs(range.end)
  return start.valueOf() === start.startOf('day').valueOf() && end.valueOf() === end.startOf('day').valueOf()
}
