import { z } from 'zod'
import type { ComplaintStatus } from './complaint'
import {
  ALWAYS_COUNTING,
  excludedAt,
  instantAfterCounted,
  type BusinessClock,
  type Interval
} from './clock/businessClock'
import { HH_MM, storeDayEndOf, storeDayKeyAt } from './clock/storeDay'

// The handbook's clocks (docs/design.md §3.1), as pure functions of a case and "now". All durations are
// settings (defaults from the handbook):
// - 日落原则 (sunset rule): a first response before the end of the store day the complaint arrived in;
// - 首问负责, 限时办结: no result after 24 h → 值班长 (level 1), a further 24 h → 经理 (level 2);
// - 回访: a follow-up within 3 days of the result.
//
// Local time is the PC's time zone (the store's PCs run in Asia/Shanghai). Decisions:
//
// Store day
// - A store day ends at `storeDayEndsAt` local time. '24:00' (and '00:00') is the following midnight,
//   so the store day is the calendar day.
// - An end BEFORE NOON ('00:00'–'11:59', e.g. '02:00' for a night shift) closes the store day that
//   started the previous morning: the store day '2026-11-22' ends at 2026-11-23 02:00, and 01:30 on
//   the 23rd still belongs to the 22nd.
// - An end FROM NOON ('12:00'–'23:59', e.g. '22:00') closes the same calendar day; a moment at or
//   after it belongs to the NEXT store day (a complaint at 22:30 is part of tomorrow's store day).
// - `storeDayKey(ms)` names the store day containing ms, and `sunsetDeadline(ms)` is exactly the end
//   of that store day: the first store-day end strictly after ms. (Invariant, tested.)
// - A malformed `storeDayEndsAt` (settings are validated, but stored data may be old) is read as '24:00'.
//
// Deadlines ("the deadline instant is already late")
// - Sunset: breached when there is no first response and now ≥ deadline, or the first response
//   came at or after the deadline (the deadline is the first instant of the next store day).
// - Escalation: leader due at receivedAt + leader hours, manager at the LEADER DEADLINE + manager
//   hours (not at the moment the leader escalation happened to be recorded), so every PC computes
//   the same instants. Due when now ≥ deadline: unresolved at exactly 24 h 0 min 0 ms IS due.
// - The escalation clock stops at resolvedAt (the customer accepted a result): an escalation is due
//   only if the case was still unresolved at the deadline (resolvedAt ≥ deadline). Resolved at 23 h →
//   never escalates; resolved at 25 h while no PC was running the sweep at 24 h → the leader
//   escalation still happened (dated 24 h), so all PCs agree whatever moment they evaluate.
// - Closed and rejected cases escalate nothing new and are never overdue (they carry no end time
//   here, so nothing is back-dated for them).
// - Follow-up: due at resolvedAt + revisitWithinDays days; "within 3 days" is inclusive, so it is
//   overdue only when now > due (a visit at exactly 72 h is on time).
//
// Clock moved backwards (now < receivedAt, or now earlier than a previous evaluation)
// - ageMs is 0, nothing becomes due, and `level` is never below the recorded escalationLevel.
//
// Recording once
// - `escalationsToRecord` returns each due-but-unrecorded escalation with the deterministic id
//   `${complaintId}:escalation:${level}` and `at` = its deadline, so evaluating many times, after a
//   restart, or on two PCs produces the same timeline record (events merge by id).
//
// Counted time: 暂停计时 and 停业日 (issue 16; clock/businessClock.ts, clock/pauses.ts, clock/closedDays.ts)
// Every function that takes a `clock` (optional, default ALWAYS_COUNTING) measures the limits in
// counted time: a case's paused intervals and the store's closed days do not count. With no pauses
// and no closed days every result is exactly the plain arithmetic above (the existing tests hold it,
// and a property test compares both forms). The `counted*` functions return null for a deadline the
// clock cannot reach in its present state. Which is which: evaluateTime, sunsetDeadline,
// escalationDeadlines and revisitDueAt keep their plain form (their callers need numbers);
// evaluateTimeCounted, countedSunsetDeadline, countedEscalationDeadlines and countedRevisitDueAt are
// the counted forms; escalationsToRecord, overdueAt and nextEscalationAt take the optional clock.
// The data layer builds a case's clock with businessClock(closedDayIntervals(…), pauseIntervals(…)).
// Decisions:
// - 24 h and follow-up limits are durations of counted time: leader = the instant when
//   `escalateToLeaderAfterHours` counted hours have passed since receipt; manager = the instant when
//   `escalateToManagerAfterHours` more have passed since the leader deadline; follow-up = when
//   `revisitWithinDays` × 24 counted hours have passed since the accepted result. A closed day inside
//   a window therefore adds 24 h to it; a pause adds its length. When the last counted ms ends exactly
//   where a pause or a closed day begins, the deadline is that instant (the earliest one).
// - The sunset rule is "the same store day", not a duration. Its deadline is the first store-day end
//   after receipt AT WHICH THE CLOCK IS RUNNING (the ms just before it counts). So:
//   · a pause that begins and ends within the store day does not move the deadline;
//   · a pause ACROSS the store-day end moves the deadline to the end of the store day in which the
//     clock runs again (resumed at 09:00 tomorrow → tomorrow's end), or a later one if that day ends
//     paused or closed again;
//   · a pause that begins at or after the deadline changes nothing (the breach already happened);
//   · a complaint received on a closed day (say, through the website) is due by the end of the next
//     open store day; a closed day between receipt and the deadline cannot exist (the deadline is the
//     end of the receipt's own store day), and a closed receipt day is skipped as a whole.
// - While a pause is open across a deadline, that deadline does not exist yet (null): nothing becomes
//   due or overdue until the clock is resumed, and then the deadline is fixed again. Every PC holding
//   the same events and closed days computes the same instants.
// - Pauses only stretch limits; they never undo one: an escalation is recorded once, dated at its
//   deadline, and a pause written later on (after the deadline) cannot un-record it. A pause written
//   after a deadline passed does not move that deadline, since the clock was running at it.
//   Likewise, when a PC that had not yet received a pause records an escalation at the unpaused
//   deadline, that escalation stays after sync (the timeline only grows, and `level` never goes
//   below the recorded escalationLevel): the case shows as escalated until it is resolved.
// - ageMs stays wall-clock time (how long the customer has waited); the limits use counted time.

