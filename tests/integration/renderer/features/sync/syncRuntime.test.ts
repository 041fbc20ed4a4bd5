import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { completeSetup, createStoreOnShare, registerComplaint, syncOnce } from '@/db'
import { STORE_KEY_KEY } from '@/db/sync/storeKey'
import { startSync, stopSync, syncConfigured, syncNow, syncStatus } from '@/features/sync/syncRuntime'
import { cloneOf, intake, pc, shareKeeper } from '../../db/sync/harness'

const shares = shareKeeper()
afterEach(async () => {
  stopSync()
  await shares.disposeAll()
})

async function until(check: () => Promise<boolean> | boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('the sync loop', () => {
  it('syncs at start, shortly after a local change, and on 立即同步; the status follows', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    expect(syncConfigured()).toBe(false)
    expect(await syncNow()).toBeNull()
    startSync(a, share, { name: '前台1号机', appVersion: '0.1.0' }, { debounceMs: 50, periodMs: 60_000 })
    expect(syncConfigured()).toBe(true)
    await until(() => syncStatus.get().state === 'synced')
    expect(await share.list('devices/pcA/segments')).toEqual([])

    await registerComplaint(a, '1001', intake()) // a local change: a round follows by itself
    await until(async () => (await share.list('devices/pcA/segments')).length === 1)
    await until(async () => (await share.list('devices/pcA')).some((f) => f.name.startsWith('status-')))
    // a snapshot is kept on the share (none was there): one, not one per round
    await until(async () => (await share.list('snapshots')).length === 1)
    await syncNow()
    expect(await share.list('snapshots')).toHaveLength(1)

    await share.disappear()
    const report = await syncNow()
    expect(report?.state).toBe('unavailable')
    expect(syncStatus.get().state).toBe('unavailable')
    await share.reappear()
    expect((await syncNow())?.state).toBe('synced')
    expect(syncStatus.get().lastSyncedAt).not.toBeNull()
  })

  it('stops: no rounds after stopSync', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    startSync(a, share, { name: 'x', appVersion: '1' }, { debounceMs: 10, periodMs: 60_000 })
    await until(() => syncStatus.get().state === 'synced')
    stopSync()
    await registerComplaint(a, '1001', intake())
    await new Promise((r) => setTimeout(r, 200))
    expect(await share.list('devices/pcA/segments')).toEqual([])
  })

  it('asks for a new device id once when another PC publishes under this one (a clone), then waits for the restart', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    await registerComplaint(a, '1001', intake())
    await syncOnce(a, share)
    const b = await cloneOf(a, 'pcA', 'runtime-clone')
    await registerComplaint(a, '1001', intake({ customerPhone: '13900000011' }))
    await registerComplaint(b, '1001', intake({ customerPhone: '13900000012' }))
    await syncOnce(a, share)
    const asked: string[] = []
    startSync(
      b,
      share,
      { name: 'x', appVersion: '1' },
      { debounceMs: 10, periodMs: 60_000 },
      { onClone: async (former) => void asked.push(former) }
    )
    await until(() => asked.length === 1)
    expect(asked).toEqual(['pcA'])
    expect(syncStatus.get().problems.map((p) => p.kind)).toContain('clone')
    expect(await syncNow()).toBeNull()
    expect(asked).toHaveLength(1)
  })

  it('an encrypted store: rounds use the key kept on this PC; without it the status says 同步异常 in plain words', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1', 0, { joined: false })
    await completeSetup(a, {
      storeName: '幸福路店',
      managerStaffNo: '8001',
      managerName: '李经理',
      deviceName: 'pcA',
      deviceCode: 'A1'
    })
    await createStoreOnShare(a, share, {
      passphrase: '幸福路店 kefu 2026',
      byStaffNo: '8001',
      iterations: 1_000
    })
    await registerComplaint(a, '8001', intake())
    startSync(a, share, { name: 'x', appVersion: '1' }, { debounceMs: 10, periodMs: 60_000 })
    expect((await syncNow())?.state).toBe('synced')
    const segments = await share.list('devices/pcA/segments')
    expect(segments).toHaveLength(1)
    expect(new TextDecoder().decode(await share.read(`devices/pcA/segments/${segments[0]?.name}`))).toContain(
      'AES-256-GCM'
    )

    await a.db.meta.delete(STORE_KEY_KEY)
    const locked = await syncNow()
    expect(locked).toMatchObject({
      state: 'error',
      problems: [
        expect.objectContaining({ kind: 'needsPassphrase', message: expect.stringContaining('输入共享密码') })
      ]
    })
    expect(syncStatus.get().state).toBe('error')
  })
})
