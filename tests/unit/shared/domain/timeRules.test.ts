process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TIME_RULES,
  escalationDeadlines,
  escalationsToRecord,
  evaluateTime,
  revisitDueAt,
  storeDayKey,
  sunsetDeadline,
  timeRuleSettingsSchema,
  type ComplaintClock,
  type EscalationRecord,
  type TimeRuleSettings
} from '@shared/domain/timeRules'
import type { Complaint } from '@shared/domain/complaint'

const at = (iso: string) => Date.parse(iso)
const MIN = 60_000
const H = 3_600_000
const DAY = 24 * H
const S = DEFAULT_TIME_RULES
const withEnd = (storeDayEndsAt: string): TimeRuleSettings => ({ ...S, storeDayEndsAt })

const RECEIVED = at('2026-11-22T10:00:00+08:00')

/** An open case with a timely first response, so only the rule under test can make it overdue. */
function clock(over: Partial<ComplaintClock> = {}): ComplaintClock {
  return {
    id: 'c1',
    status: 'inProgress',
    receivedAt: RECEIVED,
    firstResponseAt: RECEIVED + 10 * MIN,
    resolvedAt: null,
    revisit: null,
    escalationLevel: 0,
    ...over
  }
}

/** What a PC's sweep does: record what is due, then store the new level. */
function sweep(c: ComplaintClock, now: number, timeline: Map<string, EscalationRecord>): ComplaintClock {
  const due = escalationsToRecord(c, now, S)
  for (const e of due) if (!timeline.has(e.id)) timeline.set(e.id, e) // events merge by id
  return { ...c, escalationLevel: Math.max(c.escalationLevel, ...due.map((e) => e.level)) as 0 | 1 | 2 }
}

it('runs in China time', () => {
  expect(new Date(RECEIVED).getHours()).toBe(10)
})

