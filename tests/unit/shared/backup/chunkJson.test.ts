import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fromChunkJson, toChunkJson } from '@shared/backup/format'
import { fromBase64, toBase64 } from '@shared/sync/bytes'

// A backup's lines: bytes travel as {"$bytes": base64}. Rows without bytes take JSON's fast path; the
// text must be the same either way, and what is read back the same as what was written.

const reference = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v))

const referenceReviver = (_k: string, v: unknown) => {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const bytes = (v as { $bytes?: unknown }).$bytes
    if (Object.keys(v).length === 1 && typeof bytes === 'string') return fromBase64(bytes) ?? v
  }
  return v
}

const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.uint8Array({ maxLength: 8 }),
    fc.constant('"$bytes"'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constant('$bytes')), tie('value'), { maxKeys: 4 })
  )
})).value

describe('backup chunk JSON', () => {
  it('writes the same text as the format says, with or without bytes, and reads back what was written', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        const text = toChunkJson(value)
        expect(text).toBe(reference(value))
        expect(fromChunkJson(text)).toEqual(JSON.parse(text, referenceReviver))
      }),
      { numRuns: 300 }
    )
  })

  it('bytes at the top and deep in a row come back as bytes; text that only looks like them stays text', () => {
    const rows = [
      { id: 'q1', bytes: new Uint8Array([1, 2, 255]) },
      { id: 'q2', nested: { list: [{ blob: new Uint8Array([7]) }] } },
      { id: 'c1', content: 'says "$bytes" in words', odd: { $bytes: 'AQ==', other: 1 } }
    ]
    const back = fromChunkJson(toChunkJson({ t: 'x', r: rows })) as { r: typeof rows }
    expect(back.r[0]?.bytes).toEqual(new Uint8Array([1, 2, 255]))
    expect(back.r[1]?.nested?.list[0]?.blob).toEqual(new Uint8Array([7]))
    expect(back.r[2]).toEqual(rows[2])
    const plain = { t: 'complaints', r: [{ id: 'c', content: '安装师傅迟到' }] }
    expect(fromChunkJson(toChunkJson(plain))).toEqual(plain)
  })
})
