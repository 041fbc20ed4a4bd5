import type { DeskDatabase } from './database'
import type { SyncedRecords } from './schema'
import { packedEventsOf } from './packedHistory'

// Every read of timeline events (a complaint's, a customer's, a handover's, the archive's audit
// subject), like complaintReads.ts for complaints: the events of settled complaints are history and
// are stored with them in packs after a join (packedHistory.ts), so reads read rows and packs here;
// lint rule d keeps the rest of the data layer off the table.

type StoredEvent = SyncedRecords['events']

/** A subject's events with `at` in [from, to] (or [from, to) when `toOpen`), in `at` order. */
export async function eventsOf(
  db: DeskDatabase,
  subjectId: string,
  range: { from?: number; to?: number; toOpen?: boolean } = {}
): Promise<StoredEvent[]> {
  const [rows, packed] = await Promise.all([
    db.events
      .where('[subjectId+at]')
      .between([subjectId, range.from ?? -Infinity], [subjectId, range.to ?? Infinity], true, !range.toOpen)
      .toArray(),
    packedEventsOf(db, [subjectId])
  ])
  if (packed.length === 0) return rows
  const from = range.from ?? -Infinity
  const to = range.to ?? Infinity
  const inRange = packed.filter((e) => e.at >= from && (range.toOpen ? e.at < to : e.at <= to))
  return inAtOrder(rows, inRange)
}

/** Rows and packed events of one subject, in `at` order (then id, as the index orders), each id once. */
function inAtOrder(rows: StoredEvent[], packed: StoredEvent[]): StoredEvent[] {
  const byId = new Map<string, StoredEvent>()
  for (const e of [...packed, ...rows]) byId.set(e.id, e)
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The events of several subjects (a customer and those merged into it), each subject's in `at` order. */
export async function eventsOfSubjects(
  db: DeskDatabase,
  subjectIds: readonly string[]
): Promise<StoredEvent[]> {
  return (await Promise.all(subjectIds.map((id) => eventsOf(db, id)))).flat()
}

/** The events of many subjects in ONE read of the rows (a range of `[subjectId+at]` each) and one of
 *  the packs (or the packed complaints the caller has already read, `packed`): by subject, each in `at`
 *  order. The snapshot writer lists each settled complaint's timeline right after it, a page at a time. */
export async function eventsBySubject(
  db: DeskDatabase,
  subjectIds: readonly string[],
  packed?: ReadonlyMap<string, { events: readonly unknown[] }>
): Promise<Map<string, StoredEvent[]>> {
  const out = new Map<string, StoredEvent[]>()
  const subjects = [...new Set(subjectIds)].sort()
  if (subjects.length === 0) return out
  const [rows, fromPacks] = await Promise.all([
    db.events
      .where('[subjectId+at]')
      .inAnyRange(
        subjects.map(
          (s) =>
            [
              [s, -Infinity],
              [s, Infinity]
            ] as [unknown, unknown]
        ),
        {
          includeLowers: true,
          includeUppers: true
        }
      )
      .toArray(),
    packed ? [...packed.values()].flatMap((c) => c.events as StoredEvent[]) : packedEventsOf(db, subjects)
  ])
  const bySubject = (events: readonly StoredEvent[]): Map<string, StoredEvent[]> => {
    const of = new Map<string, StoredEvent[]>()
    for (const e of events) {
      const list = of.get(e.subjectId)
      if (list) list.push(e)
      else of.set(e.subjectId, [e])
    }
    return of
  }
  const rowsOf = bySubject(rows)
  const packedOf = bySubject(fromPacks)
  for (const s of subjects) {
    const own = rowsOf.get(s) ?? []
    const inPacks = packedOf.get(s)
    const events = inPacks ? inAtOrder(own, inPacks) : own
    if (events.length) out.set(s, events)
  }
  return out
}

/** A subject's newest events that `keep` accepts, newest first, at most `limit`. */
export async function newestEventsOf(
  db: DeskDatabase,
  subjectId: string,
  keep: (e: StoredEvent) => boolean,
  limit: number
): Promise<StoredEvent[]> {
  const [rows, packed] = await Promise.all([
    db.events
      .where('[subjectId+at]')
      .between([subjectId, -Infinity], [subjectId, Infinity])
      .reverse()
      .filter(keep)
      .limit(limit)
      .toArray(),
    packedEventsOf(db, [subjectId])
  ])
  if (packed.length === 0) return rows
  return inAtOrder(rows, packed.filter(keep)).reverse().slice(0, limit)
}

/** Event rows by id (deterministic ids: clock/pauses.ts clockEventId), undefined where none. Packed
 *  events are not looked up by id (packs are indexed by complaint, and a packed complaint's events are
 *  packed with it): the one caller asks for the clock events of complaints new here, never packed. */
export function eventsByIds(db: DeskDatabase, ids: readonly string[]): Promise<(StoredEvent | undefined)[]> {
  return db.events.bulkGet([...ids])
}