describe('store day and 日落原则 deadline', () => {
  it('24:00: the store day is the calendar day; the deadline is the following midnight (across midnight)', () => {
    expect(sunsetDeadline(at('2026-11-22T23:59:00+08:00'), S)).toBe(at('2026-11-23T00:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-22T23:59:59.999+08:00'), S)).toBe(at('2026-11-23T00:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-23T00:00:00+08:00'), S)).toBe(at('2026-11-24T00:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-23T00:01:00+08:00'), S)).toBe(at('2026-11-24T00:00:00+08:00'))
    expect(storeDayKey(at('2026-11-22T23:59:59.999+08:00'), S)).toBe('2026-11-22')
    expect(storeDayKey(at('2026-11-23T00:00:00+08:00'), S)).toBe('2026-11-23')
  })

  it('24:00 for the night shift: a complaint at 23:59 is due the same night, one at 00:01 by the next midnight', () => {
    const late = clock({ receivedAt: at('2026-11-22T23:59:00+08:00'), firstResponseAt: null })
    expect(evaluateTime(late, at('2026-11-22T23:59:59.999+08:00'), S).sunsetBreached).toBe(false)
    expect(evaluateTime(late, at('2026-11-23T00:00:00+08:00'), S)).toMatchObject({
      sunsetBreached: true,
      overdue: true
    })
    const early = clock({ receivedAt: at('2026-11-23T00:01:00+08:00'), firstResponseAt: null })
    expect(evaluateTime(early, at('2026-11-23T23:59:00+08:00'), S)).toMatchObject({
      sunsetBreached: false,
      overdue: false
    })
  })

  it("'00:00' means the same as '24:00'", () => {
    expect(sunsetDeadline(at('2026-11-22T23:59:00+08:00'), withEnd('00:00'))).toBe(
      at('2026-11-23T00:00:00+08:00')
    )
    expect(sunsetDeadline(at('2026-11-23T00:00:00+08:00'), withEnd('00:00'))).toBe(
      at('2026-11-24T00:00:00+08:00')
    )
    expect(storeDayKey(at('2026-11-23T00:00:00+08:00'), withEnd('00:00'))).toBe('2026-11-23')
  })

  it('22:00: due the same evening; a complaint at or after closing is due at the NEXT day’s end', () => {
    const s = withEnd('22:00')
    expect(sunsetDeadline(at('2026-11-22T09:00:00+08:00'), s)).toBe(at('2026-11-22T22:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-22T21:59:59.999+08:00'), s)).toBe(at('2026-11-22T22:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-22T22:00:00+08:00'), s)).toBe(at('2026-11-23T22:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-22T22:30:00+08:00'), s)).toBe(at('2026-11-23T22:00:00+08:00'))
    expect(storeDayKey(at('2026-11-22T22:30:00+08:00'), s)).toBe('2026-11-23')
    expect(storeDayKey(at('2026-11-22T21:59:00+08:00'), s)).toBe('2026-11-22')
  })

  it("'02:00' ends the store day that started the previous morning (night shift past midnight)", () => {
    const s = withEnd('02:00')
    // 01:30 on the 23rd is still the 22nd's store day, due at 02:00 the same night.
    expect(storeDayKey(at('2026-11-23T01:30:00+08:00'), s)).toBe('2026-11-22')
    expect(sunsetDeadline(at('2026-11-23T01:30:00+08:00'), s)).toBe(at('2026-11-23T02:00:00+08:00'))
    // Evening and just-before-midnight complaints of the 22nd: also due at 02:00 on the 23rd.
    expect(storeDayKey(at('2026-11-22T20:00:00+08:00'), s)).toBe('2026-11-22')
    expect(sunsetDeadline(at('2026-11-22T20:00:00+08:00'), s)).toBe(at('2026-11-23T02:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-22T23:59:00+08:00'), s)).toBe(at('2026-11-23T02:00:00+08:00'))
    // From 02:00 the 23rd's store day begins, ending at 02:00 on the 24th.
    expect(storeDayKey(at('2026-11-23T02:00:00+08:00'), s)).toBe('2026-11-23')
    expect(sunsetDeadline(at('2026-11-23T02:00:00+08:00'), s)).toBe(at('2026-11-24T02:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-23T09:00:00+08:00'), s)).toBe(at('2026-11-24T02:00:00+08:00'))
  })

  it('noon divides the two readings: 11:59 ends the next morning, 12:00 ends the same day', () => {
    expect(storeDayKey(at('2026-11-23T11:00:00+08:00'), withEnd('11:59'))).toBe('2026-11-22')
    expect(sunsetDeadline(at('2026-11-22T13:00:00+08:00'), withEnd('11:59'))).toBe(
      at('2026-11-23T11:59:00+08:00')
    )
    expect(storeDayKey(at('2026-11-22T11:00:00+08:00'), withEnd('12:00'))).toBe('2026-11-22')
    expect(storeDayKey(at('2026-11-22T13:00:00+08:00'), withEnd('12:00'))).toBe('2026-11-23')
    expect(sunsetDeadline(at('2026-11-22T13:00:00+08:00'), withEnd('12:00'))).toBe(
      at('2026-11-23T12:00:00+08:00')
    )
  })

  it('the deadline is the first store-day end strictly after the moment, and ends the store day containing it', () => {
    for (const end of ['24:00', '00:00', '02:00', '11:59', '12:00', '18:30', '22:00', '23:59']) {
      const s = withEnd(end)
      for (let t = at('2026-11-21T00:00:00+08:00'); t < at('2026-11-24T00:00:00+08:00'); t += 17 * MIN) {
        const d = sunsetDeadline(t, s)
        expect(d).toBeGreaterThan(t)
        expect(d - t).toBeLessThanOrEqual(DAY)
        const local = new Date(d)
        expect(local.getHours() * 60 + local.getMinutes()).toBe(
          end === '24:00' ? 0 : Number(end.slice(0, 2)) * 60 + Number(end.slice(3))
        )
        expect(storeDayKey(d - 1, s)).toBe(storeDayKey(t, s))
        expect(storeDayKey(d, s)).not.toBe(storeDayKey(t, s))
      }
    }
  })

  it('reads a malformed stored end as 24:00', () => {
    expect(sunsetDeadline(at('2026-11-22T10:00:00+08:00'), withEnd('7pm'))).toBe(
      at('2026-11-23T00:00:00+08:00')
    )
    expect(storeDayKey(at('2026-11-22T23:00:00+08:00'), withEnd(''))).toBe('2026-11-22')
  })
})

