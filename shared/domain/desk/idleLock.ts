import { z } from 'zod'

// 已锁定 after N idle minutes (issue 17 point 1; default 10, a store setting). Pure: the caller feeds the
// instant of the last key, click or touch. Decisions:
// - The desk locks at the moment the idle time reaches N minutes (not one tick later).
// - Activity before the last activity (clock moved back, events out of order) never extends the lock's
//   distance backwards: the latest activity counts.
// - 0 minutes = never locks by itself (锁定 still works); the setting allows 1–120 otherwise.

export const DEFAULT_IDLE_MINUTES = 10
export const MAX_IDLE_MINUTES = 120

export const idleMinutesSchema = z
  .number({ message: 'validation.number' })
  .int('validation.number')
  .min(0, 'validation.range')
  .max(MAX_IDLE_MINUTES, 'validation.range')

/** The instant the desk locks after `lastActivity`, or null when it never locks by itself. */
export function lockAt(lastActivity: number, idleMinutes: number): number | null {
  return idleMinutes > 0 ? lastActivity + idleMinutes * 60_000 : null
}

export function shouldLock(lastActivity: number, now: number, idleMinutes: number): boolean {
  const at = lockAt(lastActivity, idleMinutes)
  return at !== null && now >= at
}

/** The latest of two activity instants (an older one arriving later does not move the lock nearer). */
export function latestActivity(known: number, seen: number): number {
  return Math.max(known, seen)
}
