import type { EncryptionParams } from '@shared/sync/sealed'
import type { DataContext } from '../context'
import { checkClaim, withdrawClaims } from './claim'
import { exportOutbox } from './exportOutbox'
import { loadHistory, pendingHistory } from './historyLoader'
import { bootstrapFromSnapshot } from './snapshots'
import { importPeers } from './importPeers'
import { syncProblem, UNAVAILABLE_CODES, type SyncProblem } from './problems'
import { refreshTimeRules } from './refreshTimeRules'
import { isShareError, type SharePort } from './sharePort'
import { isStoreAccess, openStore } from './storeAccess'

// One sync round: our changes out first (so what we wrote offline reaches the share even if reading
// the peers then fails), then the peers' changes in. Never throws: an unreachable share is a state,
// not an error, and leaves local data untouched.

export const LAST_SYNCED_KEY = 'sync.lastSyncedAt'
const EXPORT_BLOCKED: ReadonlySet<SyncProblem['kind']> = new Set([
  'clone',
  'ownSegmentUnreadable',
  'exportFailed'
])

export type SyncRoundState = 'synced' | 'unavailable' | 'error'

export interface SyncReport {
  state: SyncRoundState
  /** our changes published this round */
  sent: number
  /** peers' changes read this round */
  received: number
  /** records changed here by them */
  applied: number
  /** new long-text conflicts to review */
  conflicts: number
  problems: SyncProblem[]
  /** end of the last round that completed (this one, when state is 'synced') */
  lastSyncedAt: number | null
  /** after a usable-first bootstrap: history chunks stored of total; null once all history is here */
  history: { done: number; total: number } | null
}

export interface SyncOptions {
  /** the unlocked store key, when the store has a passphrase */
  encryption?: EncryptionParams
  /** while a new PC loads a snapshot: records stored so far of `total` (for a progress display) */
  onSnapshotProgress?: (done: number, total: number) => void
  /** while the history left by a usable-first bootstrap loads: chunks stored of total */
  onHistoryProgress?: (done: number, total: number) => void
  /** how long one round may spend storing history before it ends (the loop runs the next at once) */
  historyBudgetMs?: number
}

export async function syncOnce(
  ctx: DataContext,
  share: SharePort,
  options: SyncOptions = {}
): Promise<SyncReport> {
  const report: SyncReport = {
    state: 'synced',
    sent: 0,
    received: 0,
    applied: 0,
    conflicts: 0,
    problems: [],
    lastSyncedAt: null,
    history: null
  }
  try {
    const store = await openStore(ctx.db, share, ctx.now(), options.encryption)
    if (!isStoreAccess(store)) {
      report.state = 'error'
      report.problems.push(store)
    } else {
      // Another install under this device id (a copied disk image) is found before anything is published.
      const claim = await checkClaim(ctx, share)
      const sent = claim ? { sent: 0, problems: [claim] } : await exportOutbox(ctx, share, store)
      report.sent = sent.sent
      report.problems.push(...sent.problems)
      // Found by the segment clash instead: this install gives the id up, so it withdraws its claims.
      if (!claim && sent.problems.some((p) => p.kind === 'clone')) await withdrawClaims(ctx, share)
      // A PC that has read nobody yet starts from the newest snapshot, then replays what came after.
      const boot = await bootstrapFromSnapshot(ctx, share, store, options.onSnapshotProgress)
      report.problems.push(...boot.problems)
      const got = await importPeers(ctx, share, store)
      Object.assign(report, { received: got.received, applied: got.applied, conflicts: got.conflicts })
      report.problems.push(...got.problems)
      if (got.applied > 0 || boot.records > 0) await refreshTimeRules(ctx)
      // The settled history a usable-first bootstrap left, a slice per round (the loop goes on at once).
      // The round that stored the working set ends at once: the desk is usable from here.
      const pending = boot.snapshotId ? await pendingHistory(ctx) : null
      if (pending) report.history = { done: 0, total: pending.total }
      else if (!got.problems.some((p) => p.kind === 'segmentsLost')) {
        const history = await loadHistory(ctx, share, store, {
          ...(options.historyBudgetMs !== undefined ? { budgetMs: options.historyBudgetMs } : {}),
          ...(options.onHistoryProgress ? { onProgress: options.onHistoryProgress } : {})
        })
        report.problems.push(...history.problems)
        report.history =
          history.progress && history.progress.done < history.progress.total ? history.progress : null
      }
      // Our changes could not be published (clone, unreadable own file): not "synced", whatever came in.
      if (sent.problems.some((p) => EXPORT_BLOCKED.has(p.kind))) report.state = 'error'
      // Nor while this PC lacks a peer's changes it cannot get (their segments and snapshot are gone).
      if (got.problems.some((p) => p.kind === 'segmentsLost')) report.state = 'error'
    }
  } catch (error) {
    if (isShareError(error, 'unavailable')) {
      report.state = 'unavailable'
      const code = error.reason ? UNAVAILABLE_CODES[error.reason] : 'unavailable'
      report.problems.push(syncProblem('unavailable', code, error.message))
    } else {
      report.state = 'error'
      report.problems.push(
        syncProblem('error', 'error', error instanceof Error ? (error.stack ?? error.message) : String(error))
      )
    }
  }
  if (report.state === 'synced') await ctx.db.meta.put({ key: LAST_SYNCED_KEY, value: ctx.now() })
  report.lastSyncedAt = ((await ctx.db.meta.get(LAST_SYNCED_KEY))?.value as number | undefined) ?? null
  return report
}