describe('日落原则 breach', () => {
  const deadline = at('2026-11-23T00:00:00+08:00')

  it('no first response: breached from the deadline on, not 1 ms before', () => {
    const c = clock({ firstResponseAt: null })
    expect(evaluateTime(c, deadline - 1, S)).toMatchObject({
      sunsetDeadline: deadline,
      sunsetBreached: false,
      overdue: false
    })
    expect(evaluateTime(c, deadline, S)).toMatchObject({ sunsetBreached: true, overdue: true, level: 0 })
  })

  it('a response before the deadline is in time; at or after it, breached', () => {
    const later = deadline + 2 * DAY
    expect(evaluateTime(clock({ firstResponseAt: deadline - 1 }), later, S).sunsetBreached).toBe(false)
    expect(evaluateTime(clock({ firstResponseAt: deadline }), later, S).sunsetBreached).toBe(true)
    expect(
      evaluateTime(clock({ firstResponseAt: deadline + 9 * H }), deadline + 10 * H, S).sunsetBreached
    ).toBe(true)
  })

  it('a late first response keeps the case 已超时 while it is open, not once closed', () => {
    const late = clock({ firstResponseAt: deadline + H })
    expect(evaluateTime(late, deadline + 2 * H, S).overdue).toBe(true)
    expect(evaluateTime({ ...late, status: 'closed' }, deadline + 2 * H, S).overdue).toBe(false)
  })
})

describe('24 h escalation (首问负责, 限时办结)', () => {
  it('is due at exactly 24 h 0 min 0 ms, not 1 ms before; the manager at 48 h', () => {
    const c = clock()
    expect(escalationDeadlines(c, S)).toEqual({ leader: RECEIVED + 24 * H, manager: RECEIVED + 48 * H })
    expect(evaluateTime(c, RECEIVED + 24 * H - 1, S)).toMatchObject({ dueLevel: 0, level: 0, overdue: false })
    expect(evaluateTime(c, RECEIVED + 24 * H, S)).toMatchObject({ dueLevel: 1, level: 1, overdue: true })
    expect(evaluateTime(c, RECEIVED + 48 * H - 1, S)).toMatchObject({ dueLevel: 1, level: 1 })
    expect(evaluateTime(c, RECEIVED + 48 * H, S)).toMatchObject({ dueLevel: 2, level: 2, overdue: true })
    expect(escalationsToRecord(c, RECEIVED + 24 * H - 1, S)).toEqual([])
    expect(escalationsToRecord(c, RECEIVED + 24 * H, S)).toEqual([
      { id: 'c1:escalation:1', level: 1, at: RECEIVED + 24 * H }
    ])
  })

  it('counts real hours across midnight, not store days', () => {
    const received = at('2026-11-22T23:30:00+08:00')
    const c = clock({ receivedAt: received, firstResponseAt: received + MIN })
    expect(evaluateTime(c, at('2026-11-23T23:29:59.999+08:00'), S).dueLevel).toBe(0)
    expect(evaluateTime(c, at('2026-11-23T23:30:00+08:00'), S).dueLevel).toBe(1)
  })

  it('uses the durations from settings; the manager clock counts from the leader deadline', () => {
    const s = { ...S, escalateToLeaderAfterHours: 2, escalateToManagerAfterHours: 5 }
    const c = clock()
    expect(escalationDeadlines(c, s)).toEqual({ leader: RECEIVED + 2 * H, manager: RECEIVED + 7 * H })
    expect(evaluateTime(c, RECEIVED + 2 * H, s).dueLevel).toBe(1)
    expect(evaluateTime(c, RECEIVED + 7 * H - 1, s).dueLevel).toBe(1)
    expect(evaluateTime(c, RECEIVED + 7 * H, s).dueLevel).toBe(2)
  })

  it('a case resolved before the deadline never escalates and is not overdue', () => {
    const c = clock({ status: 'awaitingRevisit', resolvedAt: RECEIVED + 23 * H })
    for (const now of [RECEIVED + 24 * H, RECEIVED + 30 * H, RECEIVED + 49 * H]) {
      expect(evaluateTime(c, now, S)).toMatchObject({ dueLevel: 0, level: 0, overdue: false })
      expect(escalationsToRecord(c, now, S)).toEqual([])
    }
    // resolved 1 ms before the deadline: still in time
    expect(
      escalationsToRecord(
        clock({ status: 'awaitingRevisit', resolvedAt: RECEIVED + 24 * H - 1 }),
        RECEIVED + 30 * H,
        S
      )
    ).toEqual([])
  })

  it('a case resolved after a deadline keeps that escalation (dated at the deadline) but no later one, and is not overdue', () => {
    const c = clock({ status: 'awaitingRevisit', resolvedAt: RECEIVED + 25 * H })
    expect(escalationsToRecord(c, RECEIVED + 60 * H, S)).toEqual([
      { id: 'c1:escalation:1', level: 1, at: RECEIVED + 24 * H }
    ])
    expect(evaluateTime(c, RECEIVED + 60 * H, S)).toMatchObject({ dueLevel: 1, level: 1, overdue: false })
    expect(evaluateTime({ ...c, escalationLevel: 1 }, RECEIVED + 60 * H, S).overdue).toBe(false)
    // resolved exactly at the deadline: the deadline instant is already late
    expect(
      escalationsToRecord(
        clock({ status: 'awaitingRevisit', resolvedAt: RECEIVED + 24 * H }),
        RECEIVED + 30 * H,
        S
      )
    ).toHaveLength(1)
  })

  it('escalation stays 已超时 while unresolved, even after a timely first response', () => {
    const recorded = clock({ escalationLevel: 1 })
    expect(evaluateTime(recorded, RECEIVED + 30 * H, S)).toMatchObject({
      overdue: true,
      level: 1,
      sunsetBreached: false
    })
    expect(evaluateTime({ ...recorded, status: 'awaitingApproval' }, RECEIVED + 30 * H, S).overdue).toBe(true)
  })
})

