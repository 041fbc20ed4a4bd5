import { stat } from 'node:fs/promises'
import {
  createFolderStorage,
  type FolderStorage,
  type FolderStorageOptions,
  type ShareEntry
} from './folderStorage'
import type { ShareConfigStore } from './shareConfig'
import { ShareServiceError } from './shareError'
import type { ShareChoice, ShareConfig } from '@shared/ipc/contract'
import { checkShareRoot, isUncPath, type ShareRootEnv } from './shareRoot'
import { sweepStaleTemps } from './sweepTemps'

// The share as window.desk offers it: the configured folder's storage, or 'notConfigured'. Main
// holds the root and picks it through its own folder dialog (`pickFolder`, the host's); the renderer
// never names a folder — it only names files relative to the root main chose (issue 17 point 6).

type ShareConfigView = ShareConfig

export interface ShareService {
  getConfig(): Promise<ShareConfigView>
  /** main's folder dialog; a folder that may not be a share (shareRoot.ts) is refused, the setting kept */
  chooseRoot(): Promise<ShareChoice>
  clearRoot(): Promise<ShareConfigView>
  list(dir: string): Promise<ShareEntry[]>
  read(path: string): Promise<Uint8Array>
  writeNew(path: string, bytes: Uint8Array): Promise<void>
  remove(path: string): Promise<void>
}

export interface ShareServiceOptions extends FolderStorageOptions {
  /** the host's folder picker (Electron's dialog in main; the e2e bridge stands in): an absolute
   *  folder, or null when the user cancelled */
  pickFolder: () => Promise<string | null>
  /** what the root check needs to know about this PC */
  rootEnv: ShareRootEnv
}

async function reachable(root: string): Promise<boolean> {
  return stat(root)
    .then((s) => s.isDirectory())
    .catch(() => false)
}

export function createShareService(config: ShareConfigStore, options: ShareServiceOptions): ShareService {
  let cached: FolderStorage | null = null

  /** The stored root, if it still passes the check. A UNC path stored before issue 17 (sent by the
   *  renderer, never picked in the dialog) is not used: the folder is picked again. */
  const validRoot = async (): Promise<string | null> => {
    const stored = await config.getRoot()
    if (!stored) return null
    if (!stored.picked && isUncPath(stored.root)) return null
    const checked = checkShareRoot(stored.root, options.rootEnv)
    return checked.ok ? checked.root : null
  }
  const view = async (): Promise<ShareConfigView> => {
    const root = await validRoot()
    return { root, reachable: root ? await reachable(root) : false }
  }
  const storage = async (): Promise<FolderStorage> => {
    const root = await validRoot()
    if (!root) throw new ShareServiceError('notConfigured', 'no share folder is set')
    if (cached?.root !== root) {
      cached = createFolderStorage(root, options)
      // Once per folder per start: a share that cannot be swept now is simply swept next time.
      await sweepStaleTemps(cached).catch(() => undefined)
    }
    return cached
  }
  return {
    getConfig: view,
    async chooseRoot() {
      const picked = await options.pickFolder()
      if (picked === null) return { ...(await view()), outcome: 'cancelled' }
      const checked = checkShareRoot(picked, options.rootEnv)
      if (!checked.ok) return { ...(await view()), outcome: 'refused', refusal: checked.refusal }
      // Setting the folder creates nothing on it: joining or creating a store is a separate, explicit step.
      await config.setRoot(checked.root)
      cached = null
      return { ...(await view()), outcome: 'chosen' }
    },
    async clearRoot() {
      await config.setRoot(null)
      cached = null
      return view()
    },
    list: async (dir) => (await storage()).list(dir),
    read: async (path) => (await storage()).read(path),
    writeNew: async (path, bytes) => (await storage()).writeNew(path, bytes),
    remove: async (path) => (await storage()).remove(path)
  }
}
