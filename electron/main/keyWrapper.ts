import type { SafeStorage } from 'electron'
import type { KeyWrapper } from '../services'

// The store key's wrapper over Electron safeStorage (DPAPI on Windows). Only types come from
// 'electron', so this stays unit-testable; the service behind it is electron/services/storeKeyVault.ts.
export function safeStorageWrapper(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>
): KeyWrapper {
  return {
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    wrap: (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64'))),
    unwrap: (wrapped) =>
      new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(wrapped)), 'base64'))
  }
}
