process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  nextStep,
  overdueCount,
  selectPrefill,
  type PrefillComplaintSource,
  type PrefillInput,
  type PrefillReturnSource,
  type PrefillTaskSource
} from '@shared/domain/handoverPrefill'
import { attemptField, type RevisitAttempt } from '@shared/domain/revisit'
import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'
import { businessClock } from '@shared/domain/clock/businessClock'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'

const at = (local: string) => Date.parse(`${local}+08:00`)
const MIN = 60_000
const H = 3_600_000
const DAY = 24 * H
const R = DEFAULT_TIME_RULES

// The 白班 of 2026-11-23 ends at 17:00; the note is written at 16:30.
const NOW = at('2026-11-23T16:30:00')
const SHIFT_END = at('2026-11-23T17:00:00')

function complaint(id: string, over: Partial<PrefillComplaintSource> = {}): PrefillComplaintSource {
  return {
    id,
    no: `TS-20261123-A3-${id}`,
    status: 'inProgress',
    receivedAt: at('2026-11-23T09:00:00'),
    customerName: `客户${id}`,
    customerPhone: '13800138000',
    firstResponseAt: at('2026-11-23T09:10:00'),
    resolvedAt: null,
    revisit: null,
    escalationLevel: 0,
    ...over
  }
}

function ret(id: string, status: PrefillReturnSource['status']): PrefillReturnSource {
  return {
    id,
    customerName: '李四',
    customerPhone: '13900139000',
    type: 'return',
    status,
    amount: 99,
    createdAt: at('2026-11-23T10:00:00'),
    complaintId: null
  }
}

/** A 回访任务 as stored, due at `dueAt`, with its attempts as `attempt:<id>` fields. */
function task(
  id: string,
  dueAt: number,
  over: Partial<PrefillTaskSource> = {},
  attempts: Omit<RevisitAttempt, 'id'>[] = []
): PrefillTaskSource {
  const t: PrefillTaskSource & Record<string, unknown> = {
    id,
    rule: 'keyAccount',
    sourceId: `c-${id}`,
    sourceNo: '',
    customerName: `客户${id}`,
    customerPhone: '13900001111',
    windowStart: dueAt - 3 * DAY,
    dueAt,
    retryMinutes: 120,
    maxAttempts: 3,
    ...over
  }
  attempts.forEach((a, i) => (t[attemptField(`${id}-${i}`)] = a))
  return t
}

function select(over: Partial<PrefillInput> = {}) {
  return selectPrefill({
    complaints: [],
    returns: [],
    revisitTasks: [],
    rules: R,
    now: NOW,
    shiftEnd: SHIFT_END,
    previous: null,
    ...over
  })
}

