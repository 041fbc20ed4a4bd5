import { describe, expect, it } from 'vitest'
import {
  DEFAULT_IDLE_MINUTES,
  idleMinutesSchema,
  latestActivity,
  lockAt,
  shouldLock
} from '@shared/domain/desk/idleLock'

const T0 = Date.parse('2026-12-06T10:00:00+08:00')
const MIN = 60_000

describe('idle lock (已锁定 after N idle minutes)', () => {
  it('locks at the instant the idle time reaches N minutes, not a millisecond before', () => {
    expect(DEFAULT_IDLE_MINUTES).toBe(10)
    expect(shouldLock(T0, T0 + 10 * MIN - 1, 10)).toBe(false)
    expect(shouldLock(T0, T0 + 10 * MIN, 10)).toBe(true)
    expect(lockAt(T0, 10)).toBe(T0 + 10 * MIN)
  })

  it('activity moves the lock: a key at 9:59 idle gives ten more minutes', () => {
    const last = latestActivity(T0, T0 + 9 * MIN + 59_000)
    expect(shouldLock(last, T0 + 10 * MIN, 10)).toBe(false)
    expect(shouldLock(last, last + 10 * MIN, 10)).toBe(true)
  })

  it('an older activity arriving late does not bring the lock nearer', () => {
    expect(latestActivity(T0 + 5 * MIN, T0)).toBe(T0 + 5 * MIN)
  })

  it('0 minutes never locks by itself; the setting allows 0–120 whole minutes', () => {
    expect(lockAt(T0, 0)).toBeNull()
    expect(shouldLock(T0, T0 + 1000 * MIN, 0)).toBe(false)
    expect(idleMinutesSchema.safeParse(120).success).toBe(true)
    for (const bad of [-1, 121, 2.5, Number.NaN])
      expect(idleMinutesSchema.safeParse(bad).success, String(bad)).toBe(false)
  })
})
