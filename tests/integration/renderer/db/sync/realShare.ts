import { link, mkdir, mkdtemp, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeskApi } from '@shared/ipc/contract'
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

// The share the sync tests run on is the one that ships: the app's SharePort (renderer/src/ipc/
// ipcShare.ts) over a window.desk whose every call is structured-cloned (as Electron's IPC does) into
// the real dispatch → handlers → shareService → folderStorage, on a real temp folder. Only the
// transport and the sender check are left out. Faults come from hooks around the production code and
// from changing the folder on disk — never from a second implementation.

export interface ShareHooks {
  /** runs inside folderStorage.writeNew after the temp file is written and flushed, before it is
   *  linked to its final name */
  beforeLink?: () => Promise<void>
  /** runs in main before the share service reads `path` */
  beforeRead?: (path: string) => Promise<void>
}

export type RealShare = SharePort & {
  /** the folder chosen as the share (系统设置) */
  readonly root: string
  readonly hooks: ShareHooks
  /** Absolute path of a share path, for looking at or damaging the disk directly. */
  abs(path: string): string
  /** The share vanishes (unplugged drive, renamed network folder). */
  disappear(): Promise<void>
  reappear(): Promise<void>
  /** Someone selects everything in the share and deletes it. */
  empty(): Promise<void>
  /** Overwrites a file in place, bypassing the write-once rule (damage done by something else). */
  corrupt(path: string, change: (bytes: Uint8Array) => Uint8Array): Promise<void>
  /** Share paths of every file under `dir` on disk (unfinished .tmp-* writes included), sorted. */
  files(dir?: string): Promise<string[]>
  dispose(): Promise<void>
}

const notUnderTest = (): Promise<never> => Promise.reject(new Error('not part of the share'))

export async function createRealShare(): Promise<RealShare> {
  const base = await mkdtemp(join(tmpdir(), 'desk-share-'))
  const root = join(base, 'share')
  const userData = join(base, 'userData')
  await mkdir(root)
  await mkdir(userData)

  const hooks: ShareHooks = {}
  const service = createShareService(createShareConfig(userData), {
    // main's folder dialog, stood in for: it "picks" this test's folder
    pickFolder: async () => root,
    rootEnv: { platform: process.platform, home: homedir(), dataDir: userData },
    linkFile: async (from, to) => {
      await hooks.beforeLink?.()
      await link(from, to)
    }
  })
  const handlers = createDeskHandlers({
    deviceStore: { get: notUnderTest, update: notUnderTest, renew: notUnderTest },
    appInfo: { appVersion: '0.0.0', platform: process.platform, host: 'test-host' },
    printing: { printPage: notUnderTest, savePdf: notUnderTest },
    storeKeys: createStoreKeyVault({ dataDir: userData, wrapper: fakeKeyWrapper() }),
    share: {
      ...service,
      read: async (path) => {
        await hooks.beforeRead?.(path)
        return service.read(path)
      }
    }
  })
  // As the preload builds it: one wrapper per method; what crosses is a structured clone both ways.
  const desk = Object.fromEntries(
    deskMethods.map((method) => [
      method,
      async (input: unknown) => structuredClone(await dispatch(handlers, method, structuredClone(input)))
    ])
  ) as DeskApi
  const chosen = await desk.shareChooseRoot(undefined)
  if (!chosen.ok || chosen.value.outcome !== 'chosen')
    throw new Error(`share root refused: ${JSON.stringify(chosen)}`)

  const abs = (path: string): string => join(root, ...path.split('/').filter((p) => p !== ''))
  return {
    ...createIpcShare(() => desk),
    root,
    hooks,
    abs,
    disappear: () => rename(root, `${root}.gone`),
    reappear: () => rename(`${root}.gone`, root),
    async empty() {
      for (const name of await readdir(root)) await rm(join(root, name), { recursive: true, force: true })
    },
    async corrupt(path, change) {
      const bytes = new Uint8Array(await readFile(abs(path)))
      const handle = await open(abs(path), 'w')
      try {
        await handle.writeFile(change(bytes))
      } finally {
        await handle.close()
      }
    },
    async files(dir = '') {
      const out: string[] = []
      const walk = async (rel: string): Promise<void> => {
        for (const entry of await readdir(abs(rel), { withFileTypes: true })) {
          const path = rel ? `${rel}/${entry.name}` : entry.name
          if (entry.isDirectory()) await walk(path)
          else out.push(path)
        }
      }
      await walk(dir)
      return out.sort()
    },
    dispose: () => rm(base, { recursive: true, force: true })
  }
}
