import { nanoid } from 'nanoid'
import dayjs from 'dayjs'
import {
  buildConsultation,
  conversionPatch,
  mayPromiseCallback,
  type Consultation,
  type ConsultationInput,
  type ConsultOutcome,
  type ConsultTopic,
  type ConversionInput
} from '@shared/domain/counter/consultation'
import { callbackFormSchema, type CallbackInput } from '@shared/domain/callback'
import type { Complaint, ComplaintIntake } from '@shared/domain/complaint'
import type { DataContext } from './context'
import type { Stored } from './schema'
import { findCustomerByPhone, getLiveCustomer } from './customers'
import { registerComplaint } from './complaints'

// 咨询登记 (docs/counter-log.md). A consultation never creates a customer archive: a walk-in stays
// anonymous, a phone already on file links its archive. Refusals carry i18n keys (counter.*).

/** The data layer refused; `message` is an i18n key, `field` the form field it belongs next to. */
export class CounterRefusedError extends Error {
  constructor(
    message: string,
    readonly field?: string
  ) {
    super(message)
  }
}

export type StoredConsultation = Stored<Consultation>

async function liveConsultation(ctx: DataContext, id: string): Promise<StoredConsultation> {
  const c = await ctx.db.consultations.get(id)
  if (!c || c._deleted) throw new CounterRefusedError('counter.refused.notFound')
  return c
}

export async function registerConsultation(
  ctx: DataContext,
  staffNo: string,
  input: ConsultationInput
): Promise<Consultation> {
  const createdAt = ctx.now()
  return ctx.writer.transact(staffNo, async (tx) => {
    const picked = input.customerId ? await getLiveCustomer(ctx, input.customerId) : undefined
    const known =
      picked ?? (input.customerPhone ? await findCustomerByPhone(ctx, input.customerPhone) : undefined)
    const record = buildConsultation(
      { ...input, customerName: input.customerName || known?.name || '' },
      { id: nanoid(), customerId: known?.id ?? null, staffNo, createdAt }
    )
    await tx.create('consultations', record)
    return record
  })
}

/** 考虑中 / 已预约 / 未成交 → 已成交, dated when the sale happened (checked again here: another PC may
 *  have converted it meanwhile). */
export async function convertConsultation(
  ctx: DataContext,
  staffNo: string,
  id: string,
  input: ConversionInput
): Promise<void> {
  await ctx.writer.transact(staffNo, async (tx) => {
    const c = await liveConsultation(ctx, id)
    const result = conversionPatch(c, input, ctx.now())
    if (!result.ok) throw new CounterRefusedError(result.message, result.field)
    await tx.update('consultations', id, result.patch)
  })
}

/** 约定回电 on a consultation that may still become a sale (the same promise as on a complaint). */
export async function promiseConsultationCallback(
  ctx: DataContext,
  staffNo: string,
  id: string,
  input: CallbackInput
): Promise<void> {
  const now = ctx.now()
  const parsed = callbackFormSchema(now).parse(input)
  await ctx.writer.transact(staffNo, async (tx) => {
    const c = await liveConsultation(ctx, id)
    if (!mayPromiseCallback(c)) throw new CounterRefusedError('counter.refused.noCallback')
    await tx.update('consultations', id, {
      callback: { dueAt: parsed.dueAt, note: parsed.note, promisedBy: staffNo, promisedAt: now }
    })
  })
}

/** 已回电: the promise is kept; the outcome stays until someone records it. */
export async function completeConsultationCallback(
  ctx: DataContext,
  staffNo: string,
  id: string
): Promise<void> {
  await ctx.writer.transact(staffNo, async (tx) => {
    const c = await liveConsultation(ctx, id)
    if (!c.callback) throw new CounterRefusedError('callback.refused.nonePending')
    await tx.update('consultations', id, { callback: null })
  })
}

/** 转为投诉: registers the complaint and links the two both ways — the consultation names the
 *  complaint, the complaint's timeline starts with a step naming the consultation — in ONE
 *  transaction, so neither link exists without the other. */
export async function turnConsultationIntoComplaint(
  ctx: DataContext,
  staffNo: string,
  id: string,
  intake: ComplaintIntake
): Promise<Complaint> {
  return ctx.writer.transact(staffNo, async (tx) => {
    const c = await liveConsultation(ctx, id)
    if (c.complaintId) throw new CounterRefusedError('counter.refused.alreadyComplaint')
    // Dexie runs this nested transaction inside ours: all of it commits or none.
    const complaint = await registerComplaint(ctx, staffNo, intake)
    await tx.update('consultations', id, { complaintId: complaint.id })
    await tx.create('events', {
      id: nanoid(),
      subjectId: complaint.id,
      type: 'fromConsultation',
      at: complaint.receivedAt,
      staffNo,
      data: { consultationId: id, question: c.question.slice(0, 200) }
    })
    return complaint
  })
}

export interface ConsultationFilter {
  /** local days, inclusive; default today */
  from: number
  to: number
  staffNo?: string
  outcome?: ConsultOutcome | 'none'
  topic?: ConsultTopic
  /** customer name, phone (or its end), question, answer, product, item or order no. */
  text?: string
}

export function todayFilter(now: number): ConsultationFilter {
  return { from: dayjs(now).startOf('day').valueOf(), to: dayjs(now).endOf('day').valueOf() }
}

function matches(c: StoredConsultation, f: ConsultationFilter): boolean {
  if (c._deleted) return false
  if (f.outcome && (f.outcome === 'none' ? c.outcome !== null : c.outcome !== f.outcome)) return false
  if (f.topic && c.topic !== f.topic) return false
  const text = f.text?.trim().toLowerCase()
  if (!text) return true
  return [c.customerName, c.customerPhone, c.question, c.answer, c.product, c.itemNo, c.orderNo].some((v) =>
    v.toLowerCase().includes(text)
  )
}

/** Newest first within the dates; one clerk reads through its own index. `limit` bounds a page. */
export async function listConsultations(
  ctx: DataContext,
  filter: ConsultationFilter,
  limit = 500
): Promise<StoredConsultation[]> {
  const query = filter.staffNo
    ? ctx.db.consultations
        .where('[staffNo+createdAt]')
        .between([filter.staffNo, filter.from], [filter.staffNo, filter.to], true, true)
    : ctx.db.consultations.where('createdAt').between(filter.from, filter.to, true, true)
  return query
    .reverse()
    .filter((c) => matches(c, filter))
    .limit(limit)
    .toArray()
}

export async function getConsultation(ctx: DataContext, id: string): Promise<StoredConsultation | undefined> {
  return ctx.db.consultations.get(id)
}

/** A customer's consultations (their archive and the archives merged into it), newest first. */
export async function consultationsOfCustomer(
  ctx: DataContext,
  customerIds: readonly string[]
): Promise<StoredConsultation[]> {
  const rows = await ctx.db.consultations.where('customerId').anyOf(customerIds).toArray()
  return rows.filter((c) => !c._deleted).sort((a, b) => b.createdAt - a.createdAt)
}
