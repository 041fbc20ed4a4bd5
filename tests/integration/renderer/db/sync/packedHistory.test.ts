import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { editComplaint, getComplaint, getTimeline } from '@/db/complaints'
import { complaintByNo, complaintsOfCustomers } from '@/db/complaintReads'
import { mergeCustomers } from '@/db/customerMerge'
import { listComplaints, NO_FILTER } from '@/db/complaintQuery'
import { serviceFacts } from '@/db/counterStats'
import { recordsOf } from '@/db/packedHistory'
import { syncOnce } from '@/db/sync/syncOnce'
import { recordAsChanges } from '@shared/sync/merge'
import { toSnapshotRecord } from '@shared/sync/snapshot'
import type { RealShare } from './realShare'
import { intake, pc, shareKeeper, storeOnA, syncedState, type Pc } from './harness'

// Issue 18, packed history: a joining PC stores settled complaints with their timelines in packs
// (renderer/src/db/packedHistory.ts). An old complaint still opens with its whole timeline and can
// be edited; a peer's change to it, a new event of it, the same event arriving again, a merge of its
// customer, a number clash with it — each ends as if it had been a row all along.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

/** A store on A of `n` complaints, every one but each 4th closed; snapshot; C joins and loads it all. */
async function joined(share: RealShare, n = 8): Promise<{ a: Pc; c: Pc; ids: string[] }> {
  const { a, ids } = await storeOnA(share, n, (i) => i % 4 !== 0, 100)
  const c = await pc('pcC', 'C1')
  for (let i = 0; i < 50 && (await syncOnce(c, share)).history; i++);
  return { a, c, ids }
}

/** A record without the stamps each PC keeps for itself (who wrote it here: '' for a snapshot's). */
const withoutStamps = (r: object | undefined) => {
  const { _created, _updated, ...rest } = (r ?? {}) as Record<string, unknown>
  return rest
}

const settledOf = (ids: string[]) => ids.filter((_, i) => i % 4 !== 0)

