import type { SyncProblem } from './problems'
import type { SyncReport } from './syncOnce'

// The sync state as the UI shows it. The data layer only says what happened (a round began, a
// snapshot chunk was stored, a round ended) through a sink; the app's sync store owns the value.

export type SyncState = 'idle' | 'syncing' | 'synced' | 'unavailable' | 'error'

export interface SyncStatusValue {
  state: SyncState
  lastSyncedAt: number | null
  problems: readonly SyncProblem[]
  /** the last finished round, for counts (sent, received, conflicts) */
  lastReport: SyncReport | null
  /** a new PC loading the store's snapshot in this round: records stored of total */
  loading: { done: number; total: number } | null
  /** the settled history still loading in the background after a usable-first join (chunks stored of
   *  total); kept from round to round until a round says it is all here */
  history: { done: number; total: number } | null
}

/** Where a tracked round reports its progress (the app's sync store). */
export interface SyncStatusSink {
  begin(): void
  /** snapshot loading progress within the running round */
  loadingProgress(done: number, total: number): void
  /** history loading progress within the running round */
  historyProgress?(done: number, total: number): void
  finish(report: SyncReport): void
}

export const IDLE_STATUS: SyncStatusValue = {
  state: 'idle',
  lastSyncedAt: null,
  problems: [],
  lastReport: null,
  loading: null,
  history: null
}

/** The status after each event, as pure functions: the store applies them, tests check them. */
export const statusAfter = {
  begin: (value: SyncStatusValue): SyncStatusValue => ({ ...value, state: 'syncing', loading: null }),
  loadingProgress: (value: SyncStatusValue, done: number, total: number): SyncStatusValue => ({
    ...value,
    loading: { done, total }
  }),
  historyProgress: (value: SyncStatusValue, done: number, total: number): SyncStatusValue => ({
    ...value,
    history: done < total ? { done, total } : null
  }),
  finish: (_value: SyncStatusValue, report: SyncReport): SyncStatusValue => ({
    state: report.state,
    lastSyncedAt: report.lastSyncedAt,
    problems: report.problems,
    lastReport: report,
    loading: null,
    history: report.history
  })
}
