import type { DeskApi } from '@shared/ipc/contract'
import type { BackupStorePort } from '@/db'
import { callDeskOn } from './desk'

// The data layer's BackupStorePort over window.desk: main names, places, lists and prunes the files
// (electron/services/backup/backupService.ts); the renderer hands it bytes and ids, never a path.
export function createIpcBackupStore(desk: () => DeskApi | undefined = () => window.desk): BackupStorePort {
  return {
    write: async (bytes, info) => callDeskOn(desk(), 'backupWrite', { bytes, ...info }),
    read: async (id) => (await callDeskOn(desk(), 'backupRead', { id })).bytes,
    setVerified: async (id, verified) =>
      void (await callDeskOn(desk(), 'backupSetVerified', { id, verified }))
  }
}
