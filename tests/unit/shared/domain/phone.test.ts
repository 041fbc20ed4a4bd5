import { describe, expect, it } from 'vitest'
import { isPhoneFragment, maskPhone, normalizePhone } from '@shared/domain/phone'

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000', 'mobile'],
    ['138 0013 8000', '13800138000', 'mobile'],
    ['138-0013-8000', '13800138000', 'mobile'],
    ['１３８００１３８０００', '13800138000', 'mobile'],
    ['+86 138 0013 8000', '13800138000', 'mobile'],
    ['8613800138000', '13800138000', 'mobile'],
    ['010-62345678', '010-62345678', 'landline'],
    ['02152345678', '021-52345678', 'landline'],
    ['（0571）8888888', '0571-8888888', 'landline'],
    ['0571-88888888 转 123', '0571-88888888-123', 'landline'],
    ['０２１－５２３４５６７８', '021-52345678', 'landline']
  ])('%s → %s', (raw, value, kind) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, value, kind })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12345', 'invalid'],
    ['23800138000', 'invalid'],
    ['1380013800', 'invalid'],
    ['62345678', 'invalid'], // landline without area code
    ['010-12345678', 'invalid'], // local numbers never start with 0 or 1
    ['138abc38000', 'invalid']
  ])('rejects %j (%s)', (raw, reason) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, reason })
  })
})

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
  it('keeps area code and last four of a landline', () => {
    expect(maskPhone('021-52345678')).toBe('021-****5678')
  })
})

describe('normalised numbers normalise to themselves', () => {
  it.each(['13812345678', '021-52345678', '0571-88888888-123', '010-62345678-8'])('%s', (stored) => {
    expect(normalizePhone(stored)).toMatchObject({ ok: true, value: stored })
  })
  it('a number typed with 转 and one already stored agree', () => {
    const typed = normalizePhone('0571 8888 8888 转 123')
    expect(typed.ok && normalizePhone(typed.value)).toEqual(typed)
  })
})

describe('isPhoneFragment (issue 17.6: no prefix search without the right to full numbers)', () => {
  it.each(['138', '1381234', '138 1234 567', '１３８１２', '0215234'])('%j is a fragment', (q) => {
    expect(isPhoneFragment(q)).toBe(true)
  })
  it.each(['5678', '13812345678', '138 1234 5678', '021-52345678', '02152345678', 'zs', '张三', '', '12'])(
    '%j is not',
    (q) => {
      expect(isPhoneFragment(q)).toBe(false)
    }
  )
})
