// Closed days are local store days: the stores run in Asia/Shanghai (docs/metrics.md §1).
process.env.TZ = 'Asia/Shanghai'
// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
// eslint-disable-next-line no-restricted-imports -- builds a database as schema version 9 left it, to test the upgrade
import Dexie from 'dexie'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm, type Complaint } from '@shared/domain/complaint'
import {
  evaluateTimeCounted,
  nextEscalationAt,
  overdueAt,
  countedEscalationDeadlines
} from '@shared/domain/timeRules'
import { businessClock } from '@shared/domain/clock/businessClock'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'
import { pauseIntervals, PAUSE_REASONS } from '@shared/domain/clock/pauses'
import { registerComplaint } from '@/db/complaints'
import { applyWorkflow } from '@/db/workflow'
import { addStaff } from '@/db/staff'
import { recordDueEscalations } from '@/db/escalations'
import { countOverdue, countComplaints } from '@/db/complaintQuery'
import { openDataLayer, type DataContext } from '@/db/context'
import {
  ClockRefusedError,
  complaintTime,
  pauseComplaintClock,
  resumeComplaintClock
} from '@/db/complaintClockWrite'
import { ClosedDaysRefusedError, getClosedDays, saveClosedDays } from '@/db/closedDays'
// eslint-disable-next-line no-restricted-imports -- the earlier schemas themselves, for the upgrade test
import { SCHEMA_V6, SCHEMA_V8, SCHEMA_V9 } from '@/db/schema'
import { random, randomChoices } from '../../../support/randomChoices'
import { device, freshData } from './helpers'

// 暂停计时 / 恢复计时 and 停业日 through the data layer (issue 16): the events written, the refusals,
// and the derived keys (_overdueAt, _escalateAt), the sweep and the screens' time all in counted time,
// equal to the pure rules of shared/domain/timeRules.ts with the clock built from the events.

const H = 3_600_000
const MIN = 60_000
const intake = () =>
  complaintIntakeSchema('2026-11-22').parse({
    ...emptyIntakeForm,
    customerPhone: '13800138000',
    customerName: '张三',
    content: '冰箱不制冷，等配件'
  })
const MANAGER = { staffNo: '9001', role: 'manager' as const }

type Ctx = Awaited<ReturnType<typeof freshData>>

async function withStaff(ctx: Ctx): Promise<Ctx> {
  await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
  await addStaff(ctx, '9001', { staffNo: '5001', name: '李值班', role: 'shiftLeader' })
  await addStaff(ctx, '9001', { staffNo: '1002', name: '赵专员', role: 'clerk' })
  return ctx
}

async function clockEvents(ctx: DataContext, id: string) {
  return (await ctx.db.events.where('[subjectId+at]').between([id, -Infinity], [id, Infinity]).toArray())
    .filter((e) => e.type === 'clockPaused' || e.type === 'clockResumed')
    .sort((a, b) => (a.id < b.id ? -1 : 1))
}

/** The pure rules' answer for a stored complaint: its clock rebuilt from its events (not from the
 *  stored `_pauses`) and the closed days as the test set them. */
async function pureKeys(ctx: DataContext, c: Complaint, closedDays: readonly string[]) {
  const clock = businessClock(
    closedDayIntervals(closedDays, ctx.timeRules.storeDayEndsAt),
    pauseIntervals(await clockEvents(ctx, c.id))
  )
  return {
    clock,
    overdueAt: overdueAt(c, ctx.timeRules, clock),
    escalateAt: nextEscalationAt(c, ctx.timeRules, clock)
  }
}

async function refusal(work: Promise<unknown>): Promise<string> {
  const e = await work.then(
    () => null,
    (error: unknown) => error
  )
  expect(e).toBeInstanceOf(Error)
  return (e as Error).message
}

async function footprint(ctx: DataContext) {
  return { outbox: await ctx.db.outbox.count(), events: await ctx.db.events.count() }
}

