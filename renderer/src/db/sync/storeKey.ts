import { importStoreKey, verifyKeyCheck } from '@shared/sync/crypto'
import type { EncryptionParams } from '@shared/sync/sealed'
import type { StoreFile, UnlockedKey } from '@shared/sync/store'
import type { DeskDatabase } from '../database'
import { STORE_ID_KEY } from './storeAccess'

// The store key of an encrypted store, and what this PC remembers about its encryption
// (docs/sync-engine.md, "The store key"):
// - IndexedDB holds only the PUBLIC parameters (meta 'sync.storeEncryption': alg, kdf, iterations,
//   salt, keyCheck — what store.json says), so the PC knows its store is encrypted whatever the share
//   says later (a store.json that loses or changes its encryption is 'storeTampered', storeAccess.ts);
// - the key's bytes are never in IndexedDB: main keeps them wrapped by the OS key store (Electron
//   safeStorage: DPAPI on Windows) through the KeyVault port, and the data layer holds the key only in
//   memory, as a non-extractable CryptoKey. Without an OS key store the vault keeps nothing and the
//   passphrase is typed again after a restart (输入共享密码).

export const STORE_ENCRYPTION_KEY = 'sync.storeEncryption'
/** Before issue 17 the derived key itself sat here (a CryptoKey, its bytes in the LevelDB files). */
export const LEGACY_STORE_KEY_KEY = 'sync.storeKey'

/** What a PC remembers of its store's encryption: store.json's public parameters, never the key. */
export interface RememberedEncryption {
  alg: 'AES-256-GCM'
  kdf: 'PBKDF2-SHA256'
  iterations: number
  salt: string
  keyCheck: string
}

export interface StoreKeyRef {
  storeId: string
  keyCheck: string
}

/** Where the key's bytes are kept between runs: main's OS-key-store wrapper in the app
 *  (renderer/src/ipc/ipcKeyVault.ts), nothing at all in tests (memoryKeyVault). */
export interface KeyVault {
  /** false when nothing could be kept (no OS key store): the key then lives for this run only */
  save(ref: StoreKeyRef, raw: Uint8Array): Promise<boolean>
  /** the bytes kept for exactly this store and key check, or null */
  load(ref: StoreKeyRef): Promise<Uint8Array | null>
  forget(): Promise<void>
}

/** A vault that keeps nothing: the key lives in this run's memory only. */
export const noKeyVault: KeyVault = {
  save: async () => false,
  load: async () => null,
  forget: async () => undefined
}

/** The unlocked key of this run, per database (a test opens several PCs in one process). */
const inMemory = new WeakMap<DeskDatabase, EncryptionParams>()

export async function rememberedEncryption(db: DeskDatabase): Promise<RememberedEncryption | undefined> {
  await dropLegacyKey(db)
  return (await db.meta.get(STORE_ENCRYPTION_KEY))?.value as RememberedEncryption | undefined
}

export function encryptionOf(store: StoreFile): RememberedEncryption | undefined {
  const info = store.encryption
  if (!info) return undefined
  return {
    alg: info.alg,
    kdf: info.kdf,
    iterations: info.iterations,
    salt: info.salt,
    keyCheck: info.keyCheck
  }
}

/** Whether store.json's encryption is exactly the one remembered (none when none). */
export function sameEncryption(
  a: RememberedEncryption | undefined,
  b: RememberedEncryption | undefined
): boolean {
  if (!a || !b) return a === b
  return (
    a.alg === b.alg &&
    a.kdf === b.kdf &&
    a.iterations === b.iterations &&
    a.salt === b.salt &&
    a.keyCheck === b.keyCheck
  )
}

