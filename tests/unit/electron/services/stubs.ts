import { vi } from 'vitest'
import type { DeskHandlers } from '@shared/ipc/contract'
import type { ShareService, StoreKeyVault } from '../../../../electron/services'

/** For tests of other handlers: a share service that must not be reached. */
export const unusedShare: ShareService = {
  getConfig: () => Promise.reject(new Error('share not under test')),
  chooseRoot: () => Promise.reject(new Error('share not under test')),
  clearRoot: () => Promise.reject(new Error('share not under test')),
  setWebdav: () => Promise.reject(new Error('share not under test')),
  list: () => Promise.reject(new Error('share not under test')),
  read: () => Promise.reject(new Error('share not under test')),
  writeNew: () => Promise.reject(new Error('share not under test')),
  remove: () => Promise.reject(new Error('share not under test'))
}

/** For tests of other handlers: a key vault that must not be reached. */
export const unusedStoreKeys: StoreKeyVault = {
  save: () => Promise.reject(new Error('store keys not under test')),
  load: () => Promise.reject(new Error('store keys not under test')),
  forget: () => Promise.reject(new Error('store keys not under test'))
}

/** Mock share handlers, for handler maps built by hand. */
export function shareHandlerMocks(): Pick<
  DeskHandlers,
  | 'shareGetConfig'
  | 'shareChooseRoot'
  | 'shareClearRoot'
  | 'shareSetWebdav'
  | 'shareList'
  | 'shareRead'
  | 'shareWriteNew'
  | 'shareRemove'
  | 'storeKeySave'
  | 'storeKeyLoad'
  | 'storeKeyForget'
  | 'backupList'
  | 'backupWrite'
  | 'backupRead'
  | 'backupSetVerified'
  | 'backupChooseFolder'
  | 'backupClearFolder'
  | 'backupSetInterval'
  | 'backupOpenFile'
  | 'logRenderer'
  | 'getAboutInfo'
  | 'exportDiagnostics'
> {
  const listing = { entries: [], secondFolder: null, intervalHours: 4, dataFolder: '/data/backups' }
  return {
    logRenderer: vi.fn(async () => ({ logged: true as const })),
    getAboutInfo: vi.fn(async () => ({ appVersion: '1', dataDir: '/data', logDir: '/data/logs' })),
    exportDiagnostics: vi.fn(async () => ({ saved: false, path: null })),
    shareGetConfig: vi.fn(async () => ({ root: null, reachable: false })),
    shareChooseRoot: vi.fn(async () => ({ root: null, reachable: false, outcome: 'cancelled' as const })),
    shareClearRoot: vi.fn(async () => ({ root: null, reachable: false })),
    shareSetWebdav: vi.fn(async () => ({ root: null, reachable: false, outcome: 'refused' as const })),
    shareList: vi.fn(async () => []),
    shareRead: vi.fn(async () => ({ bytes: new Uint8Array() })),
    shareWriteNew: vi.fn(async () => ({ written: true as const })),
    shareRemove: vi.fn(async () => ({ removed: true as const })),
    storeKeySave: vi.fn(async () => ({ kept: false })),
    storeKeyLoad: vi.fn(async () => ({ key: null })),
    storeKeyForget: vi.fn(async () => ({ forgotten: true as const })),
    backupList: vi.fn(async () => listing),
    backupWrite: vi.fn(async () => ({ id: 'backup-20261206-100000-abcdef' })),
    backupRead: vi.fn(async () => ({ bytes: new Uint8Array() })),
    backupSetVerified: vi.fn(async () => {
      throw new Error('backups not under test')
    }),
    backupChooseFolder: vi.fn(async () => ({ outcome: 'cancelled' as const, secondFolder: null })),
    backupClearFolder: vi.fn(async () => listing),
    backupSetInterval: vi.fn(async () => listing),
    backupOpenFile: vi.fn(async () => null)
  }
}
