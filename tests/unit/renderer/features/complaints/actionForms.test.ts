import { describe, expect, it } from 'vitest'
import { RESOLUTIONS } from '@shared/domain/complaint'
import { ACTION_FORMS, AmountFormatError } from '@/features/complaints/workflow/actionForms'

// 提交处理方案: 补偿金额 is shown only for the 处理方式 that pay money, and a value left in the hidden
// field neither blocks the step nor travels with the plan.

const plan = ACTION_FORMS.proposePlan
const amountField = plan.fields.find((f) => f.name === 'amount')!

describe('提交处理方案 form', () => {
  it('shows 补偿金额 for 退货退款 and 补偿 only', () => {
    const shown = RESOLUTIONS.filter((resolution) => amountField.shownWhen?.({ resolution }) ?? true)
    expect(shown).toEqual(['refund', 'compensation'])
    expect(amountField.shownWhen?.(plan.defaults)).toBe(false) // the default 维修 shows no amount
  })

  it('drops a stale amount typed before switching to 换货 or 维修', () => {
    for (const resolution of ['exchange', 'repair'])
      expect(plan.toAction({ resolution, amount: '不是数字', text: '换新' })).toEqual({
        type: 'proposePlan',
        resolution,
        amount: null,
        text: '换新'
      })
  })

  it('reads the amount where it applies', () => {
    expect(plan.toAction({ resolution: 'compensation', amount: '￥1,200.50', text: '补偿' })).toMatchObject({
      amount: 1200.5
    })
    expect(() => plan.toAction({ resolution: 'refund', amount: '一百', text: '退款' })).toThrow(
      AmountFormatError
    )
  })
})
