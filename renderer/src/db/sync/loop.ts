import type { DataContext } from '../context'
import type { SharePort } from './sharePort'
import type { SyncStatusSink } from './status'
import type { SyncOptions, SyncReport } from './syncOnce'
import { syncTracked } from './syncTracked'
import { watchLocalChanges } from './watch'
import { publishPresence, type PresenceInfo } from './presence'
import { shareUpkeep } from './upkeep'
import { loadStoreKey } from './storeKey'

// The sync loop as a service (issue 6, shaped in issue 12): whenever a share is set, changes go out
// and come in by themselves — shortly after a local change (debounced), periodically, and on
// 立即同步. One round at a time; a failing round never throws here, it only shows in the status.
// Its state lives in the instance, so start/stop is the owner's (the app's sync store) to call.

export interface SyncTiming {
  /** quiet time after a local change before a round starts */
  debounceMs: number
  /** a round at least this often, to fetch the other PCs' changes */
  periodMs: number
}

export const DEFAULT_TIMING: SyncTiming = { debounceMs: 3_000, periodMs: 60_000 }
const COMPACT_EVERY_MS = 3_600_000

export interface SyncLoopOptions {
  share: SharePort
  status: SyncStatusSink
  /** read for every round, so a renamed PC shows its new name to the others at once */
  presence: () => PresenceInfo
  timing?: SyncTiming
  /** another PC publishes under this PC's device id (a cloned disk image): this PC must take a new
   *  id (main mints it; the data layer moves the unpublished work at the next start) */
  onClone?: (formerDeviceId: string) => Promise<void>
}

export interface SyncLoop {
  readonly share: SharePort
  /** 立即同步: one round now (or the one already running); null once stopped or while renewing */
  syncNow(): Promise<SyncReport | null>
  stop(): void
}

/** Starts the loop on a share; the first round runs at once. */
export function startSyncLoop(ctx: DataContext, options: SyncLoopOptions): SyncLoop {
  const timing = options.timing ?? DEFAULT_TIMING
  let stopped = false
  /** set once onClone was called: the loop waits for the restart it leads to */
  let renewing = false
  let lastCompaction = 0
  let debounce: ReturnType<typeof setTimeout> | undefined

  let running: Promise<SyncReport | null> | null = null
  let next: Promise<SyncReport | null> | null = null
  /** One round (with its presence, snapshot and compaction tail) at a time; asked during one, a
   *  single further round follows it, so a change made meanwhile is not left for the next period. */
  function syncNow(): Promise<SyncReport | null> {
    if (stopped || renewing) return Promise.resolve(null)
    if (!running) {
      running = round().finally(() => (running = null))
      return running
    }
    next ??= running.then(() => {
      next = null
      return syncNow()
    })
    return next
  }

  async function round(): Promise<SyncReport | null> {
    const report = await syncTracked(options.status, ctx, options.share, () => keptKey(ctx))
    if (report.problems.some((p) => p.kind === 'clone') && options.onClone) {
      // Two callers may share one round (立即同步 during a timed round): only the first asks.
      if (!renewing) {
        renewing = true
        await options.onClone(ctx.writer.deviceId).catch(() => {
          renewing = false // main could not say: the next round finds the clash again and retries
        })
      }
      return report
    }
    // History still loading after a usable-first join: the next slice right after this round (a
    // round in between, so what the user wrote meanwhile goes out at once).
    // Not when the round had a problem (a snapshot gone, the share away): the periodic round retries.
    if (report.history && report.problems.length === 0 && !stopped) setTimeout(() => void syncNow(), 0)
    if (report.state !== 'unavailable')
      await publishPresence(ctx, options.share, options.presence()).catch(() => null)
    // A recent snapshot on the share (at most one a day, whoever writes it) so a new PC starts fast;
    // own old segments that every PC has applied and a snapshot covers go, at most once an hour; and
    // superseded snapshots go after either (shareUpkeep).
    if (report.state === 'synced') {
      const compact = ctx.now() - lastCompaction > COMPACT_EVERY_MS
      if (compact) lastCompaction = ctx.now()
      await shareUpkeep(ctx, options.share, await keptKey(ctx), { compact }).catch(() => null)
    }
    return report
  }

  const periodic = setInterval(() => void syncNow(), timing.periodMs)
  const unwatch = watchLocalChanges(ctx, () => {
    clearTimeout(debounce)
    debounce = setTimeout(() => void syncNow(), timing.debounceMs)
  })
  void syncNow()
  return {
    share: options.share,
    syncNow,
    stop() {
      stopped = true
      clearInterval(periodic)
      clearTimeout(debounce)
      unwatch()
    }
  }
}

/** The store key kept on this PC when the store has a passphrase. Read for each round: cheap (no
 *  PBKDF2), and a key entered with 输入共享密码 is used by the very next round. */
async function keptKey(ctx: DataContext): Promise<SyncOptions> {
  const key = await loadStoreKey(ctx.db, ctx.keyVault).catch(() => undefined)
  return key ? { encryption: key } : {}
}
