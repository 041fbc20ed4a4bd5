import type { EncryptionParams } from '@shared/sync/sealed'
import { createStoreFile, parseStoreFile, STORE_FILE } from '@shared/sync/store'
import type { DeskDatabase } from '../database'
import { syncProblem, type SyncProblem } from './problems'
import { isShareError, type SharePort } from './sharePort'
import { encryptionOf, rememberedEncryption, rememberEncryption, sameEncryption } from './storeKey'

// Which store the share belongs to, before any segment is touched. This PC remembers the storeId it
// created or joined (storeChoice.ts, an explicit step in 系统设置), so a share swapped for another
// store's is refused, and a share emptied by mistake gets its store.json back with the same id.
// It also remembers whether that store is encrypted, and with what (storeKey.ts): a store.json that
// loses or changes its encryption is refused as tampering (issue 17) — never a reason to write plain
// text or to accept unauthenticated changes.

export const STORE_ID_KEY = 'sync.storeId'

export interface StoreAccess {
  storeId: string
  /** set when the store has a passphrase: every file written is encrypted, every file read must be */
  encryption?: EncryptionParams
}

export async function openStore(
  db: DeskDatabase,
  share: SharePort,
  now: number,
  encryption?: EncryptionParams
): Promise<StoreAccess | SyncProblem> {
  const known = (await db.meta.get(STORE_ID_KEY))?.value as string | undefined
  // Joining a store or creating one is the user's explicit choice (storeChoice.ts), never a side effect
  // of syncing: an empty or wrong folder must not silently become a new store.
  if (known === undefined)
    return syncProblem('notJoined', 'notJoined', 'this PC has not joined or created a store share yet')
  const remembered = await rememberedEncryption(db)
  let bytes = await readIfPresent(share)
  if (!bytes) {
    // Only our own store is re-made here (same id: the share was emptied by mistake).
    // An encrypted store's store.json cannot be remade here (its salt and key check belong to it).
    if (encryption || remembered)
      return syncProblem('storeMissing', 'storeMissing', 'store.json is missing and the store is encrypted')
    const created = await createStoreFile({ storeId: known, createdAt: now })
    try {
      await share.writeNew(STORE_FILE, created.bytes)
      bytes = created.bytes
    } catch (error) {
      if (!isShareError(error, 'exists')) throw error
      bytes = await share.read(STORE_FILE)
    }
  }
  const parsed = parseStoreFile(bytes)
  if (!parsed.ok) return syncProblem(parsed.problem, parsed.problem, parsed.detail)
  const { store } = parsed
  if (known !== store.storeId)
    return syncProblem('otherStore', 'otherStore', `share store ${store.storeId}, this PC syncs ${known}`)
  const onShare = encryptionOf(store)
  // This PC knows its store is encrypted: store.json without that very encryption was not written by
  // the store (a re-created store with a new passphrase is taken only with it: 输入共享密码).
  if (remembered && !sameEncryption(remembered, onShare))
    return syncProblem(
      'storeTampered',
      'storeTampered',
      onShare ? 'store.json encryption differs from the one this PC joined' : 'store.json lost its encryption'
    )
  // A key in hand is the same promise (a caller that keeps its key elsewhere).
  if (encryption && !onShare)
    return syncProblem(
      'storeTampered',
      'storeTampered',
      'store.json lost its encryption; this PC holds a key'
    )
  if (onShare && !encryption)
    return syncProblem('needsPassphrase', 'needsKey', 'store has a passphrase; none given')
  if (onShare && encryption && onShare.keyCheck !== encryption.keyCheck)
    return syncProblem('wrongPassphrase', 'keyMismatch', 'given key was not unlocked from this store.json')
  if (onShare && encryption) {
    if (!remembered) await rememberEncryption(db, onShare)
    return { storeId: store.storeId, encryption }
  }
  return { storeId: store.storeId }
}

async function readIfPresent(share: SharePort): Promise<Uint8Array | undefined> {
  try {
    return await share.read(STORE_FILE)
  } catch (error) {
    if (isShareError(error, 'notFound')) return undefined
    throw error
  }
}

export function isStoreAccess(value: StoreAccess | SyncProblem): value is StoreAccess {
  return 'storeId' in value
}
