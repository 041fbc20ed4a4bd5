import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
// eslint-disable-next-line no-restricted-imports -- a read run as a page's live query runs it (useLiveQuery), where nothing may be written
import { liveQuery } from 'dexie'
import { registerComplaint } from '@/db/complaints'
import { searchCustomers } from '@/db/customerQuery'
import { HISTORY_KEY, pendingHistory } from '@/db/sync/historyLoader'
import { writeSnapshot } from '@/db/sync/snapshots'
import { isStoreAccess, openStore } from '@/db/sync/storeAccess'
import { syncOnce, type SyncReport } from '@/db/sync/syncOnce'
import { dayOfRow, linesOf, type DayRowEntry } from '@/db/dayRows'
import { complaintDaysBuiltKey, ensureComplaintDays } from '@/db/complaintDays'
import { ensureServiceDays } from '@/db/serviceDays'
import { readReportInput } from '@/db/reports'
import type { RawReportInput } from '@/db/reportInput'
import type { RealShare } from './realShare'
import { decodes } from './snapshotDecodeSpy'
import { recordsOf } from '@/db/packedHistory'
import { intake, pc, reopen, shareKeeper, storeOnA, syncedState, type Pc } from './harness'

// Issue 18 point 1: a new PC stores the working set (every customer, open complaints and their
// timelines, every other table) in its first round and is usable; settled complaints and their
// timelines follow in later rounds, a chunk per round here (historyBudgetMs 0), and whatever is
// written meanwhile — here, or by a peer, even to a record whose stored copy has not arrived yet —
// merges per field with them.

vi.mock('@shared/sync/snapshot', async (original) =>
  (await import('./snapshotDecodeSpy')).spiedSnapshot(await original())
)

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const ONE_CHUNK = { historyBudgetMs: 0 }

/** Every day-row line (统计报表's complaints, 服务统计表's services) by local day, whatever the rows'
 *  split: what the reports read. */
async function dayLines(ctx: Pc): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const store of ['complaintDays', 'serviceDays'] as const)
    out[store] = (await ctx.db.table<DayRowEntry, string>(store).toArray())
      .flatMap((row) => linesOf(row).map((line) => `${dayOfRow(row.day)}\t${line}`))
      .sort()
  return out
}

/** Rounds until the history is all stored (at most `max`). */
async function untilLoaded(c: Pc, share: RealShare, max = 200): Promise<SyncReport[]> {
  const reports: SyncReport[] = []
  for (let i = 0; i < max; i++) {
    const report = await syncOnce(c, share, ONE_CHUNK)
    reports.push(report)
    if (!report.history) return reports
  }
  throw new Error('history never finished loading')
}

