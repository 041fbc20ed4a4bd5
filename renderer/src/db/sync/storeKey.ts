import type { EncryptionParams } from '@shared/sync/sealed'
import type { StoreFile } from '@shared/sync/store'
import type { DeskDatabase } from '../database'
import { STORE_ID_KEY } from './storeAccess'

// The unlocked store key kept on this PC (local meta table, never synced, never on the share), so
// sync runs after a restart without retyping. What is kept is the derived AES key as a
// non-extractable CryptoKey (IndexedDB stores it by structured clone; its bytes cannot be read back
// out by script) with the salt / iterations / key check it belongs to — never the passphrase.

export const STORE_KEY_KEY = 'sync.storeKey'

export async function loadStoreKey(db: DeskDatabase): Promise<EncryptionParams | undefined> {
  return (await db.meta.get(STORE_KEY_KEY))?.value as EncryptionParams | undefined
}

/** Ties this PC to `storeId` and, for an encrypted store, keeps its key — one transaction, so a PC is
 *  never joined to an encrypted store without the key it was unlocked with. */
export async function rememberStore(
  db: DeskDatabase,
  storeId: string,
  encryption: EncryptionParams | undefined
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: STORE_ID_KEY, value: storeId })
    if (encryption)
      await db.meta.put({
        key: STORE_KEY_KEY,
        value: {
          key: encryption.key,
          salt: encryption.salt,
          iterations: encryption.iterations,
          keyCheck: encryption.keyCheck
        }
      })
    else await db.meta.delete(STORE_KEY_KEY)
  })
}

/** Whether the kept key is the one store.json's key check was made with (false after the store was
 *  re-created with a new passphrase). True for a store without a passphrase. */
export function keyFits(store: StoreFile, kept: EncryptionParams | undefined): boolean {
  if (!store.encryption) return true
  return (
    kept !== undefined && kept.keyCheck === store.encryption.keyCheck && kept.salt === store.encryption.salt
  )
}
