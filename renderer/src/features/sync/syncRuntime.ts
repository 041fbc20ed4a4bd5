import {
  compactNow,
  loadStoreKey,
  publishPresence,
  snapshotDue,
  snapshotNow,
  syncTracked,
  SyncStatus,
  watchLocalChanges,
  type DataContext,
  type PresenceInfo,
  type SharePort,
  type SyncOptions,
  type SyncReport
} from '@/db'

// The app's sync loop (issue 6): whenever the share is set and reachable, changes go out and come in
// automatically — shortly after a local change (debounced), periodically, and on 立即同步. One round at
// a time (syncTracked); a failing round never throws here, it only shows in the status.

export const syncStatus = new SyncStatus()

export interface SyncTiming {
  /** quiet time after a local change before a round starts */
  debounceMs: number
  /** a round at least this often, to fetch the other PCs' changes */
  periodMs: number
}

export const DEFAULT_TIMING: SyncTiming = { debounceMs: 3_000, periodMs: 60_000 }

export interface SyncHooks {
  /** another PC publishes under this PC's device id (a cloned disk image): this PC must take a new
   *  id (main mints it; the data layer moves the unpublished work at the next start) */
  onClone?: (formerDeviceId: string) => Promise<void>
}

interface Running {
  ctx: DataContext
  share: SharePort
  info: PresenceInfo
  hooks: SyncHooks
  /** set once onClone was called: the loop waits for the restart it leads to */
  renewing: boolean
  stop: () => void
}

let running: Running | null = null
const COMPACT_EVERY_MS = 3_600_000
let lastCompaction = 0
const listeners = new Set<() => void>()

/** Whether a share is configured (the indicator says 未设置共享文件夹 otherwise). */
export function syncConfigured(): boolean {
  return running !== null
}

export function onSyncConfigured(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Starts (or restarts with a new share) the loop; the first round runs at once. */
export function startSync(
  ctx: DataContext,
  share: SharePort,
  info: PresenceInfo,
  timing: SyncTiming = DEFAULT_TIMING,
  hooks: SyncHooks = {}
): void {
  stopSync()
  let debounce: ReturnType<typeof setTimeout> | undefined
  const periodic = setInterval(() => void syncNow(), timing.periodMs)
  const unwatch = watchLocalChanges(ctx, () => {
    clearTimeout(debounce)
    debounce = setTimeout(() => void syncNow(), timing.debounceMs)
  })
  running = {
    ctx,
    share,
    info,
    hooks,
    renewing: false,
    stop: () => {
      clearInterval(periodic)
      clearTimeout(debounce)
      unwatch()
    }
  }
  for (const l of [...listeners]) l()
  void syncNow()
}

export function stopSync(): void {
  running?.stop()
  running = null
  for (const l of [...listeners]) l()
}

/** 立即同步: one round now (or the one already running); presence is published when the share answered. */
export async function syncNow(): Promise<SyncReport | null> {
  const current = running
  if (!current || current.renewing) return null
  const report = await syncTracked(syncStatus, current.ctx, current.share, () => keptKey(current.ctx))
  if (report.problems.some((p) => p.kind === 'clone') && current.hooks.onClone) {
    current.renewing = true
    await current.hooks.onClone(current.ctx.writer.deviceId).catch(() => {
      current.renewing = false // main could not say: the next round finds the clash again and retries
    })
    return report
  }
  if (report.state !== 'unavailable')
    await publishPresence(current.ctx, current.share, current.info).catch(() => null)
  // Keeps a recent snapshot on the share (at most one a day, whoever writes it) so a new PC starts fast.
  if (report.state === 'synced' && (await snapshotDue(current.ctx, current.share).catch(() => false))) {
    await snapshotNow(current.ctx, current.share, await keptKey(current.ctx)).catch(() => null)
  }
  // Old own segments that every PC has applied and a snapshot covers go, at most once an hour.
  if (report.state === 'synced' && current.ctx.now() - lastCompaction > COMPACT_EVERY_MS) {
    lastCompaction = current.ctx.now()
    await compactNow(current.ctx, current.share, await keptKey(current.ctx)).catch(() => null)
  }
  return report
}

/** The store key kept on this PC when the store has a passphrase. Read for each round: cheap (no
 *  PBKDF2), and a key entered with 输入共享密码 is used by the very next round. */
async function keptKey(ctx: DataContext): Promise<SyncOptions> {
  const key = await loadStoreKey(ctx.db).catch(() => undefined)
  return key ? { encryption: key } : {}
}

/** The share of the running loop, for pages that read it (peers). */
export function currentShare(): SharePort | null {
  return running?.share ?? null
}
