import dayjs from 'dayjs'

// Periods of the counter log (docs/counter-log.md): a day, a week (Monday 00:00 to Sunday 23:59:59.999
// local time, the store's 每周汇总), a calendar month or year, as half-open ranges [start, end) in epoch ms.
// Local time is the PC's zone (the store's PCs run in Asia/Shanghai), like the time rules.

export const PERIODS = ['day', 'week', 'month', 'year'] as const
export type Period = (typeof PERIODS)[number]

export interface TimeRange {
  /** first instant inside */
  start: number
  /** first instant after */
  end: number
}

/** Monday 00:00 local of the week holding `ms` (dayjs weeks start on Sunday, so count back by hand). */
export function weekStart(ms: number): number {
  const day = dayjs(ms).startOf('day')
  const sinceMonday = (day.day() + 6) % 7
  return day.subtract(sinceMonday, 'day').valueOf()
}

/** The period of `kind` holding `ms`. Ends are computed by the calendar, not by adding fixed hours,
 *  so a period across a daylight-saving change (none in China, some elsewhere) still ends at midnight. */
export function periodRange(kind: Period, ms: number): TimeRange {
  if (kind === 'week') {
    const start = weekStart(ms)
    return { start, end: dayjs(start).add(7, 'day').valueOf() }
  }
  const start = dayjs(ms).startOf(kind)
  return { start: start.valueOf(), end: start.add(1, kind).valueOf() }
}

/** The week before the one holding `ms`: what 工作台 offers a manager on Monday. */
export function previousWeek(ms: number): TimeRange {
  const start = weekStart(ms)
  return { start: dayjs(start).subtract(7, 'day').valueOf(), end: start }
}

/** A stable name for a week (its Monday, YYYY-MM-DD): the key a manager's "opened" mark is kept under. */
export function weekKey(ms: number): string {
  return dayjs(weekStart(ms)).format('YYYY-MM-DD')
}

export function inRange(ms: number, r: TimeRange): boolean {
  return ms >= r.start && ms < r.end
}