describe('closed and rejected cases', () => {
  for (const status of ['closed', 'rejected'] as const) {
    it(`${status}: never overdue, never escalated further, whatever the clocks say`, () => {
      const c = clock({ status, firstResponseAt: null, escalationLevel: 1, resolvedAt: RECEIVED + H })
      const now = RECEIVED + 30 * DAY
      const time = evaluateTime(c, now, S)
      expect(time).toMatchObject({
        overdue: false,
        revisitOverdue: false,
        dueLevel: 0,
        level: 1,
        sunsetBreached: true
      })
      expect(escalationsToRecord(c, now, S)).toEqual([])
      expect(evaluateTime({ ...c, resolvedAt: null, escalationLevel: 0 }, now, S)).toMatchObject({
        overdue: false,
        level: 0
      })
    })
  }
})

describe('clock moved backwards', () => {
  it('before receivedAt: age 0, nothing due, nothing breached', () => {
    const c = clock({ firstResponseAt: null })
    const before = RECEIVED - 5 * H
    expect(evaluateTime(c, before, S)).toMatchObject({
      ageMs: 0,
      dueLevel: 0,
      level: 0,
      sunsetBreached: false,
      overdue: false
    })
    expect(escalationsToRecord(c, before, S)).toEqual([])
    expect(evaluateTime(c, RECEIVED + 90 * MIN, S).ageMs).toBe(90 * MIN)
  })

  it('after a recorded level: the level stays and nothing is recorded again', () => {
    for (const escalationLevel of [1, 2] as const) {
      const c = clock({ escalationLevel })
      for (const now of [RECEIVED - DAY, RECEIVED + H, RECEIVED + 30 * H]) {
        expect(evaluateTime(c, now, S).level).toBe(escalationLevel)
        expect(evaluateTime(c, now, S).overdue).toBe(true)
        expect(escalationsToRecord(c, now, S).filter((e) => e.level <= escalationLevel)).toEqual([])
      }
    }
    // level 1 recorded, clock back before the manager deadline: level 2 not due
    expect(escalationsToRecord(clock({ escalationLevel: 1 }), RECEIVED + 30 * H, S)).toEqual([])
  })
})

