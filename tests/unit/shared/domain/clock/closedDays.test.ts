process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  checkClosedDays,
  closedDaysSchema,
  closedDayIntervals,
  closedDayRange,
  isClosedDayDate,
  MAX_CLOSED_DAYS
} from '@shared/domain/clock/closedDays'

const at = (iso: string) => Date.parse(iso)

describe('停业日 validation', () => {
  it('accepts real dates, returns them sorted without repeats', () => {
    expect(checkClosedDays(['2027-02-07', '2027-02-06', '2027-02-07'])).toEqual({
      ok: true,
      days: ['2027-02-06', '2027-02-07']
    })
    expect(checkClosedDays([])).toEqual({ ok: true, days: [] })
  })

  it('refuses the whole list when one date is bad, naming each bad entry by index and code', () => {
    expect(checkClosedDays(['2027-02-06', '2027-02-30', '2027/02/08', 20270209, '2206-01-01'])).toEqual({
      ok: false,
      problems: [
        { index: 1, code: 'reports.closedDayList.badDate' }, // no 30 February
        { index: 2, code: 'reports.closedDayList.badDate' }, // not YYYY-MM-DD
        { index: 3, code: 'reports.closedDayList.badDate' }, // not text
        { index: 4, code: 'reports.closedDayList.badDate' } // outside 2000–2099 (a typo)
      ]
    })
  })

  it('knows leap days', () => {
    expect(isClosedDayDate('2028-02-29')).toBe(true)
    expect(isClosedDayDate('2027-02-29')).toBe(false)
    expect(isClosedDayDate(' 2027-02-06')).toBe(false)
  })

  it('refuses more than MAX_CLOSED_DAYS dates', () => {
    const many = Array.from({ length: MAX_CLOSED_DAYS + 1 }, (_, i) =>
      new Date(Date.UTC(2030, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
    )
    expect(checkClosedDays(many)).toEqual({
      ok: false,
      problems: [{ index: MAX_CLOSED_DAYS, code: 'reports.closedDayList.tooMany' }]
    })
    expect(checkClosedDays(many.slice(0, MAX_CLOSED_DAYS)).ok).toBe(true)
  })

  it('has a zod schema with the same codes', () => {
    expect(closedDaysSchema.parse(['2027-02-07', '2027-02-06'])).toEqual(['2027-02-06', '2027-02-07'])
    const bad = closedDaysSchema.safeParse(['2027-13-01'])
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe('reports.closedDayList.badDate')
  })
})

describe('停业日 as intervals of the clock', () => {
  it("with '24:00' a closed day is local midnight to midnight", () => {
    expect(closedDayIntervals(['2027-02-06'], '24:00')).toEqual([
      { from: at('2027-02-06T00:00:00+08:00'), to: at('2027-02-07T00:00:00+08:00') }
    ])
  })

  it("with '02:00' it is the store day: 02:00 to 02:00 the next morning", () => {
    expect(closedDayIntervals(['2027-02-06'], '02:00')).toEqual([
      { from: at('2027-02-06T02:00:00+08:00'), to: at('2027-02-07T02:00:00+08:00') }
    ])
  })

  it("with '22:00' it is the store day: 22:00 the evening before to 22:00", () => {
    expect(closedDayIntervals(['2027-02-06'], '22:00')).toEqual([
      { from: at('2027-02-05T22:00:00+08:00'), to: at('2027-02-06T22:00:00+08:00') }
    ])
  })

  it('skips malformed stored entries, sorts, and returns the same array for the same list', () => {
    const stored = ['2027-02-07', 'junk', '2027-02-06']
    const a = closedDayIntervals(stored, '24:00')
    expect(a.map((i) => new Date(i.from).getDate())).toEqual([6, 7])
    expect(closedDayIntervals(stored, '24:00')).toBe(a) // memoised
    expect(closedDayIntervals(stored, '02:00')).not.toBe(a)
  })
})

describe('停业日 range (the 系统设置 card adds a date or a range)', () => {
  it('gives every day from start to end, both included, across a month end and a leap day', () => {
    expect(closedDayRange('2028-02-27', '2028-03-01')).toEqual({
      ok: true,
      days: ['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']
    })
  })

  it('an empty end, or the same date, is that one day', () => {
    expect(closedDayRange('2027-02-06', '')).toEqual({ ok: true, days: ['2027-02-06'] })
    expect(closedDayRange('2027-02-06', '2027-02-06')).toEqual({ ok: true, days: ['2027-02-06'] })
  })

  it('refuses a bad start, a bad end and an end before the start, naming the field', () => {
    expect(closedDayRange('2027-02-30', '')).toEqual({
      ok: false,
      code: 'reports.closedDayList.badDate',
      field: 'from'
    })
    expect(closedDayRange('2027-02-06', '2027-13-01')).toEqual({
      ok: false,
      code: 'reports.closedDayList.badDate',
      field: 'to'
    })
    expect(closedDayRange('2027-02-06', '2027-02-05')).toEqual({
      ok: false,
      code: 'reports.closedDayList.rangeEndsBeforeStart',
      field: 'to'
    })
  })

  it('refuses a range longer than MAX_CLOSED_DAYS days', () => {
    expect(closedDayRange('2027-01-01', '2029-12-31')).toMatchObject({
      ok: false,
      code: 'reports.closedDayList.tooMany'
    })
    const ok = closedDayRange('2027-01-01', '2029-09-26')
    expect(ok.ok && ok.days.length).toBe(MAX_CLOSED_DAYS)
  })
})
