import { describe, expect, it } from 'vitest'
import { buildComplaint, complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { formatComplaintNo, parseComplaintNo } from '@shared/domain/complaintNo'

const schema = complaintIntakeSchema('2026-11-22')
const valid = {
  ...emptyIntakeForm,
  customerPhone: '138 0013 8000',
  customerName: ' 张三 ',
  content: '买的电饭煲不加热'
}

function issues(values: Record<string, unknown>) {
  const result = schema.safeParse(values)
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('complaint intake schema', () => {
  it('accepts a minimal complaint and normalises phone and text', () => {
    const parsed = schema.parse(valid)
    expect(parsed.customerPhone).toBe('13800138000')
    expect(parsed.customerName).toBe('张三')
    expect(parsed.quantity).toBeNull()
  })

  it('requires phone, name and content with i18n message keys', () => {
    expect(issues({ ...emptyIntakeForm })).toEqual({
      customerPhone: 'validation.required',
      customerName: 'validation.required',
      content: 'validation.required'
    })
  })

  it('rejects a malformed phone', () => {
    expect(issues({ ...valid, customerPhone: '12345' })).toEqual({ customerPhone: 'validation.phone' })
  })

  it('accepts full-width quantity and rejects zero, negatives and fractions', () => {
    expect(schema.parse({ ...valid, quantity: '２' }).quantity).toBe(2)
    for (const bad of ['0', '-1', '1.5', 'abc'])
      expect(issues({ ...valid, quantity: bad })).toEqual({ quantity: 'validation.quantity' })
  })

  it('rejects a purchase date in the future but accepts today', () => {
    expect(issues({ ...valid, purchaseDate: '2026-11-23' })).toEqual({
      purchaseDate: 'validation.dateInFuture'
    })
    expect(schema.parse({ ...valid, purchaseDate: '2026-11-22' }).purchaseDate).toBe('2026-11-22')
    expect(issues({ ...valid, purchaseDate: '22/11/2026' })).toEqual({ purchaseDate: 'validation.date' })
    expect(issues({ ...valid, purchaseDate: '2026-02-30' })).toEqual({ purchaseDate: 'validation.date' })
    for (const typed of ['20261120', '2026/11/20', '2026.11.20', '2026-11-20', '２０２６年11月20日'])
      expect(schema.parse({ ...valid, purchaseDate: typed }).purchaseDate).toBe('2026-11-20')
    expect(schema.parse({ ...valid, purchaseDate: '2026-1-5' }).purchaseDate).toBe('2026-01-05')
  })

  it('rejects values outside the glossary enums', () => {
    expect(issues({ ...valid, channel: 'fax', emotion: 'happy' })).toEqual({
      channel: 'validation.required',
      emotion: 'validation.required'
    })
  })

  it('limits long text', () => {
    expect(issues({ ...valid, content: 'x'.repeat(2001) })).toEqual({ content: 'validation.tooLong' })
  })

  it('builds a registered complaint whose first responder is the receiving clerk', () => {
    const c = buildComplaint(schema.parse(valid), {
      id: 'c1',
      no: 'TS-20261122-A3-001',
      customerId: 'u1',
      receivedAt: 5,
      firstResponder: '1001'
    })
    expect(c).toMatchObject({
      status: 'registered',
      firstResponder: '1001',
      customerPhone: '13800138000',
      category: 'quality',
      emotion: 'calm'
    })
  })
})

describe('complaint numbers', () => {
  it('formats TS-date-device-seq and parses back', () => {
    expect(formatComplaintNo('20261122', 'A3', 7)).toBe('TS-20261122-A3-007')
    expect(parseComplaintNo('TS-20261122-A3-007')).toEqual({ day: '20261122', deviceCode: 'A3', seq: 7 })
    expect(formatComplaintNo('20261122', 'A3', 1234)).toBe('TS-20261122-A3-1234')
    expect(parseComplaintNo('TS-2026-A3-7')).toBeNull()
  })
})
