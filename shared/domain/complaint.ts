import { z } from 'zod'
import { normalizeDateInput, toHalfWidth } from '../text'
import { normalizePhone } from './phone'

// The 顾客投诉登记表 (DESIGN §3.1). Enum values are code identifiers from GLOSSARY.md;
// the UI shows their zh-CN labels from the i18n catalogue (complaint.channel.counter → 柜台 …).

export const CHANNELS = ['counter', 'phone', 'online', 'letter', 'other'] as const
export const CATEGORIES = ['quality', 'service', 'price', 'afterSales', 'returns', 'delivery', 'environment', 'other'] as const
export const EMOTIONS = ['angry', 'anxious', 'sad', 'loud', 'calm'] as const
export const URGENCIES = ['normal', 'urgent', 'critical'] as const
export const STATUSES = ['registered', 'inProgress', 'awaitingApproval', 'awaitingRevisit', 'closed', 'rejected'] as const

export type Channel = (typeof CHANNELS)[number]
export type Category = (typeof CATEGORIES)[number]
export type Emotion = (typeof EMOTIONS)[number]
export type Urgency = (typeof URGENCIES)[number]
export type ComplaintStatus = (typeof STATUSES)[number]

/** A complaint as stored. Customer name/phone are copied in so lists and search need no join. */
export interface Complaint {
  id: string
  no: string
  status: ComplaintStatus
  receivedAt: number
  channel: Channel
  customerId: string
  customerName: string
  customerPhone: string
  orderNo: string
  itemNo: string
  product: string
  quantity: number | null
  purchaseDate: string
  category: Category
  content: string
  demand: string
  emotion: Emotion
  urgency: Urgency
  /** 工号 of the receiving clerk: 首问负责人 for the whole life of the case */
  firstResponder: string
}

/** YYYY-MM-DD naming a real day (2026-02-30 is not). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/** Messages are i18n keys (validation.*), translated in the renderer. */
const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong')
const requiredText = (max: number) => optionalText(max).min(1, 'validation.required')

export const phoneSchema = z.string().transform((raw, ctx) => {
  const check = normalizePhone(raw)
  if (check.ok) return check.value
  ctx.addIssue({ code: 'custom', message: check.reason === 'empty' ? 'validation.required' : 'validation.phone' })
  return z.NEVER
})

/** Form values of 新建投诉 as typed (strings), validated and normalised into a ComplaintIntake.
 *  `today` (YYYY-MM-DD, store-local) makes "purchase date not in the future" testable. */
export function complaintIntakeSchema(today: string) {
  return z.object({
    channel: z.enum(CHANNELS, { message: 'validation.required' }),
    customerPhone: phoneSchema,
    customerName: requiredText(40),
    /** set when the clerk picked an existing customer */
    customerId: z.string().optional(),
    orderNo: optionalText(40),
    itemNo: optionalText(40),
    product: optionalText(80),
    quantity: z
      .string()
      .transform((raw, ctx) => {
        const text = toHalfWidth(raw).trim()
        if (!text) return null
        if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 100000) {
          ctx.addIssue({ code: 'custom', message: 'validation.quantity' })
          return z.NEVER
        }
        return Number(text)
      }),
    purchaseDate: z
      .string()
      .transform(normalizeDateInput)
      .refine((v) => v === '' || isCalendarDate(v), 'validation.date')
      .refine((v) => !isCalendarDate(v) || v <= today, 'validation.dateInFuture'),
    category: z.enum(CATEGORIES, { message: 'validation.required' }),
    content: requiredText(2000),
    demand: optionalText(1000),
    emotion: z.enum(EMOTIONS, { message: 'validation.required' }),
    urgency: z.enum(URGENCIES, { message: 'validation.required' })
  })
}

export type ComplaintIntakeForm = z.input<ReturnType<typeof complaintIntakeSchema>>
export type ComplaintIntake = z.output<ReturnType<typeof complaintIntakeSchema>>

export const emptyIntakeForm: ComplaintIntakeForm = {
  channel: 'counter',
  customerPhone: '',
  customerName: '',
  orderNo: '',
  itemNo: '',
  product: '',
  quantity: '',
  purchaseDate: '',
  category: 'quality',
  content: '',
  demand: '',
  emotion: 'calm',
  urgency: 'normal'
}

/** The stored complaint for a validated intake. Pure: ids, number and clock come from the caller. */
export function buildComplaint(
  intake: ComplaintIntake,
  ids: { id: string; no: string; customerId: string; receivedAt: number; firstResponder: string }
): Complaint {
  return {
    id: ids.id,
    no: ids.no,
    status: 'registered',
    receivedAt: ids.receivedAt,
    channel: intake.channel,
    customerId: ids.customerId,
    customerName: intake.customerName,
    customerPhone: intake.customerPhone,
    orderNo: intake.orderNo,
    itemNo: intake.itemNo,
    product: intake.product,
    quantity: intake.quantity,
    purchaseDate: intake.purchaseDate,
    category: intake.category,
    content: intake.content,
    demand: intake.demand,
    emotion: intake.emotion,
    urgency: intake.urgency,
    firstResponder: ids.firstResponder
  }
}
