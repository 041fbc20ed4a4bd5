import { z } from 'zod'
import type { HandoverPrefill } from './handoverPrefill'

// 交接记录 (docs/design.md §3.5): the outgoing clerk's note for the next shift. It is pre-filled from the
// data (handoverPrefill.ts), the clerk adds free items in three sections and notes, submits it, and
// the incoming clerk acknowledges it (确认接班). From then on it is locked: later remarks are timeline
// events (appended, never edited). Unfinished free items carry over into the next handover.

export const HANDOVER_SECTIONS = ['customers', 'urgent', 'prospects'] as const
export type HandoverSection = (typeof HANDOVER_SECTIONS)[number]

/** Timeline events of a handover (subjectId = the handover's id): immutable, so they sync by union. */
export type HandoverEventType = 'handoverSubmitted' | 'handoverAcknowledged' | 'handoverRemark'

export const HANDOVER_STATUSES = ['draft', 'submitted', 'acknowledged'] as const
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number]

/** One free item: 移交客户 (customers), 紧急事项 (urgent, with a due time) or 待联系潜在客户 (prospects). */
export interface HandoverItem {
  id: string
  /** the id this item had in the handover where it was first written: follows it through carry-overs */
  originId: string
  section: HandoverSection
  /** the matter, or the situation of the customer */
  text: string
  /** archive id when picked from 客户档案 */
  customerId: string | null
  customerName: string
  customerPhone: string
  /** urgent matters: when it must be dealt with */
  dueAt: number | null
  done: boolean
  /** how many shifts it has been handed on unfinished (0: written this shift) */
  carried: number
}

export interface Handover {
  id: string
  /** 'YYYY-MM-DD' the shift started on */
  date: string
  shiftId: string
  shiftName: string
  shiftStart: number
  shiftEnd: number
  outgoingStaffNo: string
  outgoingName: string
  /** filled in on acknowledgement (or chosen beforehand) */
  incomingStaffNo: string
  incomingName: string
  status: HandoverStatus
  createdAt: number
  submittedAt: number | null
  acknowledgedAt: number | null
  /** the data as it stood when the note was (re)filled; frozen at submission so a reprint shows what was handed over */
  prefill: HandoverPrefill
  items: HandoverItem[]
  notes: string
  /** the handover this one continues (carry-over source), if any */
  previousId: string | null
}

export const HANDOVER_TEXT_MAX = 500
export const HANDOVER_NOTES_MAX = 2000

export const handoverItemSchema = z
  .object({
    section: z.enum(HANDOVER_SECTIONS),
    text: z.string().trim().max(HANDOVER_TEXT_MAX, 'validation.tooLong'),
    customerId: z.string().nullable(),
    customerName: z.string().trim().max(40, 'validation.tooLong'),
    customerPhone: z.string().trim().max(40, 'validation.tooLong'),
    dueAt: z.number().nullable()
  })
  .superRefine((item, ctx) => {
    // A customer item needs the customer; any item needs something to act on.
    if (item.section !== 'urgent' && !item.customerName && !item.customerPhone) {
      ctx.addIssue({ code: 'custom', path: ['customerName'], message: 'handover.customerRequired' })
    }
    if (item.section === 'urgent' && !item.text)
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'validation.required' })
    if (item.section === 'urgent' && item.dueAt === null)
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'handover.dueRequired' })
  })
export type HandoverItemInput = z.infer<typeof handoverItemSchema>

export const handoverNotesSchema = z.string().max(HANDOVER_NOTES_MAX, 'handover.notesTooLong')

export const REMARK_MAX = 500
export const remarkSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(REMARK_MAX, 'validation.tooLong')

/** Why a change to a handover is refused; each is an i18n key under handover.refused. */
export type HandoverRefusal =
  'locked' | 'submitted' | 'notOutgoing' | 'notSubmitted' | 'alreadyAcknowledged' | 'ownHandover' | 'notFound'

/** Only the outgoing clerk edits, and only while it is a draft: what was submitted is what the
 *  incoming clerk acknowledges (later words go in as remarks once acknowledged). */
export function editRefusal(
  h: Pick<Handover, 'status' | 'outgoingStaffNo'>,
  staffNo: string
): HandoverRefusal | null {
  if (h.status === 'acknowledged') return 'locked'
  if (h.status === 'submitted') return 'submitted'
  if (h.outgoingStaffNo !== staffNo) return 'notOutgoing'
  return null
}

/** A submitted note is acknowledged once, by anyone but its author. */
export function acknowledgeRefusal(
  h: Pick<Handover, 'status' | 'outgoingStaffNo'>,
  staffNo: string
): HandoverRefusal | null {
  if (h.status === 'acknowledged') return 'alreadyAcknowledged'
  if (h.status === 'draft') return 'notSubmitted'
  if (h.outgoingStaffNo === staffNo) return 'ownHandover'
  return null
}

/** The free items the next handover starts with: every unfinished one, one shift older. */
export function carryOverItems(previous: Pick<Handover, 'items'>, newId: () => string): HandoverItem[] {
  return previous.items
    .filter((item) => !item.done)
    .map((item) => ({ ...item, id: newId(), carried: item.carried + 1 }))
}

/** Nothing to hand over: no pre-filled entries, no free items, no notes (allowed, but the UI says so). */
export function isEmptyHandover(h: Pick<Handover, 'prefill' | 'items' | 'notes'>): boolean {
  const p = h.prefill
  return (
    p.complaints.length + p.revisits.length + p.callbacks.length + p.returns.length === 0 &&
    h.items.length === 0 &&
    !h.notes.trim()
  )
}

/** An unfinished item whose due time has passed (urgent matters carry a due time). */
export function isItemOverdue(item: Pick<HandoverItem, 'done' | 'dueAt'>, now: number): boolean {
  return !item.done && item.dueAt !== null && now > item.dueAt
}
