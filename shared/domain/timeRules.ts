import { z } from 'zod'
import dayjs, { type Dayjs } from 'dayjs'
import type { ComplaintStatus } from './complaint'

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

const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/

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
const NOON = 12 * 60
const ENDED: ReadonlySet<ComplaintStatus> = new Set<ComplaintStatus>(['closed', 'rejected'])

/** Minutes after midnight of the store-day end, 0..1440; malformed → 1440 ('24:00'). */
function endMinutes(s: TimeRuleSettings): number {
  const m = HH_MM.exec(s.storeDayEndsAt)
  if (!m) return 24 * 60
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4])
}

/** Ends before noon (including '00:00') close the store day that started the previous morning. */
function endsNextMorning(end: number): boolean {
  return end < NOON
}

/** Local moment `minutes` after the start of calendar day `day` (DST-safe: sets the clock time). */
function atMinutes(day: Dayjs, minutes: number): Dayjs {
  if (minutes >= 24 * 60) return day.add(1, 'day').startOf('day')
  return day
    .startOf('day')
    .hour(Math.floor(minutes / 60))
    .minute(minutes % 60)
}

/** End of the store day named `key` ('YYYY-MM-DD'). */
function storeDayEnd(key: string, s: TimeRuleSettings): number {
  const end = endMinutes(s)
  const day = dayjs(key) // 'YYYY-MM-DD' parses as local midnight
  return atMinutes(endsNextMorning(end) ? day.add(1, 'day') : day, end).valueOf()
}

/**
 * 'YYYY-MM-DD' of the store day containing `ms`. With '24:00' it is the calendar day; with an end
 * before noon (e.g. '02:00') 00:00–01:59 belong to the previous day; with an end from noon (e.g.
 * '22:00') 22:00–23:59 belong to the next day.
 */
export function storeDayKey(ms: number, s: TimeRuleSettings): string {
  const t = dayjs(ms)
  const end = endMinutes(s)
  const minutes = t.hour() * 60 + t.minute()
  if (endsNextMorning(end)) return (minutes < end ? t.subtract(1, 'day') : t).format('YYYY-MM-DD')
  return (minutes >= end ? t.add(1, 'day') : t).format('YYYY-MM-DD')
}

/** The first end of a store day strictly after `receivedAt`: the end of the store day it falls in. */
export function sunsetDeadline(receivedAt: number, s: TimeRuleSettings): number {
  return storeDayEnd(storeDayKey(receivedAt, s), s)
}

/** Leader: receivedAt + leader hours; manager: the leader deadline + manager hours. */
export function escalationDeadlines(
  c: Pick<ComplaintClock, 'receivedAt'>,
  s: TimeRuleSettings
): { leader: number; manager: number } {
  const leader = c.receivedAt + s.escalateToLeaderAfterHours * HOUR
  return { leader, manager: leader + s.escalateToManagerAfterHours * HOUR }
}

/** resolvedAt + revisitWithinDays days; null while not resolved. */
export function revisitDueAt(c: Pick<ComplaintClock, 'resolvedAt'>, s: TimeRuleSettings): number | null {
  return c.resolvedAt === null ? null : c.resolvedAt + s.revisitWithinDays * DAY
}

/** The timeline event id of an escalation: the same on every PC and every evaluation. */
export function escalationEventId(complaintId: string, level: 1 | 2): string {
  return `${complaintId}:escalation:${level}`
}

/** Whether the escalation with this deadline is due: the clock reached it while the case was unresolved. */
function reached(c: ComplaintClock, deadline: number, now: number): boolean {
  return now >= deadline && (c.resolvedAt === null || c.resolvedAt >= deadline)
}

/** Escalation level the clock calls for now (ignoring what is recorded). */
function dueLevel(c: ComplaintClock, now: number, s: TimeRuleSettings): EscalationLevel {
  if (ENDED.has(c.status)) return 0
  const { leader, manager } = escalationDeadlines(c, s)
  return reached(c, manager, now) ? 2 : reached(c, leader, now) ? 1 : 0
}

export function evaluateTime(c: ComplaintClock, now: number, s: TimeRuleSettings): TimeEvaluation {
  const open = !ENDED.has(c.status)
  const deadline = sunsetDeadline(c.receivedAt, s)
  const sunsetBreached = c.firstResponseAt === null ? now >= deadline : c.firstResponseAt >= deadline
  const due = dueLevel(c, now, s)
  const level = Math.max(c.escalationLevel, due) as EscalationLevel
  const revisitDue = revisitDueAt(c, s)
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

/**
 * The escalations that are due but not yet recorded (level > c.escalationLevel), lowest first;
 * both at once when the app was closed past both deadlines. Ids and `at` do not depend on `now`,
 * so evaluating again, after a restart or on another PC, yields the same records.
 */
export function escalationsToRecord(c: ComplaintClock, now: number, s: TimeRuleSettings): EscalationRecord[] {
  const due = dueLevel(c, now, s)
  const deadlines = escalationDeadlines(c, s)
  const out: EscalationRecord[] = []
  for (const level of [1, 2] as const) {
    if (level <= due && level > c.escalationLevel) {
      out.push({
        id: escalationEventId(c.id, level),
        level,
        at: level === 1 ? deadlines.leader : deadlines.manager
      })
    }
  }
  return out
}

// The same rules turned around: WHEN a case becomes overdue / has an escalation due, as long as its
// fields stay as they are. Both are monotone in `now`, so the data layer stores them as index keys
// and answers "overdue now?" and "anything to escalate?" with one index range instead of evaluating
// every open case (tested equal to evaluateTime / escalationsToRecord for all `now`).

/** Earliest `now` at which evaluateTime(c, now).overdue holds; null if it never will (ended cases, or nothing pending). */
export function overdueAt(c: ComplaintClock, s: TimeRuleSettings): number | null {
  if (ENDED.has(c.status)) return null
  const candidates: number[] = []
  const deadline = sunsetDeadline(c.receivedAt, s)
  if (c.firstResponseAt === null) candidates.push(deadline)
  else if (c.firstResponseAt >= deadline) candidates.push(-Infinity)
  if (c.resolvedAt === null)
    candidates.push(c.escalationLevel > 0 ? -Infinity : escalationDeadlines(c, s).leader)
  const revisitDue = revisitDueAt(c, s)
  if (revisitDue !== null && c.revisit === null) candidates.push(revisitDue + 1)
  return candidates.length ? Math.min(...candidates) : null
}

/** Earliest `now` at which escalationsToRecord(c, now) is non-empty; null if no escalation can still come due. */
export function nextEscalationAt(c: ComplaintClock, s: TimeRuleSettings): number | null {
  if (ENDED.has(c.status)) return null
  const { leader, manager } = escalationDeadlines(c, s)
  for (const [level, deadline] of [
    [1, leader],
    [2, manager]
  ] as const) {
    if (level > c.escalationLevel && (c.resolvedAt === null || c.resolvedAt >= deadline)) return deadline
  }
  return null
}
