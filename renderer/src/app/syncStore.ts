import { create } from 'zustand'
import type { StateCreator } from 'zustand'
import {
  IDLE_STATUS,
  statusAfter,
  type SharePort,
  type SyncLoop,
  type SyncReport,
  type SyncStatusValue,
  type SyncTiming
} from '@/db'
import { callDesk } from '@/ipc/desk'
import { createIpcShare } from '@/ipc/ipcShare'
import { useSession, type SessionState } from './session'

// The app's sync, one owner: the loop (a data-layer service) is started from boot when main has a
// share folder set, restarted after the share changes in 系统设置, and stopped when it is cleared.
// Its status lives here; the indicator and the sync page read it.

export interface SyncStoreState {
  /** whether a share folder is set (the loop is running) */
  configured: boolean
  status: SyncStatusValue
  /** the running loop's share, for pages that read it (peers) */
  share: SharePort | null
  /** at boot and after the share changes: (re)starts the loop when main has a share folder set */
  start(): Promise<void>
  stop(): void
  /** 清除共享文件夹: stops, and main forgets the folder */
  clear(): Promise<void>
  /** 立即同步: one round now (or the one running); null when not syncing */
  syncNow(): Promise<SyncReport | null>
}

export interface SyncDeps {
  callDesk: typeof callDesk
  createShare(): SharePort
  session(): SessionState
  /** after main mints a new device id for a cloned PC: start again, so the data layer moves this
   *  PC's unpublished work to it before anything else is written (db/sync/renewDevice.ts) */
  restart(): void
  timing?: SyncTiming
}

export function syncState(deps: SyncDeps): StateCreator<SyncStoreState> {
  return (set, get) => {
    let loop: SyncLoop | null = null
    const stop = () => {
      loop?.stop()
      loop = null
      set({ configured: false, share: null })
    }
    return {
      configured: false,
      status: IDLE_STATUS,
      share: null,
      async start() {
        const data = deps.session().data
        if (!data) return
        const config = await deps.callDesk('shareGetConfig', undefined)
        stop()
        if (!config.root && !config.webdav) return
        const share = deps.createShare()
        loop = data.write.startSyncLoop({
          share,
          timing: deps.timing,
          status: {
            begin: () => set({ status: statusAfter.begin(get().status) }),
            loadingProgress: (done, total) =>
              set({ status: statusAfter.loadingProgress(get().status, done, total) }),
            historyProgress: (done, total) =>
              set({ status: statusAfter.historyProgress(get().status, done, total) }),
            finish: (report) => set({ status: statusAfter.finish(get().status, report) })
          },
          // Read for every round: a PC renamed in 系统设置 shows its new name to the others at once.
          presence: () => {
            const { device, appInfo } = deps.session()
            return { name: device?.deviceName ?? '', appVersion: appInfo?.appVersion ?? '' }
          },
          onClone: async (formerDeviceId) => {
            await deps.callDesk('renewDeviceId', { formerDeviceId })
            deps.restart()
          }
        })
        set({ configured: true, share })
      },
      stop,
      async clear() {
        stop()
        await deps.callDesk('shareClearRoot', undefined)
      },
      syncNow: () => loop?.syncNow() ?? Promise.resolve(null)
    }
  }
}

export const useSync = create<SyncStoreState>()(
  syncState({
    callDesk,
    createShare: createIpcShare,
    session: () => useSession.getState(),
    restart: () => window.location.reload()
  })
)
