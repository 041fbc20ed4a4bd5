import { z } from 'zod'
import type { ComplaintStatus } from './complaint'

// 约定回电: a callback promised to the customer ("we will call you back at 15:00"). It stays on the
// case until someone records 已回电, so the shift handover lists every promise still open.

export interface ComplaintCallback {
  dueAt: number
  note: string
  /** 工号 of who promised it */
  promisedBy: string
  promisedAt: number
}

export const CALLBACK_NOTE_MAX = 200
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** a promise is for the near future; anything further is a typing mistake */
export const CALLBACK_MAX_AHEAD_MS = 30 * DAY

/** The form: a time not already past (a minute of grace for the time it takes to type) and within 30 days. */
export function callbackFormSchema(now: number) {
  return z.object({
    dueAt: z
      .number({ message: 'callback.dueRequired' })
      .refine((t) => t >= now - MINUTE, 'callback.dueInPast')
      .refine((t) => t <= now + CALLBACK_MAX_AHEAD_MS, 'callback.dueTooFar'),
    note: z.string().trim().max(CALLBACK_NOTE_MAX, 'validation.tooLong')
  })
}
export type CallbackInput = z.output<ReturnType<typeof callbackFormSchema>>

const ENDED: ReadonlySet<ComplaintStatus> = new Set<ComplaintStatus>(['closed', 'rejected'])

/** 'pending' until its time, 'overdue' after it (not at it); ended cases have none to make. */
export function callbackState(
  c: { status: ComplaintStatus; callback?: Pick<ComplaintCallback, 'dueAt'> | null },
  now: number
): 'none' | 'pending' | 'overdue' {
  if (!c.callback || ENDED.has(c.status)) return 'none'
  return now > c.callback.dueAt ? 'overdue' : 'pending'
}
