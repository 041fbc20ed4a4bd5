process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TIME_RULES, escalationsToRecord, evaluateTime, storeDayKey, sunsetDeadline, timeRuleSettingsSchema, type ComplaintClock } from '../../../../shared/domain/timeRules'

const at = (iso: string) => Date.parse(iso)
const H = 3_600_000
const S = DEFAULT_TIME_RULES

function clock(over: Partial<ComplaintClock> = {}): ComplaintClock {
  return { id: 'c1', status: 'inProgress', receivedAt: at('2026-11-22T10:00:00+08:00'), firstResponseAt: null, resolvedAt: null, revisit: null, escalationLevel: 0, ...over }
}

describe('日落原则 (sunset rule)', () => {
  it('is due at the end of the store day; a store day ending 24:00 ends at midnight', () => {
    expect(sunsetDeadline(at('2026-11-22T23:59:00+08:00'), S)).toBe(at('2026-11-23T00:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-23T00:01:00+08:00'), S)).toBe(at('2026-11-24T00:00:00+08:00'))
  })
  it('with an evening end, a complaint after closing is due at the next day’s end', () => {
    const s = { ...S, storeDayEndsAt: '22:00' }
    expect(sunsetDeadline(at('2026-11-22T21:59:00+08:00'), s)).toBe(at('2026-11-22T22:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-22T22:30:00+08:00'), s)).toBe(at('2026-11-23T22:00:00+08:00'))
  })
  it('an end after midnight (02:00) belongs to the day that started the previous morning', () => {
    const s = { ...S, storeDayEndsAt: '02:00' }
    expect(storeDayKey(at('2026-11-23T01:30:00+08:00'), s)).toBe('2026-11-22')
    expect(sunsetDeadline(at('2026-11-23T01:30:00+08:00'), s)).toBe(at('2026-11-23T02:00:00+08:00'))
    expect(sunsetDeadline(at('2026-11-22T20:00:00+08:00'), s)).toBe(at('2026-11-23T02:00:00+08:00'))
  })
  it('is breached with no response by the deadline, or a response after it; not before', () => {
    const c = clock()
    expect(evaluateTime(c, at('2026-11-22T23:59:59+08:00'), S).sunsetBreached).toBe(false)
    expect(evaluateTime(c, at('2026-11-23T00:00:00+08:00'), S).sunsetBreached).toBe(true)
    expect(evaluateTime({ ...c, firstResponseAt: at('2026-11-22T15:00:00+08:00') }, at('2026-11-24T00:00:00+08:00'), S).sunsetBreached).toBe(false)
    expect(evaluateTime({ ...c, firstResponseAt: at('2026-11-23T09:00:00+08:00') }, at('2026-11-24T00:00:00+08:00'), S).sunsetBreached).toBe(true)
  })
})

describe('24 h escalation', () => {
  it('is due at exactly 24 h, not 1 ms before; the manager 24 h later', () => {
    const c = clock()
    expect(evaluateTime(c, c.receivedAt + 24 * H - 1, S).dueLevel).toBe(0)
    expect(evaluateTime(c, c.receivedAt + 24 * H, S).dueLevel).toBe(1)
    expect(evaluateTime(c, c.receivedAt + 48 * H - 1, S).dueLevel).toBe(1)
    expect(evaluateTime(c, c.receivedAt + 48 * H, S).dueLevel).toBe(2)
    expect(evaluateTime(c, c.receivedAt + 24 * H, S).overdue).toBe(true)
  })
  it('stops when the customer accepted a result, and never applies to ended cases', () => {
    const resolved = clock({ resolvedAt: clock().receivedAt + 23 * H, status: 'awaitingRevisit', firstResponseAt: clock().receivedAt + H })
    expect(evaluateTime(resolved, resolved.receivedAt + 30 * H, S).dueLevel).toBe(0)
    expect(escalationsToRecord(resolved, resolved.receivedAt + 30 * H, S)).toEqual([])
    for (const status of ['closed', 'rejected'] as const) {
      const ended = clock({ status, firstResponseAt: null })
      expect(evaluateTime(ended, ended.receivedAt + 100 * H, S).overdue).toBe(false)
    }
  })
  it('after the app was closed for 3 days, both levels are recorded, dated when they fell due', () => {
    const c = clock()
    expect(escalationsToRecord(c, c.receivedAt + 72 * H, S)).toEqual([
      { id: 'c1:escalation:1', level: 1, at: c.receivedAt + 24 * H },
      { id: 'c1:escalation:2', level: 2, at: c.receivedAt + 48 * H }
    ])
  })
  it('is recorded once: evaluating again after recording yields nothing; two PCs yield the same records', () => {
    const c = clock()
    const now = c.receivedAt + 25 * H
    const first = escalationsToRecord(c, now, S)
    expect(escalationsToRecord({ ...c, escalationLevel: 1 }, now + H, S)).toEqual([])
    expect(escalationsToRecord(c, now + 5 * 60_000, S)).toEqual(first)
  })
  it('a clock moved backwards escalates nothing new and never lowers a recorded level', () => {
    const c = clock({ escalationLevel: 1 })
    const before = c.receivedAt - 5 * H
    expect(evaluateTime(c, before, S)).toMatchObject({ ageMs: 0, dueLevel: 0, level: 1 })
    expect(escalationsToRecord(clock(), before, S)).toEqual([])
  })
  it('uses the durations from settings', () => {
    const c = clock()
    const s = { ...S, escalateToLeaderAfterHours: 2, escalateToManagerAfterHours: 1 }
    expect(evaluateTime(c, c.receivedAt + 2 * H, s).dueLevel).toBe(1)
    expect(evaluateTime(c, c.receivedAt + 3 * H, s).dueLevel).toBe(2)
  })
})

describe('follow-up within 3 days', () => {
  it('is due 3 days after the result and overdue after that without a follow-up', () => {
    const resolvedAt = at('2026-11-22T12:00:00+08:00')
    const c = clock({ status: 'awaitingRevisit', resolvedAt, firstResponseAt: resolvedAt })
    expect(evaluateTime(c, resolvedAt + 72 * H, S)).toMatchObject({ revisitDueAt: resolvedAt + 72 * H, revisitOverdue: false })
    expect(evaluateTime(c, resolvedAt + 72 * H + 1, S)).toMatchObject({ revisitOverdue: true, overdue: true })
    expect(evaluateTime({ ...c, revisit: { at: resolvedAt + H } }, resolvedAt + 100 * H, S).revisitOverdue).toBe(false)
  })
})

describe('time rule settings', () => {
  it('accepts 24:00 and rejects impossible values', () => {
    expect(timeRuleSettingsSchema.safeParse(S).success).toBe(true)
    expect(timeRuleSettingsSchema.safeParse({ ...S, storeDayEndsAt: '24:30' }).success).toBe(false)
    expect(timeRuleSettingsSchema.safeParse({ ...S, escalateToLeaderAfterHours: 0 }).success).toBe(false)
    expect(timeRuleSettingsSchema.safeParse({ ...S, revisitWithinDays: 1.5 }).success).toBe(false)
  })
})
