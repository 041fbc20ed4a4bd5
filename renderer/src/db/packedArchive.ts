import type { SyncedRecords } from './schema'
import { buildKeyIndex, type KeyIndex } from '@shared/domain/customerKeyIndex'

// The packed customer archive as one transaction sees it (packedCustomers.ts keeps the packs): each
// pack's orders built once, when first asked (a pack never changes), and an archive's answers merged
// from them in the table's index orders. Merging sorted runs, not sorting the archive: a join makes a
// new archive every slice, and the customer list on screen asks it again each time.

type StoredCustomer = SyncedRecords['customers']
type IndexedField = 'phone' | '_clerk' | 'tier'

export const compare = (a: unknown, b: unknown): number =>
  (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0
export const byEntry = (a: readonly [string, string], b: readonly [string, string]): number =>
  compare(a[0], b[0]) || compare(a[1], b[1])
export const byId = (a: { id: string }, b: { id: string }): number => compare(a.id, b.id)
export const byName = (a: StoredCustomer, b: StoredCustomer): number => compare(a.name, b.name) || byId(a, b)

export interface PackView {
  id: string
  rows: StoredCustomer[]
  /** its rows' search keys, sorted as the `_keys` index keeps them (key, then id) */
  keys: KeyIndex
  /** built when first asked */
  byName?: StoredCustomer[]
  byField?: Map<IndexedField, Map<string, StoredCustomer[]>>
}

/** A pack as held: its rows frozen, as every read hands out these very objects (a row read from the
 *  table is a fresh copy each time; a caller changing a held one would change every later read). */
export function viewOf(id: string, rows: StoredCustomer[]): PackView {
  for (const row of rows) Object.freeze(row)
  return { id, rows, keys: buildKeyIndex(rows) }
}

/** The pack's rows with a string `name`, by (name, id): the order of the table's `name` index. */
function nameOrder(pack: PackView): StoredCustomer[] {
  return (pack.byName ??= pack.rows.filter((r) => typeof r.name === 'string').sort(byName))
}

/** The pack's rows by the string value of `field`, each group in id order. */
function groups(pack: PackView, field: IndexedField): Map<string, StoredCustomer[]> {
  pack.byField ??= new Map()
  let map = pack.byField.get(field)
  if (map) return map
  map = new Map()
  for (const row of [...pack.rows].sort(byId)) {
    const v = (row as unknown as Record<string, unknown>)[field]
    if (typeof v !== 'string') continue
    const list = map.get(v)
    if (list) list.push(row)
    else map.set(v, [row])
  }
  pack.byField.set(field, map)
  return map
}

/** Sorted runs merged (a binary heap of the runs by their heads): the first `limit` items `keep`
 *  accepts, in `cmp` order. */
export function mergeRuns<T>(
  runs: readonly (readonly T[])[],
  cmp: (a: T, b: T) => number,
  keep: (item: T) => boolean = () => true,
  limit = Infinity
): T[] {
  const live = runs.filter((r) => r.length > 0)
  const at = live.map(() => 0)
  const heap = live.map((_, i) => i)
  const head = (h: number): T => (live[h] as readonly T[])[at[h] as number] as T
  const less = (i: number, j: number) => cmp(head(heap[i] as number), head(heap[j] as number)) < 0
  const down = (from: number) => {
    for (let i = from; ;) {
      const l = 2 * i + 1
      let m = i
      if (l < heap.length && less(l, m)) m = l
      if (l + 1 < heap.length && less(l + 1, m)) m = l + 1
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m] as number, heap[i] as number]
      i = m
    }
  }
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i)
  const out: T[] = []
  while (heap.length > 0 && out.length < limit) {
    const h = heap[0] as number
    const item = head(h)
    if (keep(item)) out.push(item)
    at[h] = (at[h] as number) + 1
    if ((at[h] as number) >= (live[h] as readonly T[]).length) {
      const last = heap.pop() as number
      if (heap.length === 0) break
      heap[0] = last
    }
    down(0)
  }
  return out
}

/** The packed archive as one transaction sees it. */
export class PackedArchive {
  private byIdMap?: Map<string, StoredCustomer>
  private idOrder?: StoredCustomer[]

  constructor(readonly packs: readonly PackView[]) {}

  private get ids(): Map<string, StoredCustomer> {
    if (!this.byIdMap) {
      this.byIdMap = new Map()
      for (const pack of this.packs) for (const row of pack.rows) this.byIdMap.set(row.id, row)
    }
    return this.byIdMap
  }

  /** No pack: every read is the table's alone. */
  get empty(): boolean {
    return this.packs.length === 0
  }

  get(id: string): StoredCustomer | undefined {
    return this.packs.length === 0 ? undefined : this.ids.get(id)
  }

  /** Every packed row, in id order. */
  inIdOrder(): readonly StoredCustomer[] {
    return (this.idOrder ??= [...this.ids.values()].sort(byId))
  }

  /** The first `limit` rows with a string `name` that `keep` accepts, by (name, id): the order of the
   *  table's `name` index. */
  inNameOrder(keep?: (c: StoredCustomer) => boolean, limit?: number): StoredCustomer[] {
    return mergeRuns(this.packs.map(nameOrder), byName, keep, limit)
  }

  /** The rows whose `field` (an indexed string field: phone, _clerk, tier) is `value` that `keep`
   *  accepts, in id order; at most `limit`. */
  withValue(
    field: IndexedField,
    value: string,
    keep?: (c: StoredCustomer) => boolean,
    limit?: number
  ): StoredCustomer[] {
    return mergeRuns(
      this.packs.map((p) => groups(p, field).get(value) ?? []),
      byId,
      keep,
      limit
    )
  }

  /** How many rows have `value` in `field` and pass `keep`. */
  countWithValue(
    field: IndexedField,
    value: string,
    keep: (c: StoredCustomer) => boolean = () => true
  ): number {
    let n = 0
    for (const pack of this.packs) for (const row of groups(pack, field).get(value) ?? []) if (keep(row)) n++
    return n
  }

  /** How many rows with a string `name` pass `keep`. */
  countNamed(keep: (c: StoredCustomer) => boolean): number {
    let n = 0
    for (const pack of this.packs) for (const row of nameOrder(pack)) if (keep(row)) n++
    return n
  }

  /** The distinct values of `field` held by some packed row, sorted. */
  valuesOf(field: IndexedField): string[] {
    const values = new Set<string>()
    for (const pack of this.packs) for (const v of groups(pack, field).keys()) values.add(v)
    return [...values].sort(compare)
  }

  /** The (key, id) entries of the packs from key `from` on while `within(key)` holds, in index order;
   *  at most `limit`. */
  entries(from: string, within: (key: string) => boolean, limit = Infinity): [string, string][] {
    const out: [string, string][] = []
    for (const pack of this.packs) {
      const { keys, ids } = pack.keys
      let taken = 0
      for (let i = lowerBound(keys, from); i < keys.length && taken < limit; i++) {
        const key = keys[i] as string
        if (!within(key)) break
        out.push([key, ids[i] as string])
        taken++
      }
    }
    out.sort(byEntry)
    return out.length > limit ? out.slice(0, limit) : out
  }
}

function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((keys[mid] as string) < key) lo = mid + 1
    else hi = mid
  }
  return lo
}
