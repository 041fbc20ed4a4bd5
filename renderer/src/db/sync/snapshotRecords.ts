import { SYNCED_TABLES } from '@shared/sync/change'
import { toSnapshotRecord, type SnapshotEntry, type SnapshotInput } from '@shared/sync/snapshot'
import { withoutWithheld } from '@shared/sync/plainShare'
import { historyClassifier } from '@shared/sync/snapshotHistory'
import type { DataContext } from '../context'
import { complaintRowsReceivedIn, complaintsByIds, nthRowReceivedAfter } from '../complaintReads'
import { eachPacked, packedByIds } from '../packedHistory'
import { eventsBySubject } from '../timelineReads'
import { CUSTOMER_STORES } from '../customerReads'
import { packedArchive } from '../packedCustomers'

// What a snapshot lists, and in what order (docs/sync-format.md §8.1): the working set table by table,
// then the history in the order received. Read page by page, so memory stays one page.

const PAGE = 2_000

/**
 * Every synced record, paged out of IndexedDB so memory stays one page: first the working set, table
 * by table by primary key, then history (settled complaints, each followed by its events) marked as
 * such, so a joining PC can be usable before it has read the history (docs/sync-format.md §8.1).
 * Complaints a join stored in packs (packedHistory.ts) are listed exactly as rows would be. The
 * history pass takes exactly the complaints the first pass saw settled, as they are by then (a
 * complaint settled between the passes was written in the first and is not written again), in
 * `receivedAt` order: a joining PC then packs complaints of neighbouring dates together.
 */
export async function* snapshotRecords(ctx: DataContext, plain: boolean): AsyncGenerator<SnapshotInput> {
  const isHistory = historyClassifier()
  const toEntry = (table: string, record: Record<string, unknown>): SnapshotEntry => {
    const r = toSnapshotRecord(record)
    // an unencrypted share never receives PIN verifiers (shared/sync/plainShare.ts)
    return { t: table, r: plain ? withoutWithheld(table, r) : r } as SnapshotEntry
  }
  let packed: PackedKey[] = []
  for (const table of SYNCED_TABLES) {
    for await (const record of pages(ctx, table)) {
      const entry = toEntry(table, record)
      if (!isHistory(entry)) yield entry
    }
    if (table !== 'complaints') continue
    // Packed complaints, classified like rows before any event is (only settled ones are packed, so
    // `unsettled` stays empty; were one not, it and its packed events are working set like a row).
    const unsettled: SnapshotEntry[] = []
    const keys: PackedKey[] = []
    await eachPacked(ctx.db, (row, events) => {
      if (!listable(asRow(row))) return
      const entry = toEntry('complaints', asRow(row))
      if (!isHistory(entry)) {
        unsettled.push(
          entry,
          ...events
            .map(asRow)
            .filter(listable)
            .map((e) => toEntry('events', e))
        )
        return
      }
      const at = row.receivedAt
      keys.push({ at: typeof at === 'number' && Number.isFinite(at) ? at : Number.NaN, id: row.id })
    })
    yield* unsettled
    packed = keys.sort(byReceived)
  }
  yield* history(ctx, isHistory.settled, packed, toEntry)
}

/** A packed complaint's place in the history's order (its body is read again when listed). */
interface PackedKey {
  at: number
  id: string
}

const byReceived = (a: PackedKey, b: PackedKey): number =>
  (Number.isNaN(a.at) ? 1 : 0) - (Number.isNaN(b.at) ? 1 : 0) ||
  a.at - b.at ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Records known only from a partial change set (uniqueClash held ones never reach the table) have no
 *  `_clock` and are left out. */
const listable = (record: Record<string, unknown>): boolean =>
  Boolean(record._clock) && typeof record.id === 'string'

/**
 * The history: the `settled` complaints (rows and packed), each followed by its events, in
 * `receivedAt` order (then id). A page is a span of receivedAt holding about PAGE rows and PAGE packed
 * complaints (`packed`, sorted by byReceived), read in one transaction: its rows through the
 * receivedAt index, its packed complaints from their packs, and all their events at once. Each
 * complaint is listed once; any the pages did not meet (moved between a pack and a row meanwhile, no
 * receivedAt) follow at the end.
 */
