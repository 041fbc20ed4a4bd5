import { describe, expect, it } from 'vitest'
import { canCompact, isActivePeer } from '@shared/sync/compaction'

describe('compaction rule', () => {
  const segments = { pcA: [1, 2, 3, 4, 5], pcB: [1, 2, 3] }

  it('deletes only segments a snapshot covers AND every active peer has passed', () => {
    const cursors = {
      pcA: { pcB: 3 },
      pcB: { pcA: 4 },
      pcC: { pcA: 5, pcB: 2 }
    }
    expect(canCompact(segments, cursors, { pcA: 3, pcB: 3 })).toEqual({ pcA: [1, 2, 3], pcB: [1, 2] })
  })

  it('deletes nothing without a snapshot, however far every peer is', () => {
    expect(canCompact(segments, { pcA: { pcB: 3 }, pcB: { pcA: 5 } }, {})).toEqual({})
  })

  it('keeps segments an active peer has not passed, or has not read at all', () => {
    expect(canCompact(segments, { pcA: { pcB: 3 }, pcB: { pcA: 5 }, pcNew: {} }, { pcA: 5, pcB: 3 })).toEqual(
      {}
    )
    expect(canCompact(segments, { pcA: { pcB: 1 }, pcB: { pcA: 2 } }, { pcA: 5, pcB: 3 })).toEqual({
      pcA: [1, 2],
      pcB: [1]
    })
  })

  it('keeps a segment a peer skipped as damaged (a gap in its cursor) for the retry', () => {
    expect(
      canCompact(segments, { pcA: { pcB: 3 }, pcB: { pcA: { upTo: 5, gaps: [2] } } }, { pcA: 5, pcB: 3 })
    ).toEqual({ pcA: [1, 3, 4, 5], pcB: [1, 2, 3] })
  })

  it('a device has passed its own segments', () => {
    expect(canCompact({ pcA: [1, 2] }, { pcA: {} }, { pcA: 2 })).toEqual({ pcA: [1, 2] })
  })

  it('counts a peer as active only when seen recently', () => {
    const day = 24 * 3_600_000
    expect(isActivePeer(0, 29 * day)).toBe(true)
    expect(isActivePeer(0, 31 * day)).toBe(false)
  })
})
