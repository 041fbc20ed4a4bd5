import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeskApi, WebdavChoice } from '@shared/ipc/contract'
import { deskMethods } from '@shared/ipc/methods'
import type { SharePort } from '@/db/sync/sharePort'
import { createIpcShare } from '@/ipc/ipcShare'
import {
  createDeskHandlers,
  createShareConfig,
  createShareService,
  createStoreKeyVault,
  dispatch
} from '../../../../../electron/services'
import { fakeKeyWrapper } from '../../../../support/fakeKeyWrapper'

// One PC's share over WebDAV, as the app runs it: the engine's SharePort (ipcShare) over a window.desk
// whose calls are structured-cloned into the real dispatch → handlers → shareService → webdavStorage,
// configured through shareSetWebdav (the address checked and tried, the password wrapped by a stand-in
// for safeStorage) — against the REAL server of tests/support/webdavServer.ts.

const notUnderTest = (): Promise<never> => Promise.reject(new Error('not part of the share'))

export type WebdavPcShare = SharePort & {
  desk: DeskApi
  /** 系统设置 → 同步 → WebDAV → 连接 */
  connect(url: string, user: string, password: string): Promise<WebdavChoice>
  /** main's data folder (share.json is looked at by tests) */
  userData: string
  dispose(): Promise<void>
}

export async function webdavPcShare(opts: { timeoutMs?: number } = {}): Promise<WebdavPcShare> {
  const userData = await mkdtemp(join(tmpdir(), 'desk-davpc-'))
  const service = createShareService(createShareConfig(userData), {
    pickFolder: async () => null,
    rootEnv: { platform: process.platform, home: homedir(), dataDir: userData },
    keyWrapper: fakeKeyWrapper(),
    webdav: { timeoutMs: opts.timeoutMs ?? 30_000 }
  })
  const handlers = createDeskHandlers({
    deviceStore: { get: notUnderTest, update: notUnderTest, renew: notUnderTest },
    appInfo: { appVersion: '0.0.0', platform: process.platform, host: 'test-host' },
    printing: { printPage: notUnderTest, savePdf: notUnderTest },
    storeKeys: createStoreKeyVault({ dataDir: userData, wrapper: fakeKeyWrapper() }),
    share: service
  })
  const desk = Object.fromEntries(
    deskMethods.map((method) => [
      method,
      async (input: unknown) => structuredClone(await dispatch(handlers, method, structuredClone(input)))
    ])
  ) as DeskApi
  return {
    ...createIpcShare(() => desk),
    desk,
    userData,
    async connect(url, user, password) {
      const result = await desk.shareSetWebdav({ url, user, password })
      if (!result.ok) throw new Error(JSON.stringify(result.error))
      return result.value
    },
    dispose: () => rm(userData, { recursive: true, force: true })
  }
}

/** Share paths of every file under `root` on disk (dot-files included), sorted. */
export async function filesOnDisk(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort()
}