describe('暂停计时 / 恢复计时 in the data layer', () => {
  it('writes one timeline event each, with the reason; the deadlines move by the paused time; all of it syncs', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1001', intake())
    await applyWorkflow(ctx, { staffNo: '1001', role: 'clerk' }, c.id, { type: 'judgeValid' }) // sunset met: the 24 h rule is left
    expect((await ctx.db.complaints.get(c.id))?._escalateAt).toBe(c.receivedAt + 24 * H)

    ctx.time.value += H
    const pausedAt = ctx.time.value
    const outboxBefore = await ctx.db.outbox.count()
    await pauseComplaintClock(ctx, '1001', c.id, 'parts')
    const [paused] = await clockEvents(ctx, c.id)
    expect(paused).toMatchObject({
      id: `${c.id}:clockPaused:1`,
      subjectId: c.id,
      type: 'clockPaused',
      at: pausedAt,
      staffNo: '1001',
      data: { seq: 1, reason: 'parts' }
    })
    // the event went to the outbox (it syncs); the complaint's fields did not change
    const sent = (await ctx.db.outbox.toArray()).slice(outboxBefore)
    expect(new Set(sent.map((e) => `${e.table}/${e.recordId}`))).toEqual(new Set([`events/${paused?.id}`]))
    let stored = await ctx.db.complaints.get(c.id)
    expect(stored?._pauses).toEqual([{ from: pausedAt, to: null }])
    // while paused, neither overdue nor any escalation can come
    expect(stored?._escalateAt).toBeUndefined()
    expect(stored?._overdueAt).toBeUndefined()
    ctx.time.value += 30 * H
    expect(await recordDueEscalations(ctx)).toBe(0)
    expect(await countOverdue(ctx)).toBe(0)
    expect(complaintTime(ctx, stored as Complaint, ctx.now())).toMatchObject({
      overdue: false,
      leaderDeadline: null,
      managerDeadline: null
    })

    await resumeComplaintClock(ctx, '1001', c.id)
    const resumedAt = ctx.time.value
    const events = await clockEvents(ctx, c.id)
    expect(events.map((e) => [e.id, e.type, e.data])).toEqual([
      [`${c.id}:clockPaused:1`, 'clockPaused', { seq: 1, reason: 'parts' }],
      [`${c.id}:clockResumed:1`, 'clockResumed', { seq: 1 }]
    ])
    stored = await ctx.db.complaints.get(c.id)
    expect(stored?._pauses).toEqual([{ from: pausedAt, to: resumedAt }])
    const leader = c.receivedAt + 24 * H + (resumedAt - pausedAt)
    expect(stored?._escalateAt).toBe(leader)
    expect(complaintTime(ctx, stored as Complaint, ctx.now()).leaderDeadline).toBe(leader)
    // the sweep dates the escalation at the counted deadline, not the plain one
    ctx.time.value = leader
    expect(await recordDueEscalations(ctx)).toBe(1)
    expect((await ctx.db.events.get(`${c.id}:escalation:1`))?.at).toBe(leader)
  })

  it('refuses a pause while paused, a resume while running, a bad reason, an ended case, another clerk and a clock gone back — writing nothing', async () => {
    const ctx = await withStaff(await freshData())
    const c = await registerComplaint(ctx, '1001', intake())
    ctx.time.value += MIN

    let before = await footprint(ctx)
    expect(await refusal(resumeComplaintClock(ctx, '1001', c.id))).toBe('reports.clock.notPaused')
    expect(await refusal(pauseComplaintClock(ctx, '1001', c.id, 'weather'))).toBe('reports.clock.badReason')
    expect(await refusal(pauseComplaintClock(ctx, '1001', c.id, undefined))).toBe('reports.clock.badReason')
    // a clerk who is not the case's 首问负责人, and a 工号 nobody has
    expect(await refusal(pauseComplaintClock(ctx, '1002', c.id, 'customer'))).toBe('reports.clock.notAllowed')
    expect(await refusal(pauseComplaintClock(ctx, '7777', c.id, 'customer'))).toBe('reports.clock.notAllowed')
    expect(await refusal(pauseComplaintClock(ctx, '1001', 'nope', 'customer'))).toBe('complaint.notFound')
    expect(await footprint(ctx)).toEqual(before)

    await pauseComplaintClock(ctx, '1001', c.id, 'customer')
    before = await footprint(ctx)
    const error = await pauseComplaintClock(ctx, '9001', c.id, 'vendor').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClockRefusedError)
    expect((error as Error).message).toBe('reports.clock.alreadyPaused')
    // this PC's clock went back: before the pause
    ctx.time.value -= 2 * MIN
    expect(await refusal(resumeComplaintClock(ctx, '1001', c.id))).toBe('reports.clock.beforeLast')
    expect(await footprint(ctx)).toEqual(before)
    // a 值班长 may resume someone else's case
    ctx.time.value += 10 * MIN
    await resumeComplaintClock(ctx, '5001', c.id)
    expect((await clockEvents(ctx, c.id)).map((e) => e.staffNo)).toEqual(['1001', '5001'])

    // an ended case: no pause, no resume
    const rejected = await registerComplaint(ctx, '1001', intake())
    await applyWorkflow(ctx, MANAGER, rejected.id, {
      type: 'judgeInvalid',
      explanation: '经核实，商品符合标准，感谢您的理解。'
    })
    before = await footprint(ctx)
    expect(await refusal(pauseComplaintClock(ctx, '1001', rejected.id, 'customer'))).toBe(
      'reports.clock.caseEnded'
    )
    expect(await footprint(ctx)).toEqual(before)
  })

  it(
    'the derived deadlines with pauses equal the pure time rules for random instants',
    () =>
      fc.assert(
        fc.asyncProperty(randomChoices(), async (choices) => {
          const ctx = await withStaff(await freshData())
          const r = random(choices)
          const ids: string[] = []
          let closed: string[] = []
          let closedChanges = 0
          const dayOf = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 10)
          for (let step = 0; step < 70; step++) {
            ctx.time.value += r.int(8 * H)
            const roll = r.next()
            if (roll < 0.2 || ids.length === 0) ids.push((await registerComplaint(ctx, '1001', intake())).id)
            else if (roll < 0.8) {
              const id = r.pick(ids)
              const work =
                r.next() < 0.5
                  ? pauseComplaintClock(ctx, r.pick(['1001', '5001', '9001']), id, r.pick(PAUSE_REASONS))
                  : resumeComplaintClock(ctx, r.pick(['1001', '5001', '9001']), id)
              await work.catch((e: unknown) => expect(e).toBeInstanceOf(ClockRefusedError))
            } else if (roll < 0.9) {
              // a closed day near now, added or removed
              const day = dayOf(ctx.now() + (r.int(6) - 2) * 24 * H)
              closed = closed.includes(day) ? closed.filter((d) => d !== day) : [...closed, day].sort()
              await saveClosedDays(ctx, '9001', closed)
              closedChanges++
            } else {
              const id = r.pick(ids)
              await applyWorkflow(ctx, MANAGER, id, { type: 'judgeValid' }).catch(() => undefined)
            }
            if (r.next() < 0.3) await recordDueEscalations(ctx)

            expect(await getClosedDays(ctx)).toEqual(closed)
            for (const id of ids) {
              const c = (await ctx.db.complaints.get(id)) as Complaint & {
                _overdueAt?: number
                _escalateAt?: number
              }
              const pure = await pureKeys(ctx, c, closed)
              expect(c._overdueAt ?? null).toBe(pure.overdueAt)
              expect(c._escalateAt ?? null).toBe(pure.escalateAt)
              // at random instants, the screens' time (timeOf) is the pure evaluation, and the stored
              // key answers "overdue at t?" as the pure rule does
              for (let k = 0; k < 3; k++) {
                const t = ctx.now() + r.int(96 * H) - 48 * H
                const truth = evaluateTimeCounted(c, t, ctx.timeRules, pure.clock)
                const shown = complaintTime(ctx, c, t)
                expect(shown).toMatchObject(truth)
                expect([shown.leaderDeadline, shown.managerDeadline]).toEqual(
                  Object.values(countedEscalationDeadlines(c, ctx.timeRules, pure.clock))
                )
                expect(c._overdueAt !== undefined && t >= c._overdueAt).toBe(truth.overdue)
              }
            }
            const overdueNow = (
              await Promise.all(
                ids.map(async (id) => {
                  const c = (await ctx.db.complaints.get(id)) as Complaint
                  const pure = await pureKeys(ctx, c, closed)
                  return evaluateTimeCounted(c, ctx.now(), ctx.timeRules, pure.clock).overdue
                })
              )
            ).filter(Boolean).length
            expect(await countOverdue(ctx)).toBe(overdueNow)
            expect(await countComplaints(ctx, { status: 'all', search: '张三', overdue: true })).toBe(
              overdueNow
            )
          }
          // the run exercised what it is about: pauses, resumes, closed days
          const written = await ctx.db.events.toArray()
          expect(written.filter((e) => e.type === 'clockPaused').length).toBeGreaterThan(3)
          expect(written.filter((e) => e.type === 'clockResumed').length).toBeGreaterThan(2)
          expect(closedChanges).toBeGreaterThan(0)
        }),
        { seed: 1616, numRuns: 4, endOnFailure: true }
      ),
    120_000
  )
})

