import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { completeSetup } from '@/db/setup'
import { createStoreOnShare } from '@/db/sync/storeChoice'
import { readPeers } from '@/db/sync/presence'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { forgetKeyInMemory } from '@/db/sync/storeKey'
import { syncState, type SyncStoreState } from '@/app/syncStore'
import { dataApi } from '@/db/api'
import type { SessionState } from '@/app/session'
import type { DeviceInfo } from '@shared/ipc/contract'
import { cloneOf, intake, pc, shareKeeper, type Pc } from '../db/sync/harness'
import { wordedReport } from '../db/sync/worded'

// The app's sync store: the loop started from what main says, its status, 立即同步, stop, a clone's
// renewal, and the presence it publishes. Timers are fake (only setTimeout/setInterval: fake-indexeddb
// schedules with setImmediate), so "shortly after a change" is driven, not waited for.

const TIMING = { debounceMs: 3_000, periodMs: 60_000 }
const shares = shareKeeper()
const stores: StoreApi<SyncStoreState>[] = []

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
})
afterEach(async () => {
  for (const s of stores.splice(0)) s.getState().stop()
  vi.useRealTimers()
  await shares.disposeAll()
})

/** Lets IndexedDB and Dexie's change watcher run (event-loop turns and timers due now) without
 *  moving the clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setImmediate(r))
    await vi.advanceTimersByTimeAsync(0)
  }
}

/** A sync store as the app builds it, with main answering from `root` and this PC's session. */
function syncStoreFor(
  data: Pc,
  share: Awaited<ReturnType<typeof shares.make>>,
  opts: { root?: string | null; name?: () => string; onRenew?: (former: string) => void } = {}
) {
  const calls: string[] = []
  const restarts: number[] = []
  const session = (): SessionState =>
    ({
      data: dataApi(data),
      device: { ...data.device, deviceName: opts.name?.() ?? data.device.deviceName } as DeviceInfo,
      appInfo: { appVersion: '0.1.0', platform: 'test', host: 'test-host' }
    }) as unknown as SessionState
  const callDesk = (async (method: string, input: unknown) => {
    calls.push(method)
    if (method === 'shareGetConfig')
      return { root: opts.root === undefined ? '/share' : opts.root, reachable: true }
    if (method === 'shareClearRoot') return { root: null, reachable: false }
    if (method === 'renewDeviceId') {
      opts.onRenew?.((input as { formerDeviceId: string }).formerDeviceId)
      return data.device
    }
    throw new Error(`unexpected call ${method}`)
  }) as never
  const store = createStore<SyncStoreState>()(
    syncState({
      callDesk,
      createShare: () => share,
      session,
      restart: () => restarts.push(1),
      timing: TIMING
    })
  )
  stores.push(store)
  return { store, calls, restarts }
}

