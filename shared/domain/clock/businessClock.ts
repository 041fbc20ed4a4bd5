// Business time (design §3.1, issue 16): the time that counts toward a complaint's limits. A clock is
// the list of instants that do NOT count — the case's paused intervals (暂停计时, pauses.ts) and the
// store's closed days (停业日, closedDays.ts) — merged into sorted, disjoint, non-touching half-open
// intervals [from, to). `to` may be Infinity: a pause nobody has resumed yet.
//
// Decisions:
// - Milliseconds, half-open: the instant `from` is not counted, the instant `to` is counted again.
// - countedMs(a, b) is the length of [a, b) minus the excluded parts; 0 when b ≤ a.
// - instantAfterCounted(start, n) is the EARLIEST t ≥ start with countedMs(start, t) = n: when the n-th
//   counted ms ends exactly where a closed day or a pause begins, the deadline is that instant, not the
//   end of the closed day. It inverts countedMs (tested by a property). It is null when the clock
//   never gets there: an open pause (to = Infinity) swallows the rest of time.
// - With nothing excluded (ALWAYS_COUNTING) countedMs is b − a and instantAfterCounted is start + n,
//   so every time rule keeps its plain arithmetic for a case with no pauses in a store with no
//   closed days.

/** A half-open interval [from, to) of epoch ms; `to` may be Infinity. */
export interface Interval {
  from: number
  to: number
}

/** The instants that do not count: sorted, disjoint, non-empty, never touching each other. */
export interface BusinessClock {
  readonly excluded: readonly Interval[]
}

export const ALWAYS_COUNTING: BusinessClock = { excluded: [] }

/** Sorted union of the intervals; empty and reversed ones are dropped, touching ones joined. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from || a.to - b.to)
  const out: Interval[] = []
  for (const i of sorted) {
    const last = out[out.length - 1]
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to)
    else out.push({ from: i.from, to: i.to })
  }
  return out
}

/** The clock that skips every interval of every list given (e.g. a store's closed days and a case's pauses). */
export function businessClock(...parts: readonly (readonly Interval[])[]): BusinessClock {
  const all = parts.flat()
  return all.length === 0 ? ALWAYS_COUNTING : { excluded: mergeIntervals(all) }
}

/** Index of the first excluded interval that ends after `ms` (binary search). */
function firstEndingAfter(clock: BusinessClock, ms: number): number {
  const ex = clock.excluded
  let lo = 0
  let hi = ex.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((ex[mid] as Interval).to > ms) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The excluded interval containing `ms`, if any. */
export function excludedAt(clock: BusinessClock, ms: number): Interval | null {
  const i = clock.excluded[firstEndingAfter(clock, ms)]
  return i && i.from <= ms ? i : null
}

/** Whether the instant `ms` counts. */
export function isCounted(clock: BusinessClock, ms: number): boolean {
  return excludedAt(clock, ms) === null
}

/** Counted ms in [from, to); 0 when to ≤ from. */
export function countedMs(clock: BusinessClock, from: number, to: number): number {
  if (!(to > from)) return 0
  let total = to - from
  const ex = clock.excluded
  for (let k = firstEndingAfter(clock, from); k < ex.length; k++) {
    const i = ex[k] as Interval
    if (i.from >= to) break
    total -= Math.min(to, i.to) - Math.max(from, i.from)
  }
  return total
}

/** The earliest instant t ≥ start with countedMs(start, t) = n (n ≥ 0); null if the clock never gets there. */
export function instantAfterCounted(clock: BusinessClock, start: number, n: number): number | null {
  let t = start
  let remaining = Math.max(0, n)
  if (remaining === 0) return start
  const ex = clock.excluded
  for (let k = firstEndingAfter(clock, start); k < ex.length; k++) {
    const i = ex[k] as Interval
    if (i.from > t) {
      const gap = i.from - t
      if (remaining <= gap) return t + remaining
      remaining -= gap
    }
    if (!Number.isFinite(i.to)) return null
    t = i.to
  }
  return t + remaining
}
