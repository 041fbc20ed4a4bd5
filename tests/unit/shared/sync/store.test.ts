import { describe, expect, it } from 'vitest'
import { fromUtf8, utf8 } from '@shared/sync/bytes'
import { decodeSegment, encodeSegment } from '@shared/sync/segment'
import { STORE_KEY_ITERATIONS } from '@shared/sync/crypto'
import {
  createStoreFile,
  MAX_STORE_KEY_ITERATIONS,
  MIN_STORE_KEY_ITERATIONS,
  parseStoreFile,
  unlockStore
} from '@shared/sync/store'
import { change } from './fixtures'
import { zhCN } from '@/i18n/zh-CN'

describe('store.json', () => {
  it('records salt, iterations and key check — never the passphrase', async () => {
    const { store, bytes } = await createStoreFile({
      storeId: 'store1',
      createdAt: 5,
      passphrase: '上海路店-秘密'
    })
    const text = fromUtf8(bytes) as string
    expect(text).not.toContain('上海路店-秘密')
    expect(store.encryption).toMatchObject({
      alg: 'AES-256-GCM',
      kdf: 'PBKDF2-SHA256',
      iterations: 600_000
    })
    expect(parseStoreFile(bytes)).toEqual({ ok: true, store })
  })

  it('a store without passphrase has encryption null', async () => {
    const { store, unlocked } = await createStoreFile({ storeId: 'store1', createdAt: 5 })
    expect(store.encryption).toBeNull()
    expect(unlocked).toBeUndefined()
  })

  it('detects and explains a wrong passphrase before any segment is read', async () => {
    const { store } = await createStoreFile({
      storeId: 'store1',
      createdAt: 5,
      passphrase: '对的密码'
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
      passphrase: '对的密码'
    })
    const info = store.encryption as NonNullable<typeof store.encryption>
    const at = (iterations: number) =>
      parseStoreFile(utf8(JSON.stringify({ ...store, encryption: { ...info, iterations } })))
    expect(at(MAX_STORE_KEY_ITERATIONS)).toMatchObject({ ok: true })
    expect(at(MAX_STORE_KEY_ITERATIONS + 1)).toMatchObject({ ok: false, problem: 'invalidJson' })
    expect(at(2 ** 40)).toMatchObject({ ok: false, problem: 'invalidJson' })
  })

  it('refuses a store.json with fewer than 600 000 PBKDF2 iterations (issue 17), before deriving anything', async () => {
    expect(MIN_STORE_KEY_ITERATIONS).toBe(600_000)
    expect(STORE_KEY_ITERATIONS).toBeGreaterThanOrEqual(MIN_STORE_KEY_ITERATIONS)
    const { store } = await createStoreFile({ storeId: 'store1', createdAt: 5, passphrase: '对的密码' })
    const info = store.encryption as NonNullable<typeof store.encryption>
    expect(info.iterations).toBe(600_000) // what the app writes, and has always written
    const at = (iterations: number) =>
      parseStoreFile(utf8(JSON.stringify({ ...store, encryption: { ...info, iterations } })))
    for (const weak of [1, 1_000, 210_000, 599_999])
      expect(at(weak), String(weak)).toMatchObject({ ok: false, problem: 'weakKdf', disposition: 'pending' })
    expect(at(600_000)).toMatchObject({ ok: true })
    expect(at(1_200_000)).toMatchObject({ ok: true })
    expect(zhCN.syncPage.problem.weakKdf).toContain('600 000')
    // unlockStore refuses such parameters too, without running PBKDF2 on them
    const weakStore = { ...store, encryption: { ...info, iterations: 1 } }
    expect(await unlockStore(weakStore, '对的密码')).toMatchObject({ ok: false, problem: 'weakKdf' })
    // and the app never writes one
    for (const iterations of [1, 599_999, MAX_STORE_KEY_ITERATIONS + 1])
      await expect(
        createStoreFile({ storeId: 'store1', createdAt: 5, passphrase: '对的密码', iterations })
      ).rejects.toThrow('PBKDF2 iterations')
  })
})
