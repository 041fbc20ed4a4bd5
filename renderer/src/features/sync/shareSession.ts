import { callDesk } from '@/ipc/desk'
import { createIpcShare } from '@/ipc/ipcShare'
import type { DataContext } from '@/db'
import type { AppInfo, DeviceInfo } from '@shared/ipc/contract'
import { DEFAULT_TIMING, startSync, stopSync } from './syncRuntime'

// Starting the loop from what main knows: at start-up when a share folder is set, and after the user
// sets one, creates or joins a store in 系统设置.

export function startSyncOnShare(data: DataContext, device: DeviceInfo, appInfo: AppInfo): void {
  startSync(
    data,
    createIpcShare(),
    { name: device.deviceName, appVersion: appInfo.appVersion },
    DEFAULT_TIMING,
    { onClone: renewDeviceId }
  )
}

/** A cloned PC: main mints a new id, and the app starts again so the data layer moves this PC's
 *  unpublished work to it before anything else is written (renderer/src/db/sync/renewDevice.ts). */
async function renewDeviceId(formerDeviceId: string): Promise<void> {
  await callDesk('renewDeviceId', { formerDeviceId })
  window.location.reload()
}

/** At start-up: resume syncing if a share folder is set. Never blocks or fails the start-up. */
export async function resumeSync(data: DataContext, device: DeviceInfo, appInfo: AppInfo): Promise<void> {
  try {
    const config = await callDesk('shareGetConfig', undefined)
    if (config.root) startSyncOnShare(data, device, appInfo)
  } catch {
    // main cannot say: this PC simply works unsynced until someone looks at 系统设置
  }
}

export async function clearShare(): Promise<void> {
  stopSync()
  await callDesk('shareSetRoot', { root: null })
}
