import { vi } from 'vitest'
import type { DeskHandlers } from '@shared/ipc/contract'
import type { ShareService } from '../../../../electron/services'

/** For tests of other handlers: a share service that must not be reached. */
export const unusedShare: ShareService = {
  getConfig: () => Promise.reject(new Error('share not under test')),
  setRoot: () => Promise.reject(new Error('share not under test')),
  list: () => Promise.reject(new Error('share not under test')),
  read: () => Promise.reject(new Error('share not under test')),
  writeNew: () => Promise.reject(new Error('share not under test')),
  remove: () => Promise.reject(new Error('share not under test'))
}

/** Mock share handlers, for handler maps built by hand. */
export function shareHandlerMocks(): Pick<
  DeskHandlers,
  'shareGetConfig' | 'shareSetRoot' | 'shareList' | 'shareRead' | 'shareWriteNew' | 'shareRemove'
> {
  return {
    shareGetConfig: vi.fn(async () => ({ root: null, reachable: false })),
    shareSetRoot: vi.fn(async (input) => ({ root: input.root, reachable: false })),
    shareList: vi.fn(async () => []),
    shareRead: vi.fn(async () => ({ bytes: new Uint8Array() })),
    shareWriteNew: vi.fn(async () => ({ written: true as const })),
    shareRemove: vi.fn(async () => ({ removed: true as const }))
  }
}
