import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { lastDeviceRenewal } from '@/db/sync/renewDevice'
import { anyPacked, recordsOf, storePacks } from '@/db/packedHistory'
import { decodeSegment } from '@shared/sync/segment'
import { cloneOf, intake, pc, reopen, shareKeeper, syncedState } from './harness'

// A cloned disk image: two PCs with one device id. The one that finds its next segment already
// written by the other stops publishing (exportOutbox), main gives it a new id, and at its next
// start its unpublished work moves to that id (renewDevice.ts). Nothing is lost or doubled, and
// every PC ends up with the same data.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

describe('a cloned PC', () => {
  it('is detected by the one that publishes second, which takes a new id; all PCs converge, nothing lost or doubled', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const c = await pc('pcC', 'C1')
    const shared = await registerComplaint(a, '1001', intake({ customerName: '克隆前' }))
    await syncOnce(a, share)
    const b = await cloneOf(a, 'pcA', 'clone-b')

    // Apart, at the very same moment: the same field of the same complaint, and one new complaint each.
    b.time.value = a.time.value
    await a.writer.transact('1001', (tx) =>
      tx.update('complaints', shared.id, { content: '甲机补充：顾客要求换货' })
    )
    await b.writer.transact('1001', (tx) =>
      tx.update('complaints', shared.id, { content: '乙机补充：顾客同意退款' })
    )
    const onA = await registerComplaint(
      a,
      '1001',
      intake({ customerName: '甲机新客', customerPhone: '13900000001' })
    )
    const onB = await registerComplaint(
      b,
      '1001',
      intake({ customerName: '乙机新客', customerPhone: '13900000002' })
    )
    // (equal stamps with different values: exactly what must never reach a peer)
    expect((await a.db.complaints.get(shared.id))?._clock.content).toBe(
      (await b.db.complaints.get(shared.id))?._clock.content
    )

    expect((await syncOnce(a, share)).state).toBe('synced')
    const found = await syncOnce(b, share)
    expect(found.state).toBe('error')
    expect(found.problems.map((p) => p.kind)).toContain('clone')
    expect(await share.files('devices/pcA/segments')).toHaveLength(2) // nothing of B's written over A's

    // Main mints a new id (deviceStore.renew); the app restarts with it.
    const unpublishedOnB = await b.db.outbox
      .where('seq')
      .above(((await b.db.meta.get('sync.export'))?.value as { outboxSeq: number }).outboxSeq)
      .count()
    b.db.close()
    // (main also drew a new 电脑代码: K7)
    const b2 = await reopen(b.time, 'pcB-renewed', 'clone-b', 'K7')
    expect(await lastDeviceRenewal(b2)).toEqual({
      from: 'pcA',
      to: 'pcB-renewed',
      at: b2.time.value,
      moved: unpublishedOnB,
      renumbered: [[onB.no, onB.no.replace('-A1-', '-K7-')]]
    })
    // A and B both numbered their complaint TS-…-A1-002; B's was never published, so it takes B's new code,
    // and its timeline says the same.
    expect(onB.no).toBe(onA.no)
    const renumbered = onB.no.replace('-A1-', '-K7-')
    expect(await b2.db.complaints.get(onB.id)).toMatchObject({ no: renumbered })
    expect(
      (await b2.db.events.where('subjectId').equals(onB.id).toArray()).map(
        (e) => (e.data as { no?: string }).no
      )
    ).toContain(renumbered)
    expect(await b2.db.outbox.filter((e) => e.device !== 'pcB-renewed').count()).toBe(0)
    expect((await b2.db.complaints.get(shared.id))?._clock.content).toMatch(/-pcB-renewed$/)

    for (let round = 0; round < 2; round++)
      for (const p of [b2, a, c]) expect((await syncOnce(p, share)).state).toBe('synced')
    const state = await syncedState(a)
    expect(await syncedState(b2)).toEqual(state)
    expect(await syncedState(c)).toEqual(state)
    for (const p of [a, b2, c]) {
      expect(await p.db.complaints.get(onA.id)).toMatchObject({ customerName: '甲机新客' })
      expect(await p.db.complaints.get(onB.id)).toMatchObject({ customerName: '乙机新客', no: renumbered })
      expect(await p.db.complaints.count()).toBe(3)
    }
    // Same ms and counter: the device decides, the same way everywhere ('pcB-renewed' > 'pcA').
    expect((await c.db.complaints.get(shared.id))?.content).toBe('乙机补充：顾客同意退款')

    // The share: A's chain untouched and continued by A only; B's new chain holds only its own stamps.
    const bFiles = await share.files('devices/pcB-renewed/segments')
    expect(bFiles).toHaveLength(1)
    const bSegment = await decodeSegment(await share.read(bFiles[0] as string))
    expect(
      bSegment.ok &&
        bSegment.changes.every((ch) => ch.device === 'pcB-renewed' && ch.hlc.endsWith('-pcB-renewed'))
    ).toBe(true)
    expect(bSegment.ok && bSegment.header.seq).toBe(1)
    expect(await share.files('devices/pcA/segments')).toHaveLength(2)

    // Opening again with the same id moves nothing.
    b2.db.close()
    const b3 = await reopen(b.time, 'pcB-renewed', 'clone-b', 'K7')
    expect(await syncedState(b3)).toEqual(state)
    expect((await lastDeviceRenewal(b3))?.to).toBe('pcB-renewed')
    expect((await syncOnce(b3, share)).problems).toEqual([])
  })
})

