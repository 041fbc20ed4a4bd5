// Closed days are local store days: the stores run in Asia/Shanghai (docs/metrics.md §1).
process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Change } from '@shared/sync/change'
import type { Complaint } from '@shared/domain/complaint'
import { businessClock } from '@shared/domain/clock/businessClock'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'
import { clockState, pauseIntervals } from '@shared/domain/clock/pauses'
import { nextEscalationAt, overdueAt } from '@shared/domain/timeRules'
import { registerComplaint } from '@/db/complaints'
import { applyWorkflow } from '@/db/workflow'
import { addStaff } from '@/db/staff'
import { pauseComplaintClock, resumeComplaintClock } from '@/db/complaintClockWrite'
import { getClosedDays, saveClosedDays } from '@/db/closedDays'
import { syncOnce } from '@/db/sync/syncOnce'
import type { DataContext } from '@/db/context'
import { BASE_TIME, intake, pc, shareKeeper, syncedState, type Pc } from './harness'

// 暂停计时 and 停业日 between PCs (issue 16): clock events are timeline events with deterministic ids
// (shared/domain/clock/pauses.ts), so two PCs that act on the same interval at the same moment write
// the same id and sync keeps one; every PC then folds the same events into the same `_pauses` and
// derives the same deadlines. The closed days are a per-date synced setting.

const H = 3_600_000
const shares = shareKeeper()
afterEach(() => shares.disposeAll())

async function clockEvents(ctx: DataContext, id: string) {
  return (
    await ctx.db.events.where('[subjectId+at]').between([id, -Infinity], [id, Infinity]).toArray()
  ).filter((e) => e.type === 'clockPaused' || e.type === 'clockResumed')
}

/** The stored keys equal the pure rules with the clock folded from the PC's events and its closed days. */
async function expectPureKeys(ctx: DataContext, id: string): Promise<void> {
  const c = (await ctx.db.complaints.get(id)) as Complaint & { _overdueAt?: number; _escalateAt?: number }
  const clock = businessClock(
    closedDayIntervals(await getClosedDays(ctx), ctx.timeRules.storeDayEndsAt),
    pauseIntervals(await clockEvents(ctx, id))
  )
  expect(c._overdueAt ?? null).toBe(overdueAt(c, ctx.timeRules, clock))
  expect(c._escalateAt ?? null).toBe(nextEscalationAt(c, ctx.timeRules, clock))
}

/** Two PCs that share one answered complaint (only its 24 h clock left). */
async function twoPcs(): Promise<{
  a: Pc
  b: Pc
  id: string
  receivedAt: number
  share: Awaited<ReturnType<typeof shares.make>>
}> {
  const share = await shares.make()
  const a = await pc('pcA', 'A1')
  const b = await pc('pcB', 'B1')
  const c = await registerComplaint(a, '1001', intake())
  await applyWorkflow(a, { staffNo: '1001', role: 'clerk' }, c.id, { type: 'judgeValid' })
  await syncOnce(a, share)
  await syncOnce(b, share)
  return { a, b, id: c.id, receivedAt: c.receivedAt, share }
}

