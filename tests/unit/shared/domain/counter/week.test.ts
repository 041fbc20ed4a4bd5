process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { inRange, periodRange, previousWeek, weekKey, weekStart } from '@shared/domain/counter/week'

const at = (s: string) => Date.parse(`${s}+08:00`)

describe('the weekly window (Monday 00:00 – Sunday 23:59 local)', () => {
  // 2026-11-22 is a Sunday, 2026-11-23 a Monday.
  it('puts Sunday 23:59:59.999 in the week that began the Monday before', () => {
    const w = periodRange('week', at('2026-11-22T23:59:59.999'))
    expect(w).toEqual({ start: at('2026-11-16T00:00:00'), end: at('2026-11-23T00:00:00') })
    expect(inRange(at('2026-11-22T23:59:59.999'), w)).toBe(true)
  })

  it('starts a new week at Monday 00:00 exactly', () => {
    expect(weekStart(at('2026-11-23T00:00:00'))).toBe(at('2026-11-23T00:00:00'))
    expect(inRange(at('2026-11-23T00:00:00'), periodRange('week', at('2026-11-22T12:00:00')))).toBe(false)
    expect(weekKey(at('2026-11-23T00:00:00'))).toBe('2026-11-23')
    expect(weekKey(at('2026-11-22T23:59:59'))).toBe('2026-11-16')
  })

  it('runs across a month end as one week (Mon 30 Nov – Sun 6 Dec)', () => {
    expect(periodRange('week', at('2026-12-03T09:00:00'))).toEqual({
      start: at('2026-11-30T00:00:00'),
      end: at('2026-12-07T00:00:00')
    })
  })

  it('names the previous week for Monday’s summary', () => {
    expect(previousWeek(at('2026-11-23T08:00:00'))).toEqual({
      start: at('2026-11-16T00:00:00'),
      end: at('2026-11-23T00:00:00')
    })
  })

  it('gives days and calendar months as half-open ranges', () => {
    expect(periodRange('day', at('2026-11-22T15:00:00'))).toEqual({
      start: at('2026-11-22T00:00:00'),
      end: at('2026-11-23T00:00:00')
    })
    expect(periodRange('month', at('2026-02-10T15:00:00'))).toEqual({
      start: at('2026-02-01T00:00:00'),
      end: at('2026-03-01T00:00:00')
    })
  })
})
