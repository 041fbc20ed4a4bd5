import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { IDLE_STATUS, statusAfter, type SyncStatusSink, type SyncStatusValue } from '@/db/sync/status'
import { registerComplaint } from '@/db/complaints'
import { snapshotNow } from '@/db/sync/snapshots'
import { syncOnce } from '@/db/sync/syncOnce'
import { syncTracked } from '@/db/sync/syncTracked'
import { intake, pc, shareKeeper } from './harness'

const shares = shareKeeper()

/** A status sink keeping the value as the app's sync store does, and telling each change. */
function statusCell(): SyncStatusSink & {
  get(): SyncStatusValue
  subscribe(listener: (v: SyncStatusValue) => void): () => void
} {
  let value = IDLE_STATUS
  const listeners = new Set<(v: SyncStatusValue) => void>()
  const set = (next: SyncStatusValue) => {
    value = next
    for (const l of listeners) l(value)
  }
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    begin: () => set(statusAfter.begin(value)),
    loadingProgress: (done, total) => set(statusAfter.loadingProgress(value, done, total)),
    finish: (report) => set(statusAfter.finish(value, report))
  }
}
afterEach(() => shares.disposeAll())

describe('the sync status of tracked rounds', () => {
  it('goes idle → syncing → synced / unavailable, with lastSyncedAt and problems, and one round at a time', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    await registerComplaint(a, '1001', intake())
    const status = statusCell()
    const seen: SyncStatusValue['state'][] = []
    const unsubscribe = status.subscribe((v) => seen.push(v.state))
    expect(status.get()).toMatchObject({ state: 'idle', lastSyncedAt: null, problems: [] })

    const first = syncTracked(status, a, share)
    const overlapping = syncTracked(status, a, share)
    expect(overlapping).toBe(first)
    const report = await first
    expect(report.sent).toBeGreaterThan(0)
    expect(status.get()).toMatchObject({
      state: 'synced',
      lastSyncedAt: a.time.value,
      problems: [],
      lastReport: report
    })

    await share.disappear()
    a.time.value += 60_000
    await syncTracked(status, a, share)
    expect(status.get()).toMatchObject({
      state: 'unavailable',
      lastSyncedAt: a.time.value - 60_000,
      problems: [expect.objectContaining({ kind: 'unavailable' })]
    })
    await share.reappear()
    unsubscribe()
    await syncTracked(status, a, share)
    expect(seen).toEqual(['syncing', 'synced', 'syncing', 'unavailable'])
    expect(status.get().state).toBe('synced')
  })

  it('shows how far a new PC is in loading the snapshot, chunk by chunk, and clears it when the round ends', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    for (let i = 0; i < 30; i++)
      await registerComplaint(
        a,
        '1001',
        intake({ customerPhone: `1390013${String(9000 + i)}`, customerName: `客户${i}` })
      )
    await syncOnce(a, share)
    const snap = await snapshotNow(a, share)
    const total = snap?.records ?? 0
    expect(total).toBeGreaterThan(60)

    const b = await pc('pcB', 'B1')
    const status = statusCell()
    const seen: SyncStatusValue['loading'][] = []
    status.subscribe((v) => seen.push(v.loading))
    await syncTracked(status, b, share)
    const loading = seen.filter((l) => l !== null)
    expect(loading[0]).toEqual({ done: 0, total })
    expect(loading.at(-1)).toEqual({ done: total, total })
    expect(loading.map((l) => l?.done)).toEqual(
      [...loading.map((l) => l?.done)].sort((x, y) => (x ?? 0) - (y ?? 0))
    )
    expect(status.get()).toMatchObject({ state: 'synced', loading: null })
  })
})
