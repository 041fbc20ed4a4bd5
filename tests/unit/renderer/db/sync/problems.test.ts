import { describe, expect, it } from 'vitest'
import { seqRanges } from '@/db/sync/problems'

describe('seqRanges', () => {
  it('writes runs of sync file numbers as ranges, sorted, each number once', () => {
    expect(seqRanges([3, 4])).toBe('3–4')
    expect(seqRanges([9, 3, 5, 4, 4, 11, 12])).toBe('3–5, 9, 11–12')
    expect(seqRanges([7])).toBe('7')
    expect(seqRanges([])).toBe('')
    expect(seqRanges(Array.from({ length: 1000 }, (_, i) => i + 1))).toBe('1–1000')
  })
})
