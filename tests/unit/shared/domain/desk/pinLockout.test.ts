import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  afterAttempt,
  beforeAttempt,
  isLocked,
  MAX_WRONG_PINS,
  PIN_LOCK_MS,
  UNLOCKED,
  unlockedByManager,
  type PinLockState
} from '@shared/domain/desk/pinLockout'

const T0 = Date.parse('2026-12-06T10:00:00+08:00')

/** Types wrong PINs one a second from T0; the state after them. */
function wrongTimes(n: number, from = UNLOCKED, start = T0): PinLockState {
  let state = from
  for (let i = 0; i < n; i++) {
    const blocked = beforeAttempt(state, start + i * 1000)
    state = blocked ? blocked.state : afterAttempt(state, false, start + i * 1000).state
  }
  return state
}

describe('five wrong PINs lock the 工号 for 5 minutes', () => {
  it('four wrong PINs say how many are left and do not lock', () => {
    let state = UNLOCKED
    const left: number[] = []
    for (let i = 0; i < 4; i++) {
      const a = afterAttempt(state, false, T0 + i)
      if (a.outcome !== 'wrong') throw new Error(a.outcome)
      left.push(a.left)
      state = a.state
    }
    expect(left).toEqual([4, 3, 2, 1])
    expect(isLocked(state, T0 + 10)).toBe(false)
  })

  it('the fifth locks until exactly 5 minutes after it; the lock ends at that instant', () => {
    const fourth = wrongTimes(4)
    const at = T0 + 60_000
    const fifth = afterAttempt(fourth, false, at)
    expect(fifth).toMatchObject({ outcome: 'locked', until: at + PIN_LOCK_MS })
    expect(isLocked(fifth.state, at + PIN_LOCK_MS - 1)).toBe(true)
    expect(isLocked(fifth.state, at + PIN_LOCK_MS)).toBe(false)
  })

  it('while locked the PIN is not looked at: even the right one is refused, with the same end', () => {
    const locked = wrongTimes(MAX_WRONG_PINS)
    const blocked = beforeAttempt(locked, T0 + 2 * 60_000)
    expect(blocked).toMatchObject({ outcome: 'locked', until: locked.lockedUntil })
    expect(blocked?.state).toBe(locked)
  })

  it('a right PIN clears the count: wrong ×4, right, wrong ×4 does not lock', () => {
    const afterRight = afterAttempt(wrongTimes(4), true, T0 + 10_000)
    expect(afterRight).toEqual({ outcome: 'ok', state: UNLOCKED })
    expect(isLocked(wrongTimes(4, afterRight.state, T0 + 20_000), T0 + 30_000)).toBe(false)
  })

  it('after the lock runs out, a wrong PIN starts a new count (one wrong does not lock again)', () => {
    const locked = wrongTimes(MAX_WRONG_PINS)
    const later = afterAttempt(locked, false, locked.lockedUntil)
    expect(later).toMatchObject({ outcome: 'wrong', left: MAX_WRONG_PINS - 1 })
  })

  it('a manager’s PIN unlocks at once', () => {
    const locked = wrongTimes(MAX_WRONG_PINS)
    expect(isLocked(unlockedByManager(), T0 + 2000)).toBe(false)
    expect(isLocked(locked, T0 + 2000)).toBe(true)
  })

  it('any sequence: locked exactly when the last five checked attempts were all wrong within the lock', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 200_000 })), { maxLength: 40 }),
        (steps) => {
          let state = UNLOCKED
          let now = T0
          let run = 0 // wrong in a row, counted as the rule says
          let until = 0
          for (const [right, gap] of steps) {
            now += gap
            if (beforeAttempt(state, now)) {
              expect(now).toBeLessThan(until)
              continue
            }
            if (until !== 0 && now >= until) {
              run = 0
              until = 0
            }
            run = right ? 0 : run + 1
            if (right) until = 0
            if (run >= MAX_WRONG_PINS) until = now + PIN_LOCK_MS
            state = afterAttempt(state, right, now).state
            expect(isLocked(state, now)).toBe(run >= MAX_WRONG_PINS)
          }
        }
      )
    )
  })
})
