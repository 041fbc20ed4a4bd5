import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { completeSetup, createStoreOnShare, registerComplaint, syncOnce, type SharePort } from '@/db'
import { STORE_KEY_KEY } from '@/db/sync/storeKey'
import { startSync, stopSync, syncConfigured, syncNow, syncStatus } from '@/features/sync/syncRuntime'
import { cloneOf, intake, pc, shareKeeper } from '../../db/sync/harness'
import type { FolderShare } from '../../db/sync/folderShare'

const shares = shareKeeper()
afterEach(async () => {
  stopSync()
  vi.useRealTimers()
  await shares.disposeAll()
})

// The loop's rounds run detached, so the tests wait for what they do (the status, files written on
// the share) instead of polling with a clock.

/** The status once the round now running (the loop starts it itself) has finished. */
function roundFinished(): Promise<void> {
  return new Promise((resolve) => {
    if (syncStatus.get().state !== 'syncing') return resolve()
    const off = syncStatus.subscribe((s) => {
      if (s.state !== 'syncing') resolve(off())
    })
  })
}

/** `share` as the loop sees it, plus a wait for the first written file whose path matches. */
function watched(share: FolderShare): { port: SharePort; written: (path: RegExp) => Promise<void> } {
  const paths: string[] = []
  let wake = (): void => undefined
  const port: SharePort = {
    list: (dir) => share.list(dir),
    read: (path) => share.read(path),
    remove: (path) => share.remove(path),
    writeNew: async (path, bytes) => {
      await share.writeNew(path, bytes)
      paths.push(path)
      wake()
    }
  }
  const written = async (path: RegExp) => {
    while (!paths.some((p) => path.test(p))) await new Promise<void>((r) => (wake = r))
  }
  return { port, written }
}

describe('the sync loop', () => {
  it('syncs at start, shortly after a local change, and on 立即同步; the status follows', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    expect(syncConfigured()).toBe(false)
    expect(await syncNow()).toBeNull()
    const { port, written } = watched(share)
    startSync(a, port, { name: '前台1号机', appVersion: '0.1.0' }, { debounceMs: 50, periodMs: 60_000 })
    expect(syncConfigured()).toBe(true)
    await roundFinished()
    expect(syncStatus.get().state).toBe('synced')
    expect(await share.list('devices/pcA/segments')).toEqual([])

    await registerComplaint(a, '1001', intake()) // a local change: a round follows by itself
    await written(/^devices\/pcA\/segments\//)
    await written(/^devices\/pcA\/status-/)
    // a snapshot is kept on the share (none was there): one, not one per round
    await written(/^snapshots\/[^/]+\/manifest\.snap$/)
    await roundFinished()
    expect(await share.list('devices/pcA/segments')).toHaveLength(1)
    expect(await share.list('snapshots')).toHaveLength(1)
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
    // Fake timers that still move with real time: IndexedDB's change signal and the quiet time run by
    // themselves, and the test jumps the clock past two periods.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
      shouldAdvanceTime: true
    })
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const { port, written } = watched(share)
    startSync(a, port, { name: 'x', appVersion: '1' }, { debounceMs: 10, periodMs: 60_000 })
    await roundFinished()
    await written(/^snapshots\/[^/]+\/manifest\.snap$/) // the first round's last step (none was there)
    stopSync()
    const rounds = vi.fn()
    const off = syncStatus.subscribe(rounds)
    await registerComplaint(a, '1001', intake())
    await vi.advanceTimersByTimeAsync(2 * 60_000)
    off()
    expect(rounds).not.toHaveBeenCalled()
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
    let cloneAsked = (): void => undefined
    const firstAsk = new Promise<void>((r) => (cloneAsked = r))
    startSync(
      b,
      share,
      { name: 'x', appVersion: '1' },
      { debounceMs: 10, periodMs: 60_000 },
      { onClone: async (former) => void (asked.push(former), cloneAsked()) }
    )
    await firstAsk
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
