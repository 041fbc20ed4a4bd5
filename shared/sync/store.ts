import { z } from 'zod'
import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes'
import {
  deriveStoreKeyBytes,
  importStoreKey,
  makeKeyCheck,
  newSalt,
  SALT_BYTES,
  STORE_KEY_ITERATIONS,
  verifyKeyCheck
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
/** the fewest a store.json may ask for: the app has always written STORE_KEY_ITERATIONS (600 000);
 *  fewer make a guessed passphrase cheap to try, so such a store is refused (weakKdf) — never used */
export const MIN_STORE_KEY_ITERATIONS = STORE_KEY_ITERATIONS
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
  /** PBKDF2 iterations: the default (600 000) or more; fewer are refused */
  iterations?: number
}

/** The store key for the PC to keep: the key itself and its 32 raw bytes (for main's OS key store). */
export interface UnlockedKey {
  encryption: EncryptionParams
  raw: Uint8Array
}

/** A new store.json, and the key to write with when a passphrase is set. */
export async function createStoreFile(
  init: NewStore
): Promise<{ store: StoreFile; bytes: Uint8Array; unlocked?: UnlockedKey }> {
  let unlocked: UnlockedKey | undefined
  let info: StoreFile['encryption'] = null
  if (init.passphrase !== undefined) {
    if (init.passphrase.length === 0) throw new Error('empty store passphrase')
    const iterations = init.iterations ?? STORE_KEY_ITERATIONS
    if (iterations < MIN_STORE_KEY_ITERATIONS || iterations > MAX_STORE_KEY_ITERATIONS)
      throw new Error(`PBKDF2 iterations must be ${MIN_STORE_KEY_ITERATIONS} … ${MAX_STORE_KEY_ITERATIONS}`)
    const salt = newSalt()
    const raw = await deriveStoreKeyBytes(init.passphrase, salt, iterations)
    const key = await importStoreKey(raw)
    const keyCheck = await makeKeyCheck(key)
    unlocked = { encryption: { key, salt: toBase64(salt), iterations, keyCheck }, raw }
    info = { alg: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), keyCheck }
  }
  const store: StoreFile = {
    kind: 'store',
    formatVersion: { ...STORE_FORMAT },
    storeId: init.storeId,
    createdAt: init.createdAt,
    encryption: info
  }
  const bytes = utf8(`${JSON.stringify(store, null, 2)}\n`)
  return unlocked ? { store, bytes, unlocked } : { store, bytes }
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
  const iterations = parsed.data.encryption?.iterations
  if (iterations !== undefined && iterations < MIN_STORE_KEY_ITERATIONS)
    return problem(
      'weakKdf',
      `store.json asks for ${iterations} PBKDF2 iterations (< ${MIN_STORE_KEY_ITERATIONS})`
    )
  return { ok: true, store: parsed.data }
}

/** The key for a typed passphrase, checked against store.json before any file is decrypted. */
export async function unlockStore(
  store: StoreFile,
  passphrase: string
): Promise<({ ok: true } & UnlockedKey) | ProblemResult> {
  const info = store.encryption
  if (!info) throw new Error('this store has no passphrase')
  if (info.iterations < MIN_STORE_KEY_ITERATIONS)
    return problem('weakKdf', `store.json asks for ${info.iterations} PBKDF2 iterations`)
  const raw = await deriveStoreKeyBytes(passphrase, fromBase64(info.salt) as Uint8Array, info.iterations)
  const key = await importStoreKey(raw)
  if (!(await verifyKeyCheck(key, info.keyCheck)))
    return problem('wrongPassphrase', 'passphrase does not match store.json keyCheck')
  return {
    ok: true,
    encryption: { key, salt: info.salt, iterations: info.iterations, keyCheck: info.keyCheck },
    raw
  }
}
