import { describe, expect, it } from 'vitest'
import { utf8 } from '@shared/sync/bytes'
import {
  decryptBytes,
  deriveStoreKey,
  encryptBytes,
  makeKeyCheck,
  newIv,
  newSalt,
  STORE_KEY_ITERATIONS,
  verifyKeyCheck
} from '@shared/sync/crypto'
import { SALT, TEST_ITERATIONS } from './fixtures'

describe('store key', () => {
  it('uses at least 600 000 PBKDF2 iterations by default', async () => {
    expect(STORE_KEY_ITERATIONS).toBeGreaterThanOrEqual(600_000)
    // The default really is what deriveStoreKey uses: a key derived with it matches the explicit count.
    const byDefault = await deriveStoreKey('门店密码', SALT)
    const explicit = await deriveStoreKey('门店密码', SALT, STORE_KEY_ITERATIONS)
    const check = await makeKeyCheck(byDefault)
    expect(await verifyKeyCheck(explicit, check)).toBe(true)
    expect(await verifyKeyCheck(await deriveStoreKey('门店密码', SALT, TEST_ITERATIONS), check)).toBe(false)
  })

  it('gives a non-extractable AES-GCM key', async () => {
    const key = await deriveStoreKey('pw', SALT, TEST_ITERATIONS)
    expect(key.algorithm.name).toBe('AES-GCM')
    expect(key.extractable).toBe(false)
  })

  it('refuses a nonsensical iteration count', async () => {
    await expect(deriveStoreKey('pw', SALT, 0)).rejects.toThrow()
  })

  it('the key check tells the right passphrase from a wrong one (and salts matter)', async () => {
    const key = await deriveStoreKey('门店密码', SALT, TEST_ITERATIONS)
    const check = await makeKeyCheck(key)
    expect(await verifyKeyCheck(await deriveStoreKey('门店密码', SALT, TEST_ITERATIONS), check)).toBe(true)
    expect(await verifyKeyCheck(await deriveStoreKey('门店密码!', SALT, TEST_ITERATIONS), check)).toBe(false)
    expect(await verifyKeyCheck(await deriveStoreKey('门店密码', newSalt(), TEST_ITERATIONS), check)).toBe(
      false
    )
    expect(await verifyKeyCheck(key, 'not base64!')).toBe(false)
    expect(check).not.toContain('门店密码')
  })

  it('the same characters from different input methods (NFC vs NFD) give the same key', async () => {
    const nfc = await deriveStoreKey('café', SALT, TEST_ITERATIONS)
    const nfd = await deriveStoreKey('cafe\u0301', SALT, TEST_ITERATIONS)
    expect(await verifyKeyCheck(nfd, await makeKeyCheck(nfc))).toBe(true)
  })

  it('AES-GCM authenticates the additional data', async () => {
    const key = await deriveStoreKey('pw', SALT, TEST_ITERATIONS)
    const iv = newIv()
    const sealed = await encryptBytes(key, iv, utf8('body'), utf8('header'))
    expect(await decryptBytes(key, iv, sealed, utf8('header'))).toEqual(utf8('body'))
    expect(await decryptBytes(key, iv, sealed, utf8('headeR'))).toBeNull()
  })
})
