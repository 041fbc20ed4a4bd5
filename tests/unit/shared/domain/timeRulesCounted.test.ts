process.env.TZ = 'Asia/Shanghai'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countedEscalationDeadlines,
  countedRevisitDueAt,
  countedSunsetDeadline,
  DEFAULT_TIME_RULES,
  escalationDeadlines,
  escalationsToRecord,
  evaluateTime,
  evaluateTimeCounted,
  nextEscalationAt,
  overdueAt,
  revisitDueAt,
  sunsetDeadline,
  type ComplaintClock,
  type TimeRuleSettings
} from '@shared/domain/timeRules'
import { ALWAYS_COUNTING, businessClock, type Interval } from '@shared/domain/clock/businessClock'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'
import { pauseClock, pauseIntervals, resumeClock, type ClockEvent } from '@shared/domain/clock/pauses'
import { STATUSES } from '@shared/domain/complaint'

// Counted time rules: 暂停计时 and 停业日 (the decisions are in shared/domain/timeRules.ts's header).
// Received Sunday 2026-11-22 10:00 (China time), default rules: sunset 11-23 00:00, leader 24 h,
// manager 24 h after the leader deadline, follow-up within 3 days.

const at = (iso: string) => Date.parse(iso)
const t = (day: number, hhmm: string) => at(`2026-11-${day}T${hhmm}:00+08:00`)
const H = 3_600_000
const S = DEFAULT_TIME_RULES
const RECEIVED = t(22, '10:00')

function clockCase(over: Partial<ComplaintClock> = {}): ComplaintClock {
  return {
    id: 'c1',
    status: 'inProgress',
    receivedAt: RECEIVED,
    firstResponseAt: null,
    resolvedAt: null,
    revisit: null,
    escalationLevel: 0,
    ...over
  }
}
const paused = (...list: [number, number][]) => businessClock(list.map(([from, to]) => ({ from, to })))
const closed = (...days: string[]) => businessClock(closedDayIntervals(days, S.storeDayEndsAt))

describe('no pauses, no closed days: exactly today’s rules', () => {
  it('the counted deadlines equal the plain ones', () => {
    const c = clockCase({ resolvedAt: t(23, '08:00') })
    expect(countedSunsetDeadline(RECEIVED, S)).toBe(sunsetDeadline(RECEIVED, S))
    expect(countedEscalationDeadlines(c, S)).toEqual(escalationDeadlines(c, S))
    expect(countedRevisitDueAt(c, S)).toBe(revisitDueAt(c, S))
    expect(evaluateTimeCounted(c, t(27, '00:00'), S)).toEqual(evaluateTime(c, t(27, '00:00'), S))
  })
})

describe('pause and the 24 h escalation', () => {
  it('a pause before the deadline moves it by the paused time (11:00–13:00 → leader 11-23 12:00)', () => {
    // counted: 10:00→11:00 (1 h), paused 2 h, 13:00→ next day 12:00 (23 h): 24 h at 11-23 12:00
    const clock = paused([t(22, '11:00'), t(22, '13:00')])
    expect(countedEscalationDeadlines(clockCase(), S, clock)).toEqual({
      leader: t(23, '12:00'),
      manager: t(24, '12:00')
    })
    expect(escalationsToRecord(clockCase(), t(23, '11:59'), S, clock)).toEqual([])
    expect(escalationsToRecord(clockCase(), t(23, '12:00'), S, clock)).toEqual([
      { id: 'c1:escalation:1', level: 1, at: t(23, '12:00') }
    ])
    expect(escalationsToRecord(clockCase(), t(23, '10:00'), S)).toHaveLength(1) // without the pause: due
  })

  it('two pauses add up (1 h + 1 h 30 min → leader 11-23 12:30)', () => {
    const clock = paused([t(22, '11:00'), t(22, '12:00')], [t(22, '15:00'), t(22, '16:30')])
    expect(countedEscalationDeadlines(clockCase(), S, clock).leader).toBe(t(23, '12:30'))
  })

  it('a pause that begins after the leader deadline does not move it (the escalation already happened)', () => {
    const clock = paused([t(23, '11:00'), t(23, '20:00')])
    expect(countedEscalationDeadlines(clockCase(), S, clock).leader).toBe(t(23, '10:00'))
    // but the manager deadline, still ahead, moves by the 9 h paused
    expect(countedEscalationDeadlines(clockCase(), S, clock).manager).toBe(t(24, '19:00'))
  })

  it('an open pause: no deadline, nothing escalates however late it gets, until the resume', () => {
    const open = paused([t(22, '20:00'), Infinity])
    expect(countedEscalationDeadlines(clockCase(), S, open)).toEqual({ leader: null, manager: null })
    expect(escalationsToRecord(clockCase(), t(30, '00:00'), S, open)).toEqual([])
    expect(nextEscalationAt(clockCase(), S, open)).toBeNull()
    // resumed 11-25 08:00: 10 h counted before the pause, 14 h after → 11-25 22:00
    const resumed = paused([t(22, '20:00'), t(25, '08:00')])
    expect(nextEscalationAt(clockCase(), S, resumed)).toBe(t(25, '22:00'))
  })
})

