import { canonicalJson } from '@shared/sync/json'
import { pauseIntervals, type TimelineLike } from '@shared/domain/clock/pauses'
import type { DeskDatabase } from './database'
import { withDerived, type Derive } from './derived'
import type { StoredPause, SyncedRecords } from './schema'
import { adjustTallies } from './tallies'
import { applyDayRowMoves, dayRowMoves } from './dayRows'
import { eventsByIds, eventsOf } from './timelineReads'
import { unpackComplaints } from './packedHistory'

// A complaint's paused intervals (暂停计时, issue 16) as the derived keys need them. The pauses are
// timeline events (shared/domain/clock/pauses.ts: immutable, synced, merged by id), but the writer
// derives a complaint's index keys synchronously from the record alone. So each PC folds the case's
// clock events into the local field `_pauses` (never synced: underscore fields are bookkeeping) and
// keeps it in step whenever a clock event is written here (clock.ts) or merged from another PC
// (sync/mergeBatch.ts), and when a complaint arrives after its clock events (snapshot, out-of-order
// segments). Every PC holding the same events stores the same `_pauses`, so the same keys.

const CLOCK_EVENTS: ReadonlySet<string> = new Set(['clockPaused', 'clockResumed'])

export function isClockEvent(type: unknown): boolean {
  return typeof type === 'string' && CLOCK_EVENTS.has(type)
}

/** The stored form of the intervals the events describe (open = null); undefined when never paused. */
export function storedPauses(events: readonly TimelineLike[]): StoredPause[] | undefined {
  const intervals = pauseIntervals(events)
  if (intervals.length === 0) return undefined
  return intervals.map((i) => ({ from: i.from, to: Number.isFinite(i.to) ? i.to : null }))
}

type StoredComplaint = SyncedRecords['complaints']

/** Folds each named complaint's clock events into its `_pauses` and re-derives its keys, inside the
 *  caller's transaction; a complaint not stored (yet) is skipped — its arrival calls this again. Only
 *  IndexedDB is awaited. Writes only the complaints whose pauses changed. */
export async function refreshPauses(db: DeskDatabase, derive: Derive, ids: Iterable<string>): Promise<void> {
  const all = new Set(ids)
  // a clock event for a settled complaint held in a pack: the complaint becomes a row first
  await unpackComplaints(db, all)
  for (const id of all) {
    const current = await db.complaints.get(id)
    if (!current) continue
    const events = (await eventsOf(db, id)).filter((e) => isClockEvent(e.type))
    const pauses = storedPauses(events)
    if (canonicalJson(pauses ?? null) === canonicalJson(current._pauses ?? null)) continue
    const withPauses = withDerived(current, { _pauses: pauses as never })
    let next: StoredComplaint
    try {
      next = withDerived(withPauses, derive('complaints', withPauses as unknown as Record<string, unknown>))
    } catch {
      // a partial record (an edit that arrived before its creation): indexed like a tombstone until complete
      next = withDerived(withPauses, derive('complaints', { ...withPauses, _deleted: 1 }))
    }
    await db.complaints.put(next)
    await adjustTallies(db, 'complaints', current, next)
    await applyDayRowMoves(db, dayRowMoves('complaints', current, next))
  }
}

/** Of these complaints, new to this PC, the ones whose first pause is already stored (their events
 *  came first): one bulkGet of deterministic event ids (clock/pauses.ts clockEventId). */
export async function complaintsWithStoredPauses(
  db: DeskDatabase,
  ids: readonly string[]
): Promise<string[]> {
  if (ids.length === 0) return []
  const found = await eventsByIds(
    db,
    ids.map((id) => `${id}:clockPaused:1`)
  )
  return ids.filter((_, i) => found[i] !== undefined)
}