export interface TimeRuleSettings {
  /** 'HH:mm', '00:00'–'24:00'; '24:00' = midnight (see the store-day decisions above) */
  storeDayEndsAt: string
  escalateToLeaderAfterHours: number
  /** counted from the leader deadline */
  escalateToManagerAfterHours: number
  revisitWithinDays: number
}

export const DEFAULT_TIME_RULES: TimeRuleSettings = {
  storeDayEndsAt: '24:00',
  escalateToLeaderAfterHours: 24,
  escalateToManagerAfterHours: 24,
  revisitWithinDays: 3
}

const wholeNumber = (min: number, max: number) =>
  z
    .number({ message: 'validation.number' })
    .int('validation.number')
    .min(min, 'validation.range')
    .max(max, 'validation.range')

export const timeRuleSettingsSchema = z.object({
  storeDayEndsAt: z.string({ message: 'validation.time' }).regex(HH_MM, 'validation.time'),
  escalateToLeaderAfterHours: wholeNumber(1, 720),
  escalateToManagerAfterHours: wholeNumber(1, 720),
  revisitWithinDays: wholeNumber(1, 60)
}) satisfies z.ZodType<TimeRuleSettings>

/** The parts of a stored complaint the clocks look at (a stored `Complaint` is one). */
export interface ComplaintClock {
  id: string
  status: ComplaintStatus
  receivedAt: number
  /** first judgement after intake (日落原则) */
  firstResponseAt: number | null
  /** result recorded and accepted by the customer: escalation clocks stop, the follow-up clock starts */
  resolvedAt: number | null
  /** the follow-up visit (回访), once done; only its time matters here */
  revisit: { at: number } | null
  /** escalations already recorded: 0 none, 1 值班长, 2 经理 */
  escalationLevel: 0 | 1 | 2
}

export type EscalationLevel = 0 | 1 | 2

export interface TimeEvaluation {
  /** now − receivedAt, 0 when the clock is before receivedAt */
  ageMs: number
  sunsetDeadline: number
  sunsetBreached: boolean
  /** the level the clock calls for (ignores what is recorded) */
  dueLevel: EscalationLevel
  /** max(recorded, due): never goes back */
  level: EscalationLevel
  revisitDueAt: number | null
  revisitOverdue: boolean
  /** the 已超时 flag (工作台, list) */
  overdue: boolean
}

