import type { DeskDatabase } from './database'
import type { SyncedRecords } from './schema'

// Every read of timeline events (a complaint's, a customer's, a handover's, the archive's audit
// subject), like complaintReads.ts for complaints: the events of settled complaints are history and
// are to be stored with them (docs/sync-engine.md "Packed history"), so reads learn it here once;
// lint rule d keeps the rest of the data layer off the table.

type StoredEvent = SyncedRecords['events']

/** A subject's events with `at` in [from, to] (or [from, to) when `toOpen`), in `at` order. */
export function eventsOf(
  db: DeskDatabase,
  subjectId: string,
  range: { from?: number; to?: number; toOpen?: boolean } = {}
): Promise<StoredEvent[]> {
  return db.events
    .where('[subjectId+at]')
    .between([subjectId, range.from ?? -Infinity], [subjectId, range.to ?? Infinity], true, !range.toOpen)
    .toArray()
}

/** The events of several subjects (a customer and those merged into it), each subject's in `at` order. */
export async function eventsOfSubjects(
  db: DeskDatabase,
  subjectIds: readonly string[]
): Promise<StoredEvent[]> {
  return (await Promise.all(subjectIds.map((id) => eventsOf(db, id)))).flat()
}

/** A subject's newest events that `keep` accepts, newest first, at most `limit`. */
export function newestEventsOf(
  db: DeskDatabase,
  subjectId: string,
  keep: (e: StoredEvent) => boolean,
  limit: number
): Promise<StoredEvent[]> {
  return db.events
    .where('[subjectId+at]')
    .between([subjectId, -Infinity], [subjectId, Infinity])
    .reverse()
    .filter(keep)
    .limit(limit)
    .toArray()
}

/** Events by id (deterministic ids: clock/pauses.ts clockEventId), undefined where none. */
export function eventsByIds(db: DeskDatabase, ids: readonly string[]): Promise<(StoredEvent | undefined)[]> {
  return db.events.bulkGet([...ids])
}