describe('an escalation recorded before the pause arrived', () => {
  it('stays: level never goes below what is recorded, and nothing new is recorded for it', () => {
    // PC B, not yet knowing of A's pause 11:00–13:00, recorded level 1 at 11-23 10:00; after sync:
    const clock = paused([t(22, '11:00'), t(22, '13:00')])
    const c = clockCase({ firstResponseAt: t(22, '10:30'), escalationLevel: 1 })
    const e = evaluateTimeCounted(c, t(23, '11:00'), S, clock)
    expect(e.dueLevel).toBe(0) // by the paused clock, not yet due (due 12:00)
    expect(e.level).toBe(1)
    expect(e.overdue).toBe(true)
    expect(escalationsToRecord(c, t(23, '12:00'), S, clock)).toEqual([])
  })
})

describe('pause and the 日落原则 (sunset) deadline', () => {
  it('a pause within the store day does not move the deadline', () => {
    expect(countedSunsetDeadline(RECEIVED, S, paused([t(22, '11:00'), t(22, '23:00')]))).toBe(t(23, '00:00'))
  })

  it('a pause across the store-day end moves it to the end of the day the clock runs again', () => {
    // paused 22:00 → 09:00 the next day: the deadline is the end of 11-23
    const clock = paused([t(22, '22:00'), t(23, '09:00')])
    expect(countedSunsetDeadline(RECEIVED, S, clock)).toBe(t(24, '00:00'))
    const late = evaluateTimeCounted(clockCase(), t(23, '20:00'), S, clock)
    expect(late.sunsetBreached).toBe(false)
    expect(late.overdue).toBe(false)
    // (the 24 h limit is due at 11-23 21:00: 12 h before the pause + 12 h after 09:00)
    expect(evaluateTimeCounted(clockCase(), t(23, '23:00'), S, clock).sunsetBreached).toBe(false)
    expect(evaluateTimeCounted(clockCase(), t(24, '00:00'), S, clock).sunsetBreached).toBe(true)
  })

  it('a resume exactly at the store-day end still moves it (the last ms was paused)', () => {
    expect(countedSunsetDeadline(RECEIVED, S, paused([t(22, '22:00'), t(23, '00:00')]))).toBe(t(24, '00:00'))
  })

  it('a pause that starts exactly at the deadline, or after it, changes nothing', () => {
    expect(countedSunsetDeadline(RECEIVED, S, paused([t(23, '00:00'), t(23, '09:00')]))).toBe(t(23, '00:00'))
    const after = paused([t(23, '01:00'), t(23, '03:00')])
    expect(countedSunsetDeadline(RECEIVED, S, after)).toBe(t(23, '00:00'))
    expect(evaluateTimeCounted(clockCase(), t(23, '02:00'), S, after).sunsetBreached).toBe(true)
  })

  it('an open pause across the end: no deadline, never breached while paused', () => {
    const open = paused([t(22, '18:00'), Infinity])
    expect(countedSunsetDeadline(RECEIVED, S, open)).toBeNull()
    const e = evaluateTimeCounted(clockCase(), t(28, '00:00'), S, open)
    expect(e.sunsetDeadline).toBeNull()
    expect(e.overdue).toBe(false)
    expect(overdueAt(clockCase(), S, open)).toBeNull()
  })

  it("with a '02:00' store day the moved deadline is 02:00 after the resume day", () => {
    const night: TimeRuleSettings = { ...S, storeDayEndsAt: '02:00' }
    // received 11-22 10:00 → store day 11-22 ends 11-23 02:00; paused 11-23 01:00 → 11-23 10:00
    expect(countedSunsetDeadline(RECEIVED, night, paused([t(23, '01:00'), t(23, '10:00')]))).toBe(
      t(24, '02:00')
    )
  })
})

