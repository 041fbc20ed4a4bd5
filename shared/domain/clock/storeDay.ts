import dayjs, { type Dayjs } from 'dayjs'

// The store day (营业日) as the time rules define it (timeRules.ts has the decisions): a store day ends
// at `storeDayEndsAt` local time; an end before noon closes the store day that began the previous
// morning, an end from noon closes the same calendar day. Moved here from timeRules.ts unchanged so
// that closed days (停业日, closedDays.ts) are store days with exactly the sunset rule's boundaries.

/** 'HH:mm', '00:00'–'23:59', or '24:00'. */
export const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/

const NOON = 12 * 60

/** Minutes after midnight of the store-day end, 0..1440; malformed → 1440 ('24:00'). */
export function endMinutes(storeDayEndsAt: string): number {
  const m = HH_MM.exec(storeDayEndsAt)
  if (!m) return 24 * 60
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4])
}

/** Ends before noon (including '00:00') close the store day that started the previous morning. */
function endsNextMorning(end: number): boolean {
  return end < NOON
}

/** Local moment `minutes` after the start of calendar day `day` (DST-safe: sets the clock time). */
function atMinutes(day: Dayjs, minutes: number): Dayjs {
  if (minutes >= 24 * 60) return day.add(1, 'day').startOf('day')
  return day
    .startOf('day')
    .hour(Math.floor(minutes / 60))
    .minute(minutes % 60)
}

/** End of the store day named `key` ('YYYY-MM-DD'). */
export function storeDayEndOf(key: string, storeDayEndsAt: string): number {
  const end = endMinutes(storeDayEndsAt)
  const day = dayjs(key) // 'YYYY-MM-DD' parses as local midnight
  return atMinutes(endsNextMorning(end) ? day.add(1, 'day') : day, end).valueOf()
}

/** Start of the store day named `key`: the end of the store day before it. */
export function storeDayStartOf(key: string, storeDayEndsAt: string): number {
  return storeDayEndOf(dayjs(key).subtract(1, 'day').format('YYYY-MM-DD'), storeDayEndsAt)
}

/** 'YYYY-MM-DD' of the store day containing `ms`. */
export function storeDayKeyAt(ms: number, storeDayEndsAt: string): string {
  const t = dayjs(ms)
  const end = endMinutes(storeDayEndsAt)
  const minutes = t.hour() * 60 + t.minute()
  if (endsNextMorning(end)) return (minutes < end ? t.subtract(1, 'day') : t).format('YYYY-MM-DD')
  return (minutes >= end ? t.add(1, 'day') : t).format('YYYY-MM-DD')
}