describe('停业日 in the data layer', () => {
  it('a manager adds and removes closed days; open cases’ deadlines move with them', async () => {
    const ctx = await withStaff(await freshData()) // 2026-11-22 10:00
    const c = await registerComplaint(ctx, '1001', intake())
    await applyWorkflow(ctx, MANAGER, c.id, { type: 'judgeValid' })
    expect((await ctx.db.complaints.get(c.id))?._escalateAt).toBe(c.receivedAt + 24 * H)

    expect(await saveClosedDays(ctx, '9001', ['2026-11-23'])).toEqual(['2026-11-23'])
    expect(ctx.closedDays).toEqual(['2026-11-23'])
    // 14 h on the 22nd, the 23rd closed, 10 h on the 24th
    expect((await ctx.db.complaints.get(c.id))?._escalateAt).toBe(c.receivedAt + 48 * H)
    const stored = await ctx.db.settings.get('closedDays')
    expect(stored).toMatchObject({ id: 'closedDays', 'day:2026-11-23': true })

    await saveClosedDays(ctx, '9001', [])
    expect(await getClosedDays(ctx)).toEqual([])
    expect((await ctx.db.complaints.get(c.id))?._escalateAt).toBe(c.receivedAt + 24 * H)
    expect(await ctx.db.settings.get('closedDays')).toMatchObject({ 'day:2026-11-23': false })
  })

  it('refuses a list with a bad date as a whole, naming each bad entry; the stored list stays', async () => {
    const ctx = await withStaff(await freshData())
    await saveClosedDays(ctx, '9001', ['2027-02-06'])
    const before = await footprint(ctx)
    const error = await saveClosedDays(ctx, '9001', ['2027-02-06', '2027-02-30', 'abc']).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ClosedDaysRefusedError)
    expect((error as ClosedDaysRefusedError).message).toBe('reports.closedDayList.badDate')
    expect((error as ClosedDaysRefusedError).problems).toEqual([
      { index: 1, code: 'reports.closedDayList.badDate' },
      { index: 2, code: 'reports.closedDayList.badDate' }
    ])
    expect(await getClosedDays(ctx)).toEqual(['2027-02-06'])
    expect(ctx.closedDays).toEqual(['2027-02-06'])
    expect(await footprint(ctx)).toEqual(before)
  })

  it('refuses anyone but an active 客服经理, in the data layer', async () => {
    const ctx = await withStaff(await freshData())
    const before = await footprint(ctx)
    for (const staffNo of ['1002', '5001', '7777'])
      expect(await refusal(saveClosedDays(ctx, staffNo, ['2027-02-06']))).toBe(
        'reports.closedDayList.managerOnly'
      )
    expect(await getClosedDays(ctx)).toEqual([])
    expect(await footprint(ctx)).toEqual(before)
  })
})

