import type { SyncedRecords } from './schema'
import type { PackRange } from './packedHistory'

// The list reads rows in the order of an index on receivedAt and stops after a page. Settled history
// may be in packs instead (issue 18, packedHistory.ts), which that index does not hold: this merges the
// first rows of the range with the packed complaints of the packs that can still place, reading packs
// in the order their ranges allow (newest `dayTo` first, or oldest `day` first) and stopping as soon as
// no unread pack can, so the first page of a store of 1 000 packs reads one or two of them. A module of
// its own because the stopping rule is the subtle part; complaintQueryPacks.test.ts proves the list the
// same with packs as with rows.

type Row = SyncedRecords['complaints']

export type ListSort = 'newest' | 'oldest'

/** The order of the list's index reads (receivedAt, [status+receivedAt] or [category+receivedAt] with
 *  the first part fixed): by receivedAt, equal keys by primary key; newest first reverses both. */
export function listOrder(sort: ListSort | undefined): (a: Row, b: Row) => number {
  const dir = sort === 'oldest' ? 1 : -1
  return (a, b) => dir * (a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export interface PackedSource {
  /** every pack's range (packRanges) */
  ranges: readonly PackRange[]
  /** the complaints of these packs (packedIn) */
  read: (packIds: string[]) => Promise<Row[]>
}

/**
 * The first `need` complaints, in the list's order, of `rows` and of the packed complaints received in
 * [from, to] that `keep` accepts. `rows` must be the first `need` rows of the same range in that order
 * (a row after them has `need` rows before it, so it cannot place either).
 */
export async function firstOfUnion(
  rows: readonly Row[],
  packs: PackedSource,
  opts: { need: number; sort?: ListSort; from: number; to: number; keep: (c: Row) => boolean }
): Promise<Row[]> {
  const { need, from, to, keep } = opts
  const newest = opts.sort !== 'oldest'
  const order = listOrder(opts.sort)
  // Newest first: a pack holds nothing newer than its dayTo, and later packs (smaller dayTo) neither;
  // oldest first: nothing older than its day, nor later packs (larger day).
  const queue = packs.ranges
    .filter((p) => p.dayTo >= from && p.day <= to)
    .sort(newest ? (a, b) => b.dayTo - a.dayTo : (a, b) => a.day - b.day)
  let found = rows.slice(0, need)
  let batch = 1
  for (let at = 0; at < queue.length && need > 0;) {
    const next = queue[at] as PackRange
    const nth = found.length >= need ? (found[need - 1] as Row) : undefined
    // strictly: an equal receivedAt may still place by its id
    if (nth && (newest ? nth.receivedAt > next.dayTo : nth.receivedAt < next.day)) break
    const ids = queue.slice(at, at + batch).map((p) => p.id)
    at += ids.length
    batch = Math.min(batch * 2, 8)
    const packed = (await packs.read(ids)).filter(
      (c) => c.receivedAt >= from && c.receivedAt <= to && keep(c)
    )
    found = [...found, ...packed].sort(order).slice(0, need)
  }
  return found
}
