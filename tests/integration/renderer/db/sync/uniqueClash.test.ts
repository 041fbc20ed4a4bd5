import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { addStaff } from '@/db/staff'
import { listQuarantine } from '@/db/sync/quarantine'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { intake, pc, shareKeeper, syncedState } from './harness'
import { worded } from './worded'

// Two PCs add the same 工号 while apart: the staff table's unique index cannot hold both. The clash
// must not block that peer's other changes (it used to fail the whole apply transaction, every round).

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

describe('a record that would break a unique index', () => {
  it('is held back with its changes and reported, the rest applies, and it merges once the clash is gone', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const fromA = await addStaff(a, '1001', { staffNo: '2001', name: '甲', role: 'clerk' })
    const fromB = await addStaff(b, '1001', { staffNo: '2001', name: '乙', role: 'clerk' })
    const c = await registerComplaint(a, '1001', intake())
    await syncOnce(a, share)

    const report = await syncOnce(b, share)
    expect(report.state).toBe('synced')
    expect(report.problems.map(worded)).toEqual([
      expect.objectContaining({ kind: 'uniqueClash', peer: 'pcA', message: expect.stringContaining('工号') })
    ])
    expect(await b.db.complaints.get(c.id)).toMatchObject({ no: c.no })
    expect(await b.db.staff.get(fromA)).toBeUndefined()
    expect(await listQuarantine(b)).toEqual([
      expect.objectContaining({
        problem: 'uniqueClash',
        peer: 'pcA',
        detail: expect.stringContaining('"2001"')
      })
    ])
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 1, gaps: [] })
    // still held (and said) on the next round
    expect((await syncOnce(b, share)).problems.map((p) => p.kind)).toEqual(['uniqueClash'])

    // One of them is renumbered: the held record fits now and merges; everything converges.
    await b.writer.transact('1001', (tx) => tx.update('staff', fromB, { staffNo: '2002' }))
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await b.db.staff.get(fromA)).toMatchObject({ staffNo: '2001', name: '甲' })
    expect(await b.db.quarantine.count()).toBe(0)
    expect(await syncOnce(a, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await syncedState(a)).toEqual(await syncedState(b))
  })
})
