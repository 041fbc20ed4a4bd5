process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  comparison,
  customPeriod,
  datesOf,
  dayPeriod,
  monthPeriod,
  periodDays,
  periodRange,
  previousPeriod,
  weekPeriod,
  type Period
} from '@shared/domain/metrics/period'

const at = (iso: string) => Date.parse(iso)

describe('today / this week / this month (local China time)', () => {
  it('a day runs from 00:00 to the next 00:00: 23:59:59.999 is still today (across midnight)', () => {
    expect(dayPeriod(at('2026-11-23T23:59:59.999+08:00'))).toEqual({
      kind: 'day',
      from: '2026-11-23',
      to: '2026-11-23'
    })
    expect(dayPeriod(at('2026-11-24T00:00:00+08:00')).from).toBe('2026-11-24')
    // 2026-11-23 16:30 UTC is already 11-24 in China
    expect(dayPeriod(at('2026-11-23T16:30:00Z')).from).toBe('2026-11-24')
    expect(periodRange(dayPeriod(at('2026-11-23T12:00:00+08:00')))).toEqual({
      start: at('2026-11-23T00:00:00+08:00'),
      end: at('2026-11-24T00:00:00+08:00')
    })
  })

  it('a week is Monday to Sunday', () => {
    const sunday = at('2026-12-06T22:00:00+08:00')
    expect(weekPeriod(sunday)).toEqual({ kind: 'week', from: '2026-11-30', to: '2026-12-06' })
    expect(weekPeriod(at('2026-11-30T00:00:00+08:00')).from).toBe('2026-11-30') // Monday itself
    expect(weekPeriod(at('2026-12-07T00:00:00+08:00')).from).toBe('2026-12-07')
  })

  it('a month is the calendar month (across month end, February, leap year)', () => {
    expect(monthPeriod(at('2026-02-28T23:59:59.999+08:00'))).toEqual({
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28'
    })
    expect(monthPeriod(at('2026-03-01T00:00:00+08:00')).from).toBe('2026-03-01')
    expect(monthPeriod(at('2028-02-10T10:00:00+08:00')).to).toBe('2028-02-29')
    expect(periodDays(monthPeriod(at('2026-12-10T10:00:00+08:00')))).toBe(31)
  })
})

describe('custom range', () => {
  it('accepts a single day and ranges up to three years', () => {
    expect(customPeriod('2026-11-23', '2026-11-23')).toEqual({
      ok: true,
      period: { kind: 'custom', from: '2026-11-23', to: '2026-11-23' }
    })
    expect(customPeriod('2024-01-01', '2026-12-31').ok).toBe(true)
  })

  it('refuses an end before the start', () => {
    expect(customPeriod('2026-11-23', '2026-11-22')).toEqual({
      ok: false,
      code: 'reports.period.endsBeforeStart'
    })
  })

  it('refuses more than three years, at the edge', () => {
    expect(customPeriod('2024-01-01', '2027-01-01')).toEqual({ ok: false, code: 'reports.period.tooLong' })
    expect(customPeriod('2024-02-29', '2027-02-27').ok).toBe(true)
    expect(customPeriod('2024-02-29', '2027-02-28')).toEqual({ ok: false, code: 'reports.period.tooLong' })
  })

  it('refuses a date that is not a real day', () => {
    expect(customPeriod('2026-02-30', '2026-03-01')).toEqual({ ok: false, code: 'reports.period.badDate' })
    expect(customPeriod('2026-11-23', '11/24/2026')).toEqual({ ok: false, code: 'reports.period.badDate' })
  })
})

describe('较上期: the previous period', () => {
  it('day → the day before (across month end)', () => {
    expect(previousPeriod({ kind: 'day', from: '2026-03-01', to: '2026-03-01' })).toEqual({
      kind: 'day',
      from: '2026-02-28',
      to: '2026-02-28'
    })
  })

  it('week → the Monday–Sunday before', () => {
    expect(previousPeriod({ kind: 'week', from: '2026-11-30', to: '2026-12-06' })).toEqual({
      kind: 'week',
      from: '2026-11-23',
      to: '2026-11-29'
    })
  })

  it('month → the previous calendar month, whatever its length (March → 28-day February, January → December)', () => {
    expect(previousPeriod({ kind: 'month', from: '2026-03-01', to: '2026-03-31' })).toEqual({
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28'
    })
    expect(previousPeriod({ kind: 'month', from: '2027-01-01', to: '2027-01-31' }).from).toBe('2026-12-01')
  })

  it('custom → the same number of days just before (10 days)', () => {
    const p: Period = { kind: 'custom', from: '2026-11-21', to: '2026-11-30' }
    expect(previousPeriod(p)).toEqual({ kind: 'custom', from: '2026-11-11', to: '2026-11-20' })
  })

  it('a running period is compared so far, at the same point of the previous one', () => {
    const now = at('2026-11-23T15:00:00+08:00')
    expect(comparison(dayPeriod(now), now)).toEqual({
      current: { start: at('2026-11-23T00:00:00+08:00'), end: now },
      previous: { start: at('2026-11-22T00:00:00+08:00'), end: at('2026-11-22T15:00:00+08:00') }
    })
    const endOfMarch = at('2026-03-31T10:00:00+08:00')
    expect(comparison(monthPeriod(endOfMarch), endOfMarch).previous).toEqual({
      start: at('2026-02-01T00:00:00+08:00'),
      end: at('2026-02-28T10:00:00+08:00') // 31 March → clamped to February's last day
    })
  })

  it('a past period is compared whole', () => {
    const p: Period = { kind: 'month', from: '2026-10-01', to: '2026-10-31' }
    expect(comparison(p, at('2026-12-06T10:00:00+08:00'))).toEqual({
      current: periodRange(p),
      previous: periodRange({ kind: 'month', from: '2026-09-01', to: '2026-09-30' })
    })
  })
})

describe('datesOf', () => {
  it('lists the local dates a range touches', () => {
    expect(datesOf(periodRange({ kind: 'custom', from: '2026-02-27', to: '2026-03-02' }))).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02'
    ])
    expect(datesOf({ start: at('2026-11-23T00:00:00+08:00'), end: at('2026-11-23T15:00:00+08:00') })).toEqual(
      ['2026-11-23']
    )
    expect(datesOf({ start: 5, end: 5 })).toEqual([])
  })
})
