process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { closeTime, firstResponseTime } from '@shared/domain/metrics/durations'
import { durationMetric, median } from '@shared/domain/metrics/metric'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'
import { A, at, B, CASES, CTX, dayRange, WEEK } from './fixture'

const MIN = 60_000
const H = 60 * MIN
const DAY23 = dayRange(23)

describe('首次响应时长 (counted, median; mean = numerator ÷ denominator)', () => {
  it('11-23: G 10 min, A 30, F 30, B 22 h (10:00 → 08:00); D still waiting', () => {
    // sorted [10, 30, 30, 1320] min → median (30 + 30) / 2 = 30 min; total 1390 min over 4 → mean 347.5 min
    expect(firstResponseTime(CASES, CTX, DAY23)).toEqual({
      value: 30 * MIN,
      numerator: 1390 * MIN,
      denominator: 4,
      reason: null,
      mean: 347.5 * MIN,
      pending: 1
    })
  })

  it('paused time is left out: B paused 11-23 18:00 → 11-24 06:00 counts 10 h (600 min)', () => {
    const paused = CASES.map((c) =>
      c === B ? { ...B, pauses: [{ from: at(23, '18:00'), to: at(24, '06:00') }] } : c
    )
    // [10, 30, 30, 600] → median 30 min, mean 670 / 4 = 167.5 min
    expect(firstResponseTime(paused, CTX, DAY23)).toMatchObject({
      value: 30 * MIN,
      numerator: 670 * MIN,
      mean: 167.5 * MIN
    })
  })

  it('closed days are left out: 11-24 closed → B counts 14 h (10:00 → 24:00), its 08:00 on 11-24 is closed time', () => {
    const ctx = { ...CTX, closedDays: closedDayIntervals(['2026-11-24'], '24:00') }
    expect(firstResponseTime(CASES, ctx, DAY23)).toMatchObject({ numerator: (10 + 30 + 30 + 840) * MIN })
  })

  it('a response after asOf is still pending', () => {
    expect(firstResponseTime(CASES, { ...CTX, asOf: at(24, '07:00') }, DAY23)).toMatchObject({
      denominator: 3,
      pending: 2
    })
  })
})

describe('结案时长 (closed cases only, counted)', () => {
  it('week 11-23…29: A 26 h (23 09:00 → 24 11:00), C 111 h (22 20:00 → 27 11:00); F was rejected, not closed', () => {
    // median of two = (26 + 111) / 2 = 68.5 h = mean
    expect(closeTime(CASES, CTX, WEEK)).toEqual({
      value: 68.5 * H,
      numerator: 137 * H,
      denominator: 2,
      reason: null,
      mean: 68.5 * H
    })
  })

  it('11-24: only A (closed that day)', () => {
    expect(closeTime([A], CTX, dayRange(24)).value).toBe(26 * H)
  })
})

describe('zero cases: "—", never NaN', () => {
  it('durations and the median of nothing', () => {
    expect(firstResponseTime([], CTX, DAY23)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'reports.noData.none',
      mean: null,
      pending: 0
    })
    expect(closeTime(CASES, CTX, dayRange(25)).value).toBeNull()
    expect(median([])).toBeNull()
    expect(median([3, 1, 2])).toBe(2)
    expect(durationMetric([]).mean).toBeNull()
  })
})
