process.env.TZ = 'Asia/Shanghai'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clockEventId,
  clockState,
  pauseClock,
  pauseIntervals,
  resumeClock,
  type ClockEvent,
  type TimelineLike
} from '@shared/domain/clock/pauses'

const H = 3_600_000
const T0 = Date.parse('2026-11-22T10:00:00+08:00')
const at = (h: number) => T0 + h * H
const CASE = { id: 'c1', status: 'inProgress' as const, receivedAt: at(0) }

function ok(r: ReturnType<typeof pauseClock>): ClockEvent {
  if (!r.ok) throw new Error(r.code)
  return r.event
}

/** What sync does with events: union by id, the first write (smallest HLC) kept. */
function merge(...pcs: { hlc: string; e: ClockEvent }[][]): ClockEvent[] {
  const byId = new Map<string, { hlc: string; e: ClockEvent }>()
  for (const w of pcs.flat()) {
    const cur = byId.get(w.e.id)
    if (!cur || w.hlc < cur.hlc) byId.set(w.e.id, w)
  }
  return [...byId.values()].map((w) => w.e)
}

describe('暂停计时 / 恢复计时 commands', () => {
  it('pause then resume: deterministic ids by sequence, reason kept', () => {
    const p1 = ok(pauseClock(CASE, [], at(1), 'parts'))
    expect(p1).toEqual({
      id: 'c1:clockPaused:1',
      type: 'clockPaused',
      at: at(1),
      data: { seq: 1, reason: 'parts' }
    })
    expect(clockState([p1])).toEqual({ paused: true, seq: 1, since: at(1), reason: 'parts', lastAt: at(1) })
    const r1 = ok(resumeClock(CASE, [p1], at(3)))
    expect(r1).toEqual({ id: 'c1:clockResumed:1', type: 'clockResumed', at: at(3), data: { seq: 1 } })
    expect(clockState([p1, r1]).paused).toBe(false)
    const p2 = ok(pauseClock(CASE, [p1, r1], at(5), 'customer'))
    expect(p2.id).toBe(clockEventId('c1', 'clockPaused', 2))
  })

  it('refuses a pause while paused and a resume while running, with codes', () => {
    const p1 = ok(pauseClock(CASE, [], at(1), 'vendor'))
    expect(pauseClock(CASE, [p1], at(2), 'customer')).toEqual({
      ok: false,
      code: 'reports.clock.alreadyPaused'
    })
    expect(resumeClock(CASE, [], at(2))).toEqual({ ok: false, code: 'reports.clock.notPaused' })
    const r1 = ok(resumeClock(CASE, [p1], at(2)))
    expect(resumeClock(CASE, [p1, r1], at(3))).toEqual({ ok: false, code: 'reports.clock.notPaused' })
  })

  it('refuses a bad reason, an ended case, and an instant before receipt or before the last clock event', () => {
    expect(pauseClock(CASE, [], at(1), 'lunch')).toEqual({ ok: false, code: 'reports.clock.badReason' })
    expect(pauseClock({ ...CASE, status: 'closed' }, [], at(1), 'parts')).toEqual({
      ok: false,
      code: 'reports.clock.caseEnded'
    })
    expect(pauseClock({ ...CASE, status: 'rejected' }, [], at(1), 'parts')).toEqual({
      ok: false,
      code: 'reports.clock.caseEnded'
    })
    expect(pauseClock(CASE, [], at(-1), 'parts')).toEqual({ ok: false, code: 'reports.clock.beforeLast' })
    const p1 = ok(pauseClock(CASE, [], at(4), 'parts'))
    expect(resumeClock(CASE, [p1], at(3))).toEqual({ ok: false, code: 'reports.clock.beforeLast' })
  })

  it('ignores other timeline events and malformed clock events', () => {
    const noise: TimelineLike[] = [
      { id: 'x', type: 'urged', at: at(1), data: { seq: 1 } },
      { id: 'y', type: 'clockPaused', at: at(1), data: { seq: 0 } },
      { id: 'z', type: 'clockPaused', at: at(1), data: { seq: 'one' } }
    ]
    expect(clockState(noise)).toEqual({ paused: false, seq: 0, since: null, reason: null, lastAt: null })
    expect(pauseIntervals(noise)).toEqual([])
  })
})