describe('the sync store', () => {
  it('does not start without a share folder set in main; 立即同步 then does nothing', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const { store } = syncStoreFor(a, share, { root: null })
    await store.getState().start()
    expect(store.getState().configured).toBe(false)
    expect(await store.getState().syncNow()).toBeNull()
    expect(store.getState().status.state).toBe('idle')
  })

  it('syncs at start, shortly after a local change, and on 立即同步; the status follows', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const { store } = syncStoreFor(a, share)
    await store.getState().start()
    expect(store.getState()).toMatchObject({ configured: true, share })
    expect(store.getState().status.state).toBe('syncing') // the first round starts at once
    expect((await store.getState().syncNow())?.state).toBe('synced')
    expect(store.getState().status.state).toBe('synced')
    expect(await share.list('devices/pcA/segments')).toEqual([])
    await settle() // the change watcher has taken its first look

    await registerComplaint(a, '1001', intake()) // a local change: a round follows by itself
    await settle() // the watcher sees it and arms the debounce
    await vi.advanceTimersByTimeAsync(TIMING.debounceMs - 1)
    expect(store.getState().status.state).toBe('synced')
    await vi.advanceTimersByTimeAsync(1)
    expect(store.getState().status.state).toBe('syncing')
    await store.getState().syncNow() // joins the running round
    expect(await share.list('devices/pcA/segments')).toHaveLength(1)
    expect((await share.list('devices/pcA')).some((f) => f.name.startsWith('status-'))).toBe(true)
    // a snapshot is kept on the share (none was there): one, not one per round
    expect(await share.list('snapshots')).toHaveLength(1)
    await store.getState().syncNow()
    expect(await share.list('snapshots')).toHaveLength(1)

    await share.disappear()
    expect((await store.getState().syncNow())?.state).toBe('unavailable')
    expect(store.getState().status.state).toBe('unavailable')
    await share.reappear()
    expect((await store.getState().syncNow())?.state).toBe('synced')
    expect(store.getState().status.lastSyncedAt).not.toBeNull()
  })

  it('runs a round every period without any change', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const { store } = syncStoreFor(a, share)
    await store.getState().start()
    await store.getState().syncNow()
    const before = store.getState().status.lastReport
    await vi.advanceTimersByTimeAsync(TIMING.periodMs)
    expect(store.getState().status.state).toBe('syncing')
    await store.getState().syncNow()
    expect(store.getState().status.lastReport).not.toBe(before)
  })

  it('stops: no rounds after stop, and clear makes main forget the folder', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const { store, calls } = syncStoreFor(a, share)
    await store.getState().start()
    await store.getState().syncNow()
    store.getState().stop()
    expect(store.getState()).toMatchObject({ configured: false, share: null })
    await registerComplaint(a, '1001', intake())
    await vi.advanceTimersByTimeAsync(TIMING.periodMs * 2)
    expect(store.getState().status.state).toBe('synced')
    expect(await store.getState().syncNow()).toBeNull()
    expect(await share.list('devices/pcA/segments')).toEqual([])
    await store.getState().clear()
    expect(calls).toContain('shareClearRoot')
  })

  it('publishes the name this PC has now: a rename in 系统设置 reaches the other PCs without a restart', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    let name = '前台1号机'
    const { store } = syncStoreFor(a, share, { name: () => name })
    await store.getState().start()
    await store.getState().syncNow()
    expect((await readPeers(share)).find((p) => p.deviceId === 'pcA')?.name).toBe('前台1号机')
    name = '服务台主机'
    a.time.value += 1_000
    await store.getState().syncNow()
    expect((await readPeers(share)).find((p) => p.deviceId === 'pcA')?.name).toBe('服务台主机')
  })

  it('asks main for a new device id once when another PC publishes under this one (a clone), then restarts', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    await registerComplaint(a, '1001', intake())
    await syncOnce(a, share)
    const b = await cloneOf(a, 'pcA', 'store-clone')
    await registerComplaint(a, '1001', intake({ customerPhone: '13900000011' }))
    await registerComplaint(b, '1001', intake({ customerPhone: '13900000012' }))
    await syncOnce(a, share)
    const asked: string[] = []
    const { store, restarts } = syncStoreFor(b, share, { onRenew: (former) => asked.push(former) })
    await store.getState().start()
    await store.getState().syncNow()
    expect(restarts).toHaveLength(1) // the round that found the clone asked main before it ended
    expect(asked).toEqual(['pcA'])
    expect(store.getState().status.problems.map((p) => p.kind)).toContain('clone')
    expect(await store.getState().syncNow()).toBeNull()
    expect(asked).toHaveLength(1)
  })

  it('an encrypted store: rounds use the key kept on this PC; without it the status says 同步异常', async () => {
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
      byStaffNo: '8001'
    })
    await registerComplaint(a, '8001', intake())
    const { store } = syncStoreFor(a, share)
    await store.getState().start()
    expect((await store.getState().syncNow())?.state).toBe('synced')
    const segments = await share.list('devices/pcA/segments')
    expect(segments).toHaveLength(1)
    expect(new TextDecoder().decode(await share.read(`devices/pcA/segments/${segments[0]?.name}`))).toContain(
      'AES-256-GCM'
    )

    // a restart without an OS key store: the key is gone from memory and was never kept
    forgetKeyInMemory(a.db)
    const locked = wordedReport((await store.getState().syncNow())!)
    expect(locked).toMatchObject({
      state: 'error',
      problems: [
        expect.objectContaining({ kind: 'needsPassphrase', message: expect.stringContaining('输入共享密码') })
      ]
    })
    expect(store.getState().status.state).toBe('error')
  })
})
