import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { quickSnapshotEntry, snapshotEntrySchema } from '@shared/sync/snapshot'
import { hlc } from './fixtures'

// A join validates every record of the store; quickSnapshotEntry is the fast path of that check. It
// may leave a record to the schema, but must never accept one the schema refuses, nor return other data.

const valid = {
  t: 'customers',
  r: {
    id: 'c1',
    name: '王芳',
    phones: ['13800000001'],
    address: { city: '杭州', lines: ['1', null] },
    _clock: { name: hlc(1000), phones: hlc(1001), _deleted: hlc(1002) },
    _deleted: 1,
    _created: { hlc: hlc(1000), device: 'pcA', staffNo: '1001' },
    _updated: { hlc: hlc(1002), device: 'pcA', staffNo: '' }
  }
}

/** Values a broken or hostile writer could put anywhere in a line. */
const odd = fc.oneof(
  fc.constantFrom(
    null,
    0,
    1,
    2,
    '',
    'x',
    'id',
    '_keys',
    '__proto__',
    'constructor',
    '*',
    hlc(5),
    'not-an-hlc',
    'a'.repeat(201),
    [],
    {},
    true
  ),
  fc.jsonValue({ maxDepth: 3 })
)

/** `valid` with one to three things changed: a key set to an odd value, removed, or added. */
const mutated = fc
  .array(
    fc.tuple(
      fc.constantFrom('entry', 'r', 'clock', 'created', 'updated', 'address'),
      fc.oneof(
        fc.constantFrom('t', 'r', 'id', '_clock', '_deleted', '_created', '_updated', 'hlc', 'device'),
        fc.constantFrom('staffNo', 'name', '_keys', '__proto__', 'constructor', 'prototype', '*', ''),
        fc.string({ maxLength: 4 })
      ),
      fc.option(odd, { nil: undefined })
    ),
    { minLength: 1, maxLength: 3 }
  )
  .map((edits) => {
    const v = JSON.parse(JSON.stringify(valid)) as Record<string, Record<string, Record<string, unknown>>>
    for (const [where, key, value] of edits) {
      const target =
        where === 'entry'
          ? v
          : where === 'r'
            ? v.r
            : where === 'clock'
              ? v.r?._clock
              : where === 'created'
                ? v.r?._created
                : where === 'updated'
                  ? v.r?._updated
                  : v.r?.address
      if (typeof target !== 'object' || target === null) continue
      const t = target as Record<string, unknown>
      if (value === undefined) delete t[key]
      // as JSON.parse would make it: an own property, even "__proto__"
      else Object.defineProperty(t, key, { value, enumerable: true, configurable: true, writable: true })
    }
    // what a line of the file holds: parsed JSON
    return JSON.parse(JSON.stringify(v)) as unknown
  })

describe('quickSnapshotEntry', () => {
  it('accepts a well-formed record, with the very data the schema gives', () => {
    const quick = quickSnapshotEntry(valid)
    expect(quick).not.toBeNull()
    expect(quick).toEqual(snapshotEntrySchema.parse(valid))
  })

  it('never accepts what the schema refuses, and gives the same data (property)', () => {
    fc.assert(
      fc.property(mutated, (v) => {
        const quick = quickSnapshotEntry(v)
        if (quick === null) return
        const parsed = snapshotEntrySchema.safeParse(v)
        expect(parsed.success).toBe(true)
        expect(quick).toEqual(parsed.data)
      }),
      { numRuns: 3_000 }
    )
  })
})