describe('escalation recorded once', () => {
  it('after recording, evaluating again yields nothing; before recording, again the same record', () => {
    const c = clock()
    const now = RECEIVED + 25 * H
    const first = escalationsToRecord(c, now, S)
    expect(first).toEqual([{ id: 'c1:escalation:1', level: 1, at: RECEIVED + 24 * H }])
    expect(escalationsToRecord(c, now + 5 * MIN, S)).toEqual(first)
    expect(escalationsToRecord({ ...c, escalationLevel: 1 }, now, S)).toEqual([])
    expect(escalationsToRecord({ ...c, escalationLevel: 1 }, now + H, S)).toEqual([])
    expect(escalationsToRecord({ ...c, escalationLevel: 2 }, RECEIVED + 99 * H, S)).toEqual([])
  })

  it('many evaluations (start + every minute, with a restart gap and a clock jump back) make one record per level', () => {
    const timeline = new Map<string, EscalationRecord>()
    let c = clock()
    const nows: number[] = []
    for (let t = RECEIVED; t < RECEIVED + 30 * H; t += MIN) nows.push(t)
    nows.push(RECEIVED + 20 * H) // clock moved back
    for (let t = RECEIVED + 60 * H; t < RECEIVED + 62 * H; t += MIN) nows.push(t) // after the app was closed
    // The timeline merges by id, which would hide a level coming due again: count what each
    // evaluation asks to record instead.
    let due = 0
    for (const now of nows) {
      due += escalationsToRecord(c, now, S).length
      c = sweep(c, now, timeline)
    }
    expect(due).toBe(2)
    expect([...timeline.values()]).toEqual([
      { id: 'c1:escalation:1', level: 1, at: RECEIVED + 24 * H },
      { id: 'c1:escalation:2', level: 2, at: RECEIVED + 48 * H }
    ])
    expect(c.escalationLevel).toBe(2)
  })

  it('two PCs evaluating independently produce identical ids and `at`, which merge into one record per level', () => {
    const c = clock()
    // PC A sweeps at 25 h and 49 h; PC B was not synced (still level 0) and sweeps at 50 h.
    const a = new Map<string, EscalationRecord>()
    const afterA = sweep(c, RECEIVED + 25 * H, a)
    sweep(afterA, RECEIVED + 49 * H, a)
    const b = new Map<string, EscalationRecord>()
    sweep(c, RECEIVED + 50 * H + 7 * MIN, b)
    expect([...a.values()]).toEqual([...b.values()])
    const merged = new Map([...a, ...b])
    expect(merged.size).toBe(2)
    expect(escalationsToRecord(c, RECEIVED + 24 * H + 1, S)[0]).toEqual(
      escalationsToRecord(c, RECEIVED + 47 * H, S)[0]
    )
  })

  it('app closed for 3 days: both levels at once, each dated exactly when it fell due', () => {
    const c = clock({ firstResponseAt: null })
    const now = RECEIVED + 3 * DAY
    expect(escalationsToRecord(c, now, S)).toEqual([
      { id: 'c1:escalation:1', level: 1, at: RECEIVED + 24 * H },
      { id: 'c1:escalation:2', level: 2, at: RECEIVED + 48 * H }
    ])
    expect(escalationsToRecord({ ...c, escalationLevel: 1 }, now, S)).toEqual([
      { id: 'c1:escalation:2', level: 2, at: RECEIVED + 48 * H }
    ])
    expect(evaluateTime(c, now, S)).toMatchObject({
      level: 2,
      overdue: true,
      sunsetBreached: true,
      ageMs: 3 * DAY
    })
  })

  it('ids are per case', () => {
    const now = RECEIVED + 25 * H
    expect(escalationsToRecord(clock({ id: 'x9' }), now, S)[0]?.id).toBe('x9:escalation:1')
  })
})

