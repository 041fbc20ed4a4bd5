import 'fake-indexeddb/auto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseStoreFile, STORE_FILE } from '@shared/sync/store'
import { addStaff } from '@/db/staff'
import { completeSetup } from '@/db/setup'
import {
  createStoreOnShare,
  inspectShare,
  joinStoreOnShare,
  StoreChoiceError,
  unlockJoinedStore
} from '@/db/sync/storeChoice'
import { forgetKeyInMemory, loadStoreKey, STORE_ENCRYPTION_KEY } from '@/db/sync/storeKey'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { STORE_ID_KEY } from '@/db/sync/storeAccess'
import { createMainKeyVault } from './mainKeyVault'
import { device, freshData } from '../helpers'
import { intake, pc, shareKeeper, syncedState, BASE_TIME, type Pc } from './harness'
import type { RealShare } from './realShare'
import { worded, wordedReport } from './worded'

// 新建门店共享 with a passphrase, 加入已有门店 / 输入共享密码 with it, and the key kept on this PC.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const PASS = '幸福路店 2026 kefu'
/** set by the manager of the PC that creates the share (PBKDF2 at the production 600 000: ~0.1 s) */
const FAST = { byStaffNo: '8001' }

/** A PC whose first-run setup made 8001 李经理 its manager. */
async function managedPc(deviceId: string, deviceCode: string): Promise<Pc> {
  const ctx = await pc(deviceId, deviceCode, 0, { joined: false })
  await completeSetup(ctx, {
    storeName: '幸福路店',
    managerStaffNo: '8001',
    managerName: '李经理',
    deviceName: deviceId,
    deviceCode
  })
  return ctx
}

/** Every file on the share, recursively, as raw bytes. */
async function allBytes(share: RealShare, dir = share.root): Promise<Buffer[]> {
  const out: Buffer[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await allBytes(share, path)))
    else out.push(await readFile(path))
  }
  return out
}

