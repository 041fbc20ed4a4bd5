import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { registerComplaint, SyncStatus, syncTracked, type SyncStatusValue } from '../../../../../renderer/src/db'
import { intake, pc, shareKeeper } from './harness'

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

describe('SyncStatus', () => {
  it('goes idle → syncing → synced / unavailable, with lastSyncedAt and problems, and one round at a time', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    await registerComplaint(a, '1001', intake())
    const status = new SyncStatus()
    const seen: SyncStatusValue['state'][] = []
    const unsubscribe = status.subscribe((v) => seen.push(v.state))
    expect(status.get()).toMatchObject({ state: 'idle', lastSyncedAt: null, problems: [] })

    const first = syncTracked(status, a, share)
    const overlapping = syncTracked(status, a, share)
    expect(overlapping).toBe(first)
    const report = await first
    expect(report.sent).toBeGreaterThan(0)
    expect(status.get()).toMatchObject({ state: 'synced', lastSyncedAt: a.time.value, problems: [], lastReport: report })

    await share.disappear()
    a.time.value += 60_000
    await syncTracked(status, a, share)
    expect(status.get()).toMatchObject({ state: 'unavailable', lastSyncedAt: a.time.value - 60_000, problems: [expect.objectContaining({ kind: 'unavailable' })] })
    await share.reappear()
    unsubscribe()
    await syncTracked(status, a, share)
    expect(seen).toEqual(['syncing', 'synced', 'syncing', 'unavailable'])
    expect(status.get().state).toBe('synced')
  })
})