describe('a PC taking a new id while it holds settled history in packs', () => {
  it('moves the unpublished work of a packed complaint (and its events) to the new id, renumbered, as rows', async () => {
    const x = await pc('pcX', 'X1')
    const dbName = x.db.name
    const made = await registerComplaint(x, '1001', intake({ customerName: '包内投诉' }))
    await x.writer.transact('1001', (tx) =>
      tx.update('complaints', made.id, { status: 'closed', closedAt: x.time.value })
    )
    // never published; then stored in a pack with its events, as a join stores settled history
    await x.db.transaction('rw', ['complaints', 'events', 'complaintPacks'], async () => {
      const row = await x.db.complaints.get(made.id)
      const events = await x.db.events
        .where('[subjectId+at]')
        .between([made.id, -Infinity], [made.id, Infinity])
        .toArray()
      await x.db.complaints.delete(made.id)
      await x.db.events.bulkDelete(events.map((e) => e.id))
      expect(await storePacks(x.db, [row as never], events, 'h:test')).toEqual([])
    })
    expect(await anyPacked(x.db)).toBe(true)
    expect(await x.db.complaints.count()).toBe(0)
    const eventCount = (await recordsOf(x.db, 'events')).filter((e) => e.subjectId === made.id).length
    expect(eventCount).toBeGreaterThan(0)
    x.db.close()

    const renewed = await reopen(x.time, 'pcX-new', dbName, 'K7')
    expect(await lastDeviceRenewal(renewed)).toMatchObject({ from: 'pcX', to: 'pcX-new' })
    const complaint = (await recordsOf(renewed.db, 'complaints')).find((c) => c.id === made.id)
    expect(complaint?.no).toBe(made.no.replace('-X1-', '-K7-'))
    const stamps = (r: Record<string, unknown> | undefined) => Object.values((r?._clock ?? {}) as object)
    expect(stamps(complaint).length).toBeGreaterThan(0)
    expect(stamps(complaint).every((h) => String(h).endsWith('-pcX-new'))).toBe(true)
    const events = (await recordsOf(renewed.db, 'events')).filter((e) => e.subjectId === made.id)
    expect(events).toHaveLength(eventCount)
    for (const e of events) expect(stamps(e).every((h) => String(h).endsWith('-pcX-new'))).toBe(true)
    // in one place: moved back to a row
    expect(await anyPacked(renewed.db)).toBe(false)
  })
})