describe('packed history', () => {
  it('a join stores settled complaints in packs, never as rows, and reads find them with their timelines', async () => {
    const share = await shares.make()
    const { a, c, ids } = await joined(share)
    expect(await c.db.complaintPacks.count()).toBeGreaterThan(0)
    for (const id of settledOf(ids)) {
      expect(await c.db.complaints.get(id)).toBeUndefined()
      expect(withoutStamps(await getComplaint(c, id))).toEqual(withoutStamps(await getComplaint(a, id)))
      expect((await getTimeline(c, id)).map((e) => e.id)).toEqual((await getTimeline(a, id)).map((e) => e.id))
      const no = (await getComplaint(a, id))?.no as string
      expect((await complaintByNo(c.db, no))?.id).toBe(id)
    }
    expect(await syncedState(c)).toEqual(await syncedState(a))
    // 服务统计表 over part of a day reads the service keys, packed ones too
    const at = (await getComplaint(a, ids[1] as string))?.receivedAt as number
    const range = { start: at - 60_000, end: at + 60_000 }
    const facts = (ctx: Pc) => serviceFacts(ctx, range).then((f) => f.map((x) => JSON.stringify(x)).sort())
    expect((await facts(c)).length).toBe(ids.length)
    expect(await facts(c)).toEqual(await facts(a))
  })

  it('an old complaint edited here becomes a row (its events with it) and the edit reaches the peer', async () => {
    const share = await shares.make()
    const { a, c, ids } = await joined(share)
    const id = settledOf(ids)[0] as string
    const packsBefore = (await recordsOf(c.db, 'complaints')).length
    const old = (await getComplaint(c, id)) as NonNullable<Awaited<ReturnType<typeof getComplaint>>>
    const edited = {
      ...intake({ customerPhone: old.customerPhone, customerName: old.customerName }),
      content: '改过的内容'
    }
    expect(await editComplaint(c, '1001', id, edited)).toBeGreaterThan(0)
    expect(await c.db.complaints.get(id)).toMatchObject({ content: '改过的内容' })
    // out of its pack: in one place only, its earlier events moved with it
    const everywhere = (await recordsOf(c.db, 'complaints')).filter((r) => r.id === id)
    expect(everywhere).toHaveLength(1)
    expect((await recordsOf(c.db, 'complaints')).length).toBe(packsBefore)
    expect(await c.db.events.where('subjectId').equals(id).count()).toBe(
      (await a.db.events.where('subjectId').equals(id).count()) + 1
    )
    await syncOnce(c, share)
    await syncOnce(a, share)
    expect(await syncedState(a)).toEqual(await syncedState(c))
  })

  it('a peer’s edit of a packed complaint, and its new event, merge into it here', async () => {
    const share = await shares.make()
    const { a, c, ids } = await joined(share)
    const id = settledOf(ids)[1] as string
    const old = (await getComplaint(a, id)) as NonNullable<Awaited<ReturnType<typeof getComplaint>>>
    await editComplaint(a, '1001', id, {
      ...intake({ customerPhone: old.customerPhone, customerName: old.customerName }),
      content: 'A 改的内容'
    })
    await syncOnce(a, share)
    await syncOnce(c, share)
    expect(await getComplaint(c, id)).toMatchObject({ content: 'A 改的内容' })
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('an event already packed that arrives again is not stored a second time', async () => {
    const share = await shares.make()
    const { a, c, ids } = await joined(share)
    const id = settledOf(ids)[2] as string
    const events = await a.db.events.where('subjectId').equals(id).toArray()
    expect(events.length).toBeGreaterThan(0)
    const before = (await recordsOf(c.db, 'events')).length
    expect(await c.db.events.where('subjectId').equals(id).count()).toBe(0)
    await c.writer.applyRemote(
      events.flatMap((e) =>
        recordAsChanges('events', toSnapshotRecord(e as unknown as Record<string, unknown>))
      )
    )
    expect((await recordsOf(c.db, 'events')).length).toBe(before)
    expect(await c.db.events.where('subjectId').equals(id).count()).toBe(0)
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a slice stored again by the same PC (its progress not saved) leaves every complaint and event once', async () => {
    const share = await shares.make()
    const { a, c, ids } = await joined(share)
    const settled = settledOf(ids)
    const entries = [
      ...(await a.db.complaints.bulkGet(settled)).map((r) => ({ t: 'complaints' as const, r })),
      ...(await a.db.events.where('subjectId').anyOf(settled).toArray()).map((r) => ({
        t: 'events' as const,
        r
      }))
    ].map(({ t, r }) => ({ t, r: toSnapshotRecord(r as unknown as Record<string, unknown>) }))
    const before = {
      complaints: await recordsOf(c.db, 'complaints'),
      events: await recordsOf(c.db, 'events')
    }
    await c.writer.applyHistoryRecords(entries as never, 'test.sliceAgain', null)
    for (const table of ['complaints', 'events'] as const) {
      const after = (await recordsOf(c.db, table)).map((r) => r.id)
      expect(after.length, table).toBe(before[table].length)
      expect(new Set(after).size, table).toBe(after.length)
    }
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('merging a customer moves their packed complaints; a number already held by a packed one is a clash', async () => {
    const share = await shares.make()
    const { a, c, ids } = await joined(share)
    const [first, second] = settledOf(ids) as [string, string]
    const x = (await getComplaint(c, first))?.customerId as string
    const y = (await getComplaint(c, second))?.customerId as string
    await mergeCustomers(c, '1001', x, y)
    expect((await complaintsOfCustomers(c.db, [x])).map((r) => r.id).sort()).toEqual([first, second].sort())
    expect((await recordsOf(c.db, 'complaints')).filter((r) => r.id === second)).toHaveLength(1)
    await syncOnce(c, share)
    await syncOnce(a, share)
    expect(await syncedState(a)).toEqual(await syncedState(c))
    // a peer's new complaint numbered like a packed one is held back, not written over it
    const no = (await getComplaint(c, ids[3] as string))?.no as string
    const clash = { ...((await c.db.complaints.toCollection().first()) as object), id: 'clash-1', no }
    const outcome = await c.writer.applyRemote(
      recordAsChanges('complaints', toSnapshotRecord(clash as unknown as Record<string, unknown>))
    )
    expect(outcome.held.map((h) => h.recordId)).toEqual(['clash-1'])
  })

  it('the list on screen during the load fills in as packs are stored (its live query runs again)', async () => {
    const share = await shares.make()
    await storeOnA(share, 6, () => true, 4)
    const c = await pc('pcC', 'C1')
    await syncOnce(c, share, { historyBudgetMs: 0 })
    const seen: number[] = []
    const { liveQuery } = await import('dexie')
    const sub = liveQuery(() => listComplaints(c, NO_FILTER, 0, 50)).subscribe((rows) =>
      seen.push(rows.length)
    )
    try {
      for (let i = 0; i < 50 && (await syncOnce(c, share, { historyBudgetMs: 0 })).history; i++);
      await expect.poll(() => seen[seen.length - 1]).toBe(6)
      expect(await c.db.complaintPacks.count()).toBeGreaterThan(0)
    } finally {
      sub.unsubscribe()
    }
  })
})
