import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { createStoreFile, parseStoreFile, STORE_FILE, unlockStore } from '@shared/sync/store'
import { encodeSegment, segmentPath } from '@shared/sync/segment'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { intake, pc, shareKeeper, syncedState, TEST_STORE_ID } from './harness'
import { worded } from './worded'

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

describe('a store with a passphrase', () => {
  it('writes encrypted segments, refuses to sync without the key, and quarantines an unencrypted file', async () => {
    const share = await shares.make()
    const created = await createStoreFile({
      storeId: TEST_STORE_ID,
      createdAt: 1,
      passphrase: '门店密码'
    })
    await share.writeNew(STORE_FILE, created.bytes)
    const parsed = parseStoreFile(await share.read(STORE_FILE))
    if (!parsed.ok) throw new Error(parsed.detail)
    const unlocked = await unlockStore(parsed.store, '门店密码')
    if (!unlocked.ok) throw new Error(unlocked.detail)

    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    await registerComplaint(a, '1001', intake({ content: '保密内容' }))
    expect(await syncOnce(a, share, { encryption: unlocked.encryption })).toMatchObject({
      state: 'synced',
      problems: []
    })
    const bytes = await share.read(segmentPath('pcA', 1))
    expect(new TextDecoder().decode(bytes)).not.toContain('保密内容')
    expect(new TextDecoder().decode(bytes)).toContain('AES-256-GCM')

    const locked = await syncOnce(b, share)
    expect(locked).toMatchObject({
      state: 'error',
      problems: [expect.objectContaining({ kind: 'needsPassphrase' })]
    })
    expect(await b.db.complaints.count()).toBe(0)
    expect((await share.files('devices')).filter((f) => !f.includes('/claim-'))).toEqual([
      segmentPath('pcA', 1)
    ])

    // A PC writing plaintext into this store (an old build, a bug) is not trusted.
    const plain = await encodeSegment({
      storeId: TEST_STORE_ID,
      deviceId: 'pcX',
      seq: 1,
      prevHash: '',
      schemaVersion: 5,
      createdAt: 1,
      changes: [
        {
          hlc: '001763870399000-0000-pcX',
          device: 'pcX',
          staffNo: '1',
          table: 'settings',
          recordId: 'store',
          field: 'storeName',
          value: '假的'
        }
      ]
    })
    await share.writeNew(segmentPath('pcX', 1), plain)
    const open = await syncOnce(b, share, { encryption: unlocked.encryption })
    expect(open.state).toBe('synced')
    expect(open.problems.map(worded)).toEqual([
      expect.objectContaining({
        kind: 'foreignFile',
        peer: 'pcX',
        message: expect.stringContaining('未加密')
      })
    ])
    expect(await b.db.settings.get('store')).toBeUndefined()
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })
})
