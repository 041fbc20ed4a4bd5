import dayjs from 'dayjs'
import { HH_MM, type QuietRange } from './rules'

// 免打扰时段 (docs/revisits.md §4): no call is proposed inside a quiet range. Local time of the PC.
// A range is [from, to): 12:00 is quiet, 14:00 is not. `to` earlier than `from` crosses midnight
// (21:00–09:00: 21:00 … 23:59 and 00:00 … 08:59). Ranges may touch or overlap: callableFrom moves
// past all of them.

function minutes(hhmm: string): number {
  const m = HH_MM.exec(hhmm)
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0
}

function minuteOfDay(ms: number): number {
  const t = dayjs(ms)
  return t.hour() * 60 + t.minute()
}

function inRange(minute: number, r: QuietRange): boolean {
  const from = minutes(r.from)
  const to = minutes(r.to)
  return from < to ? minute >= from && minute < to : minute >= from || minute < to
}

/** Whether `ms` falls in a quiet range. */
export function isQuiet(ms: number, ranges: readonly QuietRange[]): boolean {
  const minute = minuteOfDay(ms)
  return ranges.some((r) => inRange(minute, r))
}

/** The end of the quiet range containing `ms` (the next `to` at or after it). */
function rangeEnd(ms: number, r: QuietRange): number {
  const to = minutes(r.to)
  const start = dayjs(ms).startOf('day')
  const sameDay = start.hour(Math.floor(to / 60)).minute(to % 60)
  return (sameDay.valueOf() > ms ? sameDay : sameDay.add(1, 'day')).valueOf()
}

/** The first moment at or after `ms` that is not quiet (`ms` itself when it is not). */
export function callableFrom(ms: number, ranges: readonly QuietRange[]): number {
  let t = ms
  // Each step leaves one range; touching ranges chain, so bound the walk by their number.
  for (let i = 0; i <= ranges.length; i++) {
    const minute = minuteOfDay(t)
    const hit = ranges.find((r) => inRange(minute, r))
    if (!hit) return t
    t = rangeEnd(t, hit)
  }
  return t
}
