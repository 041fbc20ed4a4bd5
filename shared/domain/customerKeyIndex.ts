// Customers' search keys (`_keys`) held in memory in the order IndexedDB's multi-entry index keeps
// them: by key, then by id. A prefix read here returns the same ids, in the same order, as
// `where('_keys').startsWith(prefix)` on the table — used while a joining PC has not stored its
// customers yet (renderer/src/db/joiningCustomers.ts).

export interface KeyIndex {
  /** every key of every row, sorted by (key, id) */
  readonly keys: readonly string[]
  /** ids[i] is the row holding keys[i] */
  readonly ids: readonly string[]
}

const byKeyThenId = (a: readonly [string, string], b: readonly [string, string]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0

/** The index of these rows (a row without keys — a tombstone — has no entry). */
export function buildKeyIndex(rows: Iterable<{ id: string; _keys?: readonly string[] }>): KeyIndex {
  const pairs: [string, string][] = []
  for (const row of rows) for (const key of new Set(row._keys ?? [])) pairs.push([key, row.id])
  pairs.sort(byKeyThenId)
  return { keys: pairs.map((p) => p[0]), ids: pairs.map((p) => p[1]) }
}

/** First position whose key is ≥ `key`. */
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

/** Up to `limit` (key, id) entries whose key starts with `prefix` (equals it when `exact`), in index
 *  order, skipping those `keep` refuses. */
export function readPrefix(
  index: KeyIndex,
  prefix: string,
  limit: number,
  { exact = false, keep = () => true }: { exact?: boolean; keep?: (id: string, key: string) => boolean } = {}
): [string, string][] {
  const out: [string, string][] = []
  for (let i = lowerBound(index.keys, prefix); i < index.keys.length && out.length < limit; i++) {
    const key = index.keys[i] as string
    if (exact ? key !== prefix : !key.startsWith(prefix)) break
    const id = index.ids[i] as string
    if (keep(id, key)) out.push([key, id])
  }
  return out
}

/** Two runs of entries (each in index order) merged into one, at most `limit` long. */
export function mergeEntries(
  a: readonly [string, string][],
  b: readonly [string, string][],
  limit: number
): [string, string][] {
  return [...a, ...b].sort(byKeyThenId).slice(0, limit)
}
