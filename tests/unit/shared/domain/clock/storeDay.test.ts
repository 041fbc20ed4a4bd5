process.env.TZ = 'Asia/Shanghai'
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import dayjs, { type Dayjs } from 'dayjs'
import { storeDayEndOf, storeDayKeyAt, storeDayStartOf } from '@shared/domain/clock/storeDay'

// The store-day boundaries are computed with native Date for speed; here they are checked against the
// rule written plainly with dayjs (the previous implementation): an end before noon closes the store
// day that began the previous morning, an end from noon closes the same calendar day.

const NOON = 12 * 60
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
function atMinutes(day: Dayjs, minutes: number): Dayjs {
  if (minutes >= 24 * 60) return day.add(1, 'day').startOf('day')
  return day
    .startOf('day')
    .hour(Math.floor(minutes / 60))
    .minute(minutes % 60)
}
const reference = {
  endOf(key: string, endsAt: string): number {
    const end = minutesOf(endsAt)
    const day = dayjs(key)
    return atMinutes(end < NOON ? day.add(1, 'day') : day, end).valueOf()
  },
  startOf(key: string, endsAt: string): number {
    return reference.endOf(dayjs(key).subtract(1, 'day').format('YYYY-MM-DD'), endsAt)
  },
  keyAt(ms: number, endsAt: string): string {
    const t = dayjs(ms)
    const end = minutesOf(endsAt)
    const minutes = t.hour() * 60 + t.minute()
    if (end < NOON) return (minutes < end ? t.subtract(1, 'day') : t).format('YYYY-MM-DD')
    return (minutes >= end ? t.add(1, 'day') : t).format('YYYY-MM-DD')
  }
}

const endsAt = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.constant('24:00')
)
const instant = fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2040-01-01') })
const dayKey = instant.map((ms) => dayjs(ms).format('YYYY-MM-DD'))

const zone = process.env.TZ
afterAll(() => {
  process.env.TZ = zone
})

describe('store day boundaries (native Date) equal the rule written with dayjs', () => {
  for (const tz of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']) {
    it(`in ${tz} (DST days included where the zone has them)`, () => {
      process.env.TZ = tz
      fc.assert(
        fc.property(instant, dayKey, endsAt, (ms, key, end) => {
          expect(storeDayKeyAt(ms, end)).toBe(reference.keyAt(ms, end))
          expect(storeDayEndOf(key, end)).toBe(reference.endOf(key, end))
          expect(storeDayStartOf(key, end)).toBe(reference.startOf(key, end))
        }),
        { numRuns: 2000 }
      )
      // and at the boundaries themselves: instants within two minutes of a store-day end
      fc.assert(
        fc.property(dayKey, endsAt, fc.integer({ min: -120_000, max: 120_000 }), (key, end, offset) => {
          const ms = reference.endOf(key, end) + offset
          expect(storeDayKeyAt(ms, end)).toBe(reference.keyAt(ms, end))
        }),
        { numRuns: 2000 }
      )
    })
  }
})
