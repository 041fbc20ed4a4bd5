import { describe, expect, it } from 'vitest'
import { findDuplicatePairs, phoneLikeness } from '@shared/domain/customerDuplicates'

describe('phone likeness', () => {
  it('tells identical, one digit off, two adjacent digits swapped and same 尾号 apart', () => {
    expect(phoneLikeness('13812345678', '13812345678')).toBe('same')
    expect(phoneLikeness('13812345678', '13812345679')).toBe('oneDigit')
    expect(phoneLikeness('13812345678', '13812354678')).toBe('swapped')
    expect(phoneLikeness('13812345678', '15999995678')).toBe('last4')
    expect(phoneLikeness('13812345678', '13812346578')).toBe('swapped')
    // two digits off but not a swap; swapped digits that are not neighbours; nothing alike
    expect(phoneLikeness('13812345678', '13812345699')).toBe(null)
    expect(phoneLikeness('13812345678', '13812845378')).toBe(null)
    expect(phoneLikeness('13812345678', '02152345671')).toBe(null)
  })
})

describe('duplicate pairs', () => {
  it('works on unsorted input and reports the strongest suspicion first', () => {
    const phones = [
      ['13800000009', 'b'],
      ['13800000001', 'a'],
      ['13700000000', 'c'],
      ['13800000001', 'd']
    ] as const
    const names = [
      ['王五', 'c'],
      ['张三', 'b'],
      ['张三', 'a']
    ] as const
    expect(findDuplicatePairs(phones, names)).toEqual([
      { a: 'a', b: 'd', reason: 'samePhone', likeness: 'same' },
      { a: 'a', b: 'b', reason: 'similarPhone', likeness: 'oneDigit' }
    ])
  })
})
