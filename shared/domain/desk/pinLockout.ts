// 切换工号 with a PIN (issue 17 point 1): five wrong PINs in a row lock that 工号 for five minutes. Pure
// state per 工号, kept by the caller (on this PC: a guess is typed here, so the count is this PC's).
// Decisions:
// - "In a row": a right PIN clears the count; a wrong one after the lock has run out starts a new count.
// - While locked, an attempt is refused without looking at the PIN (a guess made then is not counted
//   and cannot succeed), and the refusal says until when.
// - A manager's PIN (checked by the caller) unlocks at once and clears the count.

export const MAX_WRONG_PINS = 5
export const PIN_LOCK_MS = 5 * 60_000

export interface PinLockState {
  /** wrong PINs in a row */
  wrong: number
  /** locked until this instant (exclusive); 0 = not locked */
  lockedUntil: number
}

export const UNLOCKED: PinLockState = { wrong: 0, lockedUntil: 0 }

export type PinAttempt =
  | { outcome: 'ok'; state: PinLockState }
  /** `left`: wrong PINs that may still be typed before the lock */
  | { outcome: 'wrong'; left: number; state: PinLockState }
  /** this attempt locked the 工号, or it was locked already; `until` for the message */
  | { outcome: 'locked'; until: number; state: PinLockState }

export function isLocked(state: PinLockState, now: number): boolean {
  return now < state.lockedUntil
}

/** Before checking a PIN: refused while locked (the PIN is not looked at). */
export function beforeAttempt(state: PinLockState, now: number): PinAttempt | null {
  return isLocked(state, now) ? { outcome: 'locked', until: state.lockedUntil, state } : null
}

/** After checking a PIN that was allowed to be checked (beforeAttempt gave null). */
export function afterAttempt(state: PinLockState, right: boolean, now: number): PinAttempt {
  if (right) return { outcome: 'ok', state: UNLOCKED }
  // a lock that has run out starts a new count
  const wrong = (state.lockedUntil !== 0 && now >= state.lockedUntil ? 0 : state.wrong) + 1
  if (wrong >= MAX_WRONG_PINS) {
    const until = now + PIN_LOCK_MS
    return { outcome: 'locked', until, state: { wrong, lockedUntil: until } }
  }
  return { outcome: 'wrong', left: MAX_WRONG_PINS - wrong, state: { wrong, lockedUntil: 0 } }
}

/** A manager's PIN unlocks the 工号 at once. */
export function unlockedByManager(): PinLockState {
  return UNLOCKED
}
