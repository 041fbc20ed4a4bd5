import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  compareHlc,
  formatHlc,
  HLC_MAX_COUNTER,
  HlcClock,
  hlcTextSchema,
  isFarAhead,
  isHlcText,
  MAX_FORWARD_SKEW_MS,
  parseHlc,
  skewOf,
  type Hlc
} from '@shared/sync/hlc'

function clockAt(times: number[], node = 'pc-a', last?: Hlc) {
  let i = 0
  return new HlcClock(node, () => times[Math.min(i++, times.length - 1)] as number, last)
}

describe('HLC', () => {
  it('follows the wall clock when it moves forward', () => {
    const clock = clockAt([1000, 2000])
    expect(clock.tick()).toEqual({ ms: 1000, counter: 0, node: 'pc-a' })
    expect(clock.tick()).toEqual({ ms: 2000, counter: 0, node: 'pc-a' })
  })

  it('stays monotonic when the wall clock jumps backwards', () => {
    const clock = clockAt([5000, 4000, 1000, 1000, 6000])
    const stamps = Array.from({ length: 5 }, () => clock.tick())
    for (let i = 1; i < stamps.length; i++)
      expect(compareHlc(stamps[i - 1] as Hlc, stamps[i] as Hlc)).toBe(-1)
    expect(stamps[1]).toEqual({ ms: 5000, counter: 1, node: 'pc-a' })
    expect(stamps[3]).toEqual({ ms: 5000, counter: 3, node: 'pc-a' })
    expect(stamps[4]).toEqual({ ms: 6000, counter: 0, node: 'pc-a' })
  })

  it('continues after the last persisted stamp on restart even if the clock is now earlier', () => {
    const clock = clockAt([100], 'pc-a', { ms: 9000, counter: 7, node: 'pc-a' })
    expect(clock.tick()).toEqual({ ms: 9000, counter: 8, node: 'pc-a' })
  })

  it('never throws when the counter overflows: it borrows the next millisecond', () => {
    const clock = clockAt([50], 'pc-a', { ms: 100, counter: HLC_MAX_COUNTER, node: 'pc-a' })
    expect(clock.tick()).toEqual({ ms: 101, counter: 0, node: 'pc-a' })
  })

  it('orders after a remote stamp from a PC whose clock is ahead', () => {
    const clock = clockAt([1000, 1000, 1000])
    clock.tick()
    const remote = { ms: 90_000, counter: 4, node: 'pc-b' }
    const received = clock.receive(remote)
    expect(compareHlc(received, remote)).toBe(1)
    expect(received).toEqual({ ms: 90_000, counter: 5, node: 'pc-a' })
    expect(compareHlc(clock.tick(), received)).toBe(1)
  })

  it('formats to fixed-width text whose string order equals stamp order', () => {
    const a = { ms: 999, counter: 0xffff, node: 'z' }
    const b = { ms: 1000, counter: 0, node: 'a' }
    expect(formatHlc(a) < formatHlc(b)).toBe(true)
    expect(parseHlc(formatHlc(a))).toEqual(a)
    expect(parseHlc(formatHlc({ ms: 1, counter: 2, node: 'dev-ice_1' }))).toEqual({
      ms: 1,
      counter: 2,
      node: 'dev-ice_1'
    })
    expect(() => parseHlc('garbage')).toThrow()
  })

  it('the text schema share files use accepts exactly what parseHlc reads', () => {
    const stamp = formatHlc({ ms: 1, counter: 2, node: 'pc-a' })
    expect(isHlcText(stamp)).toBe(true)
    expect(hlcTextSchema.safeParse(stamp).success).toBe(true)
    for (const bad of ['garbage', '1-0000-pc', stamp.replace('-0002-', '-00G2-'), stamp.slice(0, 21)]) {
      expect(isHlcText(bad)).toBe(false)
      expect(hlcTextSchema.safeParse(bad).error?.issues[0]?.message).toBe('not an HLC stamp')
    }
  })

  it('breaks ties by device id', () => {
    expect(compareHlc({ ms: 1, counter: 1, node: 'a' }, { ms: 1, counter: 1, node: 'b' })).toBe(-1)
  })

  it('1e6 ticks within one millisecond never throw and stay strictly monotonic (text order too)', () => {
    const clock = clockAt([1000])
    let prev = formatHlc(clock.tick())
    for (let i = 0; i < 1_000_000; i++) {
      const next = formatHlc(clock.tick())
      if (!(next > prev)) throw new Error(`not monotonic at tick ${i}: ${prev} then ${next}`)
      prev = next
    }
    // 65 536 stamps per borrowed millisecond: about 15 ms borrowed.
    expect(parseHlc(prev).ms).toBe(1000 + Math.floor(1_000_000 / (HLC_MAX_COUNTER + 1)))
  })

  it('accepts a remote stamp far in the future (never refuses, never throws) and lets callers flag it', () => {
    const wall = 1_700_000_000_000
    const clock = clockAt([wall, wall, wall])
    const farAhead = { ms: wall + 365 * 24 * 3_600_000, counter: 3, node: 'pc-b' }
    const received = clock.receive(farAhead)
    expect(compareHlc(received, farAhead)).toBe(1)
    expect(compareHlc(clock.tick(), received)).toBe(1)
    expect(skewOf(farAhead, wall)).toBe(365 * 24 * 3_600_000)
    expect(isFarAhead(farAhead, wall)).toBe(true)
    expect(isFarAhead({ ms: wall + MAX_FORWARD_SKEW_MS, counter: 0, node: 'pc-b' }, wall)).toBe(false)
    expect(isFarAhead({ ms: wall + MAX_FORWARD_SKEW_MS + 1, counter: 0, node: 'pc-b' }, wall)).toBe(true)
    expect(MAX_FORWARD_SKEW_MS).toBe(2 * 60 * 1000)
  })

  it('receives a stamp at the largest representable time, and a malformed one, without throwing', () => {
    const clock = clockAt([1000, 1000, 1000, 1000])
    const max = parseHlc(`999999999999999-fffe-pc-b`)
    expect(() => clock.receive(max)).not.toThrow()
    const before = clock.current()
    const after = clock.receive({ ms: Number.NaN, counter: -1, node: 'x' })
    expect(compareHlc(after, before)).toBe(1)
  })
})

describe('isHlcText', () => {
  const accepts = (text: string): boolean => {
    try {
      parseHlc(text)
      return true
    } catch {
      return false
    }
  }
  it('agrees with parseHlc on any text, a stamp seen before included (property)', () => {
    const stampish = fc.oneof(
      fc.string(),
      fc
        .tuple(
          fc.integer({ min: 0, max: 999_999_999_999_999 }),
          fc.integer({ min: 0, max: 0xffff }),
          fc.string()
        )
        .map(([ms, c, node]) => `${String(ms).padStart(15, '0')}-${c.toString(16).padStart(4, '0')}-${node}`)
    )
    fc.assert(
      fc.property(fc.array(stampish, { minLength: 1, maxLength: 6 }), (texts) => {
        // twice over: the second pass meets each text right after its first verdict was kept
        for (const text of [...texts, ...texts]) expect(isHlcText(text)).toBe(accepts(text))
      })
    )
  })
})
