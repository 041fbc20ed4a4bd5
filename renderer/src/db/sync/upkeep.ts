import type { DataContext } from '../context'
import { compactOwnSegments } from './compactOwn'
import { pruneSnapshots } from './retention'
import type { SharePort } from './sharePort'
import { pendingHistory } from './historyLoader'
import { snapshotDue, writeSnapshot } from './snapshots'
import { isStoreAccess, openStore } from './storeAccess'
import type { SyncOptions } from './syncOnce'

// The share's upkeep after a synced round (the loop's tail): the daily snapshot when the share's
// newest one is over a day old (whoever writes it), compaction of this PC's own old segments (the
// loop asks hourly), and snapshot retention (docs/sync-format.md §8.4) after either. Each step that
// fails is left for the next round; none of them touches local data.

export interface UpkeepResult {
  snapshotId: string | null
  compacted: number[]
  removedSnapshots: string[]
}

export async function shareUpkeep(
  ctx: DataContext,
  share: SharePort,
  options: SyncOptions,
  { compact }: { compact: boolean }
): Promise<UpkeepResult> {
  const result: UpkeepResult = { snapshotId: null, compacted: [], removedSnapshots: [] }
  const store = await openStore(ctx.db, share, ctx.now(), options.encryption).catch(() => null)
  if (!store || !isStoreAccess(store)) return result
  // Never a snapshot from a PC whose history is still loading: its covers would claim records it lacks.
  const complete = !(await pendingHistory(ctx))
  if (complete && (await snapshotDue(ctx, share).catch(() => false))) {
    const written = await writeSnapshot(ctx, share, store).catch(() => null)
    result.snapshotId = written?.snapshotId ?? null
  }
  if (compact) result.compacted = await compactOwnSegments(ctx, share, store).catch(() => [])
  if (compact || result.snapshotId)
    result.removedSnapshots = await pruneSnapshots(ctx, share, store).catch(() => [])
  return result
}
