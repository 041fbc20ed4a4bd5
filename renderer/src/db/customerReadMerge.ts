import type { Collection } from 'dexie'
import type { SyncedRecords } from './schema'
import { byEntry, mergeRuns, type PackedArchive } from './packedArchive'

// What customerReads.ts merges a table read and the packed archive's answer with: index entries
// rebuilt from rows read through the `_keys` index, a prefix as Dexie reads it, records of entries.

type StoredCustomer = SyncedRecords['customers']
export type Entry = [string, string]

/** Two runs sorted by `cmp` (a table's read, the archive's answer) merged into one. */
export const mergeSorted = <T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => number): T[] =>
  mergeRuns([a, b], cmp)

/** The `_keys` index entries (key, id) of these rows that `match`, in index order: rows read through
 *  the index (each once per entry) give back the entries they were read by. */
export function rowEntries(rows: readonly StoredCustomer[], match: (key: string) => boolean): Entry[] {
  const out: Entry[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    if (seen.has(row.id)) continue
    seen.add(row.id)
    for (const key of new Set(row._keys ?? [])) if (match(key)) out.push([key, row.id])
  }
  return out.sort(byEntry)
}

/** Index entries walked in key order (keys only). */
export function walkedEntries(collection: Collection<StoredCustomer, string>): Promise<Entry[]> {
  const out: Entry[] = []
  return collection
    .eachKey((key, cursor) => void out.push([key as string, cursor.primaryKey as string]))
    .then(() => out)
}

/** The row or packed customer of each entry (rows first: a customer is in one place). */
export function entryRecords(
  entries: readonly Entry[],
  rows: readonly StoredCustomer[],
  archive: PackedArchive
) {
  const stored = new Map(rows.map((r) => [r.id, r]))
  return entries.flatMap(([, id]) => stored.get(id) ?? archive.get(id) ?? [])
}

/** What Dexie's `startsWith(prefix)` reads: keys from `prefix` up to `prefix` + U+FFFF. */
export function prefixed(prefix: string): (key: string) => boolean {
  const upper = `${prefix}\uffff`
  return (key) => key >= prefix && key <= upper
}
