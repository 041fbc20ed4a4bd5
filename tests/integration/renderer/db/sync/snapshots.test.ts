import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { addCustomerNote, registerComplaint, snapshotNow, syncOnce } from '../../../../../renderer/src/db'
import { intake, pc, shareKeeper, syncedState } from './harness'

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

async function storeWithHistory() {
  const share = await shares.make()
  const a = await pc('pcA', 'A1')
  const b = await pc('pcB', 'B1', 3_600_000)
  for (let i = 0; i < 12; i++) {
    const c = await registerComplaint(i % 2 ? a : b, '1001', intake({ customerPhone: `1380013${String(8000 + i)}`, customerName: `客户${i}` }))
    await addCustomerNote(i % 2 ? a : b, '1001', c.customerId, `第 ${i} 次来电`)
    await syncOnce(a, share)
    await syncOnce(b, share)
  }
  await syncOnce(a, share)
  return { share, a, b }
}

describe('snapshots', () => {
  it('a new PC starts from the newest snapshot and replays only later segments', async () => {
    const { share, a, b } = await storeWithHistory()
    const snap = await snapshotNow(a, share)
    expect(snap?.records).toBeGreaterThan(24)
    // After the snapshot, B keeps working; then the covered segments are removed (as compaction would).
    await registerComplaint(b, '1002', intake({ customerPhone: '13900139999', customerName: '快照之后' }))
    await syncOnce(b, share)
    const covered = (await share.files('devices')).filter((f) => f.includes('/segments/'))
    const newestB = covered.filter((f) => f.includes('pcB')).sort().at(-1)
    for (const f of covered) if (f !== newestB) await share.remove(f)

    const c = await pc('pcC', 'C1')
    const report = await syncOnce(c, share)
    expect(report.state).toBe('synced')
    await syncOnce(a, share)
    expect(await syncedState(c)).toEqual(await syncedState(a))
    expect(await c.db.complaints.where('customerName').equals('快照之后').count()).toBe(1)
    expect((await c.db.syncPeers.get('pcA'))?.upTo).toBeGreaterThan(0)
  })

  it('an unfinished snapshot (no manifest) is ignored; a damaged one is skipped and segments replayed', async () => {
    const { share, a } = await storeWithHistory()
    const snap = await snapshotNow(a, share)
    const id = snap?.snapshotId ?? ''
    const chunk = (await share.files(`snapshots/${id}`)).find((f) => f.includes('chunk-'))!
    await share.corrupt(chunk, (bytes) => {
      const copy = bytes.slice()
      copy[copy.length - 10] = (copy[copy.length - 10] ?? 0) ^ 0xff
      return copy
    })
    await share.writeNew('snapshots/999999999999999-pcZ/chunk-000001.snap', new Uint8Array([1, 2, 3]))
    const c = await pc('pcC', 'C1')
    const report = await syncOnce(c, share)
    expect(report.state).toBe('synced')
    expect(report.problems.map((p) => p.kind)).toContain('checksum')
    // (B's clock runs an hour ahead of C's, so C also says so — not a problem of the snapshot.)
    expect(new Set(report.problems.map((p) => p.kind))).toEqual(new Set(['checksum', 'clockAhead']))
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })
})
