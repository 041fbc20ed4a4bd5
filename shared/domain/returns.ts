import { z } from 'zod'
import { toHalfWidth } from '@shared/text'
import { phoneSchema, type Complaint } from './complaint'
import { parseYuan } from './money'

// 退换货登记 (docs/design.md §3.4): one return/exchange handled at the counter, linked to a complaint when
// there is one. Enum values are code identifiers; the UI shows their labels from the i18n
// catalogue (returns.typeOption.return → 退货 …). Messages are i18n keys.

export const RETURN_TYPES = ['return', 'exchange', 'repair', 'invoice', 'other'] as const
export const RETURN_STATUSES = ['pending', 'processing', 'done', 'cancelled'] as const

/** 退货 / 换货 / 维修 / 补寄发票 / 其他 (维修 added for 维修回访, docs/revisits.md) ("ReturnType" would shadow TypeScript's utility type). */
export type ReturnRequestType = (typeof RETURN_TYPES)[number]
/** 待处理 / 处理中 / 已完成 / 已取消 */
export type ReturnStatus = (typeof RETURN_STATUSES)[number]

export interface ReturnRequest {
  id: string
  /** the complaint this return settles, if any */
  complaintId: string | null
  /** the customer archive found or created by phone at registration */
  customerId: string | null
  customerName: string
  customerPhone: string
  /** yuan; null when no money changes hands (an exchange, a missing invoice) */
  amount: number | null
  type: ReturnRequestType
  /** where a refund goes: bank card, Alipay, WeChat… as the customer gave it */
  refundAccount: string
  /** the account holder's name, checked against the customer before paying */
  accountName: string
  reason: string
  status: ReturnStatus
  createdAt: number
}

// ---- Status ----------------------------------------------------------------------------------

/** pending → processing → done; pending/processing → cancelled; done and cancelled are final. */
const NEXT: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  pending: ['processing', 'cancelled'],
  processing: ['done', 'cancelled'],
  done: [],
  cancelled: []
}

/** The statuses a return may move to from `from` (the UI offers exactly these). */
export function nextReturnStatuses(from: ReturnStatus): readonly ReturnStatus[] {
  return NEXT[from]
}

export function canChangeReturnStatus(from: ReturnStatus, to: ReturnStatus): boolean {
  return NEXT[from].includes(to)
}

// ---- Form ------------------------------------------------------------------------------------

const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong')
const requiredText = (max: number) => optionalText(max).min(1, 'validation.required')
/** '' → null, so "not linked" has one spelling. */
const optionalId = z
  .string()
  .optional()
  .transform((v) => v?.trim() || null)

const AMOUNT_MESSAGES = {
  notNumber: 'returns.amountNotNumber',
  negative: 'returns.amountNegative',
  cents: 'returns.amountCents',
  tooLarge: 'returns.amountTooLarge'
} as const

const amountSchema = z.string().transform((raw, ctx) => {
  const check = parseYuan(raw)
  if (check.ok) return check.value
  ctx.addIssue({ code: 'custom', message: AMOUNT_MESSAGES[check.reason] })
  return z.NEVER
})

/** Account numbers typed in groups ("6222 0212 3456 7890") are stored as bare digits; other
 *  accounts (an Alipay e-mail, "微信 zhangsan88") keep their text with spaces tidied. */
const accountSchema = z
  .string()
  .transform((raw) => {
    const text = toHalfWidth(raw).trim().replace(/\s+/g, ' ')
    return /^[\d\s-]+$/.test(text) ? text.replace(/[\s-]/g, '') : text
  })
  .pipe(z.string().max(60, 'validation.tooLong'))

/** The fields the cross-field rules read: they run only when these parsed cleanly, so the other
 *  fields' errors and these rules' errors show together on the first save. */
const CROSS_FIELDS = new Set<PropertyKey>(['type', 'amount', 'refundAccount', 'accountName'])

/** Form values of 退换货登记 as typed (strings), validated and normalised into a ReturnInput. */
export const returnFormSchema = z
  .object({
    complaintId: optionalId,
    customerId: optionalId,
    customerPhone: phoneSchema,
    customerName: requiredText(40),
    type: z.enum(RETURN_TYPES, { message: 'validation.required' }),
    amount: amountSchema,
    refundAccount: accountSchema,
    accountName: optionalText(40),
    // As long as a complaint's content, which pre-fills it.
    reason: requiredText(2000)
  })
  .superRefine(
    (v, ctx) => {
      // Money back needs somewhere to send it; an account needs its holder's name.
      if (v.type === 'return' && v.amount !== null && v.amount > 0 && !v.refundAccount)
        ctx.addIssue({ code: 'custom', path: ['refundAccount'], message: 'returns.refundAccountRequired' })
      if (v.refundAccount && !v.accountName)
        ctx.addIssue({ code: 'custom', path: ['accountName'], message: 'returns.accountNameRequired' })
    },
    { when: (payload) => !payload.issues.some((i) => CROSS_FIELDS.has(i.path?.[0] ?? '')) }
  )

export type ReturnForm = z.input<typeof returnFormSchema>
export type ReturnInput = z.output<typeof returnFormSchema>

export const emptyReturnForm: ReturnForm = {
  complaintId: '',
  customerId: '',
  customerPhone: '',
  customerName: '',
  type: 'return',
  amount: '',
  refundAccount: '',
  accountName: '',
  reason: ''
}

/** 登记退换货 from a complaint: its customer, phone and content; an agreed refund or exchange plan
 *  also gives the type (and the refund's amount), so the clerk only adds the account. */
export function returnFormFromComplaint(c: Complaint): ReturnForm {
  const resolution = c.plan?.resolution
  const type: ReturnRequestType = resolution === 'exchange' ? 'exchange' : 'return'
  return {
    ...emptyReturnForm,
    complaintId: c.id,
    customerId: c.customerId,
    customerPhone: c.customerPhone,
    customerName: c.customerName,
    type,
    amount: resolution === 'refund' && c.plan?.amount != null ? String(c.plan.amount) : '',
    reason: c.content
  }
}

/** The stored record for a validated form. Pure: id, customer and clock come from the caller. */
export function buildReturnRequest(
  input: ReturnInput,
  ids: { id: string; customerId: string | null; createdAt: number }
): ReturnRequest {
  return {
    id: ids.id,
    complaintId: input.complaintId,
    customerId: ids.customerId,
    customerName: input.customerName,
    customerPhone: input.customerPhone,
    amount: input.amount,
    type: input.type,
    refundAccount: input.refundAccount,
    accountName: input.accountName,
    reason: input.reason,
    status: 'pending',
    createdAt: ids.createdAt
  }
}

/** Only the last four characters of a refund account, for lists (客户信息不得泄露). */
export function maskAccount(account: string): string {
  if (!account) return ''
  return account.length > 4 ? `****${account.slice(-4)}` : '****'
}
