import { describe, expect, it } from 'vitest'
import { fromUtf8, utf8 } from '@shared/sync/bytes'
import { decodeSegment, encodeSegment } from '@shared/sync/segment'
import { createStoreFile, MAX_STORE_KEY_ITERATIONS, parseStoreFile, unlockStore } from '@shared/sync/store'
import { change, TEST_ITERATIONS } from './fixtures'
import { zhCN } from '@/i18n/zh-CN'

describe('store.json', () => {
  it('records salt, iterations and key check — never the passphrase', async () => {
    const { store, bytes } = await createStoreFile({
      storeId: 'store1',
      createdAt: 5,
      passphrase: '上海路店-秘密',
      iterations: TEST_ITERATIONS
    })
    const text = fromUtf8(bytes) as string
    expect(text).not.toContain('上海路店-秘密')
    expect(store.encryption).toMatchObject({
      alg: 'AES-256-GCM',
      kdf: 'PBKDF2-SHA256',
      iterations: TEST_ITERATIONS
    })
    expect(parseStoreFile(bytes)).toEqual({ ok: true, store })
  })

  it('a store without passphrase has encryption null', async () => {
    const { store, encryption } = await createStoreFile({ storeId: 'store1', createdAt: 5 })
    expect(store.encryption).toBeNull()
    expect(encryption).toBeUndefined()
  })

  it('detects and explains a wrong passphrase before any segment is read', async () => {
    const { store } = await createStoreFile({
      storeId: 'store1',
      createdAt: 5,
      passphrase: '对的密码',
      iterations: TEST_ITERATIONS
    })
    expect(await unlockStore(store, '错的密码')).toMatchObject({ ok: false, problem: 'wrongPassphrase' })
    expect(zhCN.syncPage.problem.wrongPassphrase).toContain('密码不正确')
    const unlocked = await unlockStore(store, '对的密码')
    if (!unlocked.ok) throw new Error(unlocked.detail)
    const seg = await encodeSegment({
      storeId: 'store1',
      deviceId: 'pcA',
      seq: 1,
      prevHash: '',
      schemaVersion: 3,
      createdAt: 1,
      changes: [change()],
      encryption: unlocked.encryption
    })
    expect(await decodeSegment(seg, { key: unlocked.encryption.key })).toMatchObject({ ok: true })
  })

  it('keeps a newer major pending, reads a newer minor with unknown fields', async () => {
    const { store } = await createStoreFile({ storeId: 'store1', createdAt: 5 })
    expect(
      parseStoreFile(utf8(JSON.stringify({ ...store, formatVersion: { major: 2, minor: 0 } })))
    ).toMatchObject({ ok: false, problem: 'futureFormat' })
    const newer = parseStoreFile(
      utf8(JSON.stringify({ ...store, formatVersion: { major: 1, minor: 4 }, region: 'east' }))
    )
    expect(newer).toMatchObject({ ok: true, store: { region: 'east' } })
    expect(parseStoreFile(utf8('{"kind":"store"'))).toMatchObject({ ok: false, problem: 'invalidJson' })
  })

  it('refuses a store.json asking for an absurd PBKDF2 iteration count (unlocking would hang)', async () => {
    const { store } = await createStoreFile({
      storeId: 'store1',
      createdAt: 5,
      passphrase: '对的密码',
      iterations: TEST_ITERATIONS
    })
    const info = store.encryption as NonNullable<typeof store.encryption>
    const at = (iterations: number) =>
      parseStoreFile(utf8(JSON.stringify({ ...store, encryption: { ...info, iterations } })))
    expect(at(MAX_STORE_KEY_ITERATIONS)).toMatchObject({ ok: true })
    expect(at(MAX_STORE_KEY_ITERATIONS + 1)).toMatchObject({ ok: false, problem: 'invalidJson' })
    expect(at(2 ** 40)).toMatchObject({ ok: false, problem: 'invalidJson' })
  })
})
