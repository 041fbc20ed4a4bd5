import { z } from 'zod'
import { toHalfWidth } from '@shared/text'
import { normalizePhone } from '../phone'
import type { ComplaintCallback } from '../callback'

// 咨询登记 (docs/counter-log.md): one question answered at the counter, by phone or online, and how it
// ended. Enum values are code identifiers; the UI shows their labels (counter.outcome.converted → 已成交).
// Messages are i18n keys.

export const CONSULT_CHANNELS = ['counter', 'phone', 'online'] as const
export const CONSULT_TOPICS = ['product', 'price', 'promotion', 'afterSales', 'other'] as const
export const CONSULT_OUTCOMES = ['converted', 'booked', 'considering', 'notConverted'] as const
/** outcomes that may still turn into a sale, and may carry a promised callback */
export const OPEN_OUTCOMES: readonly ConsultOutcome[] = ['booked', 'considering']

export type ConsultChannel = (typeof CONSULT_CHANNELS)[number]
export type ConsultTopic = (typeof CONSULT_TOPICS)[number]
/** 已成交 / 已预约 / 考虑中 / 未成交 */
export type ConsultOutcome = (typeof CONSULT_OUTCOMES)[number]

/** The step left on a complaint's timeline when a consultation became it (转为投诉): the link back. */
export type CounterEventType = 'fromConsultation'

/** The longest free text (question, answer), as long as a complaint's content. */
export const CONSULT_TEXT_MAX = 2000

export interface Consultation {
  id: string
  channel: ConsultChannel
  /** the archive, when the customer was picked or their phone is on file; null for a walk-in */
  customerId: string | null
  customerName: string
  /** normalised; '' when not given */
  customerPhone: string
  topic: ConsultTopic
  product: string
  itemNo: string
  question: string
  answer: string
  /** null: not known yet (the customer left mid-way); not counted in the rate's denominator */
  outcome: ConsultOutcome | null
  /** only on a converted consultation */
  orderNo: string
  /** when the sale happened: the consultation's own time, or later (考虑中 → 已成交) */
  convertedAt: number | null
  /** 工号 of the clerk who served (the record's stamp carries it too) */
  staffNo: string
  createdAt: number
  /** the complaint it became (转为投诉) */
  complaintId: string | null
  /** 约定回电, the same shape as a complaint's */
  callback: ComplaintCallback | null
}

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong')

/** '' stays '' (no phone); anything else must be a phone and is stored normalised. */
const optionalPhone = z.string().transform((raw, ctx) => {
  if (!toHalfWidth(raw).trim()) return ''
  const check = normalizePhone(raw)
  if (check.ok) return check.value
  ctx.addIssue({ code: 'custom', message: 'validation.phone' })
  return z.NEVER
})

/** 新建咨询 as typed (strings), validated and normalised. */
export const consultationFormSchema = z
  .object({
    channel: z.enum(CONSULT_CHANNELS, { message: 'validation.required' }),
    customerId: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null),
    customerName: text(40),
    customerPhone: optionalPhone,
    topic: z.enum(CONSULT_TOPICS, { message: 'validation.required' }),
    product: text(80),
    itemNo: text(40),
    question: text(CONSULT_TEXT_MAX).min(1, 'counter.questionRequired'),
    answer: text(CONSULT_TEXT_MAX),
    outcome: z.union([z.enum(CONSULT_OUTCOMES), z.literal('')]).transform((v) => (v === '' ? null : v)),
    orderNo: text(40)
  })
  .superRefine((v, ctx) => {
    // An order number says a sale happened; on any other outcome it is a slip (or the wrong outcome).
    if (v.orderNo && v.outcome !== 'converted')
      ctx.addIssue({ code: 'custom', path: ['orderNo'], message: 'counter.orderNoNotConverted' })
  })

export type ConsultationForm = z.input<typeof consultationFormSchema>
export type ConsultationInput = z.output<typeof consultationFormSchema>

export const emptyConsultationForm: ConsultationForm = {
  channel: 'counter',
  customerId: '',
  customerName: '',
  customerPhone: '',
  topic: 'product',
  product: '',
  itemNo: '',
  question: '',
  answer: '',
  outcome: '',
  orderNo: ''
}

/** The stored record for a validated form. Pure: id, customer, clerk and clock come from the caller. */
export function buildConsultation(
  input: ConsultationInput,
  ids: { id: string; customerId: string | null; staffNo: string; createdAt: number }
): Consultation {
  return {
    id: ids.id,
    channel: input.channel,
    customerId: ids.customerId,
    customerName: input.customerName,
    customerPhone: input.customerPhone,
    topic: input.topic,
    product: input.product,
    itemNo: input.itemNo,
    question: input.question,
    answer: input.answer,
    outcome: input.outcome,
    orderNo: input.outcome === 'converted' ? input.orderNo : '',
    convertedAt: input.outcome === 'converted' ? ids.createdAt : null,
    staffNo: ids.staffNo,
    createdAt: ids.createdAt,
    complaintId: null,
    callback: null
  }
}

// ---- Later steps -----------------------------------------------------------------------------

export type ConversionRefusal =
  'counter.alreadyConverted' | 'counter.convertedBeforeConsultation' | 'counter.convertedInFuture'

/** 考虑中 / 已预约 / 未成交 → 已成交 on a later day: dated when the sale happened, which is neither
 *  before the consultation nor in the future. Returns the patch, or the refusal's i18n key. */
export function conversionPatch(
  c: Pick<Consultation, 'outcome' | 'createdAt'>,
  input: { orderNo: string; convertedAt: number },
  now: number
):
  | { ok: true; patch: Pick<Consultation, 'outcome' | 'orderNo' | 'convertedAt' | 'callback'> }
  | {
      ok: false
      field: 'convertedAt'
      message: ConversionRefusal
    } {
  if (c.outcome === 'converted')
    return { ok: false, field: 'convertedAt', message: 'counter.alreadyConverted' }
  if (input.convertedAt < c.createdAt)
    return { ok: false, field: 'convertedAt', message: 'counter.convertedBeforeConsultation' }
  // a minute of grace: the clerk's "now" is read a moment before the save
  if (input.convertedAt > now + 60_000)
    return { ok: false, field: 'convertedAt', message: 'counter.convertedInFuture' }
  return {
    ok: true,
    // the sale settles any promised callback
    patch: { outcome: 'converted', orderNo: input.orderNo, convertedAt: input.convertedAt, callback: null }
  }
}

export const conversionFormSchema = z.object({
  orderNo: text(40),
  convertedAt: z.number({ message: 'validation.required' })
})
export type ConversionInput = z.output<typeof conversionFormSchema>

/** Whether a promised callback fits the consultation (only one that may still become a sale). */
export function mayPromiseCallback(c: Pick<Consultation, 'outcome'>): boolean {
  return c.outcome !== null && OPEN_OUTCOMES.includes(c.outcome)
}

/** 转为投诉: the new complaint's form, pre-filled with the customer and what was asked and answered.
 *  Returned as plain values; the complaint form owns its own validation. */
export function complaintSeedFromConsultation(c: Consultation): {
  customerId: string
  customerName: string
  customerPhone: string
  itemNo: string
  product: string
  content: string
  channel: ConsultChannel
} {
  return {
    customerId: c.customerId ?? '',
    customerName: c.customerName,
    customerPhone: c.customerPhone,
    itemNo: c.itemNo,
    product: c.product,
    // The question is what the customer raised; the answer given stays on the consultation.
    content: c.question,
    channel: c.channel
  }
}