describe('a store share with a passphrase', () => {
  it('store.json says how to derive and check the key, and holds no passphrase', async () => {
    const share = await shares.make()
    const a = await managedPc('pcA', 'A1')
    const storeId = await createStoreOnShare(a, share, { passphrase: PASS, ...FAST })
    const bytes = await share.read(STORE_FILE)
    const parsed = parseStoreFile(bytes)
    expect(parsed).toMatchObject({
      ok: true,
      store: { storeId, encryption: { alg: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: 600_000 } }
    })
    const text = new TextDecoder().decode(bytes)
    expect(text).not.toContain(PASS)
    expect(text).not.toContain('幸福路店')
    const kept = await loadStoreKey(a.db, a.keyVault)
    expect(kept?.key).toMatchObject({ type: 'secret', extractable: false, algorithm: { name: 'AES-GCM' } })
    expect(await inspectShare(a, share)).toMatchObject({
      state: 'store',
      encrypted: true,
      joined: true,
      unlocked: true
    })
  })

  it('only an active manager sets a passphrase: anyone else is refused and nothing is written', async () => {
    const share = await shares.make()
    const a = await managedPc('pcA', 'A1')
    await addStaff(a, '8001', { staffNo: '1001', name: '王专员', role: 'clerk' })
    const before = await a.db.meta.toArray()
    for (const byStaffNo of ['1001', '9999', undefined]) {
      const options = { passphrase: PASS, ...(byStaffNo ? { byStaffNo } : {}) }
      await expect(createStoreOnShare(a, share, options)).rejects.toThrow(new StoreChoiceError('managerOnly'))
    }
    expect(await share.files()).toEqual([])
    expect(await a.db.meta.toArray()).toEqual(before)
  })

  it('joining needs the passphrase: none or a wrong one writes nothing to meta, the right one joins', async () => {
    const share = await shares.make()
    const a = await managedPc('pcA', 'A1')
    const storeId = await createStoreOnShare(a, share, { passphrase: PASS, ...FAST })
    const b = await pc('pcB', 'B1', 0, { joined: false })
    expect(await inspectShare(b, share)).toMatchObject({
      state: 'store',
      encrypted: true,
      joined: false,
      unlocked: false
    })
    const before = await b.db.meta.toArray()
    await expect(joinStoreOnShare(b, share)).rejects.toThrow(new StoreChoiceError('needsPassphrase'))
    await expect(joinStoreOnShare(b, share, '幸福路店 2025 kefu')).rejects.toThrow(
      new StoreChoiceError('wrongPassphrase')
    )
    expect(await b.db.meta.toArray()).toEqual(before)
    expect(await b.db.meta.get(STORE_ID_KEY)).toBeUndefined()
    expect(await b.db.meta.get(STORE_ENCRYPTION_KEY)).toBeUndefined()

    expect(await joinStoreOnShare(b, share, PASS)).toBe(storeId)
    expect(await inspectShare(b, share)).toMatchObject({ joined: true, unlocked: true })
    expect((await loadStoreKey(b.db, b.keyVault))?.keyCheck).toBe(
      (await loadStoreKey(a.db, a.keyVault))?.keyCheck
    )
  })

  it('two PCs sync with their kept keys; no record text is readable in any file on the share', async () => {
    const share = await shares.make()
    const a = await managedPc('pcA', 'A1')
    const b = await pc('pcB', 'B1', 0, { joined: false })
    await createStoreOnShare(a, share, { passphrase: PASS, ...FAST })
    await joinStoreOnShare(b, share, PASS)
    await registerComplaint(
      a,
      '1001',
      intake({ customerName: '欧阳娜娜', content: '冰箱门关不严，冷藏室结霜' })
    )
    const keyA = await loadStoreKey(a.db, a.keyVault)
    const keyB = await loadStoreKey(b.db, b.keyVault)
    expect(await syncOnce(a, share, keyA ? { encryption: keyA } : {})).toMatchObject({
      state: 'synced',
      problems: []
    })
    expect(await syncOnce(b, share, keyB ? { encryption: keyB } : {})).toMatchObject({
      state: 'synced',
      problems: [],
      applied: expect.any(Number)
    })
    expect(await b.db.customers.where('name').equals('欧阳娜娜').count()).toBe(1)
    // pcB's 操作日志 entry (加入已有门店) reaches pcA in its next round
    await syncOnce(a, share, keyA ? { encryption: keyA } : {})
    expect(await syncedState(b)).toEqual(await syncedState(a))

    const files = await allBytes(share)
    expect(files.length).toBeGreaterThan(1)
    for (const bytes of files) {
      const text = bytes.toString('utf8')
      for (const secret of ['欧阳娜娜', '冰箱门关不严', '13800138000', PASS])
        expect(text).not.toContain(secret)
    }
  })

  it('the key kept by main (OS key store) survives a restart and syncs without the passphrase', async () => {
    const share = await shares.make()
    const a = await managedPc('pcA', 'A1')
    await createStoreOnShare(a, share, { passphrase: PASS, ...FAST })
    const dbName = `restart-${Math.random()}`
    const time = { value: BASE_TIME }
    const main = await createMainKeyVault()
    const b1 = await freshData({ dev: device('pcB', 'B1'), dbName, time, keyVault: main.vault })
    await joinStoreOnShare(b1, share, PASS)
    b1.db.close()

    await registerComplaint(a, '1001', intake({ customerName: '李四' }))
    const keyA = await loadStoreKey(a.db, a.keyVault)
    await syncOnce(a, share, keyA ? { encryption: keyA } : {})
    const b2 = await freshData({ dev: device('pcB', 'B1'), dbName, time, keyVault: main.vault })
    forgetKeyInMemory(b2.db)
    const kept = await loadStoreKey(b2.db, b2.keyVault)
    expect(kept?.key).toMatchObject({ type: 'secret', extractable: false })
    // Without an OS key store nothing was kept: the passphrase is asked for again after a restart.
    const noStore = await createMainKeyVault({ available: false })
    const b3 = await freshData({ dev: device('pcB', 'B1'), dbName, time, keyVault: noStore.vault })
    forgetKeyInMemory(b3.db)
    expect(await loadStoreKey(b3.db, b3.keyVault)).toBeUndefined()
    await main.dispose()
    await noStore.dispose()
    expect(await syncOnce(b2, share, kept ? { encryption: kept } : {})).toMatchObject({
      state: 'synced',
      problems: []
    })
    expect(await b2.db.customers.where('name').equals('李四').count()).toBe(1)
  })

  it('a store re-created with a new passphrase stops sync as 门店文件被篡改 until 输入共享密码 takes the new one', async () => {
    const share = await shares.make()
    const a = await managedPc('pcA', 'A1')
    const storeId = await createStoreOnShare(a, share, { passphrase: PASS, ...FAST })
    const b = await pc('pcB', 'B1', 0, { joined: false })
    await joinStoreOnShare(b, share, PASS)

    // The store is re-created in the same folder with the same id and a new passphrase.
    await share.remove(STORE_FILE)
    await createStoreOnShare(a, share, { passphrase: '新的共享密码 2027', ...FAST })
    expect(await a.db.meta.get(STORE_ID_KEY)).toEqual({ key: STORE_ID_KEY, value: storeId })

    const stale = await loadStoreKey(b.db, b.keyVault)
    expect(await inspectShare(b, share)).toMatchObject({ joined: true, encrypted: true, unlocked: false })
    // This PC remembers other encryption than store.json now says: it cannot tell a manager's
    // re-creation from an attacker's, so it stops and says so; the new passphrase unlocks it.
    const round = await syncOnce(b, share, stale ? { encryption: stale } : {})
    expect(wordedReport(round)).toMatchObject({
      state: 'error',
      problems: [
        expect.objectContaining({ kind: 'storeTampered', message: expect.stringContaining('输入共享密码') })
      ]
    })
    const none = await syncOnce(b, share)
    expect(none.problems.map(worded)).toEqual([
      expect.objectContaining({ kind: 'storeTampered', message: expect.stringContaining('门店文件被篡改') })
    ])

    await expect(unlockJoinedStore(b, share, PASS)).rejects.toThrow(new StoreChoiceError('wrongPassphrase'))
    expect((await loadStoreKey(b.db, b.keyVault))?.keyCheck).toBe(stale?.keyCheck)
    await unlockJoinedStore(b, share, '新的共享密码 2027')
    const fresh = await loadStoreKey(b.db, b.keyVault)
    expect(await inspectShare(b, share)).toMatchObject({ unlocked: true })
    expect(await syncOnce(b, share, fresh ? { encryption: fresh } : {})).toMatchObject({
      state: 'synced',
      problems: []
    })
  })
})