describe('follow-up within 3 days (回访)', () => {
  const resolvedAt = at('2026-11-22T12:00:00+08:00')
  const resolved = clock({ status: 'awaitingRevisit', resolvedAt })

  it('has no due date until resolved', () => {
    expect(revisitDueAt(clock(), S)).toBeNull()
    expect(evaluateTime(clock(), RECEIVED + 10 * DAY, S)).toMatchObject({
      revisitDueAt: null,
      revisitOverdue: false
    })
  })

  it('is due 3 days after the result; overdue only after that (within 3 days is inclusive)', () => {
    expect(revisitDueAt(resolved, S)).toBe(resolvedAt + 3 * DAY)
    expect(evaluateTime(resolved, resolvedAt + 72 * H, S)).toMatchObject({
      revisitDueAt: resolvedAt + 72 * H,
      revisitOverdue: false,
      overdue: false
    })
    expect(evaluateTime(resolved, resolvedAt + 72 * H + 1, S)).toMatchObject({
      revisitOverdue: true,
      overdue: true,
      level: 0
    })
  })

  it('is not overdue once the follow-up is done, nor when closed', () => {
    const late = resolvedAt + 100 * H
    expect(evaluateTime({ ...resolved, revisit: { at: resolvedAt + H } }, late, S)).toMatchObject({
      revisitOverdue: false,
      overdue: false
    })
    expect(evaluateTime({ ...resolved, status: 'closed' }, late, S)).toMatchObject({
      revisitOverdue: false,
      overdue: false
    })
  })

  it('uses revisitWithinDays', () => {
    const s = { ...S, revisitWithinDays: 7 }
    expect(revisitDueAt(resolved, s)).toBe(resolvedAt + 7 * DAY)
    expect(evaluateTime(resolved, resolvedAt + 5 * DAY, s).revisitOverdue).toBe(false)
  })
})

describe('a stored complaint is a ComplaintClock', () => {
  it('type-checks', () => {
    const accepts = (c: ComplaintClock) => c.id
    const stored = { id: 'c2' } as Complaint
    expect(accepts(stored)).toBe('c2')
  })
})

describe('time rule settings schema', () => {
  const parse = (over: Partial<Record<keyof TimeRuleSettings, unknown>>) =>
    timeRuleSettingsSchema.safeParse({ ...S, ...over })

  it('accepts the defaults and the handbook-style values', () => {
    expect(timeRuleSettingsSchema.parse(S)).toEqual(S)
    for (const storeDayEndsAt of ['24:00', '00:00', '02:00', '22:00', '23:59'])
      expect(parse({ storeDayEndsAt }).success).toBe(true)
    for (const h of [1, 720]) {
      expect(parse({ escalateToLeaderAfterHours: h }).success).toBe(true)
      expect(parse({ escalateToManagerAfterHours: h }).success).toBe(true)
    }
    for (const d of [1, 60]) expect(parse({ revisitWithinDays: d }).success).toBe(true)
  })

  it('rejects impossible values with i18n keys', () => {
    const bad: [Partial<Record<keyof TimeRuleSettings, unknown>>, string][] = [
      [{ storeDayEndsAt: '24:30' }, 'validation.time'],
      [{ storeDayEndsAt: '24:01' }, 'validation.time'],
      [{ storeDayEndsAt: '25:00' }, 'validation.time'],
      [{ storeDayEndsAt: '22:60' }, 'validation.time'],
      [{ storeDayEndsAt: '7:00' }, 'validation.time'],
      [{ storeDayEndsAt: '' }, 'validation.time'],
      [{ storeDayEndsAt: 2200 }, 'validation.time'],
      [{ escalateToLeaderAfterHours: 0 }, 'validation.range'],
      [{ escalateToLeaderAfterHours: 721 }, 'validation.range'],
      [{ escalateToManagerAfterHours: 0 }, 'validation.range'],
      [{ escalateToManagerAfterHours: 721 }, 'validation.range'],
      [{ escalateToLeaderAfterHours: 1.5 }, 'validation.number'],
      [{ escalateToLeaderAfterHours: Number.NaN }, 'validation.number'],
      [{ escalateToManagerAfterHours: '24' }, 'validation.number'],
      [{ revisitWithinDays: 0 }, 'validation.range'],
      [{ revisitWithinDays: 61 }, 'validation.range'],
      [{ revisitWithinDays: 1.5 }, 'validation.number']
    ]
    for (const [over, message] of bad) {
      const r = parse(over)
      expect(r.success, JSON.stringify(over)).toBe(false)
      expect(
        r.error?.issues.map((i) => i.message),
        JSON.stringify(over)
      ).toContain(message)
    }
    const missing = timeRuleSettingsSchema.safeParse({})
    expect(missing.success).toBe(false)
    expect(missing.error?.issues.every((i) => i.message.startsWith('validation.'))).toBe(true)
  })
})
