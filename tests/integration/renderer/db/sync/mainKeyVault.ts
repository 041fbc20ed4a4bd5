import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeskApi } from '@shared/ipc/contract'
import { deskMethods } from '@shared/ipc/methods'
import type { KeyVault } from '@/db/sync/storeKey'
import { createIpcKeyVault } from '@/ipc/ipcKeyVault'
import { createDeskHandlers, createStoreKeyVault, dispatch } from '../../../../../electron/services'
import { fakeKeyWrapper } from '../../../../support/fakeKeyWrapper'

// One PC's main process as far as the store key goes: the app's KeyVault (renderer/src/ipc/
// ipcKeyVault.ts) over structured-cloned calls into the real dispatch → storeKeyVault, in its own
// userData folder, with a stand-in for safeStorage (the OS key store Electron would use).

const notUnderTest = (): Promise<never> => Promise.reject(new Error('not part of the key vault'))

export async function createMainKeyVault(
  opts: { available?: boolean } = {}
): Promise<{ vault: KeyVault; userData: string; dispose(): Promise<void> }> {
  const userData = await mkdtemp(join(tmpdir(), 'desk-keys-'))
  const handlers = createDeskHandlers({
    deviceStore: { get: notUnderTest, update: notUnderTest, renew: notUnderTest },
    appInfo: { appVersion: '0.0.0', platform: process.platform, host: 'test-host' },
    printing: { printPage: notUnderTest, savePdf: notUnderTest },
    share: {
      getConfig: notUnderTest,
      chooseRoot: notUnderTest,
      clearRoot: notUnderTest,
      setWebdav: notUnderTest,
      list: notUnderTest,
      read: notUnderTest,
      writeNew: notUnderTest,
      remove: notUnderTest
    },
    storeKeys: createStoreKeyVault({
      dataDir: userData,
      wrapper: fakeKeyWrapper({ available: opts.available ?? true })
    })
  })
  const desk = Object.fromEntries(
    deskMethods.map((method) => [
      method,
      async (input: unknown) => structuredClone(await dispatch(handlers, method, structuredClone(input)))
    ])
  ) as DeskApi
  return {
    vault: createIpcKeyVault(() => desk),
    userData,
    dispose: () => rm(userData, { recursive: true, force: true })
  }
}
