import { describe, expect, it } from 'vitest'
import {
  changeSchema,
  fieldChanges,
  MAX_VALUE_BYTES,
  validateChanges,
  type Change
} from '@shared/sync/change'
import { change } from './fixtures'

describe('change validation', () => {
  it('accepts outbox-shaped changes, including whole-record and tombstone changes', () => {
    const items = [
      change(),
      change({ field: '*', value: { content: 'x', quantity: 1 } }),
      change({ field: '_deleted', value: 1 }),
      change({ field: '_deleted', value: null }),
      change({ value: null })
    ]
    const { valid, invalid } = validateChanges(items)
    expect(invalid).toEqual([])
    expect(valid).toEqual(items)
  })

  it('quarantines each bad change on its own, with its index and a reason', () => {
    const items: unknown[] = [
      change(),
      change({ hlc: '2026-11-23' }),
      { ...change(), table: 'outbox' },
      change({ recordId: '' }),
      change({ recordId: 'x'.repeat(201) }),
      change({ field: '_keys' }),
      change({ field: 'id' }),
      change({ field: '*', value: 'not an object' }),
      change({ field: '*', value: { _clock: {} } }),
      change({ value: { nested: Number.NaN } }),
      change({ value: undefined }),
      'not even an object',
      change({ value: 'x'.repeat(MAX_VALUE_BYTES + 1) }),
      change({ value: '汉'.repeat(Math.ceil(MAX_VALUE_BYTES / 3) + 1) }),
      change({ field: '_deleted', value: 'yes' }),
      change()
    ]
    const { valid, invalid } = validateChanges(items)
    expect(valid).toHaveLength(2)
    expect(invalid.map((i) => i.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    expect(invalid[0]?.reason).toMatch(/^hlc/)
    expect(invalid[11]?.reason).toMatch(/larger than/)
  })

  it('refuses prototype-polluting keys anywhere in a value', () => {
    const polluted = JSON.parse('{"a":{"__proto__":{"x":1}}}') as Change['value']
    expect(changeSchema.safeParse(change({ value: polluted })).success).toBe(false)
    expect(changeSchema.safeParse(change({ field: '__proto__' })).success).toBe(false)
  })

  it('accepts a value up to the size bound', () => {
    expect(changeSchema.safeParse(change({ value: 'x'.repeat(MAX_VALUE_BYTES - 2) })).success).toBe(true)
  })

  it("expands a '*' change into one change per field at the same HLC", () => {
    const whole = change({ field: '*', value: { content: 'x', quantity: 2 } }) as Change
    expect(fieldChanges(whole)).toEqual([
      { ...whole, field: 'content', value: 'x' },
      { ...whole, field: 'quantity', value: 2 }
    ])
    const one = change() as Change
    expect(fieldChanges(one)).toEqual([one])
  })
})
