import { z } from 'zod'
import { fromBase64, toBase64 } from './bytes'
import {
  decryptBytes,
  encryptBytes,
  IV_BYTES,
  newIv,
  SALT_BYTES,
  verifyKeyCheck,
  type StoreKey
} from './crypto'
import { problem, type ProblemResult } from './problems'

// The `encryption` member of every file header, and turning a stored body into plaintext.
// An encrypted body is AES-256-GCM(plaintext) ‖ tag, with the file's exact header bytes as
// additional authenticated data: a header edited after writing (seq, device, covers …) fails.

export interface EncryptionParams {
  /** the store key (deriveStoreKey) */
  key: StoreKey
  /** as recorded in store.json, copied into each header so a file says how its key was made */
  salt: string
  iterations: number
  keyCheck: string
}

const b64 = (bytes: number) =>
  z.string().refine((s) => fromBase64(s)?.length === bytes, `base64 of ${bytes} bytes`)

export const encryptionSchema = z.discriminatedUnion('alg', [
  z.looseObject({ alg: z.literal('none') }),
  z.looseObject({
    alg: z.literal('AES-256-GCM'),
    kdf: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().positive(),
    salt: b64(SALT_BYTES),
    iv: b64(IV_BYTES),
    keyCheck: z.string()
  })
])
export type EncryptionInfo = z.infer<typeof encryptionSchema>

/** The header's encryption member for a new file (fresh IV each time). */
export function encryptionInfo(params: EncryptionParams | undefined): EncryptionInfo {
  if (!params) return { alg: 'none' }
  return {
    alg: 'AES-256-GCM',
    kdf: 'PBKDF2-SHA256',
    iterations: params.iterations,
    salt: params.salt,
    iv: toBase64(newIv()),
    keyCheck: params.keyCheck
  }
}

export async function sealBody(
  info: EncryptionInfo,
  key: StoreKey | undefined,
  plaintext: Uint8Array,
  headerBytes: Uint8Array
): Promise<Uint8Array> {
  if (info.alg === 'none') return plaintext
  if (!key) throw new Error('encryption requested without a key')
  return encryptBytes(key, fromBase64(info.iv) as Uint8Array, plaintext, headerBytes)
}

/** The plaintext body, or why it cannot be had. A failed decryption is told apart by the key check
 *  the header carries: it fails too → wrong passphrase (kept pending); it passes → the file was
 *  altered after it was written (quarantined). */
export async function openBody(
  info: EncryptionInfo,
  key: StoreKey | undefined,
  body: Uint8Array,
  headerBytes: Uint8Array
): Promise<{ ok: true; plaintext: Uint8Array } | ProblemResult> {
  if (info.alg === 'none') return { ok: true, plaintext: body }
  if (!key) return problem('needsPassphrase', 'body is encrypted (AES-256-GCM) and no store key was given')
  const plaintext = await decryptBytes(key, fromBase64(info.iv) as Uint8Array, body, headerBytes)
  if (plaintext) return { ok: true, plaintext }
  if (!(await verifyKeyCheck(key, info.keyCheck)))
    return problem('wrongPassphrase', 'the store key does not match the key check in the header')
  return problem('tampered', 'AES-GCM authentication failed with the right key: header or body altered')
}
