import type { Range } from './period'

/** The records with an instant in a range, each once and in their given order, for any number of
 *  ranges: the instants are grouped once by hour (a counting sort into typed arrays), so a range reads
 *  only the hours it covers. */
export function instantIndex<T>(records: readonly T[], instantsOf: (r: T) => readonly number[]) {
  const lists = records.map(instantsOf)
  let min = Infinity
  let max = -Infinity
  for (const list of lists)
    for (const t of list)
      if (Number.isFinite(t)) {
        if (t < min) min = t
        if (t > max) max = t
      }
  // an hour per bucket, or coarser if the instants span more than ~30 years
  const width = Math.max(3_600_000, Math.ceil((max - min + 1) / 262_144))
  const first = Number.isFinite(min) ? Math.floor(min / width) : 0
  const buckets = Number.isFinite(min) ? Math.floor(max / width) - first + 1 : 0
  const start = new Uint32Array(buckets + 1)
  for (const list of lists)
    for (const t of list) {
      if (!Number.isFinite(t)) continue
      const b = Math.floor(t / width) - first + 1
      start[b] = (start[b] as number) + 1
    }
  for (let b = 0; b < buckets; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number)
  const fill = start.slice(0, buckets)
  const times = new Float64Array(start[buckets] ?? 0)
  const owners = new Uint32Array(times.length)
  lists.forEach((list, i) => {
    for (const t of list)
      if (Number.isFinite(t)) {
        const b = Math.floor(t / width) - first
        const k = fill[b] as number
        fill[b] = k + 1
        times[k] = t
        owners[k] = i
      }
  })
  const seen = new Int32Array(records.length).fill(-1)
  let serial = 0
  const bucketOf = (t: number) => Math.floor(t / width) - first
  return (range: Range): T[] => {
    const mark = serial++
    const found: number[] = []
    const from = start[Math.min(buckets, Math.max(0, bucketOf(range.start)))] as number
    const end = start[Math.min(buckets, Math.max(0, bucketOf(range.end - 1) + 1))] as number
    for (let k = from; k < end; k++) {
      const t = times[k] as number
      const i = owners[k] as number
      if (t < range.start || t >= range.end || seen[i] === mark) continue
      seen[i] = mark
      found.push(i)
    }
    const order = Uint32Array.from(found).sort()
    const out: T[] = new Array(order.length)
    for (let k = 0; k < order.length; k++) out[k] = records[order[k] as number] as T
    return out
  }
}