describe('暂停计时 between two PCs', () => {
  for (const first of ['A', 'B'] as const)
    it(`a pause on PC A and a resume on PC B at the same moment converge (${first} syncs first)`, async () => {
      const { a, b, id, receivedAt, share } = await twoPcs()
      // Offline from each other: B pauses at 11:00 and resumes at 12:00; at 12:00 A, which has not
      // seen B's pause, pauses too. Both wrote pause 1 (the same id): the first write (B's, 11:00) is
      // kept everywhere, then B's resume 1 closes it.
      b.time.value = BASE_TIME + H
      await pauseComplaintClock(b, '1001', id, 'customer')
      b.time.value = BASE_TIME + 2 * H
      a.time.value = BASE_TIME + 2 * H
      await resumeComplaintClock(b, '1001', id)
      await pauseComplaintClock(a, '1001', id, 'parts')
      const [x, y] = first === 'A' ? [a, b] : [b, a]
      await syncOnce(x, share)
      await syncOnce(y, share)
      await syncOnce(x, share)

      expect(await syncedState(b)).toEqual(await syncedState(a))
      for (const ctx of [a, b]) {
        const events = await clockEvents(ctx, id)
        expect(clockState(events)).toMatchObject({ paused: false, seq: 1 })
        expect((await ctx.db.complaints.get(id))?._pauses).toEqual([
          { from: BASE_TIME + H, to: BASE_TIME + 2 * H }
        ])
        expect((await ctx.db.complaints.get(id))?._escalateAt).toBe(receivedAt + 25 * H)
        await expectPureKeys(ctx, id)
      }
      // the next pause on either PC takes number 2, and reaches the other
      a.time.value = BASE_TIME + 3 * H
      await pauseComplaintClock(a, '1001', id, 'vendor')
      await syncOnce(a, share)
      await syncOnce(b, share)
      expect((await b.db.complaints.get(id))?._pauses).toEqual([
        { from: BASE_TIME + H, to: BASE_TIME + 2 * H },
        { from: BASE_TIME + 3 * H, to: null }
      ])
      expect((await b.db.complaints.get(id))?._escalateAt).toBeUndefined()
      expect(await syncedState(b)).toEqual(await syncedState(a))
    })

  it('two PCs resuming the same pause at the same moment keep one resume, and the same deadlines', async () => {
    const { a, b, id, share } = await twoPcs()
    a.time.value = BASE_TIME + H
    await pauseComplaintClock(a, '1001', id, 'parts')
    await syncOnce(a, share)
    await syncOnce(b, share)
    a.time.value = b.time.value = BASE_TIME + 5 * H
    await resumeComplaintClock(a, '1001', id)
    await resumeComplaintClock(b, '1001', id)
    await syncOnce(a, share)
    await syncOnce(b, share)
    await syncOnce(a, share)
    expect(await syncedState(b)).toEqual(await syncedState(a))
    const events = await clockEvents(b, id)
    expect(events.map((e) => e.id).sort()).toEqual([`${id}:clockPaused:1`, `${id}:clockResumed:1`])
    for (const ctx of [a, b]) await expectPureKeys(ctx, id)
  })

  it('a complaint whose clock events arrive before it gets its pauses when it arrives', async () => {
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const c = await registerComplaint(a, '1001', intake())
    a.time.value += H
    await pauseComplaintClock(a, '1001', c.id, 'vendor')
    a.time.value += 3 * H
    await resumeComplaintClock(a, '1001', c.id)
    const all = (await a.db.outbox.toArray()).map(({ seq: _seq, ...e }) => e as Change)
    const isClock = (e: Change) => e.table === 'events' && e.recordId.includes(':clock')
    await b.writer.applyRemote(all.filter(isClock))
    expect(await b.db.complaints.get(c.id)).toBeUndefined()
    await b.writer.applyRemote(all.filter((e) => !isClock(e)))
    const onB = await b.db.complaints.get(c.id)
    expect(onB?._pauses).toEqual((await a.db.complaints.get(c.id))?._pauses)
    expect(onB?._pauses).toHaveLength(1)
    expect(onB?._overdueAt).toBe((await a.db.complaints.get(c.id))?._overdueAt)
    await expectPureKeys(b, c.id)
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })
})

describe('停业日 between two PCs', () => {
  it('reach the other PC, which recomputes its open cases’ deadlines; two managers’ dates both stay', async () => {
    const { a, b, id, receivedAt, share } = await twoPcs()
    await addStaff(a, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
    await addStaff(a, '9001', { staffNo: '9002', name: '钱经理', role: 'manager' })
    await syncOnce(a, share)
    await syncOnce(b, share)
    // offline from each other, each manager closes another day
    await saveClosedDays(a, '9001', ['2026-11-23'])
    await saveClosedDays(b, '9002', ['2026-11-24'])
    await syncOnce(a, share)
    await syncOnce(b, share)
    await syncOnce(a, share)
    for (const ctx of [a, b]) {
      expect(await getClosedDays(ctx)).toEqual(['2026-11-23', '2026-11-24'])
      expect(ctx.closedDays).toEqual(['2026-11-23', '2026-11-24'])
      // received 11-22 10:00: 14 h that day, two closed days, 10 h on the 25th
      expect((await ctx.db.complaints.get(id))?._escalateAt).toBe(receivedAt + 72 * H)
      await expectPureKeys(ctx, id)
    }
    expect(await syncedState(b)).toEqual(await syncedState(a))
    // a removal travels too
    await saveClosedDays(b, '9002', ['2026-11-23'])
    await syncOnce(b, share)
    await syncOnce(a, share)
    expect(a.closedDays).toEqual(['2026-11-23'])
    expect((await a.db.complaints.get(id))?._escalateAt).toBe(receivedAt + 48 * H)
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })
})
