import type { DataContext } from '../context'
import type { SharePort } from './sharePort'
import type { SyncStatusSink } from './status'
import { syncOnce, type SyncOptions, type SyncReport } from './syncOnce'

// A round as the app runs it (timer, "立即同步" button): one at a time per status sink — a second call while
// a round runs gets that round's report instead of starting an overlapping one — and the status updated.

const running = new WeakMap<SyncStatusSink, Promise<SyncReport>>()

/** `options` may be a loader (the kept store key is read from IndexedDB): the round, and its
 *  'syncing' state, still start at once, so a caller never sees a gap between asking and starting. */
export function syncTracked(
  status: SyncStatusSink,
  ctx: DataContext,
  share: SharePort,
  options: SyncOptions | (() => Promise<SyncOptions>) = {}
): Promise<SyncReport> {
  const inFlight = running.get(status)
  if (inFlight) return inFlight
  status.begin()
  const progress = {
    onSnapshotProgress: (done: number, total: number) => status.loadingProgress(done, total),
    onHistoryProgress: (done: number, total: number) => status.historyProgress?.(done, total)
  }
  const round = (typeof options === 'function' ? options() : Promise.resolve(options))
    .then((resolved) => syncOnce(ctx, share, { ...progress, ...resolved }))
    .then((report) => {
      status.finish(report)
      return report
    })
    .finally(() => running.delete(status))
  running.set(status, round)
  return round
}