describe('selectPrefill — which items appear', () => {
  it('lists every open complaint with age, status, escalation and what is due next; ended ones never', () => {
    const p = select({
      complaints: [
        complaint('001'),
        complaint('002', { status: 'closed', resolvedAt: at('2026-11-23T11:00:00') }), // closed today
        complaint('003', { status: 'rejected' }),
        complaint('004', { status: 'awaitingApproval' })
      ]
    })
    expect(p.complaints.map((c) => c.id)).toEqual(['001', '004'])
    const first = p.complaints[0]!
    expect(first.ageMs).toBe(NOW - at('2026-11-23T09:00:00'))
    expect(first.status).toBe('inProgress')
    expect(first.level).toBe(0)
    expect(first.next).toEqual({ kind: 'escalateLeader', at: at('2026-11-24T09:00:00') })
    expect(first.overdue).toBe(false)
  })

  it('puts overdue cases first and marks them (sunset rule breached, escalated)', () => {
    const p = select({
      complaints: [
        complaint('fresh'),
        complaint('nojudgement', { receivedAt: at('2026-11-22T15:00:00'), firstResponseAt: null }),
        complaint('escalated', {
          receivedAt: at('2026-11-22T09:00:00'),
          firstResponseAt: at('2026-11-22T09:05:00')
        })
      ]
    })
    expect(p.complaints.map((c) => [c.id, c.overdue])).toEqual([
      ['nojudgement', true],
      ['escalated', true],
      ['fresh', false]
    ])
    expect(p.complaints.find((c) => c.id === 'escalated')?.level).toBe(1)
    expect(p.complaints.find((c) => c.id === 'nojudgement')?.next).toEqual({
      kind: 'firstResponse',
      at: at('2026-11-23T00:00:00')
    })
    expect(overdueCount(p)).toBe(2)
  })

  it('counts a step due exactly at the end of the shift as due this shift, one ms later as not', () => {
    const dueAtEnd = complaint('end', { receivedAt: SHIFT_END - R.escalateToLeaderAfterHours * H })
    const dueAfter = complaint('after', { receivedAt: SHIFT_END + 1 - R.escalateToLeaderAfterHours * H })
    const p = select({ complaints: [dueAtEnd, dueAfter] })
    expect(p.complaints.map((c) => [c.id, c.next.at, c.dueThisShift])).toEqual([
      ['end', SHIFT_END, true],
      ['after', SHIFT_END + 1, false]
    ])
  })

  it('lists the open 回访任务 of every rule due today or overdue, in place of the complaint-only list', () => {
    const noAnswer = (at: number): Omit<RevisitAttempt, 'id'> => ({
      at,
      staffNo: '1001',
      outcome: 'noAnswer'
    })
    const p = select({
      // A complaint in 待回访 is no longer listed as a follow-up by itself: its task is.
      complaints: [complaint('c1', { status: 'awaitingRevisit', resolvedAt: at('2026-11-20T11:00:00') })],
      revisitTasks: [
        task('upcoming', at('2026-11-24T00:00:01')), // due after today's store day: not listed
        task('tonight', at('2026-11-23T23:59:00'), { rule: 'repair', sourceId: 'c9', sourceNo: 'TS-9' }),
        task('midnight', at('2026-11-24T00:00:00')), // the end of today's store day: listed
        task(
          'overdue',
          at('2026-11-23T11:00:00'),
          { rule: 'complaint', sourceId: 'c1', sourceNo: 'TS-20261120-A3-001' },
          [noAnswer(at('2026-11-23T09:00:00')), noAnswer(at('2026-11-23T11:30:00'))]
        ),
        task('done', at('2026-11-23T10:00:00'), {}, [
          { at: at('2026-11-23T09:30:00'), staffNo: '1001', outcome: 'reached', satisfaction: 'satisfied' }
        ]),
        task('unreachable', at('2026-11-23T10:00:00'), { maxAttempts: 1 }, [
          noAnswer(at('2026-11-23T09:00:00'))
        ]),
        task('cancelled', at('2026-11-23T10:00:00'), { cancelled: 'doNotContact' }),
        task('campaign', at('2026-11-22T18:00:00'), {
          rule: 'campaign',
          campaign: { name: '元旦问候', scriptRule: 'keyAccount' }
        })
      ]
    })
    expect(p.revisits.map((r) => [r.id, r.overdue, r.attempts])).toEqual([
      ['campaign', true, 0],
      ['overdue', true, 2],
      ['tonight', false, 0],
      ['midnight', false, 0]
    ])
    expect(p.revisits[1]).toMatchObject({
      rule: 'complaint',
      sourceNo: 'TS-20261120-A3-001',
      complaintId: 'c1',
      customerName: '客户overdue',
      customerPhone: '13900001111',
      dueAt: at('2026-11-23T11:00:00'),
      carried: 0
    })
    expect(p.revisits[0]).toMatchObject({ rule: 'campaign', sourceNo: '元旦问候', complaintId: null })
    expect(p.revisits[2]).toMatchObject({ rule: 'repair', sourceNo: 'TS-9', complaintId: 'c9' })
    expect(p.revisits[3]).toMatchObject({ rule: 'keyAccount', sourceNo: '', complaintId: null })
    // Everything else the pre-fill did is kept: the complaint is still listed with its next step.
    expect(p.complaints.map((c) => [c.id, c.next.kind])).toEqual([['c1', 'revisit']])
  })

  it('counts the shifts a 回访任务 has been handed over, by task', () => {
    const ref = {
      id: 'h1',
      date: '2026-11-23',
      shiftName: '白班',
      outgoingStaffNo: '1001',
      outgoingName: '王小明'
    }
    const first = select({ revisitTasks: [task('t1', NOW - H)] })
    const second = select({
      revisitTasks: [task('t1', NOW - H), task('t2', NOW + H)],
      previous: { ref, acknowledged: true, prefill: first }
    })
    expect(second.revisits.map((r) => [r.id, r.carried])).toEqual([
      ['t1', 1],
      ['t2', 0]
    ])
  })

  it('lists callbacks promised on open cases, overdue and due-this-shift marked', () => {
    const p = select({
      complaints: [
        complaint('late', { callback: { dueAt: NOW - MIN, note: '约好下午回电' } }),
        complaint('atEnd', { callback: { dueAt: SHIFT_END, note: '' } }),
        complaint('tomorrow', { callback: { dueAt: SHIFT_END + DAY, note: '' } }),
        complaint('none', { callback: null }),
        complaint('closed', { status: 'closed', callback: { dueAt: NOW, note: '' } })
      ]
    })
    expect(p.callbacks.map((c) => [c.id, c.overdue, c.dueThisShift])).toEqual([
      ['late', true, true],
      ['atEnd', false, true],
      ['tomorrow', false, false]
    ])
    expect(p.callbacks[0]!.note).toBe('约好下午回电')
    expect(nextStep(complaint('x', { callback: { dueAt: NOW + MIN, note: '' } }), R)).toEqual({
      kind: 'callback',
      at: NOW + MIN
    })
    expect(overdueCount(p)).toBe(1)
  })

  it('lists returns in progress only', () => {
    const p = select({
      returns: [ret('r1', 'pending'), ret('r2', 'processing'), ret('r3', 'done'), ret('r4', 'cancelled')]
    })
    expect(p.returns.map((r) => r.id)).toEqual(['r1', 'r2'])
  })

  it('says what a case waits on when no clock runs', () => {
    expect(
      nextStep(complaint('a', { status: 'awaitingApproval', resolvedAt: null, escalationLevel: 2 }), R)
    ).toEqual({ kind: 'approval', at: null })
    expect(nextStep(complaint('b', { escalationLevel: 2 }), R)).toEqual({ kind: 'result', at: null })
  })

  it('marks the previous note only when it was not acknowledged', () => {
    const ref = {
      id: 'h1',
      date: '2026-11-23',
      shiftName: '晚班',
      outgoingStaffNo: '1002',
      outgoingName: '李四'
    }
    const prev = (acknowledged: boolean) => ({ ref, acknowledged, prefill: select() })
    expect(select({ previous: prev(true) }).previous).toBeNull()
    expect(select({ previous: prev(false) }).previous).toEqual({ ...ref, acknowledged: false })
  })
})

