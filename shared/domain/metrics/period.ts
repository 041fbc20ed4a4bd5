import dayjs from 'dayjs'

// Report periods (统计报表's filter bar): 今天 / 本周 / 本月 / a custom range, and the previous period
// for 较上期. Decisions:
// - Periods are whole LOCAL CALENDAR dates (the PC's time zone, like the time rules; the stores run
//   in Asia/Shanghai, which has no daylight saving). A period is [from 00:00, the day after `to`
//   00:00): 23:59:59.999 belongs to its day, 00:00 to the next. Report days are calendar days even
//   when the store day ends at another time (the store day only governs the sunset rule).
// - A week is Monday–Sunday; a month is the calendar month.
// - A custom range is refused with a code when a date is not a real 'YYYY-MM-DD' day
//   ('reports.period.badDate'), when it ends before it starts ('reports.period.endsBeforeStart'; a
//   single day, from = to, is fine), or when it spans more than 3 years ('reports.period.tooLong'):
//   `to` may be at most the day before the same date three years later (2024-01-01 → 2026-12-31 is
//   allowed, → 2027-01-01 is not; from a 29 February, three years later is 28 February).
// - The previous period (较上期) has the same length: the previous day, the previous Monday–Sunday,
//   the same number of days just before a custom range — and, for a month, the PREVIOUS CALENDAR
//   MONTH (28–31 days), because the manager compares 十一月 with 十月, and rates compare fine across
//   months of different lengths.
// - A period still running (now inside it) is compared "so far": the current range is cut at now,
//   and the previous one at the same point: the same elapsed time after its start, or for a month
//   the same day of the month and time, clamped to the previous month's last day (31 March 10:00 →
//   28 February 10:00).

export type PeriodKind = 'day' | 'week' | 'month' | 'custom'

/** Inclusive local dates 'YYYY-MM-DD'. */
export interface Period {
  kind: PeriodKind
  from: string
  to: string
}

/** Half-open [start, end) in epoch ms. */
export interface Range {
  start: number
  end: number
}

export type PeriodRefusal =
  'reports.period.badDate' | 'reports.period.endsBeforeStart' | 'reports.period.tooLong'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const FMT = 'YYYY-MM-DD'

function isDate(text: string): boolean {
  if (!DATE.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text)
}

/** The local date of an instant. */
export function localDate(ms: number): string {
  return dayjs(ms).format(FMT)
}

export function dayPeriod(now: number): Period {
  const d = localDate(now)
  return { kind: 'day', from: d, to: d }
}

export function weekPeriod(now: number): Period {
  const d = dayjs(now).startOf('day')
  const monday = d.subtract((d.day() + 6) % 7, 'day')
  return { kind: 'week', from: monday.format(FMT), to: monday.add(6, 'day').format(FMT) }
}

export function monthPeriod(now: number): Period {
  const d = dayjs(now)
  return { kind: 'month', from: d.startOf('month').format(FMT), to: d.endOf('month').format(FMT) }
}

export function customPeriod(
  from: string,
  to: string
): { ok: true; period: Period } | { ok: false; code: PeriodRefusal } {
  if (!isDate(from) || !isDate(to)) return { ok: false, code: 'reports.period.badDate' }
  if (to < from) return { ok: false, code: 'reports.period.endsBeforeStart' }
  const last = dayjs(from).add(3, 'year').subtract(1, 'day').format(FMT)
  if (to > last) return { ok: false, code: 'reports.period.tooLong' }
  return { ok: true, period: { kind: 'custom', from, to } }
}

export function periodRange(p: Period): Range {
  return { start: dayjs(p.from).valueOf(), end: dayjs(p.to).add(1, 'day').valueOf() }
}

/** Number of days in the period. */
export function periodDays(p: Period): number {
  return dayjs(p.to).diff(dayjs(p.from), 'day') + 1
}

export function previousPeriod(p: Period): Period {
  const from = dayjs(p.from)
  switch (p.kind) {
    case 'month': {
      const prev = from.subtract(1, 'month')
      return { kind: 'month', from: prev.startOf('month').format(FMT), to: prev.endOf('month').format(FMT) }
    }
    default: {
      const n = periodDays(p)
      return {
        kind: p.kind,
        from: from.subtract(n, 'day').format(FMT),
        to: from.subtract(1, 'day').format(FMT)
      }
    }
  }
}

/** The ranges a report compares (see the "so far" decision above). */
export function comparison(p: Period, now: number): { current: Range; previous: Range } {
  const current = periodRange(p)
  const prev = previousPeriod(p)
  const previous = periodRange(prev)
  if (!(now > current.start && now < current.end)) return { current, previous }
  const cutPrev =
    p.kind === 'month'
      ? Math.min(dayjs(now).subtract(1, 'month').valueOf(), previous.end)
      : previous.start + (now - current.start)
  return { current: { start: current.start, end: now }, previous: { start: previous.start, end: cutPrev } }
}

/** The local dates a range touches, in order. */
export function datesOf(r: Range): string[] {
  if (r.end <= r.start) return []
  const out: string[] = []
  const last = localDate(r.end - 1)
  for (let d = dayjs(r.start).startOf('day'); ; d = d.add(1, 'day')) {
    const key = d.format(FMT)
    out.push(key)
    if (key >= last) break
  }
  return out
}

export function inRange(ms: number, r: Range): boolean {
  return ms >= r.start && ms < r.end
}
