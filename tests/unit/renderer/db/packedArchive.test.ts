import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mergeRuns } from '@/db/packedArchive'

// The packed archive answers the list and the lookups by merging each pack's sorted runs
// (renderer/src/db/packedArchive.ts): the merge must give what sorting everything would.

const byValue = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1]

describe('mergeRuns', () => {
  it('gives the first `limit` kept items of all runs in order, as a sort of everything would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        (values, modulo, limit) => {
          // each item carries its run and place, so equal values stay distinct and the order total
          const runs = values.map((run, r) =>
            [...run].sort((a, b) => a - b).map((v, i): [number, number] => [v, r * 100 + i])
          )
          const keep = (item: [number, number]) => modulo === 0 || item[0] % (modulo + 1) !== 0
          const expected = runs
            .flat()
            .sort(byValue)
            .filter(keep)
            .slice(0, limit ?? Infinity)
          expect(mergeRuns(runs, byValue, keep, limit)).toEqual(expected)
        }
      )
    )
  })

  it('stops at the limit; no run gives nothing', () => {
    const long = Array.from({ length: 1000 }, (_, i): [number, number] => [i, 0])
    expect(mergeRuns([long, [[5, 1]]], byValue, undefined, 3)).toEqual([
      [0, 0],
      [1, 0],
      [2, 0]
    ])
    expect(mergeRuns([], byValue)).toEqual([])
  })
})
