import { describe, expect, it } from 'vitest'
import {
  buildConsultation,
  consultationFormSchema,
  conversionPatch,
  emptyConsultationForm,
  mayPromiseCallback
} from '@shared/domain/counter/consultation'

const form = (over: Record<string, string> = {}) => ({
  ...emptyConsultationForm,
  question: '这款有货吗',
  ...over
})
const issues = (over: Record<string, string>) =>
  consultationFormSchema.safeParse(form(over)).error?.issues.map((i) => [i.path[0], i.message])

describe('the consultation form', () => {
  it('takes an anonymous walk-in with only a question', () => {
    expect(consultationFormSchema.parse(form())).toMatchObject({
      channel: 'counter',
      customerId: null,
      customerPhone: '',
      outcome: null,
      orderNo: ''
    })
  })

  it('refuses an empty question and text over 2 000 characters, each at its field', () => {
    expect(issues({ question: '  ' })).toEqual([['question', 'counter.questionRequired']])
    expect(issues({ answer: '答'.repeat(2001) })).toEqual([['answer', 'validation.tooLong']])
  })

  it('refuses an order no. on a consultation that did not convert', () => {
    expect(issues({ outcome: 'considering', orderNo: 'DD2026' })).toEqual([
      ['orderNo', 'counter.orderNoNotConverted']
    ])
    expect(issues({ outcome: '', orderNo: 'DD2026' })).toEqual([['orderNo', 'counter.orderNoNotConverted']])
    expect(consultationFormSchema.parse(form({ outcome: 'converted', orderNo: 'DD2026' })).orderNo).toBe(
      'DD2026'
    )
  })

  it('normalises a phone and refuses one that is not a phone', () => {
    expect(consultationFormSchema.parse(form({ customerPhone: '138 0013 8000' })).customerPhone).toBe(
      '13800138000'
    )
    expect(issues({ customerPhone: '12345' })).toEqual([['customerPhone', 'validation.phone']])
  })

  it('dates a sale at the counter at the consultation itself', () => {
    const input = consultationFormSchema.parse(form({ outcome: 'converted', orderNo: 'DD1' }))
    const c = buildConsultation(input, { id: 'k1', customerId: null, staffNo: '1001', createdAt: 1000 })
    expect(c).toMatchObject({ convertedAt: 1000, orderNo: 'DD1', staffNo: '1001', callback: null })
  })
})

describe('a later conversion', () => {
  const c = { outcome: 'considering' as const, createdAt: 10_000_000 }
  it('is dated when it happened and settles the callback', () => {
    expect(conversionPatch(c, { orderNo: 'DD9', convertedAt: 20_000_000 }, 20_000_000)).toEqual({
      ok: true,
      patch: { outcome: 'converted', orderNo: 'DD9', convertedAt: 20_000_000, callback: null }
    })
  })
  it('is refused before the consultation, in the future, or twice', () => {
    expect(conversionPatch(c, { orderNo: '', convertedAt: 9_999_999 }, 20_000_000)).toMatchObject({
      ok: false,
      field: 'convertedAt',
      message: 'counter.convertedBeforeConsultation'
    })
    expect(conversionPatch(c, { orderNo: '', convertedAt: 30_000_000 }, 20_000_000)).toMatchObject({
      message: 'counter.convertedInFuture'
    })
    expect(
      conversionPatch({ ...c, outcome: 'converted' }, { orderNo: '', convertedAt: 20_000_000 }, 20_000_000)
    ).toMatchObject({ message: 'counter.alreadyConverted' })
  })
  it('may carry a callback only while it may still become a sale', () => {
    expect(mayPromiseCallback({ outcome: 'considering' })).toBe(true)
    expect(mayPromiseCallback({ outcome: 'booked' })).toBe(true)
    expect(mayPromiseCallback({ outcome: 'converted' })).toBe(false)
    expect(mayPromiseCallback({ outcome: null })).toBe(false)
  })
})

describe('标准用语 search', () => {
  it('finds a reply by keyword and by the pinyin initials of its title', async () => {
    const { pinyinInitials } = await import('@shared/domain/customerSearch')
    const { matchReplies } = await import('@shared/domain/counter/replySearch')
    const { DEFAULT_CANNED_REPLIES } = await import('@shared/domain/cannedReplies')
    expect(pinyinInitials('退款到账说明')).toBe('tkdzsm')
    expect(matchReplies(DEFAULT_CANNED_REPLIES, 'tkdz', pinyinInitials).map((r) => r.id)).toEqual([
      'refundTime'
    ])
    expect(matchReplies(DEFAULT_CANNED_REPLIES, '换货', pinyinInitials).map((r) => r.id)).toContain(
      'exchangeArranged'
    )
    expect(matchReplies(DEFAULT_CANNED_REPLIES, '', pinyinInitials)).toHaveLength(
      DEFAULT_CANNED_REPLIES.length
    )
  })
})
