import { z } from 'zod'

// Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so stamps
// stay monotonic when a PC's clock jumps backwards and order causally across PCs with skew.

export interface Hlc {
  /** milliseconds since epoch (the larger of wall time and any time seen) */
  ms: number
  /** logical counter within one millisecond */
  counter: number
  /** device id; breaks ties so two PCs never produce equal stamps */
  node: string
}

/** Counter fits in 4 hex digits; past that we borrow the next millisecond instead of throwing. */
export const HLC_MAX_COUNTER = 0xffff
const MS_WIDTH = 15
/** Largest ms that still formats to 15 digits (year ~33658): stamps beyond it would break string order. */
export const HLC_MAX_MS = 10 ** MS_WIDTH - 1

/** A remote stamp this far ahead of our wall clock is accepted (HLC must follow it to stay causal)
 *  but flagged, so the sync page can say which PC's clock looks wrong (issue 6: warn beyond 2 minutes). */
export const MAX_FORWARD_SKEW_MS = 2 * 60 * 1000

/** How far `remote` is ahead of `wallMs` (negative: behind). Callers flag when > MAX_FORWARD_SKEW_MS. */
export function skewOf(remote: Hlc, wallMs: number): number {
  return remote.ms - wallMs
}

export function isFarAhead(remote: Hlc, wallMs: number): boolean {
  return skewOf(remote, wallMs) > MAX_FORWARD_SKEW_MS
}

/** A remote stamp we can fold in: integer ms within the 15-digit range and a 4-hex-digit counter. */
function usable(h: Hlc): boolean {
  return (
    Number.isSafeInteger(h.ms) &&
    h.ms >= 0 &&
    h.ms <= HLC_MAX_MS &&
    Number.isInteger(h.counter) &&
    h.counter >= 0 &&
    h.counter <= HLC_MAX_COUNTER
  )
}

/** Fixed-width text form, so plain string comparison orders stamps correctly. */
export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(MS_WIDTH, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`
}

export function parseHlc(text: string): Hlc {
  const match = /^(\d{15})-([0-9a-f]{4})-(.+)$/.exec(text)
  if (!match) throw new Error(`not an HLC stamp: ${text}`)
  return { ms: Number(match[1]), counter: parseInt(match[2] as string, 16), node: match[3] as string }
}

const HLC_TEXT = /^\d{15}-[0-9a-f]{4}-.+$/
/** the last stamp found good: a record's fields mostly share one stamp, and a join checks ~5 M */
let lastHlcText = ''

/** Whether `text` is a stamp in the fixed-width text form (parseHlc accepts it); without building it. */
export function isHlcText(text: string): boolean {
  if (text === lastHlcText) return true
  if (!HLC_TEXT.test(text)) return false
  lastHlcText = text
  return true
}

/** A stamp as share files carry it (segment headers, snapshot clocks and stamps). */
export const hlcTextSchema = z.string().refine(isHlcText, 'not an HLC stamp')

export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0
}

/** Next stamp after `prev`, never moving backwards even if `wallMs` did. */
function advance(prevMs: number, prevCounter: number, wallMs: number): { ms: number; counter: number } {
  if (wallMs > prevMs) return { ms: wallMs, counter: 0 }
  if (prevCounter >= HLC_MAX_COUNTER) return { ms: prevMs + 1, counter: 0 }
  return { ms: prevMs, counter: prevCounter + 1 }
}

export class HlcClock {
  private last: Hlc

  constructor(
    readonly node: string,
    private readonly wallClock: () => number,
    last?: Hlc
  ) {
    this.last = last ? { ...last, node } : { ms: 0, counter: 0, node }
  }

  /** Stamp for a local event. */
  tick(): Hlc {
    const next = advance(this.last.ms, this.last.counter, this.wallClock())
    this.last = { ...next, node: this.node }
    return this.last
  }

  /** Fold in a stamp seen from another PC so our next stamps order after it. Never refuses and never
   *  throws: a stamp far in the future is followed (check skewOf/isFarAhead to flag it); a malformed
   *  one (not from parseHlc) cannot be ordered, so it counts as a local tick. */
  receive(remote: Hlc): Hlc {
    if (!usable(remote)) return this.tick()
    const wall = this.wallClock()
    const top = Math.max(this.last.ms, remote.ms)
    let next: { ms: number; counter: number }
    if (wall > top) next = { ms: wall, counter: 0 }
    else if (this.last.ms === remote.ms) next = advance(top, Math.max(this.last.counter, remote.counter), top)
    else if (top === this.last.ms) next = advance(top, this.last.counter, top)
    else next = advance(top, remote.counter, top)
    this.last = { ...next, node: this.node }
    return this.last
  }

  current(): Hlc {
    return this.last
  }
}
