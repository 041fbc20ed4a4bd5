import { z } from 'zod'
import type { Interval } from './businessClock'
import { storeDayEndOf, storeDayStartOf } from './storeDay'

// 停业日 (closed days, 系统设置): local dates on which the store is closed, e.g. the Spring Festival
// closing. No time limit counts on them (businessClock.ts). Decisions:
// - A closed day is a STORE day (storeDay.ts), from the end of the previous store day to its own end:
//   with the default end '24:00' that is local midnight to midnight; with '02:00' the closed day
//   '2027-02-06' runs from 02-06 02:00 to 02-07 02:00. So a complaint that the sunset rule puts on a
//   closed store day is on a closed day here too.
// - A date is 'YYYY-MM-DD', a real calendar day, years 2000–2099 (a typo like 2206 is refused).
//   checkClosedDays refuses the WHOLE list when one entry is bad, with one problem per bad entry
//   (its index and the code), so a settings form keeps what was typed and marks the bad ones.
// - Duplicates are not an error: the list is a set; it comes back sorted and without repeats.
// - At most MAX_CLOSED_DAYS dates (ten years of a generous closing calendar).
// - closedDayIntervals reads what is stored and skips malformed entries (stored data may predate the
//   validation), so every PC still derives the same clock from the same list.

export const MAX_CLOSED_DAYS = 1000

const DATE = /^(20\d\d)-(\d\d)-(\d\d)$/

/** 'YYYY-MM-DD' naming a real day of 2000–2099 (2027-02-30 is not one). */
export function isClosedDayDate(text: unknown): text is string {
  if (typeof text !== 'string' || !DATE.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

export type ClosedDaysProblemCode = 'reports.closedDayList.badDate' | 'reports.closedDayList.tooMany'

export type ClosedDaysCheck =
  { ok: true; days: string[] } | { ok: false; problems: { index: number; code: ClosedDaysProblemCode }[] }

/** Validates a closed-day list as typed or imported: all good → sorted unique dates; else every problem. */
export function checkClosedDays(input: readonly unknown[]): ClosedDaysCheck {
  const problems: { index: number; code: ClosedDaysProblemCode }[] = []
  input.forEach((value, index) => {
    if (!isClosedDayDate(value)) problems.push({ index, code: 'reports.closedDayList.badDate' })
  })
  const days = [...new Set(input.filter(isClosedDayDate))].sort()
  if (problems.length === 0 && days.length > MAX_CLOSED_DAYS)
    problems.push({ index: MAX_CLOSED_DAYS, code: 'reports.closedDayList.tooMany' })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, days }
}

/** The same rule as a zod schema for settings records (messages are the codes). */
export const closedDaysSchema = z
  .array(z.string().refine(isClosedDayDate, 'reports.closedDayList.badDate'))
  .transform((days) => [...new Set(days)].sort())
  .refine((days) => days.length <= MAX_CLOSED_DAYS, 'reports.closedDayList.tooMany')

export type ClosedDayRangeCode =
  | 'reports.closedDayList.badDate'
  | 'reports.closedDayList.tooMany'
  | 'reports.closedDayList.rangeEndsBeforeStart'

/** Every date from `from` to `to`, both included (a closing such as 2027-02-06 → 2027-02-12), or why
 *  not: a date that is not a real day, an end before the start, or more than MAX_CLOSED_DAYS days.
 *  `to` empty or equal to `from` is that one day. Calendar arithmetic on UTC dates: no time zone can
 *  skip or repeat a day. */
export function closedDayRange(
  from: unknown,
  to: unknown
): { ok: true; days: string[] } | { ok: false; code: ClosedDayRangeCode; field: 'from' | 'to' } {
  if (!isClosedDayDate(from)) return { ok: false, code: 'reports.closedDayList.badDate', field: 'from' }
  const end = to === '' || to === undefined || to === null ? from : to
  if (!isClosedDayDate(end)) return { ok: false, code: 'reports.closedDayList.badDate', field: 'to' }
  if (end < from) return { ok: false, code: 'reports.closedDayList.rangeEndsBeforeStart', field: 'to' }
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); ; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10)
    if (day > end) break
    if (days.length === MAX_CLOSED_DAYS)
      return { ok: false, code: 'reports.closedDayList.tooMany', field: 'to' }
    days.push(day)
  }
  return { ok: true, days }
}

const cache = new WeakMap<readonly unknown[], Map<string, Interval[]>>()

/** The closed days as intervals of the clock; malformed entries are skipped. Memoised per list and end. */
export function closedDayIntervals(days: readonly unknown[], storeDayEndsAt: string): Interval[] {
  let byEnd = cache.get(days)
  if (!byEnd) cache.set(days, (byEnd = new Map()))
  const hit = byEnd.get(storeDayEndsAt)
  if (hit) return hit
  const out = [...new Set(days.filter(isClosedDayDate))]
    .sort()
    .map((key) => ({ from: storeDayStartOf(key, storeDayEndsAt), to: storeDayEndOf(key, storeDayEndsAt) }))
  byEnd.set(storeDayEndsAt, out)
  return out
}
