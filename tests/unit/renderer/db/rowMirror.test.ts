import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ROWS_GONE, RowMirror } from '@/db/rowMirror'

// A report's rows cross to the worker once: afterwards a row whose text the worker holds crosses as
// null. Whatever the sequence of inputs, the worker must end with exactly the texts read.

const row = fc.record({
  key: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5#4.1'),
  text: fc.constantFrom('a', 'b', 'c')
})

describe('RowMirror', () => {
  it('the receiving side gets back every input exactly, while unchanged rows cross as null', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(row, { selector: (r) => r.key, maxLength: 5 }), { maxLength: 12 }),
        (inputs) => {
          const ui = new RowMirror()
          const worker = new RowMirror()
          for (const input of inputs) {
            const keys = input.map((r) => r.key)
            const texts = input.map((r) => r.text)
            const wire = ui.encode(keys, texts)
            expect(worker.decode(keys, wire)).toEqual(texts)
          }
        }
      ),
      { numRuns: 300, seed: 20261206 }
    )
  })

  it('sends a text once; the same text again is null, a changed one crosses', () => {
    const ui = new RowMirror()
    expect(ui.encode(['d1', 'd2'], ['a', 'b'])).toEqual(['a', 'b'])
    expect(ui.encode(['d1', 'd2'], ['a', 'c'])).toEqual([null, 'c'])
    // kept for two inputs: d2 was not in the last one, but in the one before
    expect(ui.encode(['d1'], ['a'])).toEqual([null])
    expect(ui.encode(['d2'], ['c'])).toEqual([null])
    // three inputs later it is forgotten and crosses whole
    ui.encode(['d1'], ['a'])
    ui.encode(['d1'], ['a'])
    expect(ui.encode(['d2'], ['c'])).toEqual(['c'])
  })

  it('a receiver that lacks a row says so, keeping what it had; after a reset the sender sends whole', () => {
    const ui = new RowMirror()
    const worker = new RowMirror()
    expect(worker.decode(['d1'], ui.encode(['d1'], ['a']))).toEqual(['a'])
    const restarted = new RowMirror()
    expect(() => restarted.decode(['d1'], ui.encode(['d1'], ['a']))).toThrow(ROWS_GONE)
    ui.reset()
    expect(restarted.decode(['d1'], ui.encode(['d1'], ['a']))).toEqual(['a'])
  })
})
