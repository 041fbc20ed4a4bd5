import { z } from 'zod'
import type { ComplaintCallback } from './callback'
import { normalizeDateInput, toHalfWidth } from '@shared/text'
import { normalizePhone } from './phone'

// The 顾客投诉登记表 (docs/design.md §3.1). Enum values are code identifiers from docs/glossary.md;
// the UI shows their zh-CN labels from the i18n catalogue (complaint.channel.counter → 柜台 …).

export const CHANNELS = ['counter', 'phone', 'online', 'letter', 'other'] as const
export const CATEGORIES = [
  'quality',
  'service',
  'price',
  'afterSales',
  'returns',
  'delivery',
  'environment',
  'other'
] as const
export const EMOTIONS = ['angry', 'anxious', 'sad', 'loud', 'calm'] as const
export const URGENCIES = ['normal', 'urgent', 'critical'] as const
export const STATUSES = [
  'registered',
  'inProgress',
  'awaitingApproval',
  'awaitingRevisit',
  'closed',
  'rejected'
] as const

export const RESOLUTIONS = [
  'refund',
  'exchange',
  'repair',
  'compensation',
  'apology',
  'explanation',
  'other'
] as const
export const SATISFACTIONS = ['satisfied', 'neutral', 'unsatisfied'] as const

export type Resolution = (typeof RESOLUTIONS)[number]
export type Satisfaction = (typeof SATISFACTIONS)[number]
export type Channel = (typeof CHANNELS)[number]
export type Category = (typeof CATEGORIES)[number]
export type Emotion = (typeof EMOTIONS)[number]
export type Urgency = (typeof URGENCIES)[number]
export type ComplaintStatus = (typeof STATUSES)[number]

/** 处理方案: proposed by a clerk, approved (主管批示) by a shift leader or manager. */
export interface ComplaintPlan {
  resolution: Resolution
  /** compensation or refund amount in yuan; null when the plan involves no money */
  amount: number | null
  text: string
  proposedBy: string
  proposedAt: number
  approvedBy: string | null
  approvedAt: number | null
}

export interface ComplaintResult {
  text: string
  accepted: boolean
  at: number
  by: string
}

export interface ComplaintRevisit {
  satisfaction: Satisfaction
  notes: string
  at: number
  by: string
}

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
  // Workflow state, changed only through shared/domain/workflow.ts.
  /** first judgement after intake (日落原则) */
  firstResponseAt: number | null
  /** 责任部门 */
  department: string
  plan: ComplaintPlan | null
  result: ComplaintResult | null
  /** when the customer accepted the result: the 3-day follow-up clock starts */
  resolvedAt: number | null
  revisit: ComplaintRevisit | null
  /** 0 none, 1 值班长, 2 经理 — recorded escalations, never lowered */
  escalationLevel: 0 | 1 | 2
  closedAt: number | null
  /** the written explanation given to the customer when the complaint is not valid */
  explanation: string
  /** departments informed of the result on close (四个不漏: feed every result back) */
  feedbackDepartments: string[]
  urgeCount: number
  reopenCount: number
  /** 约定回电 still to make (callback.ts); absent on records from before callbacks existed */
  callback?: ComplaintCallback | null
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
  ctx.addIssue({
    code: 'custom',
    message: check.reason === 'empty' ? 'validation.required' : 'validation.phone'
  })
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
    quantity: z.string().transform((raw, ctx) => {
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
    firstResponder: ids.firstResponder,
    firstResponseAt: null,
    department: '',
    plan: null,
    result: null,
    resolvedAt: null,
    revisit: null,
    escalationLevel: 0,
    closedAt: null,
    explanation: '',
    feedbackDepartments: [],
    urgeCount: 0,
    reopenCount: 0
  }
}
