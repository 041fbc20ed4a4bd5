import { businessClock, type BusinessClock, type Interval } from '@shared/domain/clock/businessClock'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'
import type { TimeRuleSettings } from '@shared/domain/timeRules'

// A stored complaint's business clock (issue 16): what the derived keys (derived.ts), the escalation
// sweep, the 已超时 marks and the handover pre-fill measure its limits in. Pure; the pauses come from
// the record's local `_pauses` field (complaintPauses.ts keeps it), the closed days from settings.

/** The intervals of a stored `_pauses` field (malformed entries skipped). */
export function pausesOf(c: object): Interval[] {
  const stored = (c as { _pauses?: unknown })._pauses
  if (!Array.isArray(stored)) return []
  return (stored as unknown[]).flatMap((p) => {
    const { from, to } = (p ?? {}) as { from?: unknown; to?: unknown }
    if (typeof from !== 'number') return []
    return [{ from, to: typeof to === 'number' ? to : Infinity }]
  })
}

/** Whether the case's clock is paused now (an open pause: 暂停中), from its stored `_pauses`. */
export function isClockPaused(c: object): boolean {
  return pausesOf(c).some((p) => p.to === Infinity)
}

/** A complaint's business clock: its pauses and the store's closed days (停业日). */
export function complaintClock(
  c: object,
  rules: Pick<TimeRuleSettings, 'storeDayEndsAt'>,
  closedDays: readonly string[]
): BusinessClock {
  return businessClock(closedDayIntervals(closedDays, rules.storeDayEndsAt), pausesOf(c))
}
