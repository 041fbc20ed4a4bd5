import { describe, expect, it } from 'vitest'
import { PIN_HASH_ITERATIONS, hashPin, pinFormSchema, pinSchema, verifyPin } from '@shared/domain/pin'

// A low count keeps the suite fast; the default is checked once on its own.
const FAST = 1_000

describe('hashPin / verifyPin', () => {
  it('verifies the PIN a hash was made from, with the default 210 000 iterations written into it', async () => {
    expect(PIN_HASH_ITERATIONS).toBe(210_000)
    const stored = await hashPin('1234')
    expect(stored).toMatch(/^pbkdf2-sha256\$210000\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/)
    // the salt is 16 random bytes, the hash 32 bytes
    const [, , salt = '', hash = ''] = stored.split('$')
    expect(atob(salt)).toHaveLength(16)
    expect(atob(hash)).toHaveLength(32)
    expect(stored).not.toContain('1234$')
    await expect(verifyPin('1234', stored)).resolves.toBe(true)
  })

  it('refuses a wrong PIN', async () => {
    const stored = await hashPin('1234', FAST)
    await expect(verifyPin('1235', stored)).resolves.toBe(false)
    await expect(verifyPin('12345', stored)).resolves.toBe(false)
    await expect(verifyPin('', stored)).resolves.toBe(false)
  })

  it('uses the iteration count named in the stored string', async () => {
    const stored = await hashPin('246810', FAST)
    expect(stored.split('$')[1]).toBe(String(FAST))
    await expect(verifyPin('246810', stored)).resolves.toBe(true)
    // the same salt and hash claimed under another count no longer match
    await expect(verifyPin('246810', stored.replace(`$${FAST}$`, `$${FAST + 1}$`))).resolves.toBe(false)
  })

  it('salts every hash anew: the same PIN twice gives different salts and hashes', async () => {
    const a = await hashPin('1234', FAST)
    const b = await hashPin('1234', FAST)
    expect(a).not.toBe(b)
    expect(a.split('$')[2]).not.toBe(b.split('$')[2])
    expect(a.split('$')[3]).not.toBe(b.split('$')[3])
    await expect(verifyPin('1234', a)).resolves.toBe(true)
    await expect(verifyPin('1234', b)).resolves.toBe(true)
  })

  it('treats a malformed stored string as not matching, without throwing', async () => {
    const good = await hashPin('1234', FAST)
    const [algo, count, salt, hash] = good.split('$') as [string, string, string, string]
    const malformed = [
      '',
      '1234',
      'pbkdf2-sha256',
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
      `${algo}$${count}$${salt}$not*base64`
    ]
    for (const stored of malformed) await expect(verifyPin('1234', stored), stored).resolves.toBe(false)
  })

  it('rejects an iteration count out of range when hashing', async () => {
    await expect(hashPin('1234', 0)).rejects.toThrow(RangeError)
    await expect(hashPin('1234', 1.5)).rejects.toThrow(RangeError)
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
