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

// Native Date arithmetic (setDate / setHours keep local time, DST-safe like dayjs, which wraps the
// same setters): a report asks for hundreds of thousands of these, and dayjs objects were most of
// its time (tests/unit/shared/domain/clock/storeDay.test.ts checks them against dayjs).

const pad = (n: number) => (n < 10 ? `0${n}` : String(n))
const keyOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

/** Local midnight of 'YYYY-MM-DD'. */
function midnightOf(key: string): Date {
  return new Date(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)))
}

/** Local moment `minutes` after the start of calendar day `day` (sets the clock time). */
function atMinutes(day: Date, minutes: number): number {
  const d = new Date(day.getTime())
  if (minutes >= 24 * 60) {
    d.setDate(d.getDate() + 1)
    d.setHours(0, 0, 0, 0)
  } else d.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0)
  return d.getTime()
}

// A store-day end is asked for the same few hundred days again and again. Kept by the day's local
// midnight as an instant, so a change of time zone cannot return another zone's answer.
const endCache = new Map<string, number>()

/** End of the store day named `key` ('YYYY-MM-DD'). */
export function storeDayEndOf(key: string, storeDayEndsAt: string): number {
  const day = midnightOf(key)
  const cacheKey = `${day.getTime()}|${storeDayEndsAt}`
  const kept = endCache.get(cacheKey)
  if (kept !== undefined) return kept
  const end = endMinutes(storeDayEndsAt)
  if (endsNextMorning(end)) day.setDate(day.getDate() + 1)
  const at = atMinutes(day, end)
  if (endCache.size > 20_000) endCache.clear()
  endCache.set(cacheKey, at)
  return at
}

/** Start of the store day named `key`: the end of the store day before it. */
export function storeDayStartOf(key: string, storeDayEndsAt: string): number {
  const before = midnightOf(key)
  before.setDate(before.getDate() - 1)
  return storeDayEndOf(keyOf(before), storeDayEndsAt)
}

/** 'YYYY-MM-DD' of the store day containing `ms`. */
export function storeDayKeyAt(ms: number, storeDayEndsAt: string): string {
  const t = new Date(ms)
  const end = endMinutes(storeDayEndsAt)
  const minutes = t.getHours() * 60 + t.getMinutes()
  if (endsNextMorning(end) ? minutes < end : minutes >= end)
    t.setDate(t.getDate() + (endsNextMorning(end) ? -1 : 1))
  return keyOf(t)
}
