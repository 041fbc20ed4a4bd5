import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { registerComplaint } from '@/db/complaints'
import { listNumberClashes, renumberClash } from '@/db/sync/numberClash'
import { syncOnce } from '@/db/sync/syncOnce'
import { intake, pc, shareKeeper, syncedState } from './harness'

// Issue 18 point 3: two PCs given the same 电脑代码 by hand number their complaints alike. The peer's
// complaint is held back (unique index); renumbering this PC's side lets it in, and both cases'
// timelines record it, on every PC.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

describe('投诉编号冲突', () => {
  it('is listed; 改号 gives this PC’s complaint the next free number, merges the held one, and both timelines say so everywhere', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'A1') // the same 电脑代码, typed by hand
    const onA = await registerComplaint(a, '1001', intake({ customerName: '甲机客户' }))
    const onB = await registerComplaint(
      b,
      '1001',
      intake({ customerName: '乙机客户', customerPhone: '13900000002' })
    )
    expect(onA.no).toBe(onB.no)
    for (const p of [a, b]) await syncOnce(p, share)
    const report = await syncOnce(a, share)
    expect(report.problems.map((p) => p.kind)).toContain('uniqueClash')
    expect(await a.db.complaints.get(onB.id)).toBeUndefined()

    const clashes = await listNumberClashes(a)
    expect(clashes).toEqual([
      expect.objectContaining({
        no: onA.no,
        localId: onA.id,
        incomingId: onB.id,
        peer: 'pcB',
        incomingCustomer: '乙机客户'
      })
    ])
    const { from, to } = await renumberClash(a, '1001', clashes[0]!.heldId)
    expect(from).toBe(onA.no)
    expect(to).toBe(onA.no.replace(/-001$/, '-002'))
    expect(await a.db.complaints.get(onA.id)).toMatchObject({ no: to })
    expect(await a.db.complaints.get(onB.id)).toMatchObject({ no: from, customerName: '乙机客户' })
    expect(await listNumberClashes(a)).toEqual([])

    // Every PC ends with both complaints and both timeline entries.
    for (const p of [a, b, a, b]) await syncOnce(p, share)
    for (const p of [a, b]) {
      expect(await listNumberClashes(p)).toEqual([])
      expect((await p.db.complaints.get(onA.id))?.no).toBe(to)
      expect((await p.db.complaints.get(onB.id))?.no).toBe(from)
      const onAEvents = await p.db.events.where('subjectId').equals(onA.id).toArray()
      expect(onAEvents.find((e) => e.type === 'renumbered')?.data).toEqual({ field: 'complaintNo', from, to })
      const onBEvents = await p.db.events.where('subjectId').equals(onB.id).toArray()
      expect(onBEvents.find((e) => e.type === 'numberClashResolved')?.data).toMatchObject({
        no: from,
        otherTo: to
      })
    }
    expect(await syncedState(b)).toEqual(await syncedState(a))
    expect((await syncOnce(a, share)).problems.map((p) => p.kind)).not.toContain('uniqueClash')
  })
})
