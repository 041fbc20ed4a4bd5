import { z } from 'zod'
import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes'
import {
  deriveStoreKey,
  makeKeyCheck,
  newSalt,
  SALT_BYTES,
  STORE_KEY_ITERATIONS,
  verifyKeyCheck,
  type StoreKey
} from './crypto'
import { shareIdSchema } from './ids'
import { parseJson } from './json'
import { problem, type ProblemResult } from './problems'
import type { EncryptionParams } from './sealed'

// <root>/store.json: what every PC needs before it can read the share — which store this is and,
// when it has a passphrase, how to derive and check the key. Plain UTF-8 JSON (people and support
// tools read it); never the passphrase.

export const STORE_FILE = 'store.json'
/** the most PBKDF2 iterations a store.json may ask for (about ten seconds on a slow PC) */
export const MAX_STORE_KEY_ITERATIONS = 10_000_000
export const STORE_FORMAT = { major: 1, minor: 0 } as const

export const storeFileSchema = z.looseObject({
  kind: z.literal('store'),
  formatVersion: z.looseObject({ major: z.number().int().min(1), minor: z.number().int().min(0) }),
  storeId: shareIdSchema,
  createdAt: z.number().int().min(0),
  encryption: z
    .looseObject({
      alg: z.literal('AES-256-GCM'),
      kdf: z.literal('PBKDF2-SHA256'),
      // A damaged or hostile store.json must not make unlocking hang for minutes (600 000 is the norm).
      iterations: z.number().int().positive().max(MAX_STORE_KEY_ITERATIONS),
      salt: z.string().refine((s) => fromBase64(s)?.length === SALT_BYTES, `base64 of ${SALT_BYTES} bytes`),
      keyCheck: z.string().min(1)
    })
    .nullable()
})
export type StoreFile = z.infer<typeof storeFileSchema>

export interface NewStore {
  storeId: string
  createdAt: number
  /** omit for a store without encryption at rest */
  passphrase?: string
  /** PBKDF2 iterations; production leaves the default (≥ 600 000) */
  iterations?: number
}

/** A new store.json, and the key to write with when a passphrase is set. */
export async function createStoreFile(
  init: NewStore
): Promise<{ store: StoreFile; bytes: Uint8Array; encryption?: EncryptionParams }> {
  let encryption: EncryptionParams | undefined
  let info: StoreFile['encryption'] = null
  if (init.passphrase !== undefined) {
    if (init.passphrase.length === 0) throw new Error('empty store passphrase')
    const salt = newSalt()
    const iterations = init.iterations ?? STORE_KEY_ITERATIONS
    const key = await deriveStoreKey(init.passphrase, salt, iterations)
    const keyCheck = await makeKeyCheck(key)
    encryption = { key, salt: toBase64(salt), iterations, keyCheck }
    info = { alg: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations, salt: encryption.salt, keyCheck }
  }
  const store: StoreFile = {
    kind: 'store',
    formatVersion: { ...STORE_FORMAT },
    storeId: init.storeId,
    createdAt: init.createdAt,
    encryption: info
  }
  const bytes = utf8(`${JSON.stringify(store, null, 2)}\n`)
  return encryption ? { store, bytes, encryption } : { store, bytes }
}

/** Reads store.json; never throws. A newer major is kept pending (the user updates the app). */
export function parseStoreFile(bytes: Uint8Array): { ok: true; store: StoreFile } | ProblemResult {
  const text = fromUtf8(bytes)
  const json = text === null ? null : parseJson(text)
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return problem('invalidJson', 'store.json is not a JSON object')
  const version = (json as { formatVersion?: { major?: unknown } }).formatVersion?.major
  if (typeof version === 'number' && version > STORE_FORMAT.major)
    return problem('futureFormat', `store.json format ${version} is newer than this app reads`)
  const parsed = storeFileSchema.safeParse(json)
  if (!parsed.success)
    return problem(
      'invalidJson',
      `store.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
    )
  return { ok: true, store: parsed.data }
}

/** The key for a typed passphrase, checked against store.json before any file is decrypted. */
export async function unlockStore(
  store: StoreFile,
  passphrase: string
): Promise<{ ok: true; encryption: EncryptionParams } | ProblemResult> {
  const info = store.encryption
  if (!info) throw new Error('this store has no passphrase')
  const key: StoreKey = await deriveStoreKey(passphrase, fromBase64(info.salt) as Uint8Array, info.iterations)
  if (!(await verifyKeyCheck(key, info.keyCheck)))
    return problem('wrongPassphrase', 'passphrase does not match store.json keyCheck')
  return {
    ok: true,
    encryption: { key, salt: info.salt, iterations: info.iterations, keyCheck: info.keyCheck }
  }
}