/** The unlocked key for the remembered encryption: this run's, or main's kept bytes. */
export async function loadStoreKey(db: DeskDatabase, vault: KeyVault): Promise<EncryptionParams | undefined> {
  const remembered = await rememberedEncryption(db)
  if (!remembered) return undefined
  const held = inMemory.get(db)
  if (held && held.keyCheck === remembered.keyCheck && held.salt === remembered.salt) return held
  const storeId = (await db.meta.get(STORE_ID_KEY))?.value as string | undefined
  if (storeId === undefined) return undefined
  const raw = await vault.load({ storeId, keyCheck: remembered.keyCheck }).catch(() => null)
  if (!raw || raw.byteLength !== 32) return undefined
  const key = await importStoreKey(raw)
  // Bytes that are not this store's key (another user's wrapping, a damaged file) count as none.
  if (!(await verifyKeyCheck(key, remembered.keyCheck))) return undefined
  const params: EncryptionParams = {
    key,
    salt: remembered.salt,
    iterations: remembered.iterations,
    keyCheck: remembered.keyCheck
  }
  inMemory.set(db, params)
  return params
}

/** Ties this PC to `storeId` and remembers its encryption (one transaction), keeps the key for this
 *  run and hands its bytes to the vault. A store without encryption forgets any key. */
export async function rememberStore(
  db: DeskDatabase,
  vault: KeyVault,
  storeId: string,
  store: StoreFile,
  unlocked: UnlockedKey | undefined
): Promise<void> {
  const encryption = encryptionOf(store)
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: STORE_ID_KEY, value: storeId })
    await db.meta.delete(LEGACY_STORE_KEY_KEY)
    if (encryption) await db.meta.put({ key: STORE_ENCRYPTION_KEY, value: encryption })
    else await db.meta.delete(STORE_ENCRYPTION_KEY)
  })
  if (encryption && unlocked) {
    inMemory.set(db, unlocked.encryption)
    await vault.save({ storeId, keyCheck: encryption.keyCheck }, unlocked.raw).catch(() => false)
  } else {
    inMemory.delete(db)
    await vault.forget().catch(() => undefined)
  }
}

/** Remembers encryption first seen with a fitting key (a PC joined before issue 17 kept no parameters). */
export async function rememberEncryption(db: DeskDatabase, encryption: RememberedEncryption): Promise<void> {
  await db.meta.put({ key: STORE_ENCRYPTION_KEY, value: encryption })
}

/** Forgets this run's key (tests: "the app restarted"). */
export function forgetKeyInMemory(db: DeskDatabase): void {
  inMemory.delete(db)
}

/** Whether this PC holds a key that fits store.json (true for a store without a passphrase). */
export async function keyFits(db: DeskDatabase, vault: KeyVault, store: StoreFile): Promise<boolean> {
  if (!store.encryption) return true
  const kept = await loadStoreKey(db, vault)
  return (
    kept !== undefined && kept.keyCheck === store.encryption.keyCheck && kept.salt === store.encryption.salt
  )
}

/** A key kept in IndexedDB by an earlier version leaves it: its public parameters stay remembered,
 *  the key itself is deleted (the passphrase is typed once more; the bytes cannot be moved to main,
 *  the CryptoKey being non-extractable). */
async function dropLegacyKey(db: DeskDatabase): Promise<void> {
  const legacy = (await db.meta.get(LEGACY_STORE_KEY_KEY))?.value as
    { salt?: unknown; iterations?: unknown; keyCheck?: unknown } | undefined
  if (legacy === undefined) return
  await db.transaction('rw', db.meta, async () => {
    const known = await db.meta.get(STORE_ENCRYPTION_KEY)
    if (
      !known &&
      typeof legacy.salt === 'string' &&
      typeof legacy.iterations === 'number' &&
      typeof legacy.keyCheck === 'string'
    )
      await db.meta.put({
        key: STORE_ENCRYPTION_KEY,
        value: {
          alg: 'AES-256-GCM',
          kdf: 'PBKDF2-SHA256',
          iterations: legacy.iterations,
          salt: legacy.salt,
          keyCheck: legacy.keyCheck
        } satisfies RememberedEncryption
      })
    await db.meta.delete(LEGACY_STORE_KEY_KEY)
  })
}