describe('停业日 (closed days)', () => {
  it('a closed day inside the 24 h window adds a day (11-23 closed → leader 11-24 10:00)', () => {
    // counted: 11-22 10:00→24:00 = 14 h; 11-23 skipped; 11-24 00:00→10:00 = 10 h → 24 h
    const clock = closed('2026-11-23')
    expect(countedEscalationDeadlines(clockCase(), S, clock)).toEqual({
      leader: t(24, '10:00'),
      manager: t(25, '10:00')
    })
    expect(countedSunsetDeadline(RECEIVED, S, clock)).toBe(t(23, '00:00')) // the receipt day was open
  })

  it('a complaint received on a closed day is due by the end of the next open store day', () => {
    const clock = closed('2026-11-22', '2026-11-23')
    expect(countedSunsetDeadline(RECEIVED, S, clock)).toBe(t(25, '00:00'))
    // the 24 h clock starts when the store opens: 11-24 00:00 + 24 h
    expect(countedEscalationDeadlines(clockCase(), S, clock).leader).toBe(t(25, '00:00'))
  })

  it('the follow-up window skips closed days (resolved 11-22 10:00, 11-23 closed → due 11-26 10:00)', () => {
    const c = clockCase({ firstResponseAt: t(22, '10:30'), resolvedAt: t(22, '10:00') })
    const clock = closed('2026-11-23')
    expect(countedRevisitDueAt(c, S, clock)).toBe(t(26, '10:00'))
    expect(evaluateTimeCounted(c, t(26, '10:00'), S, clock).revisitOverdue).toBe(false) // inclusive
    expect(evaluateTimeCounted(c, t(26, '10:00') + 1, S, clock).revisitOverdue).toBe(true)
    expect(overdueAt(c, S, clock)).toBe(t(26, '10:00') + 1)
  })

  it('closed days and pauses together (11-23 closed, paused 11-22 20:00 → 11-24 02:00)', () => {
    // counted 11-22 10:00→20:00 = 10 h, then nothing until 11-24 02:00, +14 h → 11-24 16:00
    const clock = businessClock(closedDayIntervals(['2026-11-23'], '24:00'), [
      { from: t(22, '20:00'), to: t(24, '02:00') }
    ])
    expect(countedEscalationDeadlines(clockCase(), S, clock).leader).toBe(t(24, '16:00'))
    expect(countedSunsetDeadline(RECEIVED, S, clock)).toBe(t(25, '00:00'))
  })
})

