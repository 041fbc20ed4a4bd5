import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromUtf8, fromUtf8InPieces, utf8 } from '@shared/sync/bytes'

// fromUtf8InPieces decodes a long text a piece at a time with pauses between (a snapshot chunk decoded
// while people work): the same answer as fromUtf8 for any bytes and any piece size.

describe('fromUtf8InPieces', () => {
  it('gives the same text as one decode, however the pieces cut the characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.integer({ min: 1, max: 9 }),
        async (text, piece) => {
          let pauses = 0
          const bytes = utf8(`\uFEFF${text}`)
          const out = await fromUtf8InPieces(bytes, async () => void pauses++, piece)
          expect(out).toBe(fromUtf8(bytes))
          expect(pauses).toBe(bytes.length <= piece ? 0 : Math.ceil(bytes.length / piece) - 1)
        }
      )
    )
  })

  it('refuses what fromUtf8 refuses: bad bytes anywhere, a character cut off at the end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (bytes, piece) => {
          expect(await fromUtf8InPieces(bytes, async () => undefined, piece)).toBe(fromUtf8(bytes))
        }
      )
    )
    const cut = utf8('客服台').subarray(0, 8)
    expect(fromUtf8(cut)).toBeNull()
    expect(await fromUtf8InPieces(cut, async () => undefined, 3)).toBeNull()
  })
})
