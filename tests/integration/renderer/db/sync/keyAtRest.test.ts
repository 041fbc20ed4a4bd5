import 'fake-indexeddb/auto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fromBase64 } from '@shared/sync/bytes'
import { deriveStoreKeyBytes } from '@shared/sync/crypto'
import { parseStoreFile, STORE_FILE } from '@shared/sync/store'
import { completeSetup } from '@/db/setup'
import { createStoreOnShare, joinStoreOnShare } from '@/db/sync/storeChoice'
import {
  forgetKeyInMemory,
  LEGACY_STORE_KEY_KEY,
  loadStoreKey,
  STORE_ENCRYPTION_KEY
} from '@/db/sync/storeKey'
import { syncOnce } from '@/db/sync/syncOnce'
import { STORE_KEY_FILE } from '../../../../../electron/services'
import { pc, shareKeeper, type Pc } from './harness'
import { createMainKeyVault } from './mainKeyVault'

// Issue 17 point 6: the derived store key sat raw in IndexedDB (a CryptoKey's bytes end up verbatim in
// Chromium's LevelDB files). Now IndexedDB holds only store.json's public parameters; main keeps the
// key wrapped by the OS key store (safeStorage; a stand-in here), and the data layer holds it in memory.

const shares = shareKeeper()
const vaults: { dispose(): Promise<void> }[] = []
afterEach(async () => {
  await shares.disposeAll()
  for (const v of vaults.splice(0)) await v.dispose()
})

const PASS = '幸福路店 2026 kefu'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** Everything stored anywhere in this PC's IndexedDB that could be, or hold, the key. */
async function keyLikeValues(ctx: Pc, raw: Uint8Array): Promise<string[]> {
  const found: string[] = []
  const rawHex = hex(raw)
  const rawB64 = b64(raw)
  const walk = (value: unknown, where: string, depth = 0): void => {
    if (depth > 40 || value === null || value === undefined) return
    if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) found.push(`${where}: CryptoKey`)
    else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer)
      if (hex(bytes).includes(rawHex)) found.push(`${where}: raw key bytes`)
    } else if (typeof value === 'string') {
      if (value.includes(rawB64) || value.toLowerCase().includes(rawHex)) found.push(`${where}: key as text`)
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        walk(v, `${where}.${k}`, depth + 1)
    }
  }
  for (const table of ctx.db.tables)
    for (const row of (await table.toArray()) as unknown[]) walk(row, table.name)
  return found
}

async function managedPc(
  deviceId: string,
  deviceCode: string,
  vault: Awaited<ReturnType<typeof createMainKeyVault>>
) {
  const ctx = await pc(deviceId, deviceCode, 0, { joined: false, keyVault: vault.vault })
  await completeSetup(ctx, {
    storeName: '幸福路店',
    managerStaffNo: '8001',
    managerName: '李经理',
    deviceName: deviceId,
    deviceCode
  })
  return ctx
}

describe('the store key at rest', () => {
  it('after 新建门店共享 and 加入已有门店 no table or meta row holds the key; main keeps it only wrapped', async () => {
    const share = await shares.make()
    const mainA = await createMainKeyVault()
    const mainB = await createMainKeyVault()
    vaults.push(mainA, mainB)
    const a = await managedPc('pcA', 'A1', mainA)
    await createStoreOnShare(a, share, { passphrase: PASS, byStaffNo: '8001' })
    const b = await pc('pcB', 'B1', 0, { joined: false, keyVault: mainB.vault })
    await joinStoreOnShare(b, share, PASS)

    const parsed = parseStoreFile(await share.read(STORE_FILE))
    if (!parsed.ok || !parsed.store.encryption) throw new Error('no encrypted store.json')
    const info = parsed.store.encryption
    const raw = await deriveStoreKeyBytes(PASS, fromBase64(info.salt) as Uint8Array, info.iterations)

    for (const ctx of [a, b]) {
      expect(await keyLikeValues(ctx, raw)).toEqual([])
      // what is remembered: store.json's public parameters, nothing more
      expect((await ctx.db.meta.get(STORE_ENCRYPTION_KEY))?.value).toEqual({
        alg: 'AES-256-GCM',
        kdf: 'PBKDF2-SHA256',
        iterations: info.iterations,
        salt: info.salt,
        keyCheck: info.keyCheck
      })
      expect(await ctx.db.meta.get(LEGACY_STORE_KEY_KEY)).toBeUndefined()
    }
    // main's file: wrapped bytes only, for exactly this store and key check
    for (const main of [mainA, mainB]) {
      const text = await readFile(join(main.userData, STORE_KEY_FILE), 'utf8')
      expect(text).not.toContain(b64(raw))
      expect(text.toLowerCase()).not.toContain(hex(raw))
      expect(JSON.parse(text)).toMatchObject({ storeId: parsed.store.storeId, keyCheck: info.keyCheck })
    }
    // and it is what a restart syncs with
    forgetKeyInMemory(b.db)
    const kept = await loadStoreKey(b.db, b.keyVault)
    expect(await syncOnce(b, share, kept ? { encryption: kept } : {})).toMatchObject({ state: 'synced' })
    expect(await keyLikeValues(b, raw)).toEqual([])
  })

  it('a key an earlier version kept in IndexedDB is removed; the PC still knows its store is encrypted', async () => {
    const share = await shares.make()
    const main = await createMainKeyVault()
    vaults.push(main)
    const a = await managedPc('pcA', 'A1', main)
    await createStoreOnShare(a, share, { passphrase: PASS, byStaffNo: '8001' })
    const parsed = parseStoreFile(await share.read(STORE_FILE))
    if (!parsed.ok || !parsed.store.encryption) throw new Error('no encrypted store.json')
    const info = parsed.store.encryption
    const raw = await deriveStoreKeyBytes(PASS, fromBase64(info.salt) as Uint8Array, info.iterations)
    // As before issue 17: the CryptoKey with its parameters in meta, and nothing else remembered.
    const b = await pc('pcB', 'B1', 0, { joined: true })
    await b.db.meta.put({ key: 'sync.storeId', value: parsed.store.storeId })
    const legacyKey = await crypto.subtle.importKey(
      'raw',
      new Uint8Array(raw),
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt']
    )
    await b.db.meta.put({
      key: LEGACY_STORE_KEY_KEY,
      value: { key: legacyKey, salt: info.salt, iterations: info.iterations, keyCheck: info.keyCheck }
    })
    expect(await keyLikeValues(b, raw)).not.toEqual([])

    const report = await syncOnce(b, share, {})
    expect(report.problems.map((p) => p.code)).toEqual(['needsKey'])
    expect(await keyLikeValues(b, raw)).toEqual([])
    expect((await b.db.meta.get(STORE_ENCRYPTION_KEY))?.value).toMatchObject({ keyCheck: info.keyCheck })
    // a plain store.json now is tampering, not a reason to write plain text
    await share.remove(STORE_FILE)
    await share.writeNew(
      STORE_FILE,
      new TextEncoder().encode(JSON.stringify({ ...parsed.store, encryption: null }))
    )
    expect((await syncOnce(b, share, {})).problems.map((p) => p.code)).toEqual(['storeTampered'])
  })
})
