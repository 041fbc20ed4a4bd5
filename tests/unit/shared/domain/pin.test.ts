import { describe, expect, it } from 'vitest'
import {
  hashPin,
  hashPinLegacy,
  needsRehash,
  PIN_SCRYPT,
  pinFormSchema,
  pinSchema,
  verifyPin
} from '@shared/domain/pin'

// Issue 17 point 6: "a 4-digit PIN falls to a guess in minutes (PBKDF2 210 000 iterations, 53 ms each)".
// New verifiers are memory-hard (scrypt, 64 MiB a guess); old PBKDF2 ones still verify and are
// flagged for a re-hash. One scrypt hash costs ~0.5 s, so the tests share a few.

describe('hashPin / verifyPin', () => {
  it('makes a memory-hard scrypt verifier (N=2^16, r=8, p=2), not PBKDF2', async () => {
    expect(PIN_SCRYPT).toEqual({ N: 65_536, r: 8, p: 2 })
    const stored = await hashPin('1234')
    expect(stored).toMatch(/^scrypt\$16\$8\$2\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/)
    expect(stored).not.toMatch(/pbkdf2/)
    // 64 MiB of memory a guess: 128 · r · N bytes
    expect(128 * PIN_SCRYPT.r * PIN_SCRYPT.N).toBe(64 * 1024 * 1024)
    const [, , , , salt = '', hash = ''] = stored.split('$')
    expect(atob(salt)).toHaveLength(16)
    expect(atob(hash)).toHaveLength(32)
    expect(needsRehash(stored)).toBe(false)
    await expect(verifyPin('1234', stored)).resolves.toBe(true)
    await expect(verifyPin('1235', stored)).resolves.toBe(false)
    await expect(verifyPin('12345', stored)).resolves.toBe(false)
    await expect(verifyPin('', stored)).resolves.toBe(false)
    // the same salt and hash claimed under another cost no longer match
    await expect(verifyPin('1234', stored.replace('scrypt$16$8$2$', 'scrypt$16$8$1$'))).resolves.toBe(false)
    // salted anew each time
    const again = await hashPin('1234')
    expect(again.split('$')[4]).not.toBe(stored.split('$')[4])
    expect(again.split('$')[5]).not.toBe(stored.split('$')[5])
  })

  it('still verifies a PBKDF2 verifier made before issue 17, and flags it for a re-hash', async () => {
    const legacy = await hashPinLegacy('246810')
    expect(legacy).toMatch(/^pbkdf2-sha256\$210000\$/)
    expect(needsRehash(legacy)).toBe(true)
    await expect(verifyPin('246810', legacy)).resolves.toBe(true)
    await expect(verifyPin('246811', legacy)).resolves.toBe(false)
    // the same salt and hash claimed under another count no longer match
    await expect(verifyPin('246810', legacy.replace('$210000$', '$210001$'))).resolves.toBe(false)
  })

  it('treats a malformed stored string as not matching, without throwing (a forged huge cost is refused unread)', async () => {
    const good = await hashPinLegacy('1234', 1_000)
    const [algo, count, salt, hash] = good.split('$') as [string, string, string, string]
    const s = `${salt}$${hash}`
    const malformed = [
      '',
      '1234',
      'pbkdf2-sha256',
      'scrypt',
      `${algo}$${count}$${salt}`,
      `${good}$extra`,
      `md5$${count}$${salt}$${hash}`,
      `${algo}$abc$${salt}$${hash}`,
      `${algo}$0$${salt}$${hash}`,
      `${algo}$-5$${salt}$${hash}`,
      `${algo}$999999999$${salt}$${hash}`,
      `${algo}$${count}$$${hash}`,
      `${algo}$${count}$%%%$${hash}`,
      `${algo}$${count}$${salt}$${hash.slice(0, 10)}`,
      `${algo}$${count}$${salt}$not*base64`,
      `scrypt$30$8$1$${s}`,
      `scrypt$10$8$1$${s}`,
      `scrypt$16$64$1$${s}`,
      `scrypt$16$8$9$${s}`,
      `scrypt$16$8$0$${s}`,
      `scrypt$16$8$2$${salt}`,
      `scrypt$16$8$2$$${hash}`,
      `scrypt$x$8$2$${s}`
    ]
    for (const stored of malformed) await expect(verifyPin('1234', stored), stored).resolves.toBe(false)
  })

  it('rejects a legacy iteration count out of range when hashing', async () => {
    await expect(hashPinLegacy('1234', 0)).rejects.toThrow(RangeError)
    await expect(hashPinLegacy('1234', 1.5)).rejects.toThrow(RangeError)
  })
})

describe('pinSchema', () => {
  it.each([
    ['1234', '1234'],
    ['１２３４', '1234'],
    ['123456', '123456'],
    [' 0000 ', '0000'],
    ['１２3４５６', '123456']
  ])('accepts %j as %j', (input, output) => {
    expect(pinSchema.parse(input)).toBe(output)
  })

  it.each([
    ['123', 'validation.pin'],
    ['1234567', 'validation.pin'],
    ['abcd', 'validation.pin'],
    ['12 34', 'validation.pin'],
    ['１２３', 'validation.pin'],
    ['', 'validation.required'],
    ['   ', 'validation.required']
  ])('rejects %j with %s', (input, message) => {
    const result = pinSchema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(message)
  })
})

describe('pinFormSchema', () => {
  it('accepts the same PIN twice, full-width or not', () => {
    expect(pinFormSchema.parse({ pin: '１２３４', confirm: '1234' })).toEqual({
      pin: '1234',
      confirm: '1234'
    })
  })

  it('reports a mismatch on the second field', () => {
    const result = pinFormSchema.safeParse({ pin: '1234', confirm: '1243' })
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['confirm'], message: 'validation.pinMismatch' })
    ])
  })

  it('reports a malformed PIN on the first field', () => {
    const result = pinFormSchema.safeParse({ pin: '12', confirm: '12' })
    expect(result.error?.issues[0]).toMatchObject({ path: ['pin'], message: 'validation.pin' })
  })
})