describe('selectPrefill — carried counts', () => {
  it('counts the shifts each entry has been handed over, per kind', () => {
    const c = complaint('001', { callback: { dueAt: NOW + H, note: '' } })
    const first = select({ complaints: [c], returns: [ret('r1', 'pending')] })
    expect([first.complaints[0]!.carried, first.callbacks[0]!.carried, first.returns[0]!.carried]).toEqual([
      0, 0, 0
    ])
    const ref = {
      id: 'h1',
      date: '2026-11-23',
      shiftName: '白班',
      outgoingStaffNo: '1001',
      outgoingName: '王小明'
    }
    const second = select({
      complaints: [c, complaint('002')],
      returns: [ret('r1', 'processing')],
      previous: { ref, acknowledged: true, prefill: first }
    })
    expect(second.complaints.map((x) => [x.id, x.carried])).toEqual([
      ['001', 1],
      ['002', 0]
    ])
    expect([second.callbacks[0]!.carried, second.returns[0]!.carried]).toEqual([1, 1])
    const third = select({ complaints: [c], previous: { ref, acknowledged: false, prefill: second } })
    expect(third.complaints[0]!.carried).toBe(2)
  })
})

describe('selectPrefill in counted time (暂停计时, 停业日: issue 16)', () => {
  it('a paused case is not overdue and has no timed next step; a resumed one is due later by the paused time', () => {
    // received yesterday 09:00, answered: only the 24 h rule left, due today 09:00 (overdue at 16:30)
    const late = complaint('001', {
      receivedAt: at('2026-11-22T09:00:00'),
      firstResponseAt: at('2026-11-22T09:10:00')
    })
    const plain = select({ complaints: [late] })
    expect(plain.complaints[0]).toMatchObject({ overdue: true, level: 1 })
    // paused since yesterday 10:00, still paused: nothing is due
    const paused = businessClock([{ from: at('2026-11-22T10:00:00'), to: Infinity }])
    const held = select({ complaints: [late], clockOf: () => paused })
    expect(held.complaints[0]).toMatchObject({ overdue: false, level: 0, next: { kind: 'result', at: null } })
    // paused 10:00–18:00 yesterday: the 24 h deadline is today 17:00, inside this shift
    const resumed = businessClock([{ from: at('2026-11-22T10:00:00'), to: at('2026-11-22T18:00:00') }])
    const later = select({ complaints: [late], clockOf: () => resumed })
    expect(later.complaints[0]).toMatchObject({
      overdue: false,
      next: { kind: 'escalateLeader', at: at('2026-11-23T17:00:00') },
      dueThisShift: true
    })
    // received on a closed day (yesterday): its 24 h start when the store opens, due tomorrow 00:00
    const closed = businessClock(closedDayIntervals(['2026-11-22'], R.storeDayEndsAt))
    const skipped = select({ complaints: [late], clockOf: () => closed })
    expect(skipped.complaints[0]).toMatchObject({ overdue: false, dueThisShift: false })
    expect(skipped.complaints[0]!.next).toEqual({ kind: 'escalateLeader', at: at('2026-11-24T00:00:00') })
    expect(nextStep(late, R, closed)).toEqual(skipped.complaints[0]!.next)
  })
})
