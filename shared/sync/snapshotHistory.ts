import type { SnapshotEntry } from './snapshot'

// Which of a snapshot's records are history (docs/sync-format.md §8.1): a settled complaint and the
// timeline of one. A new PC can work without them, so a writer lists them last, in chunks of their
// own marked `history`, and a joining PC stores them in the background (docs/sync-engine.md).

/** The only tables history records come from, in the order a writer lists them. */
export const HISTORY_RECORD_TABLES = ['complaints', 'events'] as const

/** Complaint statuses after which a complaint is settled. */
export const SETTLED_STATUSES: ReadonlySet<unknown> = new Set(['closed', 'rejected'])

/**
 * Sorts records into the working set and history: a settled (closed / rejected) complaint that is
 * not deleted, and an event whose complaint was seen settled earlier (complaints come before events
 * in a snapshot). Anything unsure is working set. Stateful: one classifier per pass over a snapshot;
 * `settled` holds the ids of the settled complaints seen so far.
 */
export function historyClassifier(): ((entry: SnapshotEntry) => boolean) & { settled: ReadonlySet<string> } {
  const settled = new Set<string>()
  const isHistory = (entry: SnapshotEntry): boolean => {
    if (entry.t === 'complaints' && SETTLED_STATUSES.has(entry.r.status) && !entry.r._deleted) {
      settled.add(entry.r.id)
      return true
    }
    return entry.t === 'events' && typeof entry.r.subjectId === 'string' && settled.has(entry.r.subjectId)
  }
  return Object.assign(isHistory, { settled })
}