describe('usable-first join', () => {
  it('the first round stores the working set and is usable; settled history follows round by round', async () => {
    const share = await shares.make()
    const { a, ids } = await storeOnA(share, 12, (i) => i % 4 !== 0, 4)
    const c = await pc('pcC', 'C1')
    const first = await syncOnce(c, share, ONE_CHUNK)
    expect(first.state).toBe('synced')
    expect(first.history).toMatchObject({ done: 0 })
    // usable: every customer is found by name, phone and last 4; every open complaint is here with its
    // timeline; no settled one yet.
    for (let i = 0; i < 12; i++) {
      expect((await searchCustomers(c, `客户${i}`)).map((h) => h.customer.name)).toContain(`客户${i}`)
      expect((await searchCustomers(c, `1380013${8000 + i}`)).length).toBe(1)
    }
    expect((await searchCustomers(c, '8011')).length).toBe(1)
    const open = ids.filter((_, i) => i % 4 === 0)
    for (const id of open) {
      expect(await c.db.complaints.get(id)).toMatchObject({ status: 'registered' })
      expect(await c.db.events.where('subjectId').equals(id).count()).toBe(
        await a.db.events.where('subjectId').equals(id).count()
      )
    }
    expect(await c.db.complaints.count()).toBe(open.length)
    expect(await pendingHistory(c)).not.toBeNull()

    const rounds = await untilLoaded(c, share)
    expect(rounds.length).toBeGreaterThan(1)
    expect(rounds.every((r) => r.state === 'synced')).toBe(true)
    expect(await pendingHistory(c)).toBeNull()
    expect(await syncedState(c)).toEqual(await syncedState(a))
    // the day rows the history slices left out are rebuilt once everything is stored
    expect((await dayLines(c)).complaintDays?.length).toBeGreaterThan(0)
    expect(await dayLines(c)).toEqual(await dayLines(a))
  })

  it('keeps every record: after the full load the store equals merging every change (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          n: fc.integer({ min: 1, max: 8 }),
          settledMask: fc.integer({ min: 0, max: 255 }),
          chunk: fc.integer({ min: 1, max: 6 }),
          // after the snapshot, during C's background load: A edits complaints (by index), C registers
          edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom('content', 'demand', 'product')), {
            maxLength: 4
          }),
          localNew: fc.integer({ min: 0, max: 2 }),
          aSyncsAt: fc.nat({ max: 3 })
        }),
        async ({ n, settledMask, chunk, edits, localNew, aSyncsAt }) => {
          const share = await shares.make()
          const { a, ids } = await storeOnA(share, n, (i) => ((settledMask >> i) & 1) === 1, chunk)
          for (const [k, field] of edits) {
            a.time.value += 1_000
            await a.writer.transact('1002', (tx) =>
              tx.update('complaints', ids[k % ids.length] as string, { [field]: `A 改 ${k}` })
            )
          }
          const c = await pc('pcC', 'C1')
          await syncOnce(c, share, ONE_CHUNK)
          for (let i = 0; i < localNew; i++)
            await registerComplaint(
              c,
              '2001',
              intake({ customerPhone: `1390013${8000 + i}`, customerName: `新${i}` })
            )
          let round = 0
          for (;;) {
            // A's edits reach the share at some point of C's load (before or after their records arrive).
            if (round++ === aSyncsAt) await syncOnce(a, share)
            const report = await syncOnce(c, share, ONE_CHUNK)
            if (!report.history && round > aSyncsAt) break
            if (round > 200) throw new Error('history never finished loading')
          }
          await syncOnce(a, share)
          await syncOnce(c, share, ONE_CHUNK)
          expect(await syncedState(c)).toEqual(await syncedState(a))
          expect(await dayLines(c)).toEqual(await dayLines(a))
          await shares.disposeAll()
        }
      ),
      { numRuns: 12 }
    )
  }, 240_000)

  it('a write during the background load is kept and synced — also a peer’s edit of a complaint whose stored copy has not arrived', async () => {
    const share = await shares.make()
    const { a, ids } = await storeOnA(share, 10, (i) => i > 0, 3)
    const b = await pc('pcB', 'B1')
    await untilLoaded(b, share)
    const c = await pc('pcC', 'C1')
    await syncOnce(c, share, ONE_CHUNK)
    const last = ids[ids.length - 1] as string
    expect(await c.db.complaints.get(last)).toBeUndefined()

    // B edits a settled complaint C has not stored yet; C imports it before the snapshot's copy.
    b.time.value += 60_000
    await b.writer.transact('1003', (tx) => tx.update('complaints', last, { demand: 'B 补充的诉求' }))
    await syncOnce(b, share)
    // C works meanwhile: a new complaint, and an edit of an open one.
    const mine = await registerComplaint(
      c,
      '2001',
      intake({ customerPhone: '13900139000', customerName: '加载中登记' })
    )
    await c.writer.transact('2001', (tx) =>
      tx.update('complaints', ids[0] as string, { product: 'C 改的商品' })
    )
    const rounds = await untilLoaded(c, share)
    expect(rounds.every((r) => r.state === 'synced')).toBe(true)
    // Both sides of the early edit: the snapshot's fields and B's demand.
    expect(await c.db.complaints.get(last)).toMatchObject({
      demand: 'B 补充的诉求',
      content: '电饭煲不加热',
      status: 'closed',
      customerName: '客户9'
    })
    // An old complaint, loaded, can be edited here.
    await c.writer.transact('2001', (tx) =>
      tx.update('complaints', ids[1] as string, { demand: 'C 改旧投诉' })
    )
    await syncOnce(c, share)
    await syncOnce(a, share)
    await syncOnce(b, share)
    expect(await a.db.complaints.get(mine.id)).toMatchObject({ customerName: '加载中登记' })
    expect(await a.db.complaints.get(ids[0] as string)).toMatchObject({ product: 'C 改的商品' })
    expect(await a.db.complaints.get(ids[1] as string)).toMatchObject({ demand: 'C 改旧投诉' })
    expect(await syncedState(c)).toEqual(await syncedState(a))
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })

  it('a crash during the background load (the data layer dropped and reopened) resumes without loss or duplicate', async () => {
    const share = await shares.make()
    const { a } = await storeOnA(share, 12, (i) => i % 3 !== 0, 3)
    let c = await pc('pcC', 'C1')
    const dbName = c.db.name
    await syncOnce(c, share, ONE_CHUNK)
    await syncOnce(c, share, ONE_CHUNK)
    const before = (await pendingHistory(c))?.chunks.length ?? 0
    expect(before).toBeGreaterThan(1)
    // The process dies while a chunk is being stored: that call never completes (as a killed
    // renderer's transaction never commits), and the data layer is dropped.
    c.writer.applyHistoryRecords = () => Promise.reject(new Error('killed while storing a chunk'))
    await syncOnce(c, share, ONE_CHUNK)
    c.db.close()
    c = await reopen(c.time, 'pcC', dbName, 'C1')
    const after = (await c.db.meta.get(HISTORY_KEY))?.value as { chunks: number[] } | undefined
    // the chunk in flight was not stored, and the list still names it
    expect(after?.chunks.length).toBe(before)
    await untilLoaded(c, share)
    expect(await pendingHistory(c)).toBeNull()
    expect((await recordsOf(c.db, 'complaints')).length).toBe(await a.db.complaints.count())
    expect((await recordsOf(c.db, 'events')).length).toBe(await a.db.events.count())
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })
})