async function* history(
  ctx: DataContext,
  settled: ReadonlySet<string>,
  packed: readonly PackedKey[],
  toEntry: (table: string, record: Record<string, unknown>) => SnapshotEntry
): AsyncGenerator<SnapshotInput> {
  const left = new Set(settled)
  if (left.size === 0) return
  const db = ctx.db
  const listed = function* (
    complaints: readonly Record<string, unknown>[],
    events: ReadonlyMap<string, readonly unknown[]>
  ): Generator<SnapshotInput> {
    for (const c of complaints) {
      const id = c.id as string
      if (!left.delete(id) || !listable(c)) continue
      yield { ...toEntry('complaints', c), history: true }
      for (const e of (events.get(id) ?? []).map(asRow))
        if (listable(e)) yield { ...toEntry('events', e), history: true }
    }
  }
  const timed = packed.filter((k) => !Number.isNaN(k.at))
  let after = -Infinity
  let next = 0
  while (next < timed.length || (await nthRowReceivedAfter(db, after, 1)) !== undefined) {
    const rowsUpTo = (await nthRowReceivedAfter(db, after, PAGE)) ?? Infinity
    const packedUpTo = timed[next + PAGE - 1]?.at ?? Infinity
    const upTo = Math.min(rowsUpTo, packedUpTo)
    let end = next
    while (end < timed.length && (timed[end] as PackedKey).at <= upTo) end++
    const ids = timed.slice(next, end).map((k) => k.id)
    const page = await db.transaction('r', ['complaints', 'events', 'complaintPacks'], async () => {
      const rows = (await complaintRowsReceivedIn(db, after, upTo)).filter((r) => settled.has(r.id))
      const inPacks = await packedByIds(db, ids)
      const complaints = [...rows, ...[...inPacks.values()].map((c) => c.row)] as Record<string, unknown>[]
      const events = await eventsBySubject(
        db,
        complaints.map((c) => c.id as string),
        inPacks
      )
      return { complaints: complaints.sort((a, b) => byReceived(keyOf(a), keyOf(b))), events }
    })
    yield* listed(page.complaints, page.events)
    after = upTo
    next = end
    if (upTo === Infinity) break
  }
  // Whatever no page met, by id.
  const rest = [...left]
  for (let at = 0; at < rest.length; at += PAGE) {
    const ids = rest.slice(at, at + PAGE)
    const page = await db.transaction('r', ['complaints', 'events', 'complaintPacks'], async () => {
      const complaints = (await complaintsByIds(db, ids)).flatMap((c) => (c ? [asRow(c)] : []))
      return { complaints, events: await eventsBySubject(db, ids) }
    })
    yield* listed(page.complaints, page.events)
  }
}

const asRow = (c: unknown) => c as Record<string, unknown>
const keyOf = (c: Record<string, unknown>): PackedKey => ({
  at: typeof c.receivedAt === 'number' ? c.receivedAt : Number.NaN,
  id: c.id as string
})

/** A table's rows by primary key, a page at a time (listable ones only). Customers a join stored in
 *  packs (packedCustomers.ts) come in their places: each page reads the rows and the packed ones of
 *  the same id range in one transaction, so a customer moved out of its pack meanwhile comes once. */
async function* pages(ctx: DataContext, table: string): AsyncGenerator<Record<string, unknown>> {
  const db = ctx.db
  let after: string | undefined
  for (;;) {
    const query =
      after === undefined ? db.table(table).orderBy(':id') : db.table(table).where(':id').above(after)
    const { page, packed } = await db.transaction(
      'r',
      table === 'customers' ? [...CUSTOMER_STORES] : [table],
      async () => {
        const page = (await query.limit(PAGE).toArray()) as Record<string, unknown>[]
        if (table !== 'customers') return { page, packed: [] }
        const upTo = page.length < PAGE ? undefined : (page[page.length - 1]?.id as string)
        const all = (await packedArchive(db)).inIdOrder()
        return {
          page,
          packed: all.slice(idsAbove(all, after), upTo === undefined ? all.length : idsAbove(all, upTo))
        }
      }
    )
    const records =
      packed.length === 0 ? page : [...page, ...(packed as unknown as Record<string, unknown>[])].sort(byIdOf)
    for (const record of records) if (listable(record)) yield record
    if (page.length < PAGE) break
    after = page[page.length - 1]?.id as string
  }
}

/** The first position in `sorted` (by id) whose id is above `id` (0 when `id` is undefined). */
function idsAbove(sorted: readonly { id: string }[], id: string | undefined): number {
  if (id === undefined) return 0
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] as { id: string }).id <= id) lo = mid + 1
    else hi = mid
  }
  return lo
}

const byIdOf = (a: Record<string, unknown>, b: Record<string, unknown>): number =>
  (a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0
