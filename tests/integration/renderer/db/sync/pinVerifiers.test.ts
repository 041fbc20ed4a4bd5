import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { createStoreFile, parseStoreFile, STORE_FILE, unlockStore } from '@shared/sync/store'
import { decodeSegment, encodeSegment, segmentPath } from '@shared/sync/segment'
import { decodeSnapshotChunk } from '@shared/sync/snapshot'
import type { EncryptionParams } from '@shared/sync/sealed'
import { addStaff, getStaffByNo } from '@/db/staff'
import { checkStaffPin, setStaffPin } from '@/db/staffPin'
import { snapshotNow } from '@/db/sync/snapshots'
import { syncOnce } from '@/db/sync/syncOnce'
import { hashPin } from '@shared/domain/pin'
import { pc, shareKeeper, TEST_STORE_ID, type Pc } from './harness'
import type { RealShare } from './realShare'

// Issue 17 point 6: "PIN hashes sync to the share and a 4-digit PIN falls to a guess in minutes …
// do not let an unencrypted share expose them." On a store without a passphrase PIN verifiers stay on
// the PC where they were set (shared/sync/plainShare.ts); with a passphrase they sync, encrypted.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

async function withStaff(ctx: Pc): Promise<void> {
  await ctx.writer.transact('8001', (tx) =>
    tx.create('staff', { id: 'm', staffNo: '8001', name: '李经理', role: 'manager', active: true })
  )
  await addStaff(ctx, '8001', { staffNo: '1001', name: '王小明', role: 'clerk' })
}

/** Every record field and change on the share, decoded (segments and snapshot chunks). */
async function shareContents(share: RealShare, key?: EncryptionParams): Promise<string[]> {
  const out: string[] = []
  const options = key ? { key: key.key } : {}
  for (const file of await share.files('devices')) {
    if (!file.includes('/segments/')) continue
    const decoded = await decodeSegment(await share.read(file), options)
    if (!decoded.ok) throw new Error(`${file}: ${decoded.detail}`)
    for (const c of decoded.changes) out.push(JSON.stringify(c))
  }
  for (const file of await filesIn(share, 'snapshots')) {
    if (!file.includes('chunk-')) continue
    const decoded = await decodeSnapshotChunk(await share.read(file), options)
    if (!decoded.ok) throw new Error(`${file}: ${decoded.detail}`)
    for (const e of decoded.entries) out.push(JSON.stringify(e))
  }
  return out
}

const filesIn = (share: RealShare, dir: string) => share.files(dir).catch(() => [] as string[])

const rawText = async (share: RealShare) => {
  let text = ''
  for (const dir of ['devices', 'snapshots'])
    for (const f of await filesIn(share, dir)) text += Buffer.from(await share.read(f)).toString('latin1')
  return text
}

describe('PIN verifiers and the store share', () => {
  it('a store without a passphrase: no PIN verifier in any segment or snapshot; peers neither get one nor take a forged one', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    await withStaff(a)
    await setStaffPin(a, '1001', '1001', '2468')
    await setStaffPin(a, '8001', '8001', '135790')
    // a staff record created with a verifier in it (one whole-record change)
    const verifier = await hashPin('1111')
    await a.writer.transact('8001', (tx) =>
      tx.create('staff', {
        id: 's3',
        staffNo: '1003',
        name: '陈新',
        role: 'clerk',
        active: true,
        pinHash: verifier
      })
    )
    expect((await syncOnce(a, share)).state).toBe('synced')
    expect(await snapshotNow(a, share)).not.toBeNull()

    const contents = await shareContents(share)
    expect(contents.some((c) => c.includes('王小明'))).toBe(true) // the staff list itself syncs
    expect(contents.filter((c) => c.includes('pinHash') || c.includes('scrypt$'))).toEqual([])
    const raw = await rawText(share)
    expect(raw).not.toContain('scrypt$')
    expect(raw).not.toContain('pbkdf2-sha256$')

    // the PC that set them still checks them
    await expect(checkStaffPin(a, '1001', '2468')).resolves.toBe('ok')
    await expect(checkStaffPin(a, '1003', '1111')).resolves.toBe('ok')

    // B gets the staff, not the verifiers: at B they have no PIN (each PC its own)
    expect((await syncOnce(b, share)).state).toBe('synced')
    expect((await getStaffByNo(b, '1001'))?.name).toBe('王小明')
    expect((await getStaffByNo(b, '1001'))?.pinHash).toBeUndefined()
    expect((await getStaffByNo(b, '1003'))?.pinHash).toBeUndefined()

    // a forged change on the plain share cannot set the manager's PIN at B
    const forged = await encodeSegment({
      storeId: TEST_STORE_ID,
      deviceId: 'pcX',
      seq: 1,
      prevHash: '',
      schemaVersion: 13,
      createdAt: 1,
      changes: [
        {
          hlc: '001963870399000-0000-pcX',
          device: 'pcX',
          staffNo: '8001',
          table: 'staff',
          recordId: 'm',
          field: 'pinHash',
          value: await hashPin('0000')
        }
      ]
    })
    await share.writeNew(segmentPath('pcX', 1), forged)
    expect((await syncOnce(b, share)).state).toBe('synced')
    expect((await getStaffByNo(b, '8001'))?.pinHash).toBeUndefined()
    await expect(checkStaffPin(b, '8001', '0000')).resolves.toBe('noPin')
  })

  it('a store with a passphrase: the verifier syncs, only inside the encrypted files', async () => {
    const share = await shares.make()
    const created = await createStoreFile({
      storeId: TEST_STORE_ID,
      createdAt: 1,
      passphrase: '门店密码 2026'
    })
    await share.writeNew(STORE_FILE, created.bytes)
    const parsed = parseStoreFile(await share.read(STORE_FILE))
    if (!parsed.ok) throw new Error(parsed.detail)
    const unlocked = await unlockStore(parsed.store, '门店密码 2026')
    if (!unlocked.ok) throw new Error(unlocked.detail)
    const encryption = unlocked.encryption
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    await withStaff(a)
    await setStaffPin(a, '1001', '1001', '2468')
    expect((await syncOnce(a, share, { encryption })).state).toBe('synced')
    expect(await rawText(share)).not.toContain('scrypt$')
    expect((await shareContents(share, encryption)).some((c) => c.includes('scrypt$'))).toBe(true)
    expect((await syncOnce(b, share, { encryption })).state).toBe('synced')
    await expect(checkStaffPin(b, '1001', '2468')).resolves.toBe('ok')
  })
})
