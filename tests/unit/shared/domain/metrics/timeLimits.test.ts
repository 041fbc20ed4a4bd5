process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { limitOutcomes, limitsDueIn } from '@shared/domain/metrics/timeLimits'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'
import { A, at, B, C, CTX, D, dayRange, F, G } from './fixture'

describe('time limits as the reports judge them', () => {
  it('gives each limit its last moment and outcome (the fixture table)', () => {
    expect(limitOutcomes(A, CTX)).toEqual([
      { limit: 'firstResponse', dueAt: at(24, '00:00') - 1, met: true },
      { limit: 'resolution', dueAt: at(24, '09:00') - 1, met: true },
      { limit: 'followUp', dueAt: at(26, '15:00'), met: true }
    ])
    expect(limitOutcomes(C, CTX)).toEqual([
      { limit: 'firstResponse', dueAt: at(23, '00:00') - 1, met: true },
      { limit: 'resolution', dueAt: at(23, '20:00') - 1, met: false },
      { limit: 'followUp', dueAt: at(26, '21:00'), met: false }
    ])
  })

  it('a case rejected before its 24 h limit has no resolution limit', () => {
    expect(limitOutcomes(F, CTX).map((l) => l.limit)).toEqual(['firstResponse'])
  })

  it('a follow-up exactly at its due instant is on time, 1 ms later is not', () => {
    const due = at(26, '12:00')
    expect(limitOutcomes({ ...G, revisit: { at: due, satisfaction: 'neutral' } }, CTX)[2]?.met).toBe(true)
    expect(limitOutcomes({ ...G, revisit: { at: due + 1, satisfaction: 'neutral' } }, CTX)[2]?.met).toBe(
      false
    )
  })

  it('a limit counts in the period of its last moment, and only once final (asOf past it)', () => {
    // D, received 1 ms before midnight, owes its first response on 11-23
    expect(limitsDueIn(D, CTX, dayRange(23)).map((l) => l.limit)).toEqual(['firstResponse'])
    expect(limitsDueIn(D, { ...CTX, asOf: at(24, '00:00') - 1 }, dayRange(23))).toEqual([]) // not final yet
    expect(limitsDueIn(D, { ...CTX, asOf: at(24, '00:00') }, dayRange(23))).toHaveLength(1)
  })

  it('paused time and closed days move the limits (B paused 11-23 18:00 → 11-24 06:00)', () => {
    const paused = { ...B, pauses: [{ from: at(23, '18:00'), to: at(24, '06:00') }] }
    // the sunset deadline moves to the end of 11-24, so the 08:00 response is on time
    expect(limitOutcomes(paused, CTX)[0]).toEqual({
      limit: 'firstResponse',
      dueAt: at(25, '00:00') - 1,
      met: true
    })
    // 24 h limit: 8 h before the pause + 16 h from 06:00 → 11-24 22:00
    expect(limitOutcomes(paused, CTX)[1]).toEqual({
      limit: 'resolution',
      dueAt: at(24, '22:00') - 1,
      met: false
    })
    const closed = { ...CTX, closedDays: closedDayIntervals(['2026-11-24'], '24:00') }
    // 11-24 closed: 14 h on 11-23, 10 h on 11-25 → 11-25 10:00
    expect(limitOutcomes(B, closed)[1]?.dueAt).toBe(at(25, '10:00') - 1)
  })

  it('an open pause across a deadline makes it no limit yet', () => {
    const open = { ...D, pauses: [{ from: at(23, '23:59', 59_999), to: Infinity }] }
    expect(limitOutcomes(open, CTX)).toEqual([])
  })
})
