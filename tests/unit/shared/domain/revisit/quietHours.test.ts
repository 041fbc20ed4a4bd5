process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { callableFrom, DEFAULT_REVISIT_SETTINGS, isQuiet, taskState } from '@shared/domain/revisit'

const Q = DEFAULT_REVISIT_SETTINGS.quietHours // 12:00–14:00, 21:00–09:00
const at = (local: string) => Date.parse(`${local}+08:00`)

describe('quiet hours (免打扰时段, defaults 12:00–14:00 and 21:00–09:00)', () => {
  it.each([
    ['2026-11-22T08:59:59', true],
    ['2026-11-22T09:00:00', false],
    ['2026-11-22T11:59:59', false],
    ['2026-11-22T12:00:00', true],
    ['2026-11-22T13:59:59', true],
    ['2026-11-22T14:00:00', false],
    ['2026-11-22T20:59:59', false],
    ['2026-11-22T21:00:00', true],
    ['2026-11-22T23:59:59', true],
    ['2026-11-23T00:00:00', true],
    ['2026-11-23T03:00:00', true]
  ])('%s quiet: %s', (local, quiet) => {
    expect(isQuiet(at(local), Q)).toBe(quiet)
  })

  it('moves a moment inside quiet hours to the end of the range', () => {
    expect(callableFrom(at('2026-11-22T12:00:00'), Q)).toBe(at('2026-11-22T14:00:00'))
    expect(callableFrom(at('2026-11-22T13:30:00'), Q)).toBe(at('2026-11-22T14:00:00'))
    expect(callableFrom(at('2026-11-22T21:00:00'), Q)).toBe(at('2026-11-23T09:00:00'))
    // across midnight: after 00:00 the range still ends at 09:00 the same morning
    expect(callableFrom(at('2026-11-23T00:30:00'), Q)).toBe(at('2026-11-23T09:00:00'))
  })

  it('leaves a moment outside quiet hours as it is (09:00 and 14:00 exactly are callable)', () => {
    expect(callableFrom(at('2026-11-22T09:00:00'), Q)).toBe(at('2026-11-22T09:00:00'))
    expect(callableFrom(at('2026-11-22T14:00:00'), Q)).toBe(at('2026-11-22T14:00:00'))
    expect(callableFrom(at('2026-11-22T10:15:00'), Q)).toBe(at('2026-11-22T10:15:00'))
  })

  it('walks past touching ranges', () => {
    const ranges = [
      { from: '12:00', to: '14:00' },
      { from: '14:00', to: '15:00' }
    ]
    expect(callableFrom(at('2026-11-22T12:30:00'), ranges)).toBe(at('2026-11-22T15:00:00'))
  })

  it('a retry that falls in quiet hours is pushed out of them', () => {
    // 未接通 at 11:00, retry 2 h → 13:00 is quiet → 14:00
    const task = {
      windowStart: at('2026-11-22T10:00:00'),
      retryMinutes: 120,
      maxAttempts: 3,
      cancelled: null
    }
    const state = taskState(task, [
      { id: 'a', at: at('2026-11-22T11:00:00'), staffNo: '1001', outcome: 'noAnswer' }
    ])
    expect(state.nextAt).toBe(at('2026-11-22T13:00:00'))
    expect(callableFrom(state.nextAt as number, Q)).toBe(at('2026-11-22T14:00:00'))
    // 未接通 at 20:00 → 22:00 is quiet → next morning 09:00
    const evening = taskState(task, [
      { id: 'b', at: at('2026-11-22T20:00:00'), staffNo: '1001', outcome: 'noAnswer' }
    ])
    expect(callableFrom(evening.nextAt as number, Q)).toBe(at('2026-11-23T09:00:00'))
  })
})
