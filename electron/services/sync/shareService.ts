import { stat } from 'node:fs/promises'
import {
  createFolderStorage,
  type FolderStorage,
  type FolderStorageOptions,
  type ShareEntry
} from './folderStorage'
import type { ShareConfigStore } from './shareConfig'
import { ShareServiceError } from './shareError'
import { sweepStaleTemps } from './sweepTemps'

// The share as window.desk offers it: the configured folder's storage, or 'notConfigured'. Main
// holds the root; the renderer only ever names files relative to it.

export interface ShareService {
  getConfig(): Promise<{ root: string | null; reachable: boolean }>
  setRoot(root: string | null): Promise<{ root: string | null; reachable: boolean }>
  list(dir: string): Promise<ShareEntry[]>
  read(path: string): Promise<Uint8Array>
  writeNew(path: string, bytes: Uint8Array): Promise<void>
  remove(path: string): Promise<void>
}

async function reachable(root: string): Promise<boolean> {
  return stat(root)
    .then((s) => s.isDirectory())
    .catch(() => false)
}

export function createShareService(
  config: ShareConfigStore,
  options: FolderStorageOptions = {}
): ShareService {
  let cached: FolderStorage | null = null
  const storage = async (): Promise<FolderStorage> => {
    const root = await config.getRoot()
    if (!root) throw new ShareServiceError('notConfigured', 'no share folder is set')
    if (cached?.root !== root) {
      cached = createFolderStorage(root, options)
      // Once per folder per start: a share that cannot be swept now is simply swept next time.
      await sweepStaleTemps(cached).catch(() => undefined)
    }
    return cached
  }
  return {
    async getConfig() {
      const root = await config.getRoot()
      return { root, reachable: root ? await reachable(root) : false }
    },
    async setRoot(root) {
      // Setting the folder creates nothing on it: joining or creating a store is a separate, explicit step.
      await config.setRoot(root)
      cached = null
      return { root, reachable: root ? await reachable(root) : false }
    },
    list: async (dir) => (await storage()).list(dir),
    read: async (path) => (await storage()).read(path),
    writeNew: async (path, bytes) => (await storage()).writeNew(path, bytes),
    remove: async (path) => (await storage()).remove(path)
  }
}
