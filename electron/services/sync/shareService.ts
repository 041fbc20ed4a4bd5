import { stat } from 'node:fs/promises'
import {
  createFolderStorage,
  type FolderStorage,
  type FolderStorageOptions,
  type ShareEntry
} from './folderStorage'
import type { ShareConfigStore } from './shareConfig'
import { ShareServiceError } from './shareError'
import type { ShareChoice, ShareConfig, WebdavChoice, WebdavRefusal } from '@shared/ipc/contract'
import type { KeyWrapper } from '../storeKeyVault'
import { checkShareRoot, isUncPath, type ShareRootEnv } from './shareRoot'
import { sweepStaleTemps } from './sweepTemps'
import { checkWebdavAddress } from './webdavAddress'
import { createWebdavStorage, type WebdavCredentials, type WebdavStorageOptions } from './webdavStorage'

// The share as window.desk offers it: the configured folder's storage, a WebDAV share's, or
// 'notConfigured'. Main holds the root and picks it through its own folder dialog (`pickFolder`, the
// host's); the renderer never names a folder — it only names files relative to the root main chose
// (issue 17 point 6). A WebDAV address comes from the renderer (typed in 系统设置 → 同步) and is checked
// here (https, or http to a loopback address) and tried before it is kept; its password stays in main,
// wrapped by the OS key store (`keyWrapper`), and is never returned.

type ShareConfigView = ShareConfig

export interface ShareService {
  getConfig(): Promise<ShareConfigView>
  /** main's folder dialog; a folder that may not be a share (shareRoot.ts) is refused, the setting kept */
  chooseRoot(): Promise<ShareChoice>
  clearRoot(): Promise<ShareConfigView>
  /** a WebDAV address as the share: checked, tried (PROPFIND on it, nothing written), then kept */
  setWebdav(input: { url: string; user: string; password: string }): Promise<WebdavChoice>
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
  /** the OS key store that wraps a WebDAV password (safeStorage in the shell); without one (or
   *  unavailable) the password is kept in memory for this run only */
  keyWrapper?: KeyWrapper
  /** fetch / time-out of the WebDAV storage (tests use a short time-out) */
  webdav?: WebdavStorageOptions
}

/** A failure while trying an address, as the refusal the settings card words. */
function refusalOf(error: unknown): WebdavRefusal {
  const failure = error instanceof ShareServiceError ? error.failure : 'io'
  if (failure === 'unavailable') return 'notFound'
  const known: WebdavRefusal[] = [
    'unauthorized',
    'forbidden',
    'notWebdav',
    'unreachable',
    'certificate',
    'timeout',
    'quotaFull'
  ]
  return (known as string[]).includes(failure) ? (failure as WebdavRefusal) : 'io'
}

async function reachable(root: string): Promise<boolean> {
  return stat(root)
    .then((s) => s.isDirectory())
    .catch(() => false)
}

export function createShareService(config: ShareConfigStore, options: ShareServiceOptions): ShareService {
  let cached: FolderStorage | null = null
  /** the password typed this run, when the OS has no key store to keep it (never written anywhere) */
  let memoryPassword: { url: string; user: string; password: string } | null = null

  const wrapper = options.keyWrapper
  const canWrap = (): boolean => !!wrapper && wrapper.isAvailable()

  /** The stored WebDAV share with its password unwrapped, or null when none is set. */
  const webdavCredentials = async (): Promise<WebdavCredentials | null> => {
    const stored = await config.getWebdav()
    if (!stored) return null
    const checked = checkWebdavAddress(stored.url)
    if (!checked.ok) return null
    let password = ''
    if (stored.wrappedPassword && canWrap()) {
      try {
        password = new TextDecoder().decode(
          wrapper?.unwrap(new Uint8Array(Buffer.from(stored.wrappedPassword, 'base64')))
        )
      } catch {
        password = '' // another user's or PC's wrapping: the server will say 401, the user types it again
      }
    } else if (memoryPassword?.url === checked.url && memoryPassword.user === stored.user) {
      password = memoryPassword.password
    }
    return { url: checked.url, user: stored.user, password }
  }

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
    const dav = await webdavCredentials()
    // A WebDAV share is not tried on a config read (read at every start: a stalled server must not
    // hold the app up); whether it answers is what the next sync round says, with its reason.
    if (dav) return { root: null, reachable: true, webdav: { url: dav.url, user: dav.user } }
    const root = await validRoot()
    return { root, reachable: root ? await reachable(root) : false }
  }
  let cachedKey = ''
  const webdavStorage = (dav: WebdavCredentials): FolderStorage & { probe(): Promise<void> } =>
    createWebdavStorage(dav, options.webdav)
  const storage = async (): Promise<FolderStorage> => {
    const dav = await webdavCredentials()
    if (dav) {
      const key = JSON.stringify([dav.url, dav.user, dav.password])
      if (cachedKey !== key || !cached) {
        cached = webdavStorage(dav)
        cachedKey = key
        await sweepStaleTemps(cached).catch(() => undefined)
      }
      return cached
    }
    cachedKey = ''
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
      memoryPassword = null
      return { ...(await view()), outcome: 'chosen' }
    },
    async clearRoot() {
      await config.setRoot(null)
      cached = null
      memoryPassword = null
      return view()
    },
    async setWebdav(input) {
      const refused = async (refusal: WebdavRefusal): Promise<WebdavChoice> => ({
        ...(await view()),
        outcome: 'refused',
        refusal
      })
      const checked = checkWebdavAddress(input.url)
      if (!checked.ok) return refused(checked.refusal)
      const user = input.user.trim()
      // Tried before anything is kept: a wrong password or an address that is no WebDAV folder is
      // said now, and the setting stays as it was. Nothing is written to the server.
      try {
        await webdavStorage({ url: checked.url, user, password: input.password }).probe()
      } catch (error) {
        return refused(refusalOf(error))
      }
      const wrappedPassword = canWrap()
        ? Buffer.from(wrapper?.wrap(new TextEncoder().encode(input.password)) ?? []).toString('base64')
        : null
      memoryPassword = wrappedPassword ? null : { url: checked.url, user, password: input.password }
      await config.setWebdav({ url: checked.url, user, wrappedPassword })
      cached = null
      return { ...(await view()), outcome: 'chosen' }
    },
    list: async (dir) => (await storage()).list(dir),
    read: async (path) => (await storage()).read(path),
    writeNew: async (path, bytes) => (await storage()).writeNew(path, bytes),
    remove: async (path) => (await storage()).remove(path)
  }
}
