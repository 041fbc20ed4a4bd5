process.env.TZ = 'Asia/Shanghai'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ALWAYS_COUNTING,
  businessClock,
  countedMs,
  excludedAt,
  instantAfterCounted,
  isCounted,
  mergeIntervals,
  type Interval
} from '@shared/domain/clock/businessClock'

const H = 3_600_000
const T0 = Date.parse('2026-11-22T10:00:00+08:00')
const at = (h: number) => T0 + h * H

describe('mergeIntervals', () => {
  it('sorts, joins overlapping and touching intervals, drops empty and reversed ones', () => {
    expect(
      mergeIntervals([
        { from: 50, to: 60 },
        { from: 10, to: 20 },
        { from: 20, to: 30 }, // touches [10,20)
        { from: 15, to: 18 }, // inside
        { from: 40, to: 40 }, // empty
        { from: 45, to: 41 }, // reversed
        { from: 55, to: Infinity }
      ])
    ).toEqual([
      { from: 10, to: 30 },
      { from: 50, to: Infinity }
    ])
  })

  it('does not modify its input', () => {
    const input: Interval[] = [
      { from: 0, to: 10 },
      { from: 5, to: 20 }
    ]
    mergeIntervals(input)
    expect(input[0]).toEqual({ from: 0, to: 10 })
  })
})

describe('counted time', () => {
  // Excluded: 12:00–14:00 (a pause) and 20:00 → 08:00 next day (12 h, say a closed night).
  const clock = businessClock([{ from: at(2), to: at(4) }], [{ from: at(10), to: at(22) }])

  it('counts wall time minus the excluded parts', () => {
    expect(countedMs(clock, at(0), at(2))).toBe(2 * H) // before the pause
    expect(countedMs(clock, at(0), at(5))).toBe(3 * H) // 5 h − 2 h paused
    expect(countedMs(clock, at(3), at(5))).toBe(1 * H) // starts inside the pause: only 14:00–15:00
    expect(countedMs(clock, at(0), at(24))).toBe(10 * H) // 24 − 2 − 12
    expect(countedMs(clock, at(5), at(5))).toBe(0)
    expect(countedMs(clock, at(6), at(5))).toBe(0) // reversed → 0, never negative
  })

  it('finds the earliest instant after n counted ms, skipping excluded parts', () => {
    expect(instantAfterCounted(clock, at(0), 1 * H)).toBe(at(1))
    // 2 h counted end exactly where the pause begins: the deadline is that instant (earliest)
    expect(instantAfterCounted(clock, at(0), 2 * H)).toBe(at(2))
    expect(instantAfterCounted(clock, at(0), 2 * H + 1)).toBe(at(4) + 1)
    // 10:00 + 8 h counted: 2 h to 12:00, pause, 6 h from 14:00 → 20:00 = start of the closed night
    expect(instantAfterCounted(clock, at(0), 8 * H)).toBe(at(10))
    // 9 h: 8 h as above, the night is skipped, 1 h from 08:00 → 09:00 next day
    expect(instantAfterCounted(clock, at(0), 9 * H)).toBe(at(23))
    expect(instantAfterCounted(clock, at(3), 0)).toBe(at(3)) // zero: the start itself
  })

  it('never reaches past an open pause', () => {
    const open = businessClock([{ from: at(2), to: Infinity }])
    expect(instantAfterCounted(open, at(0), 1 * H)).toBe(at(1))
    expect(instantAfterCounted(open, at(0), 2 * H)).toBe(at(2))
    expect(instantAfterCounted(open, at(0), 2 * H + 1)).toBeNull()
    expect(countedMs(open, at(0), at(100))).toBe(2 * H)
    expect(isCounted(open, at(50))).toBe(false)
    expect(excludedAt(open, at(50))).toEqual({ from: at(2), to: Infinity })
  })

  it('counts everything when nothing is excluded', () => {
    expect(countedMs(ALWAYS_COUNTING, at(0), at(30))).toBe(30 * H)
    expect(instantAfterCounted(ALWAYS_COUNTING, at(0), 24 * H)).toBe(at(24))
    expect(businessClock([], [])).toBe(ALWAYS_COUNTING)
  })

  it('half-open: the start of an excluded interval does not count, its end does', () => {
    expect(isCounted(clock, at(2) - 1)).toBe(true)
    expect(isCounted(clock, at(2))).toBe(false)
    expect(isCounted(clock, at(4) - 1)).toBe(false)
    expect(isCounted(clock, at(4))).toBe(true)
  })
})

describe('properties', () => {
  const intervals = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 3_000 }), fc.boolean())
      .map(([from, len, open]): Interval => ({ from, to: open && len % 7 === 0 ? Infinity : from + len })),
    { maxLength: 8 }
  )

  it('counted time is monotone in the end and never more than wall time', () => {
    fc.assert(
      fc.property(
        intervals,
        fc.integer({ min: 0, max: 12_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (list, a, d1, d2) => {
          const clock = businessClock(list)
          const c1 = countedMs(clock, a, a + d1)
          const c2 = countedMs(clock, a, a + d1 + d2)
          expect(c2).toBeGreaterThanOrEqual(c1)
          expect(c1).toBeLessThanOrEqual(d1)
          expect(c1).toBeGreaterThanOrEqual(0)
          // additive: [a, b) + [b, c) = [a, c)
          expect(countedMs(clock, a, a + d1) + countedMs(clock, a + d1, a + d1 + d2)).toBe(c2)
        }
      )
    )
  })

  it('instantAfterCounted inverts countedMs and gives the earliest such instant', () => {
    fc.assert(
      fc.property(
        intervals,
        fc.integer({ min: 0, max: 12_000 }),
        fc.integer({ min: 0, max: 8_000 }),
        (list, a, n) => {
          const clock = businessClock(list)
          const t = instantAfterCounted(clock, a, n)
          if (t === null) {
            // only an open pause stops the clock for good
            expect(clock.excluded.some((i) => i.to === Infinity)).toBe(true)
            expect(countedMs(clock, a, 1e9)).toBeLessThan(n)
            return
          }
          expect(countedMs(clock, a, t)).toBe(n)
          if (n > 0) expect(countedMs(clock, a, t - 1)).toBe(n - 1)
        }
      )
    )
  })
})
