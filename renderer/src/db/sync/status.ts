import type { SyncProblem } from './problems'
import type { SyncReport } from './syncOnce'

// The sync state as the UI shows it, as a tiny observable (plain TS; the UI wraps it in a hook).

export type SyncState = 'idle' | 'syncing' | 'synced' | 'unavailable' | 'error'

export interface SyncStatusValue {
  state: SyncState
  lastSyncedAt: number | null
  problems: readonly SyncProblem[]
  /** the last finished round, for counts (sent, received, conflicts) */
  lastReport: SyncReport | null
  /** a new PC loading the store's snapshot in this round: records stored of total */
  loading: { done: number; total: number } | null
}

export type SyncStatusListener = (value: SyncStatusValue) => void

export class SyncStatus {
  private value: SyncStatusValue = {
    state: 'idle',
    lastSyncedAt: null,
    problems: [],
    lastReport: null,
    loading: null
  }
  private readonly listeners = new Set<SyncStatusListener>()

  get(): SyncStatusValue {
    return this.value
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: SyncStatusListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  begin(): void {
    this.set({ ...this.value, state: 'syncing', loading: null })
  }

  /** Snapshot loading progress within the running round. */
  loadingProgress(done: number, total: number): void {
    this.set({ ...this.value, loading: { done, total } })
  }

  finish(report: SyncReport): void {
    this.set({
      state: report.state,
      lastSyncedAt: report.lastSyncedAt,
      problems: report.problems,
      lastReport: report,
      loading: null
    })
  }

  private set(value: SyncStatusValue): void {
    this.value = value
    for (const listener of [...this.listeners]) listener(value)
  }
}
