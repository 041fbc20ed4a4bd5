import { concatBytes, fromBase64, toBase64, utf8 } from './bytes'
import { randomBytes, webCrypto, type CryptoKeyLike } from './webcrypto'

// Encryption at rest with a store passphrase: PBKDF2-SHA256 → AES-256-GCM, WebCrypto only. The
// passphrase lives only in memory on each PC; the share holds the salt, the iteration count and a
// key-check value, from which the passphrase cannot be recovered.

/** Production PBKDF2 iteration count (OWASP 2023 guidance for PBKDF2-HMAC-SHA256). */
export const STORE_KEY_ITERATIONS = 600_000
export const SALT_BYTES = 16
/** 96-bit IVs, the size AES-GCM is specified for; a fresh random one per encryption. */
export const IV_BYTES = 12
export const GCM_TAG_BYTES = 16

/** Encrypted under the store key into store.json "keyCheck": decrypting it tells a wrong
 *  passphrase apart before any segment is touched. */
export const KEY_CHECK_TEXT = 'service-desk sync key check v1'

export type StoreKey = CryptoKeyLike

/** The 32 raw bytes of the store key for `passphrase` (PBKDF2-HMAC-SHA256). Only to be handed to
 *  the OS key store in main (docs/sync-engine.md, "The store key"); use importStoreKey for the key
 *  itself. `iterations` defaults to the production count. The passphrase is NFC-normalised so the same
 *  characters typed through different input methods give the same key. */
export async function deriveStoreKeyBytes(
  passphrase: string,
  salt: Uint8Array,
  iterations: number = STORE_KEY_ITERATIONS
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(iterations) || iterations < 1)
    throw new Error(`invalid PBKDF2 iteration count: ${iterations}`)
  const subtle = webCrypto().subtle
  const base = await subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits'
  ])
  return new Uint8Array(
    await subtle.deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, 256)
  )
}

/** The AES-256-GCM key from its raw bytes, non-extractable: script cannot read it back out. */
export async function importStoreKey(raw: Uint8Array): Promise<StoreKey> {
  if (raw.byteLength !== 32) throw new Error('a store key is 32 bytes')
  return webCrypto().subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt'
  ])
}

/** The AES-256-GCM key for `passphrase` (non-extractable); tests pass a low count to stay fast. */
export async function deriveStoreKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number = STORE_KEY_ITERATIONS
): Promise<StoreKey> {
  return importStoreKey(await deriveStoreKeyBytes(passphrase, salt, iterations))
}

export function newSalt(): Uint8Array {
  return randomBytes(SALT_BYTES)
}

export function newIv(): Uint8Array {
  return randomBytes(IV_BYTES)
}

/** AES-256-GCM; the result is ciphertext followed by the 16-byte tag. */
export async function encryptBytes(
  key: StoreKey,
  iv: Uint8Array,
  plaintext: Uint8Array,
  additionalData: Uint8Array
): Promise<Uint8Array> {
  return new Uint8Array(
    await webCrypto().subtle.encrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, key, plaintext)
  )
}

/** Null when authentication fails: wrong key, or ciphertext or additional data altered. */
export async function decryptBytes(
  key: StoreKey,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  additionalData: Uint8Array
): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(
      await webCrypto().subtle.decrypt(
        { name: 'AES-GCM', iv, additionalData, tagLength: 128 },
        key,
        ciphertext
      )
    )
  } catch {
    return null
  }
}

const KEY_CHECK_AAD = utf8('keyCheck')

/** base64( iv[12] ‖ AES-GCM(KEY_CHECK_TEXT, aad = "keyCheck") ). */
export async function makeKeyCheck(key: StoreKey): Promise<string> {
  const iv = newIv()
  return toBase64(concatBytes([iv, await encryptBytes(key, iv, utf8(KEY_CHECK_TEXT), KEY_CHECK_AAD)]))
}

/** True when `key` (from the typed passphrase) is the key `keyCheck` was made with. */
export async function verifyKeyCheck(key: StoreKey, keyCheck: string): Promise<boolean> {
  const bytes = fromBase64(keyCheck)
  if (!bytes || bytes.length !== IV_BYTES + KEY_CHECK_TEXT.length + GCM_TAG_BYTES) return false
  const plain = await decryptBytes(key, bytes.subarray(0, IV_BYTES), bytes.subarray(IV_BYTES), KEY_CHECK_AAD)
  return plain !== null && new TextDecoder().decode(plain) === KEY_CHECK_TEXT
}