describe('paused intervals', () => {
  it('two pauses give two intervals; an open one runs to Infinity', () => {
    const p1 = ok(pauseClock(CASE, [], at(1), 'parts'))
    const r1 = ok(resumeClock(CASE, [p1], at(2)))
    const p2 = ok(pauseClock(CASE, [p1, r1], at(5), 'customer'))
    expect(pauseIntervals([p2, r1, p1])).toEqual([
      { from: at(1), to: at(2) },
      { from: at(5), to: Infinity }
    ])
  })

  it('a missing resume n is closed by the earliest later event (someone resumed before pausing again)', () => {
    const p1: ClockEvent = { id: 'c1:clockPaused:1', type: 'clockPaused', at: at(1), data: { seq: 1 } }
    const p2: ClockEvent = { id: 'c1:clockPaused:2', type: 'clockPaused', at: at(4), data: { seq: 2 } }
    expect(pauseIntervals([p1, p2])).toEqual([
      { from: at(1), to: at(4) },
      { from: at(4), to: Infinity }
    ])
  })

  it('a resume that arrives before its pause leaves the clock running; the next pause takes the next number', () => {
    const r1: ClockEvent = { id: 'c1:clockResumed:1', type: 'clockResumed', at: at(2), data: { seq: 1 } }
    expect(clockState([r1]).paused).toBe(false)
    expect(pauseIntervals([r1])).toEqual([])
    expect(ok(pauseClock(CASE, [r1], at(3), 'parts')).id).toBe('c1:clockPaused:2')
  })

  it('a resume stamped before its pause (clocks of two PCs disagree) gives an empty interval', () => {
    const p1: ClockEvent = { id: 'c1:clockPaused:1', type: 'clockPaused', at: at(3), data: { seq: 1 } }
    const r1: ClockEvent = { id: 'c1:clockResumed:1', type: 'clockResumed', at: at(2), data: { seq: 1 } }
    expect(pauseIntervals([p1, r1])).toEqual([{ from: at(3), to: at(3) }])
  })
})

describe('two PCs at the same moment', () => {
  it('both pause offline: the same id, sync keeps one, both PCs end with the same interval', () => {
    const a = ok(pauseClock(CASE, [], at(1), 'parts'))
    const b = ok(pauseClock(CASE, [], at(1) + 30_000, 'customer'))
    expect(a.id).toBe(b.id)
    const onA = merge([{ hlc: '0001-A', e: a }], [{ hlc: '0002-B', e: b }])
    const onB = merge([{ hlc: '0002-B', e: b }], [{ hlc: '0001-A', e: a }])
    expect(onA).toEqual(onB)
    expect(pauseIntervals(onA)).toEqual([{ from: at(1), to: Infinity }])
  })

  it('A resumes while B resumes the same pause: one resume survives, the same on both PCs', () => {
    const p1 = ok(pauseClock(CASE, [], at(1), 'vendor'))
    const ra = ok(resumeClock(CASE, [p1], at(3)))
    const rb = ok(resumeClock(CASE, [p1], at(3) + 5_000))
    expect(ra.id).toBe(rb.id)
    const one = merge([{ hlc: '1', e: p1 }], [{ hlc: '2-A', e: ra }], [{ hlc: '2-B', e: rb }])
    const other = merge([{ hlc: '2-B', e: rb }], [{ hlc: '2-A', e: ra }], [{ hlc: '1', e: p1 }])
    expect(pauseIntervals(one)).toEqual([{ from: at(1), to: at(3) }])
    expect(pauseIntervals(other)).toEqual(pauseIntervals(one))
  })

  it('A resumes and pauses again while B (not yet synced) resumes: still paused, one answer', () => {
    const p1 = ok(pauseClock(CASE, [], at(1), 'vendor'))
    const ra = ok(resumeClock(CASE, [p1], at(3)))
    const p2 = ok(pauseClock(CASE, [p1, ra], at(4), 'customer'))
    const rb = ok(resumeClock(CASE, [p1], at(5))) // B's clock is late: its resume 1 wins by HLC here
    const events = merge(
      [{ hlc: '1', e: p1 }],
      [{ hlc: '3-A', e: ra }],
      [{ hlc: '4-A', e: p2 }],
      [{ hlc: '2-B', e: rb }]
    )
    expect(clockState(events).paused).toBe(true)
    // [1, 5) from B's resume, [4, ∞) from pause 2: they overlap, the clock joins them
    expect(pauseIntervals(events)).toEqual([
      { from: at(1), to: at(5) },
      { from: at(4), to: Infinity }
    ])
  })

  it('the intervals depend only on the set of events, not their order', () => {
    const event = fc
      .record({
        type: fc.constantFrom('clockPaused' as const, 'clockResumed' as const),
        seq: fc.integer({ min: 1, max: 4 }),
        at: fc.integer({ min: 0, max: 100 })
      })
      .map((r): ClockEvent => ({ id: `c1:${r.type}:${r.seq}`, type: r.type, at: r.at, data: { seq: r.seq } }))
    fc.assert(
      fc.property(
        fc.uniqueArray(event, { selector: (e) => e.id, maxLength: 8 }),
        fc.func(fc.integer()),
        (list, key) => {
          const shuffled = [...list].sort((a, b) => key(a.id) - key(b.id))
          expect(pauseIntervals(shuffled)).toEqual(pauseIntervals(list))
          expect(clockState(shuffled)).toEqual(clockState(list))
        }
      )
    )
  })
})
