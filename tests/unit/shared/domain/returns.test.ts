import { describe, expect, it } from 'vitest'
import {
  RETURN_STATUSES,
  buildReturnRequest,
  canChangeReturnStatus,
  emptyReturnForm,
  maskAccount,
  nextReturnStatuses,
  returnFormFromComplaint,
  returnFormSchema,
  type ReturnStatus
} from '@shared/domain/returns'
import {
  buildComplaint,
  complaintIntakeSchema,
  emptyIntakeForm,
  type ComplaintPlan
} from '@shared/domain/complaint'
import { formatYuan, parseYuan } from '@shared/domain/money'

const valid = {
  ...emptyReturnForm,
  customerPhone: '138 0013 8000',
  customerName: ' 张三 ',
  type: 'exchange',
  reason: '尺码不合适'
}

function issues(values: Record<string, unknown>) {
  const result = returnFormSchema.safeParse(values)
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('return status transitions', () => {
  const allowed: [ReturnStatus, ReturnStatus][] = [
    ['pending', 'processing'],
    ['processing', 'done'],
    ['pending', 'cancelled'],
    ['processing', 'cancelled']
  ]

  it('allows exactly pending→processing→done and cancelling before done', () => {
    for (const from of RETURN_STATUSES)
      for (const to of RETURN_STATUSES)
        expect(canChangeReturnStatus(from, to), `${from}→${to}`).toBe(
          allowed.some(([f, t]) => f === from && t === to)
        )
  })

  it('offers no way out of done or cancelled, and no skipping straight to done', () => {
    expect(nextReturnStatuses('done')).toEqual([])
    expect(nextReturnStatuses('cancelled')).toEqual([])
    expect(nextReturnStatuses('pending')).toEqual(['processing', 'cancelled'])
    expect(canChangeReturnStatus('pending', 'done')).toBe(false)
    expect(canChangeReturnStatus('pending', 'pending')).toBe(false)
  })
})

describe('return form schema', () => {
  it('accepts an exchange without money and normalises phone, name and links', () => {
    const parsed = returnFormSchema.parse(valid)
    expect(parsed).toMatchObject({
      customerPhone: '13800138000',
      customerName: '张三',
      amount: null,
      complaintId: null,
      customerId: null
    })
  })

  it('requires phone, name and reason with i18n message keys', () => {
    expect(issues({ ...emptyReturnForm })).toEqual({
      customerPhone: 'validation.required',
      customerName: 'validation.required',
      reason: 'validation.required'
    })
    expect(issues({ ...valid, customerPhone: '12345' })).toEqual({ customerPhone: 'validation.phone' })
  })

  it('reads amounts as typed at a counter and refuses nonsense', () => {
    for (const [typed, value] of [
      ['128.5', 128.5],
      ['¥1,280.00', 1280],
      ['１２８。５０', 128.5],
      ['0', 0],
      ['100000', 100000]
    ] as const)
      expect(returnFormSchema.parse({ ...valid, amount: typed }).amount).toBe(value)
    expect(issues({ ...valid, amount: '-5' })).toEqual({ amount: 'returns.amountNegative' })
    expect(issues({ ...valid, amount: '12.345' })).toEqual({ amount: 'returns.amountCents' })
    expect(issues({ ...valid, amount: '100000.01' })).toEqual({ amount: 'returns.amountTooLarge' })
    for (const bad of ['abc', '1e3', '12..5'])
      expect(issues({ ...valid, amount: bad })).toEqual({ amount: 'returns.amountNotNumber' })
  })

  it('needs a refund account for a 退货 with an amount, and the holder name for any account', () => {
    expect(issues({ ...valid, type: 'return', amount: '199' })).toEqual({
      refundAccount: 'returns.refundAccountRequired'
    })
    expect(issues({ ...valid, type: 'return', amount: '199', refundAccount: '6222 0212 3456 7890' })).toEqual(
      { accountName: 'returns.accountNameRequired' }
    )
    expect(issues({ ...valid, type: 'exchange', amount: '20', refundAccount: 'alipay@example.com' })).toEqual(
      { accountName: 'returns.accountNameRequired' }
    )
    // 退货 with no money (refunded in cash on the spot, or just taken back) needs no account.
    expect(issues({ ...valid, type: 'return', amount: '' })).toEqual({})
    expect(issues({ ...valid, type: 'return', amount: '0' })).toEqual({})
    const ok = returnFormSchema.parse({
      ...valid,
      type: 'return',
      amount: '199',
      refundAccount: '６２２２ 0212-3456 7890',
      accountName: '张三'
    })
    expect(ok.refundAccount).toBe('6222021234567890')
    expect(
      returnFormSchema.parse({ ...valid, refundAccount: '  微信   zhangsan88 ', accountName: '张三' })
        .refundAccount
    ).toBe('微信 zhangsan88')
  })

  it('shows the cross-field errors together with the other fields’ errors on the first save', () => {
    expect(issues({ ...valid, customerPhone: '', type: 'return', amount: '50' })).toEqual({
      customerPhone: 'validation.required',
      refundAccount: 'returns.refundAccountRequired'
    })
  })

  it('rejects values outside the enums and over-long text', () => {
    expect(issues({ ...valid, type: 'refund' })).toEqual({ type: 'validation.required' })
    expect(issues({ ...valid, reason: 'x'.repeat(2001) })).toEqual({ reason: 'validation.tooLong' })
    expect(issues({ ...valid, refundAccount: '1'.repeat(61), accountName: '张三' })).toEqual({
      refundAccount: 'validation.tooLong'
    })
  })

  it('builds a pending record linked to the complaint it came from', () => {
    const input = returnFormSchema.parse({ ...valid, complaintId: 'c1' })
    expect(buildReturnRequest(input, { id: 'r1', customerId: 'u1', createdAt: 5 })).toMatchObject({
      id: 'r1',
      complaintId: 'c1',
      customerId: 'u1',
      status: 'pending',
      type: 'exchange',
      createdAt: 5
    })
  })
})

describe('pre-filling from a complaint', () => {
  const complaint = buildComplaint(
    complaintIntakeSchema('2026-11-22').parse({
      ...emptyIntakeForm,
      customerPhone: '13800138000',
      customerName: '张三',
      content: '电饭煲不加热'
    }),
    { id: 'c1', no: 'TS-20261122-A3-001', customerId: 'u1', receivedAt: 5, firstResponder: '1001' }
  )
  const plan = (resolution: ComplaintPlan['resolution'], amount: number | null): ComplaintPlan => ({
    resolution,
    amount,
    text: '',
    proposedBy: '1001',
    proposedAt: 6,
    approvedBy: null,
    approvedAt: null
  })

  it('copies the customer, phone, link and content as the reason', () => {
    expect(returnFormFromComplaint(complaint)).toMatchObject({
      complaintId: 'c1',
      customerId: 'u1',
      customerName: '张三',
      customerPhone: '13800138000',
      reason: '电饭煲不加热',
      type: 'return',
      amount: ''
    })
  })

  it('takes type and refund amount from the plan', () => {
    expect(returnFormFromComplaint({ ...complaint, plan: plan('refund', 299.5) })).toMatchObject({
      type: 'return',
      amount: '299.5'
    })
    expect(returnFormFromComplaint({ ...complaint, plan: plan('exchange', null) })).toMatchObject({
      type: 'exchange',
      amount: ''
    })
    expect(returnFormFromComplaint({ ...complaint, plan: plan('compensation', 50) })).toMatchObject({
      type: 'return',
      amount: ''
    })
  })

  it('gives a form the schema accepts once the account is added', () => {
    const form = {
      ...returnFormFromComplaint({ ...complaint, plan: plan('refund', 299.5) }),
      refundAccount: '6222021234567890',
      accountName: '张三'
    }
    expect(returnFormSchema.parse(form)).toMatchObject({ complaintId: 'c1', customerId: 'u1', amount: 299.5 })
  })
})

describe('money and masking', () => {
  it('parses empty as no amount and formats two decimals', () => {
    expect(parseYuan('  ')).toEqual({ ok: true, value: null })
    expect(formatYuan(128.5)).toBe('128.50')
  })

  it('masks all but the last four characters of an account', () => {
    expect(maskAccount('6222021234567890')).toBe('****7890')
    expect(maskAccount('123')).toBe('****')
    expect(maskAccount('')).toBe('')
  })
})
