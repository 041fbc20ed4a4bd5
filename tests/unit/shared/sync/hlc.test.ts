import { describe, expect, it } from 'vitest'
import { compareHlc, formatHlc, HLC_MAX_COUNTER, HlcClock, parseHlc, type Hlc } from '../../../../shared/sync/hlc'

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
    for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i - 1] as Hlc, stamps[i] as Hlc)).toBe(-1)
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
    expect(parseHlc(formatHlc({ ms: 1, counter: 2, node: 'dev-ice_1' }))).toEqual({ ms: 1, counter: 2, node: 'dev-ice_1' })
    expect(() => parseHlc('garbage')).toThrow()
  })

  it('breaks ties by device id', () => {
    expect(compareHlc({ ms: 1, counter: 1, node: 'a' }, { ms: 1, counter: 1, node: 'b' })).toBe(-1)
  })
})