export interface EscalationRecord {
  /** `${complaintId}:escalation:${level}` — the timeline event id */
  id: string
  level: 1 | 2
  /** when it became due (the deadline), not when it was noticed */
  at: number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
const ENDED: ReadonlySet<ComplaintStatus> = new Set<ComplaintStatus>(['closed', 'rejected'])

/**
 * 'YYYY-MM-DD' of the store day containing `ms`. With '24:00' it is the calendar day; with an end
 * before noon (e.g. '02:00') 00:00–01:59 belong to the previous day; with an end from noon (e.g.
 * '22:00') 22:00–23:59 belong to the next day.
 */
export function storeDayKey(ms: number, s: Pick<TimeRuleSettings, 'storeDayEndsAt'>): string {
  return storeDayKeyAt(ms, s.storeDayEndsAt)
}

/** The first end of a store day strictly after `receivedAt`: the end of the store day it falls in. */
export function sunsetDeadline(receivedAt: number, s: Pick<TimeRuleSettings, 'storeDayEndsAt'>): number {
  return storeDayEndOf(storeDayKeyAt(receivedAt, s.storeDayEndsAt), s.storeDayEndsAt)
}

/** Sunset deadline in counted time: the first store-day end after receipt at which the clock runs
 *  (see the decisions above); null while an open pause covers it. */
export function countedSunsetDeadline(
  receivedAt: number,
  s: Pick<TimeRuleSettings, 'storeDayEndsAt'>,
  clock: BusinessClock = ALWAYS_COUNTING
): number | null {
  let end = sunsetDeadline(receivedAt, s)
  for (;;) {
    const off: Interval | null = excludedAt(clock, end - 1)
    if (!off) return end
    if (!Number.isFinite(off.to)) return null
    end = sunsetDeadline(off.to, s)
  }
}

/** Leader: receivedAt + leader hours; manager: the leader deadline + manager hours. */
export function escalationDeadlines(
  c: Pick<ComplaintClock, 'receivedAt'>,
  s: TimeRuleSettings
): { leader: number; manager: number } {
  const leader = c.receivedAt + s.escalateToLeaderAfterHours * HOUR
  return { leader, manager: leader + s.escalateToManagerAfterHours * HOUR }
}

/** The same in counted time: leader hours of counted time after receipt, manager hours after that;
 *  null for a deadline an open pause keeps the clock from reaching. */
export function countedEscalationDeadlines(
  c: Pick<ComplaintClock, 'receivedAt'>,
  s: TimeRuleSettings,
  clock: BusinessClock = ALWAYS_COUNTING
): { leader: number | null; manager: number | null } {
  const leader = instantAfterCounted(clock, c.receivedAt, s.escalateToLeaderAfterHours * HOUR)
  const manager =
    leader === null ? null : instantAfterCounted(clock, leader, s.escalateToManagerAfterHours * HOUR)
  return { leader, manager }
}

/** resolvedAt + revisitWithinDays days; null while not resolved. */
export function revisitDueAt(c: Pick<ComplaintClock, 'resolvedAt'>, s: TimeRuleSettings): number | null {
  return c.resolvedAt === null ? null : c.resolvedAt + s.revisitWithinDays * DAY
}

/** The same in counted time: revisitWithinDays × 24 counted hours after the accepted result. */
export function countedRevisitDueAt(
  c: Pick<ComplaintClock, 'resolvedAt'>,
  s: TimeRuleSettings,
  clock: BusinessClock = ALWAYS_COUNTING
): number | null {
  return c.resolvedAt === null ? null : instantAfterCounted(clock, c.resolvedAt, s.revisitWithinDays * DAY)
}

/** The timeline event id of an escalation: the same on every PC and every evaluation. */
export function escalationEventId(complaintId: string, level: 1 | 2): string {
  return `${complaintId}:escalation:${level}`
}

/** Whether the escalation with this deadline is due: the clock reached it while the case was unresolved. */
function reached(c: ComplaintClock, deadline: number | null, now: number): deadline is number {
  return deadline !== null && now >= deadline && (c.resolvedAt === null || c.resolvedAt >= deadline)
}

/** Escalation level the clock calls for now (ignoring what is recorded). */
function dueLevel(
  c: ComplaintClock,
  now: number,
  s: TimeRuleSettings,
  clock: BusinessClock
): EscalationLevel {
  if (ENDED.has(c.status)) return 0
  const { leader, manager } = countedEscalationDeadlines(c, s, clock)
  return reached(c, manager, now) ? 2 : reached(c, leader, now) ? 1 : 0
}

/** evaluateTime in counted time; `sunsetDeadline` is null while an open pause covers it. */
export type CountedTimeEvaluation = Omit<TimeEvaluation, 'sunsetDeadline'> & { sunsetDeadline: number | null }

export function evaluateTimeCounted(
  c: ComplaintClock,
  now: number,
  s: TimeRuleSettings,
  clock: BusinessClock = ALWAYS_COUNTING
): CountedTimeEvaluation {
  const open = !ENDED.has(c.status)
  const deadline = countedSunsetDeadline(c.receivedAt, s, clock)
  const sunsetBreached =
    deadline !== null && (c.firstResponseAt === null ? now >= deadline : c.firstResponseAt >= deadline)
  const due = dueLevel(c, now, s, clock)
  const level = Math.max(c.escalationLevel, due) as EscalationLevel
  const revisitDue = countedRevisitDueAt(c, s, clock)
  const revisitOverdue = open && revisitDue !== null && c.revisit === null && now > revisitDue
  const unresolved = open && c.resolvedAt === null
  return {
    ageMs: Math.max(0, now - c.receivedAt),
    sunsetDeadline: deadline,
    sunsetBreached,
    dueLevel: due,
    level,
    revisitDueAt: revisitDue,
    revisitOverdue,
    overdue: (open && sunsetBreached) || (unresolved && level > 0) || revisitOverdue
  }
}

export function evaluateTime(c: ComplaintClock, now: number, s: TimeRuleSettings): TimeEvaluation {
  const e = evaluateTimeCounted(c, now, s, ALWAYS_COUNTING)
  // Without pauses every store-day end is reached, so the deadline is never null here.
  return { ...e, sunsetDeadline: e.sunsetDeadline ?? sunsetDeadline(c.receivedAt, s) }
}

/**
 * The escalations that are due but not yet recorded (level > c.escalationLevel), lowest first;
 * both at once when the app was closed past both deadlines. Ids and `at` do not depend on `now`,
 * so evaluating again, after a restart or on another PC, yields the same records. With a `clock`,
 * the deadlines (and so `at`) are counted ones.
 */
export function escalationsToRecord(
  c: ComplaintClock,
  now: number,
  s: TimeRuleSettings,
  clock: BusinessClock = ALWAYS_COUNTING
): EscalationRecord[] {
  const due = dueLevel(c, now, s, clock)
  const deadlines = countedEscalationDeadlines(c, s, clock)
  const out: EscalationRecord[] = []
  for (const level of [1, 2] as const) {
    const at = level === 1 ? deadlines.leader : deadlines.manager
    if (level <= due && level > c.escalationLevel && at !== null) {
      out.push({ id: escalationEventId(c.id, level), level, at })
    }
  }
  return out
}

// The same rules turned around: WHEN a case becomes overdue / has an escalation due, as long as its
// fields stay as they are. Both are monotone in `now`, so the data layer stores them as index keys
// and answers "overdue now?" and "anything to escalate?" with one index range instead of evaluating
// every open case (tested equal to evaluateTime / escalationsToRecord for all `now`). With a `clock`
// they stay exact as long as the case's pauses and the closed days stay as they are too: a pause or
// a resume changes the keys, as any field change does.

/** Earliest `now` at which evaluateTime(c, now).overdue holds; null if it never will (ended cases, or nothing pending). */
export function overdueAt(
  c: ComplaintClock,
  s: TimeRuleSettings,
  clock: BusinessClock = ALWAYS_COUNTING
): number | null {
  if (ENDED.has(c.status)) return null
  const candidates: number[] = []
  const deadline = countedSunsetDeadline(c.receivedAt, s, clock)
  if (deadline !== null) {
    if (c.firstResponseAt === null) candidates.push(deadline)
    else if (c.firstResponseAt >= deadline) candidates.push(-Infinity)
  }
  if (c.resolvedAt === null) {
    const leader = countedEscalationDeadlines(c, s, clock).leader
    if (c.escalationLevel > 0) candidates.push(-Infinity)
    else if (leader !== null) candidates.push(leader)
  }
  const revisitDue = countedRevisitDueAt(c, s, clock)
  if (revisitDue !== null && c.revisit === null) candidates.push(revisitDue + 1)
  return candidates.length ? Math.min(...candidates) : null
}

/** Earliest `now` at which escalationsToRecord(c, now) is non-empty; null if no escalation can still come due. */
export function nextEscalationAt(
  c: ComplaintClock,
  s: TimeRuleSettings,
  clock: BusinessClock = ALWAYS_COUNTING
): number | null {
  if (ENDED.has(c.status)) return null
  const { leader, manager } = countedEscalationDeadlines(c, s, clock)
  for (const [level, deadline] of [
    [1, leader],
    [2, manager]
  ] as const) {
    if (deadline === null) return null
    if (level > c.escalationLevel && (c.resolvedAt === null || c.resolvedAt >= deadline)) return deadline
  }
  return null
}