describe('usable-first join, day rows and progress', () => {
  it('a report opened mid-load and a crash between a slice and its progress: the day rows end equal, nothing doubled', async () => {
    const share = await shares.make()
    const { a } = await storeOnA(share, 12, (i) => i % 3 !== 0, 3)
    let c = await pc('pcC', 'C1')
    const dbName = c.db.name
    await syncOnce(c, share, ONE_CHUNK)
    await syncOnce(c, share, ONE_CHUNK)
    // 统计报表 opened while history loads reads the rows as they are and must not mark them built (the
    // slices still to come file no lines); it reads in a page's live query, where Dexie refuses every
    // write: no ReadOnlyError (a rebuild there blanked the window)
    await ensureComplaintDays(c.db)
    await ensureServiceDays(c.db)
    expect(await c.db.meta.get(complaintDaysBuiltKey())).toBeUndefined()
    const input = await new Promise<RawReportInput>((resolve, reject) => {
      const sub = liveQuery(() => readReportInput(c, { start: 0, end: c.time.value + 86_400_000 })).subscribe(
        {
          next: (value) => {
            sub.unsubscribe()
            resolve(value)
          },
          error: reject
        }
      )
    })
    expect(input.complaintRows.length).toBeGreaterThan(0) // the working set's rows, filed as stored
    // the process dies after a slice's records are stored, before its progress is
    const before = (await pendingHistory(c))?.chunks.length ?? 0
    const put = c.db.meta.put.bind(c.db.meta)
    c.db.meta.put = ((row: { key: string; value: unknown }) =>
      row.key === HISTORY_KEY
        ? Promise.reject(new Error('killed before the progress'))
        : put(row)) as typeof c.db.meta.put
    await syncOnce(c, share, ONE_CHUNK)
    c.db.close()
    c = await reopen(c.time, 'pcC', dbName, 'C1')
    expect((await pendingHistory(c))?.chunks.length).toBe(before)
    await untilLoaded(c, share)
    expect(await pendingHistory(c)).toBeNull()
    expect((await recordsOf(c.db, 'complaints')).length).toBe(await a.db.complaints.count())
    expect(await syncedState(c)).toEqual(await syncedState(a))
    expect(await dayLines(c)).toEqual(await dayLines(a))
    expect(await c.db.meta.get(complaintDaysBuiltKey())).toBeDefined()
  })
})

describe('usable-first join, the snapshot going away', () => {
  it('the snapshot removed mid-load: the rest comes from the newest complete one; with none, it says so and keeps the list', async () => {
    const share = await shares.make()
    const { a } = await storeOnA(share, 9, (i) => i % 3 !== 0, 3)
    const c = await pc('pcC', 'C1')
    decodes.length = 0
    await syncOnce(c, share, ONE_CHUNK)
    const first = (await pendingHistory(c))?.snapshotId as string
    // the first pass validates every record; the history pass of that same snapshot only checks hashes
    expect(decodes.length).toBeGreaterThan(0)
    expect(decodes.every((d) => d.snapshotId === first && !d.verified)).toBe(true)
    decodes.length = 0
    await syncOnce(c, share, ONE_CHUNK)
    expect(decodes.length).toBeGreaterThan(0)
    expect(decodes.every((d) => d.snapshotId === first && d.verified)).toBe(true)
    for (const f of await share.files(`snapshots/${first}`)) await share.remove(f)
    // none left: a problem, the list kept, nothing lost
    const stuck = await syncOnce(c, share, ONE_CHUNK)
    expect(stuck.problems.map((p) => p.kind)).toContain('truncated')
    expect(await pendingHistory(c)).not.toBeNull()
    // A writes a newer one: C finishes from it
    a.time.value += 60_000
    const store = await openStore(a.db, share, a.now())
    if (!isStoreAccess(store)) throw new Error('A has no store')
    await writeSnapshot(a, share, store, { chunkRecords: 4 })
    decodes.length = 0
    await untilLoaded(c, share)
    // another snapshot than the one validated: every record of it is validated
    expect(decodes.length).toBeGreaterThan(0)
    expect(decodes.some((d) => d.verified)).toBe(false)
    expect(await pendingHistory(c)).toBeNull()
    expect(await syncedState(c)).toEqual(await syncedState(a))
    // the day rows the history slices left out are rebuilt once everything is stored
    expect((await dayLines(c)).complaintDays?.length).toBeGreaterThan(0)
    expect(await dayLines(c)).toEqual(await dayLines(a))
  })
})
