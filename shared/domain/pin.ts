import { z } from 'zod'
import { toHalfWidth } from '@shared/text'

// Staff PINs (docs/design.md §2 "staff switch … (PIN)", §3.5 the incoming clerk acknowledges a handover).
// Only a salted PBKDF2 hash is ever stored or synced; the PIN itself never leaves the form.
// WebCrypto (globalThis.crypto.subtle) is the same API in Chromium and in Node 20 (tests).

/** PBKDF2-SHA256 work factor for new hashes (OWASP's figure for PBKDF2-HMAC-SHA256). Stored
 *  hashes name their own count, so raising this later leaves existing PINs valid. */
export const PIN_HASH_ITERATIONS = 210_000

const ALGORITHM = 'pbkdf2-sha256'
const SALT_BYTES = 16
const HASH_BYTES = 32
/** A stored count above this is treated as malformed: checking it would freeze the counter PC. */
const MAX_ITERATIONS = 10_000_000

/** What typing a PIN on a Chinese keyboard can produce (full-width digits, stray spaces) made plain. */
export function normalisePin(raw: string): string {
  return toHalfWidth(raw).trim()
}

/** 4–6 digits; messages are i18n keys. Output is the normalised ASCII PIN. */
export const pinSchema = z
  .string()
  .transform(normalisePin)
  .pipe(
    z
      .string()
      .min(1, 'validation.required')
      .regex(/^\d{4,6}$/, 'validation.pin')
  )

/** 设置PIN dialog: the PIN twice, so a slip of the finger does not lock the clerk out. */
export const pinFormSchema = z
  .object({ pin: pinSchema, confirm: z.string().transform(normalisePin) })
  .refine((v) => v.pin === v.confirm, { path: ['confirm'], message: 'validation.pinMismatch' })
export type PinForm = z.input<typeof pinFormSchema>

/** Outcome of checking a 工号 and PIN against the staff list (data layer: checkStaffPin). */
export type PinCheckResult = 'ok' | 'wrong' | 'noPin' | 'unknownStaff' | 'inactive'

function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (const b of bytes) text += String.fromCharCode(b)
  return btoa(text)
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BYTES * 8
  )
  return new Uint8Array(bits)
}

/** `pbkdf2-sha256$<iterations>$<saltB64>$<hashB64>` with a fresh random 16-byte salt. */
export async function hashPin(pin: string, iterations: number = PIN_HASH_ITERATIONS): Promise<string> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)
    throw new RangeError(`iterations out of range: ${iterations}`)
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(pin, salt, iterations)
  return `${ALGORITHM}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`
}

/** Every byte is compared whatever differs first, so timing says nothing about how close a guess was. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number)
  return diff === 0
}

/** True when `pin` is the one `stored` was made from; a malformed `stored` is simply false. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 4 || parts[0] !== ALGORITHM) return false
  const [, countText = '', saltText = '', hashText = ''] = parts
  if (!/^[1-9]\d{0,7}$/.test(countText)) return false
  const iterations = Number(countText)
  const salt = fromBase64(saltText)
  const expected = fromBase64(hashText)
  if (
    iterations > MAX_ITERATIONS ||
    !salt ||
    salt.length === 0 ||
    !expected ||
    expected.length !== HASH_BYTES
  )
    return false
  return sameBytes(await derive(pin, salt, iterations), expected)
}
