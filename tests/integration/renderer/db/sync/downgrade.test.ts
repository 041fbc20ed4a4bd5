import 'fake-indexeddb/auto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EncryptionParams } from '@shared/sync/sealed'
import { encodeSegment, segmentPath } from '@shared/sync/segment'
import { createStoreFile, parseStoreFile, STORE_FILE, unlockStore } from '@shared/sync/store'
import { registerComplaint } from '@/db/complaints'
import { completeSetup } from '@/db/setup'
import { createStoreOnShare, inspectShare, joinStoreOnShare, unlockJoinedStore } from '@/db/sync/storeChoice'
import { setSessionStaff } from '@/db/prefs'
import { forgetKeyInMemory, loadStoreKey } from '@/db/sync/storeKey'
import { syncOnce, type SyncReport } from '@/db/sync/syncOnce'
import { intake, pc, shareKeeper, syncedState, type Pc } from './harness'
import type { RealShare } from './realShare'
import { wordedReport } from './worded'

// Issue 17 point 6, the encryption downgrade: someone replaces store.json on the share with one of
// the same store id and "encryption": null (or with encryption of their own) and drops a forged
// change in. A PC that joined the encrypted store must refuse to sync and say the store file was
// tampered with — never write plain text, never apply the unauthenticated change.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const PASS = '幸福路店 2026 kefu'

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

/** One round as the app's loop runs it: with the key this PC keeps, if any. */
async function round(ctx: Pc, share: RealShare): Promise<SyncReport> {
  const key = await loadStoreKey(ctx.db, ctx.keyVault)
  return syncOnce(ctx, share, key ? { encryption: key } : {})
}

/** Every file on the share with its bytes. */
async function filesOn(share: RealShare, dir = share.root): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) for (const [p, b] of await filesOn(share, path)) out.set(p, b)
    else out.set(path, await readFile(path))
  }
  return out
}

/** A's and B's encrypted store, both synced; returns the store id. */
async function encryptedStore(): Promise<{ share: RealShare; a: Pc; b: Pc; storeId: string }> {
  const share = await shares.make()
  const a = await managedPc('pcA', 'A1')
  const storeId = await createStoreOnShare(a, share, { passphrase: PASS, byStaffNo: '8001' })
  const b = await pc('pcB', 'B1', 0, { joined: false })
  await joinStoreOnShare(b, share, PASS)
  await registerComplaint(a, '1001', intake({ content: '第一件' }))
  expect(await round(a, share)).toMatchObject({ state: 'synced', problems: [] })
  expect(await round(b, share)).toMatchObject({ state: 'synced', problems: [] })
  return { share, a, b, storeId }
}

/** A forged settings change from a PC that does not exist, plain or under `key`. */
async function forgedSegment(storeId: string, encryption?: EncryptionParams): Promise<Uint8Array> {
  return encodeSegment({
    storeId,
    deviceId: 'pcX',
    seq: 1,
    prevHash: '',
    schemaVersion: 5,
    createdAt: 1,
    changes: [
      {
        hlc: '001763870399000-0000-pcX',
        device: 'pcX',
        staffNo: '8001',
        table: 'settings',
        recordId: 'store',
        field: 'storeName',
        value: '伪造的门店'
      }
    ],
    ...(encryption ? { encryption } : {})
  })
}

const tampered = {
  state: 'error',
  problems: [
    expect.objectContaining({
      kind: 'storeTampered',
      code: 'storeTampered',
      message: expect.stringContaining('门店文件被篡改')
    })
  ]
}

