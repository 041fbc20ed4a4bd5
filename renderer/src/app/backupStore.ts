import { create } from 'zustand'
import type { StateCreator } from 'zustand'
import type { BackupEntry, BackupListing, BackupWriteInput } from '@shared/ipc/contract'
import type { BackupStorePort, MadeBackup, RestoreOutcome } from '@/db'
import { callDesk } from '@/ipc/desk'
import { createIpcBackupStore } from '@/ipc/ipcBackupStore'
import { useSession, type SessionState } from './session'

// 数据备份, one owner (issue 17 point 4): the list main keeps, a backup or restore under way with its
// progress, the last restore (for 撤销恢复), and the automatic backups every N hours while the app
// runs. Building and checking a backup is the data layer's; storing it is main's.

const HOUR = 3_600_000

export interface BackupRun {
  kind: 'backup' | 'restore'
  percent: number
}

export interface BackupStoreState {
  listing: BackupListing | null
  running: BackupRun | null
  /** the restore this run made, which 撤销恢复 undoes */
  lastRestore: RestoreOutcome | null
  refresh(): Promise<BackupListing>
  /** 立即备份 (and the automatic ones) */
  backupNow(reason: BackupWriteInput['reason']): Promise<MadeBackup>
  /** 恢复备份 of a listed backup or of a file picked in main's dialog */
  restore(
    source: { id: string } | { bytes: Uint8Array },
    opts?: { passphrase?: string }
  ): Promise<RestoreOutcome>
  /** 撤销恢复: restores the backup made just before the last restore */
  undoRestore(): Promise<RestoreOutcome>
  /** automatic backups every listing.intervalHours while the app runs */
  startSchedule(): void
  stopSchedule(): void
}

export interface BackupDeps {
  callDesk: typeof callDesk
  port: BackupStorePort
  session(): SessionState
  now(): number
  setTimer(fn: () => void, ms: number): unknown
  clearTimer(handle: unknown): void
}

/** The newest backup that passed its check, if any (工作台 and the warning). */
export function lastGoodBackup(listing: BackupListing | null): BackupEntry | undefined {
  return listing?.entries.find((e) => e.verified === true)
}

export function backupState(deps: BackupDeps): StateCreator<BackupStoreState> {
  return (set, get) => {
    let timer: unknown = null
    const data = () => {
      const d = deps.session().data
      if (!d) throw new Error('data layer not open')
      return d
    }
    const progress = (kind: BackupRun['kind']) => (p: { done: number; total: number }) =>
      set({ running: { kind, percent: p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : 100 } })

    const schedule = () => {
      if (timer !== null) deps.clearTimer(timer)
      const hours = get().listing?.intervalHours ?? 4
      const last = lastGoodBackup(get().listing)?.createdAt ?? 0
      // Due at the interval after the last good backup; at least ten minutes after start-up.
      const wait = Math.max(10 * 60_000, last + hours * HOUR - deps.now())
      timer = deps.setTimer(() => {
        void get()
          .backupNow('scheduled')
          .catch(() => undefined)
          .finally(schedule)
      }, wait)
    }

    return {
      listing: null,
      running: null,
      lastRestore: null,
      async refresh() {
        const listing = await deps.callDesk('backupList', undefined)
        set({ listing })
        return listing
      },
      async backupNow(reason) {
        if (get().running) throw new Error('a backup or restore is under way')
        set({ running: { kind: 'backup', percent: 0 } })
        try {
          return await data().write.makeBackup(deps.port, reason, { onProgress: progress('backup') })
        } finally {
          set({ running: null })
          await get()
            .refresh()
            .catch(() => undefined)
        }
      },
      async restore(source, opts = {}) {
        if (get().running) throw new Error('a backup or restore is under way')
        set({ running: { kind: 'restore', percent: 0 } })
        try {
          const outcome = await data().write.restoreBackup(
            deps.port,
            deps.session().staff?.staffNo ?? null,
            source,
            { ...opts, onProgress: progress('restore') }
          )
          set({ lastRestore: outcome })
          return outcome
        } finally {
          set({ running: null })
          await get()
            .refresh()
            .catch(() => undefined)
        }
      },
      async undoRestore() {
        const last = get().lastRestore
        if (!last) throw new Error('nothing to undo')
        const outcome = await get().restore({ id: last.preRestoreId })
        set({ lastRestore: null })
        return outcome
      },
      startSchedule() {
        void get()
          .refresh()
          .catch(() => undefined)
          .finally(schedule)
      },
      stopSchedule() {
        if (timer !== null) deps.clearTimer(timer)
        timer = null
      }
    }
  }
}

export const useBackups = create<BackupStoreState>()(
  backupState({
    callDesk,
    port: createIpcBackupStore(),
    session: () => useSession.getState(),
    now: () => Date.now(),
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number)
  })
)