describe('a pause on another PC', () => {
  it('both PCs derive the same deadlines from the merged events, whatever the order they arrived in', () => {
    const base = { id: 'c1', status: 'inProgress' as const, receivedAt: RECEIVED }
    const onA = pauseClock(base, [], t(22, '12:00'), 'parts')
    const onB = pauseClock(base, [], t(22, '12:00'), 'customer') // same moment, same id
    if (!onA.ok || !onB.ok) throw new Error('refused')
    expect(onA.event.id).toBe(onB.event.id)
    const kept: ClockEvent = onA.event // sync keeps one (the smaller HLC); the interval is the same
    const resume = resumeClock(base, [kept], t(22, '15:00'))
    if (!resume.ok) throw new Error('refused')
    const one = businessClock(pauseIntervals([kept, resume.event]))
    const other = businessClock(pauseIntervals([resume.event, kept]))
    expect(countedEscalationDeadlines(clockCase(), S, one)).toEqual(
      countedEscalationDeadlines(clockCase(), S, other)
    )
    expect(countedEscalationDeadlines(clockCase(), S, one).leader).toBe(t(23, '13:00'))
  })
})

describe('index keys stay exact under pauses and closed days', () => {
  const H12 = 12 * H
  const randomClock = fc
    .array(fc.tuple(fc.integer({ min: -24, max: 120 }), fc.integer({ min: 0, max: 30 }), fc.boolean()), {
      maxLength: 3
    })
    .chain((pauses) =>
      fc.subarray(['2026-11-22', '2026-11-23', '2026-11-25', '2026-11-28']).map((days) => ({ pauses, days }))
    )
  const randomCase = fc.record({
    status: fc.constantFrom(...STATUSES),
    firstResponse: fc.option(fc.integer({ min: 0, max: 60 * H }), { nil: null }),
    resolved: fc.option(fc.integer({ min: 0, max: 120 * H }), { nil: null }),
    revisit: fc.option(fc.integer({ min: 0, max: 150 * H }), { nil: null }),
    escalationLevel: fc.constantFrom(0 as const, 1 as const, 2 as const)
  })

  it('overdueAt and nextEscalationAt agree with evaluation at every probed instant', () => {
    fc.assert(
      fc.property(
        randomClock,
        randomCase,
        fc.array(fc.integer({ min: -10, max: 300 }), { maxLength: 10 }),
        (rc, r, hs) => {
          const pauses: Interval[] = rc.pauses.map(([from, len, open]) => ({
            from: RECEIVED + from * H,
            to: open && len === 0 ? Infinity : RECEIVED + (from + len) * H
          }))
          const clock = businessClock(closedDayIntervals(rc.days, '24:00'), pauses)
          const resolvedAt = r.resolved === null ? null : RECEIVED + r.resolved
          const c = clockCase({
            status: r.status,
            firstResponseAt: r.firstResponse === null ? null : RECEIVED + r.firstResponse,
            resolvedAt,
            revisit: resolvedAt !== null && r.revisit !== null ? { at: resolvedAt + r.revisit } : null,
            escalationLevel: r.escalationLevel
          })
          const o = overdueAt(c, S, clock)
          const n = nextEscalationAt(c, S, clock)
          const probes = hs.map((h) => RECEIVED + (h * H12) / 12)
          for (const k of [o, n]) if (k !== null && Number.isFinite(k)) probes.push(k - 1, k, k + 1)
          for (const now of probes) {
            expect(evaluateTimeCounted(c, now, S, clock).overdue, `overdue at ${now}`).toBe(
              o !== null && now >= o
            )
            expect(escalationsToRecord(c, now, S, clock).length > 0, `escalate at ${now}`).toBe(
              n !== null && now >= n
            )
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('the empty clock is the plain arithmetic (leader = receipt + 24 h, follow-up = result + 72 h)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * H }), (dt) => {
        const c = clockCase({ receivedAt: RECEIVED + dt, resolvedAt: RECEIVED + dt + H })
        expect(countedEscalationDeadlines(c, S, ALWAYS_COUNTING).leader).toBe(RECEIVED + dt + 24 * H)
        expect(countedRevisitDueAt(c, S, ALWAYS_COUNTING)).toBe(RECEIVED + dt + H + 72 * H)
        expect(countedSunsetDeadline(c.receivedAt, S, ALWAYS_COUNTING)).toBe(sunsetDeadline(c.receivedAt, S))
      })
    )
  })
})