describe('store.json that loses or changes its encryption', () => {
  it('"encryption": null: both PCs stop, write nothing plain, apply no forged change — after a restart too', async () => {
    const { share, a, b, storeId } = await encryptedStore()
    const realStoreJson = await readFile(share.abs(STORE_FILE))
    const storeNameBefore = await b.db.settings.get('store')
    // The attacker's store.json: same id, no encryption; and a plain forged change.
    const plain = await createStoreFile({ storeId, createdAt: 1 })
    await writeFile(share.abs(STORE_FILE), plain.bytes)
    await share.writeNew(segmentPath('pcX', 1), await forgedSegment(storeId))
    await registerComplaint(a, '1001', intake({ content: '降级后登记的投诉内容' }))
    const before = await filesOn(share)

    expect(wordedReport(await round(a, share))).toMatchObject(tampered)
    expect(wordedReport(await round(b, share))).toMatchObject(tampered)
    // 系统设置 → 同步 says the same (not "joined, syncing")
    expect(await inspectShare(b, share)).toMatchObject({ joined: true, tampered: true, unlocked: false })

    // Nothing written: no new file, none changed; the new complaint's text is nowhere on the share.
    const after = await filesOn(share)
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    for (const [path, bytes] of after) {
      expect(bytes.equals(before.get(path) as Buffer), path).toBe(true)
      expect(bytes.toString('utf8')).not.toContain('降级后登记的投诉内容')
    }
    // The forged change was not applied.
    expect(await b.db.settings.get('store')).toEqual(storeNameBefore)
    expect(await a.db.settings.get('store')).not.toMatchObject({ storeName: '伪造的门店' })

    // The PC remembers its store is encrypted without the key in memory (a restart before unlocking).
    forgetKeyInMemory(b.db)
    expect(wordedReport(await round(b, share))).toMatchObject(tampered)
    expect(await b.db.settings.get('store')).toEqual(storeNameBefore)

    // store.json put back: both sync again, the new complaint reaches B encrypted, and the forged
    // plain file is quarantined as unencrypted, never applied.
    await writeFile(share.abs(STORE_FILE), realStoreJson)
    expect(await inspectShare(b, share)).toMatchObject({ tampered: false })
    const againA = await round(a, share)
    expect(againA.state).toBe('synced')
    expect(againA.problems.map((p) => [p.code, p.peer])).toEqual([['unencrypted', 'pcX']])
    // B lost its key with the restart (no OS key store in this test): the passphrase once more.
    expect((await round(b, share)).problems.map((p) => p.code)).toEqual(['needsKey'])
    // 输入共享密码 is a manager's (issue 17 point 2): B knows the store's staff by now
    await setSessionStaff(b, '8001')
    await unlockJoinedStore(b, share, PASS)
    const back = await round(b, share)
    expect(back.problems.map((p) => [p.code, p.peer])).toEqual([['unencrypted', 'pcX']])
    // B's 操作日志 entry (输入共享密码) reaches A in A's next round
    await round(a, share)
    expect(await syncedState(b)).toEqual(await syncedState(a))
    expect(await b.db.settings.get('store')).toEqual(storeNameBefore)
    for (const bytes of (await filesOn(share)).values())
      expect(bytes.toString('utf8')).not.toContain('降级后登记的投诉内容')
  })

  it('encryption of someone else (same store id, their passphrase): stop, say so, apply nothing of theirs', async () => {
    const { share, a, b, storeId } = await encryptedStore()
    const realStoreJson = await readFile(share.abs(STORE_FILE))
    const theirs = await createStoreFile({ storeId, createdAt: 1, passphrase: '攻击者的密码 12345' })
    await writeFile(share.abs(STORE_FILE), theirs.bytes)
    await share.writeNew(segmentPath('pcX', 1), await forgedSegment(storeId, theirs.unlocked?.encryption))
    await registerComplaint(a, '1001', intake({ content: '第二件' }))

    expect(wordedReport(await round(a, share))).toMatchObject(tampered)
    expect(wordedReport(await round(b, share))).toMatchObject(tampered)
    expect(await b.db.settings.get('store')).not.toMatchObject({ storeName: '伪造的门店' })
    expect((await share.files('devices/pcA/segments')).length).toBe(1)

    // The real store.json back: sync resumes; A's new complaint arrives; the forged file (under a key
    // that is not the store's) is never applied.
    await writeFile(share.abs(STORE_FILE), realStoreJson)
    expect(await round(a, share)).toMatchObject({ state: 'synced' })
    const back = await round(b, share)
    expect(back.state).toBe('synced')
    expect(await syncedState(b)).toEqual(await syncedState(a))
    expect(await b.db.settings.get('store')).not.toMatchObject({ storeName: '伪造的门店' })
    // and the PC's own store.json was never rewritten plain by anyone
    const parsed = parseStoreFile(await share.read(STORE_FILE))
    expect(parsed.ok && parsed.store.encryption?.keyCheck).toBeTruthy()
    expect(parsed.ok && (await unlockStore(parsed.store, PASS)).ok).toBe(true)
  })

  it('a PC that remembers an encrypted store never re-creates it plain (新建门店共享 on an emptied share)', async () => {
    const { share, a } = await encryptedStore()
    await share.empty()
    expect(wordedReport(await round(a, share))).toMatchObject({
      state: 'error',
      problems: [expect.objectContaining({ kind: 'storeMissing' })]
    })
    await expect(createStoreOnShare(a, share)).rejects.toThrow('sync.choice.needsPassphrase')
    expect(await share.files()).toEqual([])
  })
})
