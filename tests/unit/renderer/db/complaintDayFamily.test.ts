import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import dayjs from 'dayjs'
import { localDate } from '@/db/complaintDayFamily'

// The day rows file complaints under local dates; the writer's own formatter must name the very
// days dayjs did (rows built before it, and every reader, use dayjs' dates).
describe('localDate', () => {
  // a zone that is not UTC (the shops' own), whatever the machine's
  const zone = process.env.TZ
  beforeAll(() => void (process.env.TZ = 'Asia/Shanghai'))
  afterAll(() => void (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)))
  it("is dayjs(ms).format('YYYY-MM-DD') for any moment from 1970 to 2200 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(localDate(ms)).toBe(dayjs(ms).format('YYYY-MM-DD'))
      }),
      { numRuns: 5_000 }
    )
    // around midnight, local time
    const midnight = dayjs('2026-03-01T00:00:00').valueOf()
    expect(localDate(midnight - 1)).toBe('2026-02-28')
    expect(localDate(midnight)).toBe('2026-03-01')
  })
})
