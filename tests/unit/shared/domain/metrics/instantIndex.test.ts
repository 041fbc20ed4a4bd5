import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { instantIndex } from '@shared/domain/metrics/instantIndex'

// 总览 takes each range's records from an index of their instants (report.ts instantIndex): it must
// give exactly the records with an instant in the range, each once, in their given order.

const T0 = Date.UTC(2026, 0, 1)
const instant = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: T0 - 400 * 86_400_000, max: T0 + 400 * 86_400_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, NaN) }
)

describe('instantIndex', () => {
  it('equals the plain filter for any records and ranges (edges, several instants, none)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(instant, { maxLength: 5 }), { maxLength: 60 }),
        fc.array(fc.tuple(instant, fc.integer({ min: 0, max: 90 * 86_400_000 })), {
          minLength: 1,
          maxLength: 8
        }),
        (records, ranges) => {
          const index = instantIndex(records, (r) => r)
          for (const [from, length] of ranges) {
            const start = Number.isFinite(from) ? from : T0
            // ranges that start or end exactly on an instant, and empty ones
            for (const range of [
              { start, end: start + length },
              { start: records[0]?.[0] ?? start, end: (records[0]?.[0] ?? start) + length }
            ]) {
              if (!Number.isFinite(range.start)) continue
              const expected = records.filter((r) => r.some((t) => t >= range.start && t < range.end))
              expect(index(range)).toEqual(expected)
            }
          }
        }
      ),
      { numRuns: 300, seed: 20261206 }
    )
  })

  it('a record with two instants in the range comes once; an instant at the end does not count', () => {
    const a = [T0, T0 + 10]
    const b = [T0 + 20]
    const index = instantIndex([a, b], (r) => r)
    expect(index({ start: T0, end: T0 + 20 })).toEqual([a])
    expect(index({ start: T0, end: T0 + 21 })).toEqual([a, b])
    expect(index({ start: T0 + 11, end: T0 + 20 })).toEqual([])
  })
})
