import { z } from 'zod'
import { normalizePhone } from './phone'
import { normalizeDateInput } from '@shared/text'

// The customer archive's record (docs/design.md §3.2). Phones are stored normalised (see phone.ts); the
// first of `phones` is the primary one and is mirrored in `phone`, which complaints and the
// duplicate check key on.

export const TIERS = ['regular', 'member', 'vip', 'key'] as const
export type Tier = (typeof TIERS)[number]
export const CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const
export type CreditGrade = (typeof CREDIT_GRADES)[number]
export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]

/** zh-CN field and value labels for text that leaves the UI (merge notes in 备注, exported sheets):
 *  the store's record and file content, in the same words as docs/glossary.md and the catalogue. */
export const CUSTOMER_FIELD_LABELS_ZH = {
  name: '姓名',
  phone: '联系电话',
  phones: '联系电话',
  gender: '性别',
  birthday: '生日',
  address: '地址',
  memberNo: '会员卡号',
  tier: '客户等级',
  credit: '信用等级',
  tags: '标签',
  needs: '特殊需求',
  source: '来源',
  assignedClerk: '负责客服',
  notes: '备注'
} as const
export const TIER_LABELS_ZH: Record<Tier, string> = {
  regular: '普通客户',
  member: '会员',
  vip: 'VIP',
  key: '大客户'
}
export const GENDER_LABELS_ZH: Record<Gender, string> = { male: '男', female: '女' }

export const CUSTOMER_LIMITS = {
  name: 40,
  address: 200,
  memberNo: 32,
  tag: 20,
  tags: 20,
  needs: 500,
  source: 40,
  notes: 2000,
  phones: 5
} as const

export interface Customer {
  id: string
  name: string
  /** primary phone, normalised; equals phones[0] */
  phone: string
  /** every phone, normalised, primary first */
  phones: string[]
  gender?: Gender
  /** YYYY-MM-DD */
  birthday?: string
  address?: string
  memberNo?: string
  tier: Tier
  credit?: CreditGrade
  tags: string[]
  /** 特殊需求: preferences and special needs the counter must remember */
  needs?: string
  source?: string
  /** 工号 of the 负责客服 */
  assignedClerk?: string
  notes?: string
  /** set on the archive that was merged into another; it stays (tombstoned) so the merge can be explained */
  mergedInto?: string
  /** archives merged into this one: their timelines are part of this customer's */
  mergedFrom?: string[]
  /** 不再回访: the customer asked not to be called again; no follow-up task is made (docs/revisits.md) */
  noRevisit?: { at: number; by: string } | null
}

/** Steps on a customer's own timeline (complaints and returns join it from their tables). */
export type CustomerEventType =
  | 'customerCreated'
  | 'customerEdited'
  | 'customerNote'
  | 'customerMerged'
  | 'mergedInto'
  | 'phoneRevealed'
  | 'customerAssigned'
  | 'customersImported'
  | 'customersExported'

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .transform((v) => (v === '' ? undefined : v))
    .optional()

const phoneField = z.string().transform((raw, ctx) => {
  const r = normalizePhone(raw)
  if (!r.ok) {
    ctx.addIssue({
      code: 'custom',
      message: r.reason === 'empty' ? 'validation.required' : 'validation.phone'
    })
    return z.NEVER
  }
  return r.value
})

/** YYYY-MM-DD naming a day that exists (no 2月30日). */
export function isRealDate(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  )
}

const birthdayField = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    if (raw === '') return undefined
    const day = normalizeDateInput(raw)
    if (!isRealDate(day)) {
      ctx.addIssue({ code: 'custom', message: 'validation.date' })
      return z.NEVER
    }
    return day
  })
  .optional()

/** The profile form. `today` bounds the birthday (no one is born tomorrow). */
export function customerFormSchema(today: string) {
  return z.object({
    name: z.string().trim().min(1, 'validation.required').max(CUSTOMER_LIMITS.name, 'validation.tooLong'),
    phones: z
      .array(z.object({ value: phoneField }))
      .min(1, 'validation.required')
      .max(CUSTOMER_LIMITS.phones, 'validation.tooMany')
      .superRefine((list, ctx) => {
        const seen = new Set<string>()
        list.forEach((p, i) => {
          if (seen.has(p.value))
            ctx.addIssue({ code: 'custom', message: 'validation.duplicatePhone', path: [i, 'value'] })
          seen.add(p.value)
        })
      }),
    gender: z.enum(GENDERS).optional(),
    birthday: birthdayField.refine((d) => d === undefined || d <= today, 'validation.dateInFuture'),
    address: optionalText(CUSTOMER_LIMITS.address),
    memberNo: optionalText(CUSTOMER_LIMITS.memberNo),
    tier: z.enum(TIERS),
    credit: z.enum(CREDIT_GRADES).optional(),
    tags: z
      .array(z.string().trim().min(1).max(CUSTOMER_LIMITS.tag, 'validation.tooLong'))
      .max(CUSTOMER_LIMITS.tags, 'validation.tooMany'),
    needs: optionalText(CUSTOMER_LIMITS.needs),
    source: optionalText(CUSTOMER_LIMITS.source),
    assignedClerk: optionalText(12),
    notes: optionalText(CUSTOMER_LIMITS.notes)
  })
}
export type CustomerForm = z.input<ReturnType<typeof customerFormSchema>>
export type CustomerProfile = z.output<ReturnType<typeof customerFormSchema>>

export function emptyCustomerForm(): CustomerForm {
  return { name: '', phones: [{ value: '' }], tier: 'regular', tags: [], birthday: '' }
}

/** The form's output as the stored record's fields (without id). */
export function profileToRecord(p: CustomerProfile): Omit<Customer, 'id'> {
  const phones = p.phones.map((x) => x.value)
  return {
    name: p.name,
    phone: phones[0] as string,
    phones,
    gender: p.gender,
    birthday: p.birthday,
    address: p.address,
    memberNo: p.memberNo,
    tier: p.tier,
    credit: p.credit,
    tags: [...new Set(p.tags)],
    needs: p.needs,
    source: p.source,
    assignedClerk: p.assignedClerk,
    notes: p.notes
  }
}

export function recordToForm(c: Customer): CustomerForm {
  return {
    name: c.name,
    phones: (c.phones?.length ? c.phones : [c.phone]).map((value) => ({ value })),
    gender: c.gender,
    birthday: c.birthday ?? '',
    address: c.address ?? '',
    memberNo: c.memberNo ?? '',
    tier: c.tier ?? 'regular',
    credit: c.credit,
    tags: c.tags ?? [],
    needs: c.needs ?? '',
    source: c.source ?? '',
    assignedClerk: c.assignedClerk ?? '',
    notes: c.notes ?? ''
  }
}

/** Records written before the archive had profiles hold only id, name and phone. */
export function withProfileDefaults<
  T extends Partial<Customer> & { id: string; name: string; phone: string }
>(c: T): T & Customer {
  return {
    ...c,
    phones: c.phones?.length ? c.phones : [c.phone],
    tier: c.tier ?? 'regular',
    tags: c.tags ?? []
  }
}

/** A new archive from what the counter knows at intake: a name and one phone. */
export function minimalCustomer(id: string, name: string, phone: string): Customer {
  return { id, name, phone, phones: [phone], tier: 'regular', tags: [] }
}

export function isKeyAccount(c: Pick<Customer, 'tier'>): boolean {
  return c.tier === 'key'
}
