import { z } from 'zod'
import dayjs from 'dayjs'
import type { ComplaintStatus } from './complaint'

// The handbook's clocks (DESIGN §3.1), as pure functions of a case and "now":
// - 日落原则: a first response before the end of the store day the complaint arrived in;
// - 首问负责, 限时办结: unresolved after 24 h → 值班长, a further 24 h → 经理;
// - follow-up within 3 days of the result.
// Local time is the PC's (the store's) time zone. Decisions:
// - A store day ends at storeDayEndsAt; '24:00' is midnight. An end before noon (e.g. '02:00') belongs
//   to the day that started the previous morning: 01:30 on the 23rd is still the 22nd's store day.
// - The sunset deadline is the end of the store day containing receivedAt.
// - Escalation clocks stop when the customer accepted a result (resolvedAt), or the case ended.
// - "Due" is inclusive: unresolved at exactly 24 h 0 ms is due.
// - A clock moved backwards never lowers a recorded level and escalates nothing new.

export interface TimeRuleSettings {
  /** 'HH:mm'; '24:00' = midnight */
  storeDayEndsAt: string
  escalateToLeaderAfterHours: number
  /** counted from the leader escalation */
  escalateToManagerAfterHours: number
  revisitWithinDays: number
}

export const DEFAULT_TIME_RULES: TimeRuleSettings = {
  storeDayEndsAt: '24:00',
  escalateToLeaderAfterHours: 24,
  escalateToManagerAfterHours: 24,
  revisitWithinDays: 3
}

export const timeRuleSettingsSchema = z.object({
  storeDayEndsAt: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'validation.time'),
  escalateToLeaderAfterHours: z.number({ message: 'validation.number' }).int('validation.number').min(1, 'validation.range').max(720, 'validation.range'),
  escalateToManagerAfterHours: z.number({ message: 'validation.number' }).int('validation.number').min(1, 'validation.range').max(720, 'validation.range'),
  revisitWithinDays: z.number({ message: 'validation.number' }).int('validation.number').min(1, 'validation.range').max(60, 'validation.range')
})

/** The parts of a stored complaint the clocks look at. */
export interface ComplaintClock {
  id: string
  status: ComplaintStatus
  receivedAt: number
  firstResponseAt: number | null
  resolvedAt: number | null
  revisit: { at: number } | null
  escalationLevel: 0 | 1 | 2
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
const ENDED = new Set<ComplaintStatus>(['closed', 'rejected'])

function endMinutes(s: TimeRuleSettings): number {
  const [h = '0', m = '0'] = s.storeDayEndsAt.split(':')
  return Number(h) * 60 + Number(m)
}

/** Ends after midnight (before noon) close the previous calendar day's store day. */
function endsNextMorning(s: TimeRuleSettings): boolean {
  return endMinutes(s) < 12 * 60
}

/** 'YYYY-MM-DD' of the store day containing `ms`. */
export function storeDayKey(ms: number, s: TimeRuleSettings): string {
  const t = dayjs(ms)
  const minutes = t.hour() * 60 + t.minute()
  if (endsNextMorning(s)) return (minutes < endMinutes(s) ? t.subtract(1, 'day') : t).format('YYYY-MM-DD')
  // An evening end (e.g. 22:00): a complaint after it belongs to the next store day.
  return (minutes >= endMinutes(s) && endMinutes(s) < 24 * 60 ? t.add(1, 'day') : t).format('YYYY-MM-DD')
}

/** End of the store day that contains receivedAt. */
export function sunsetDeadline(receivedAt: number, s: TimeRuleSettings): number {
  const day = dayjs(storeDayKey(receivedAt, s)).startOf('day')
  const end = day.add(endMinutes(s), 'minute')
  return (endsNextMorning(s) ? end.add(1, 'day') : end).valueOf()
}

export function escalationDeadlines(c: Pick<ComplaintClock, 'receivedAt'>, s: TimeRuleSettings): { leader: number; manager: number } {
  const leader = c.receivedAt + s.escalateToLeaderAfterHours * HOUR
  return { leader, manager: leader + s.escalateToManagerAfterHours * HOUR }
}

export function revisitDueAt(c: Pick<ComplaintClock, 'resolvedAt'>, s: TimeRuleSettings): number | null {
  return c.resolvedAt === null ? null : c.resolvedAt + s.revisitWithinDays * DAY
}

/** Escalation level the clock calls for now (ignoring what is recorded). */
function dueLevel(c: ComplaintClock, now: number, s: TimeRuleSettings): 0 | 1 | 2 {
  if (ENDED.has(c.status) || c.resolvedAt !== null) return 0
  const { leader, manager } = escalationDeadlines(c, s)
  return now >= manager ? 2 : now >= leader ? 1 : 0
}

export function evaluateTime(c: ComplaintClock, now: number, s: TimeRuleSettings) {
  const open = !ENDED.has(c.status)
  const deadline = sunsetDeadline(c.receivedAt, s)
  const sunsetBreached = c.firstResponseAt === null ? now >= deadline : c.firstResponseAt >= deadline
  const due = dueLevel(c, now, s)
  const level = Math.max(c.escalationLevel, due) as 0 | 1 | 2
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
    /** the 已超时 flag */
    overdue: open && ((sunsetBreached && c.firstResponseAt === null) || (unresolved && level > 0) || revisitOverdue)
  }
}

/** Escalations due but not yet recorded. Ids are derived from case and level, so evaluating again,
 *  here or on another PC, yields the same record; `at` is when it became due, not when noticed. */
export function escalationsToRecord(c: ComplaintClock, now: number, s: TimeRuleSettings): { id: string; level: 1 | 2; at: number }[] {
  const due = dueLevel(c, now, s)
  const { leader, manager } = escalationDeadlines(c, s)
  const out: { id: string; level: 1 | 2; at: number }[] = []
  if (due >= 1 && c.escalationLevel < 1) out.push({ id: `${c.id}:escalation:1`, level: 1, at: leader })
  if (due >= 2 && c.escalationLevel < 2) out.push({ id: `${c.id}:escalation:2`, level: 2, at: manager })
  return out
}
