import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildKeyIndex, mergeEntries, readPrefix } from '@shared/domain/customerKeyIndex'

// The in-memory key index answers a prefix read exactly as IndexedDB's multi-entry index does: every
// (key, id) whose key starts with the prefix, ordered by key then id, the first `limit` of them.

const row = fc.record({
  id: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 3 }),
  _keys: fc.option(
    fc.array(fc.string({ unit: fc.constantFrom('n:', 'p', '1', '2', '王'), maxLength: 4 }), { maxLength: 5 }),
    {
      nil: undefined
    }
  )
})

/** The reference: every pair, sorted, filtered, cut. */
function naive(rows: { id: string; _keys?: string[] | undefined }[], prefix: string, limit: number) {
  const byId = new Map(rows.map((r) => [r.id, r]))
  const pairs: [string, string][] = []
  for (const r of byId.values())
    for (const k of new Set(r._keys ?? [])) if (k.startsWith(prefix)) pairs.push([k, r.id])
  return pairs
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0))
    .slice(0, limit)
}

describe('customer key index', () => {
  it('reads a prefix as the multi-entry index does (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 30 }),
        fc.string({ unit: fc.constantFrom('n:', 'p', '1', '2', '王'), maxLength: 3 }),
        fc.integer({ min: 1, max: 8 }),
        (rows, prefix, limit) => {
          expect(readPrefix(buildKeyIndex(rows), prefix, limit)).toEqual(naive(rows, prefix, limit))
        }
      )
    )
  })

  it('skips what `keep` refuses and still fills up to the limit; exact reads only the key itself', () => {
    const index = buildKeyIndex([
      { id: 'a', _keys: ['n:王一', 'p138'] },
      { id: 'b', _keys: ['n:王二'] },
      { id: 'c', _keys: ['n:王'] },
      { id: 'd', _keys: ['n:王三'] }
    ])
    expect(readPrefix(index, 'n:王', 2, { keep: (id) => id !== 'c' })).toEqual([
      ['n:王一', 'a'],
      ['n:王三', 'd']
    ])
    expect(readPrefix(index, 'n:王', 5, { exact: true })).toEqual([['n:王', 'c']])
  })

  it('merges two ordered runs into one, cut at the limit', () => {
    expect(
      mergeEntries(
        [
          ['k1', 'b'],
          ['k3', 'a']
        ],
        [
          ['k1', 'a'],
          ['k2', 'z']
        ],
        3
      )
    ).toEqual([
      ['k1', 'a'],
      ['k1', 'b'],
      ['k2', 'z']
    ])
  })
})