describe('schema v10 upgrade', () => {
  it('a complaint paused on another PC before this PC understood pauses gets its pauses and counted keys', async () => {
    const dbName = `upgrade-v10-${Math.random()}`
    const receivedAt = Date.parse('2026-11-20T10:00:00+08:00')
    const old = new Dexie(dbName)
    old.version(9).stores({ ...SCHEMA_V6, ...SCHEMA_V8, ...SCHEMA_V9 })
    const stamp = { hlc: '000000000000000-0000-dev-b', device: 'dev-b', staffNo: '1001' }
    await old.table('complaints').add({
      id: 'c1',
      no: 'TS-20261120-B1-001',
      status: 'inProgress',
      receivedAt,
      firstResponseAt: receivedAt,
      resolvedAt: null,
      revisit: null,
      escalationLevel: 0,
      _clock: {},
      _created: stamp,
      _updated: stamp,
      _openAt: receivedAt,
      _overdueAt: receivedAt + 24 * H,
      _escalateAt: receivedAt + 24 * H
    })
    const event = (id: string, type: string, at: number, data: object) => ({
      id,
      subjectId: 'c1',
      type,
      at,
      staffNo: '1001',
      data,
      _clock: {},
      _created: stamp,
      _updated: stamp
    })
    await old
      .table('events')
      .bulkAdd([
        event('c1:clockPaused:1', 'clockPaused', receivedAt + H, { seq: 1, reason: 'vendor' }),
        event('c1:clockResumed:1', 'clockResumed', receivedAt + 6 * H, { seq: 1 })
      ])
    old.close()
    const ctx = await openDataLayer(device(), { dbName, now: () => receivedAt })
    const c = await ctx.db.complaints.get('c1')
    expect(c?._pauses).toEqual([{ from: receivedAt + H, to: receivedAt + 6 * H }])
    expect(c?._escalateAt).toBe(receivedAt + 29 * H)
    expect(c?._overdueAt).toBe(receivedAt + 29 * H)
  })
})
