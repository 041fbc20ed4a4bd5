import dayjs from 'dayjs'
import { callableFrom } from './quietHours'
import type { QuietRange } from './rules'

// When an open task may be called, and where it sits in 今日回访 (overdue first, then due today,
// then upcoming). "Today" is the PC's local calendar day.

export type QueueBucket = 'overdue' | 'today' | 'upcoming'

/** Overdue once the clock is past dueAt (a call at exactly dueAt is on time). */
export function isOverdue(dueAt: number, now: number): boolean {
  return now > dueAt
}

export function queueBucket(dueAt: number, now: number): QueueBucket {
  if (isOverdue(dueAt, now)) return 'overdue'
  return dueAt <= dayjs(now).endOf('day').valueOf() ? 'today' : 'upcoming'
}

const BUCKET_ORDER: Record<QueueBucket, number> = { overdue: 0, today: 1, upcoming: 2 }

export function compareQueue(
  a: { dueAt: number; id: string },
  b: { dueAt: number; id: string },
  now: number
): number {
  return (
    BUCKET_ORDER[queueBucket(a.dueAt, now)] - BUCKET_ORDER[queueBucket(b.dueAt, now)] ||
    a.dueAt - b.dueAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** When the next call may be made: not before `nextAt` (window start, retry, 改约), not in quiet hours.
 *  A 改约 time the customer chose is kept as it is, even inside quiet hours (they asked for it). */
export function callAllowedFrom(nextAt: number, quiet: readonly QuietRange[], customerChose = false): number {
  return customerChose ? nextAt : callableFrom(nextAt, quiet)
}
