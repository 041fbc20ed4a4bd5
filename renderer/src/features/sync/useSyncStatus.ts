import { useSyncExternalStore } from 'react'
import type { SyncStatusValue } from '@/db'
import { onSyncConfigured, syncConfigured, syncStatus } from './syncRuntime'

/** The sync status as React state. */
export function useSyncStatus(): SyncStatusValue {
  return useSyncExternalStore(
    (listener) => syncStatus.subscribe(listener),
    () => syncStatus.get()
  )
}

/** Whether a share folder is set (the loop is running). */
export function useSyncConfigured(): boolean {
  return useSyncExternalStore(onSyncConfigured, syncConfigured)
}
