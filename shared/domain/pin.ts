import { scryptAsync } from '@noble/hashes/scrypt'
import { z } from 'zod'
import { toHalfWidth } from '@shared/text'

// Staff PINs (docs/design.md §2 "staff switch … (PIN)", §3.5 the incoming clerk acknowledges a handover).
// Only a salted hash (the "verifier") is ever stored; the PIN itself never leaves the form.
// Issue 17 point 6: a 4-digit PIN has 10 000 values, so no hash a counter PC can check in a moment
// makes a stolen verifier safe by itself. Hence (docs/security.md §4): verifiers never reach an
// unencrypted share (shared/sync/plainShare.ts), wrong PINs lock the 工号 (pinLockout.ts), and the
// hash is memory-hard — scrypt N=2^16, r=8, p=2 (64 MiB and ~0.5 s per guess; OWASP's scrypt
// setting) from @noble/hashes — so each guess costs memory a GPU cannot spread thin. Verifiers made
// before (PBKDF2-SHA256, 210 000 iterations) still verify, and a right PIN re-hashes them
// (needsRehash), so nobody is locked out by the upgrade.

export const PIN_SCRYPT = { N: 2 ** 16, r: 8, p: 2 } as const
/** The PBKDF2 count of verifiers made before issue 17 (still accepted, upgraded on use). */
export const LEGACY_PIN_HASH_ITERATIONS = 210_000

const ALGORITHM = 'scrypt'
const LEGACY_ALGORITHM = 'pbkdf2-sha256'
const SALT_BYTES = 16
const HASH_BYTES = 32
/** A stored count above this is treated as malformed: checking it would freeze the counter PC. */
const MAX_ITERATIONS = 10_000_000
/** scrypt costs accepted from a stored verifier (a forged huge N would freeze the PC, a tiny one is weak). */
const MIN_LOG_N = 14
const MAX_LOG_N = 18
const MAX_P = 8

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

async function derivePbkdf2(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number
): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BYTES * 8
  )
  return new Uint8Array(bits)
}

function deriveScrypt(pin: string, salt: Uint8Array, cost: { N: number; r: number; p: number }) {
  // asyncTick: yields to the event loop every 10 ms, so the desk stays responsive while it works
  return scryptAsync(new TextEncoder().encode(pin), salt, { ...cost, dkLen: HASH_BYTES, asyncTick: 10 })
}

/** `scrypt$<log2 N>$<r>$<p>$<saltB64>$<hashB64>` with a fresh random 16-byte salt. */
export async function hashPin(pin: string): Promise<string> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await deriveScrypt(pin, salt, PIN_SCRYPT)
  const logN = Math.log2(PIN_SCRYPT.N)
  return `${ALGORITHM}$${logN}$${PIN_SCRYPT.r}$${PIN_SCRYPT.p}$${toBase64(salt)}$${toBase64(hash)}`
}

/** A verifier as made before issue 17 (PBKDF2-SHA256); only tests make new ones. */
export async function hashPinLegacy(
  pin: string,
  iterations: number = LEGACY_PIN_HASH_ITERATIONS
): Promise<string> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)
    throw new RangeError(`iterations out of range: ${iterations}`)
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derivePbkdf2(pin, salt, iterations)
  return `${LEGACY_ALGORITHM}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`
}

/** True when `stored` is not of today's kind and cost: a right PIN should replace it with hashPin's. */
export function needsRehash(stored: string): boolean {
  const parts = stored.split('$')
  return !(
    parts[0] === ALGORITHM &&
    parts[1] === String(Math.log2(PIN_SCRYPT.N)) &&
    parts[2] === String(PIN_SCRYPT.r) &&
    parts[3] === String(PIN_SCRYPT.p)
  )
}

/** Every byte is compared whatever differs first, so timing says nothing about how close a guess was. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number)
  return diff === 0
}

async function verifyScrypt(pin: string, parts: string[]): Promise<boolean> {
  if (parts.length !== 6) return false
  const [, logNText = '', rText = '', pText = '', saltText = '', hashText = ''] = parts
  if (!/^\d{1,2}$/.test(logNText) || rText !== '8' || !/^[1-9]$/.test(pText)) return false
  const logN = Number(logNText)
  const p = Number(pText)
  if (logN < MIN_LOG_N || logN > MAX_LOG_N || p > MAX_P) return false
  const salt = fromBase64(saltText)
  const expected = fromBase64(hashText)
  if (!salt || salt.length === 0 || !expected || expected.length !== HASH_BYTES) return false
  return sameBytes(await deriveScrypt(pin, salt, { N: 2 ** logN, r: 8, p }), expected)
}

async function verifyPbkdf2(pin: string, parts: string[]): Promise<boolean> {
  if (parts.length !== 4) return false
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
  return sameBytes(await derivePbkdf2(pin, salt, iterations), expected)
}

/** True when `pin` is the one `stored` was made from (scrypt, or a legacy PBKDF2 verifier); a
 *  malformed `stored` is simply false. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts[0] === ALGORITHM) return verifyScrypt(pin, parts)
  if (parts[0] === LEGACY_ALGORITHM) return verifyPbkdf2(pin, parts)
  return false
}
