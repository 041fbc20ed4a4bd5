import type { DeskApi } from '@shared/ipc/contract'
import type { KeyVault } from '@/db'
import { callDeskOn } from './desk'

// The data layer's KeyVault over window.desk: main keeps an encrypted store's key wrapped by the OS
// key store (electron/services/storeKeyVault.ts); IndexedDB never holds it (db/sync/storeKey.ts).
export function createIpcKeyVault(desk: () => DeskApi | undefined = () => window.desk): KeyVault {
  return {
    save: async (ref, raw) => (await callDeskOn(desk(), 'storeKeySave', { ...ref, key: raw })).kept,
    load: async (ref) => (await callDeskOn(desk(), 'storeKeyLoad', ref)).key,
    forget: async () => void (await callDeskOn(desk(), 'storeKeyForget', undefined))
  }
}
