import type { ChunkRef, SnapshotEntry } from '@shared/sync/snapshot'
import { withoutWithheld } from '@shared/sync/plainShare'
import { HISTORY_RECORD_TABLES } from '@shared/sync/snapshotHistory'
import type { DataContext } from '../context'
import { complaintDaysBuiltKey, rebuildComplaintDays } from '../complaintDays'
import { rebuildServiceDays, serviceDaysBuiltKey } from '../serviceDays'
import { breathe } from '../breathe'
import { customersLeftIn, HISTORY_KEY } from '../historyLoad'
import type { StoredCustomer } from '../customers'
import { allStoredCustomers } from '../customerReads'
import {
  heldSnapshotRow,
  holdJoiningCustomers,
  joiningCustomersHeld,
  releaseJoiningCustomers
} from '../joiningCustomers'
import { syncProblem, type SyncProblem } from './problems'
import { holdRecords } from './quarantine'
import type { SharePort } from './sharePort'
import type { StoredRow } from './mergeBatch'
import type { StoreAccess } from './storeAccess'
import { newestUsable, readChunk, readManifest, type Loaded } from './snapshotFiles'

// The background half of a usable-first join (issue 18 point 1): what the first pass left as history
// (settled complaints, their timelines, customers held in memory) stored chunk by chunk, in slices
// that let the desk's own writes through, resumable after a crash.

export { HISTORY_KEY }

/** the snapshot this PC started from (set once, when its working set loaded completely) */
export const BOOTSTRAPPED_KEY = 'sync.bootstrappedFrom'

/** What a usable-first bootstrap left for the background (issue 18 point 1): the chunks of `snapshotId`
 *  holding settled complaints or their events, not stored yet; `total` chunks at the start. */
export interface HistoryLoad {
  snapshotId: string
  chunks: number[]
  total: number
  /** history records of chunks[0] already stored (it is stored in slices) */
  offset?: number
  /** the last chunk holding customers this PC held in memory instead of storing (joiningCustomers.ts):
   *  while chunks[0] ≤ this, some customers are not stored yet */
  customersUntil?: number
}

/** History records stored per transaction: every read-write transaction over all tables (any write of
 *  the desk's) waits for the slice being stored, and every read behind it, so a slice is kept to about
 *  a second of IndexedDB's work here (day rows are rebuilt once at the end, so their size does not
 *  matter any more). */
const HISTORY_SLICE = 2_000

/** Tables whose records may be history (settled complaints and their timelines), and customers held in
 *  memory by the first pass (they are stored first). */
const HISTORY_TABLES: ReadonlySet<string> = new Set(['customers', 'complaints', 'events'])

/** The history still loading, or null when everything is stored. */
export async function pendingHistory(ctx: DataContext): Promise<HistoryLoad | null> {
  return ((await ctx.db.meta.get(HISTORY_KEY))?.value as HistoryLoad | undefined) ?? null
}

export interface HistoryResult {
  /** chunks left / chunks at the start; null when no history is loading */
  progress: { done: number; total: number } | null
  problems: SyncProblem[]
}

/**
 * The background part of a usable-first bootstrap: stores the history chunks listed under HISTORY_KEY
 * until `budgetMs` has passed (the loop runs the next round at once while some are left, so a user's
 * writes go out between two slices). Each chunk's complaints and events are stored in ONE transaction
 * with the list's shrinking (Writer.applyHistoryRecords), so a crash resumes at the first chunk not
 * stored, with nothing lost or stored twice. A record already held here (the working set, a user's
 * edit, a peer's change that arrived first) merges per field; only those certainly absent are
 * built directly. If the snapshot is gone or damaged, the newest complete one is loaded whole instead
 * (its records are at least as new; merging makes the overlap a no-op).
 */
export async function loadHistory(
  ctx: DataContext,
  share: SharePort,
  store: StoreAccess,
  {
    budgetMs = 10_000,
    onProgress = () => undefined
  }: { budgetMs?: number; onProgress?: (done: number, total: number) => void } = {}
): Promise<HistoryResult> {
  const result: HistoryResult = { progress: null, problems: [] }
  let history = await pendingHistory(ctx)
  if (!history) return result
  if (history.chunks.length === 0) {
    // every slice stored; the last step (a crash came before it) needs no snapshot
    await finishHistory(ctx)
    return result
  }
  const key = store.encryption ? { key: store.encryption.key } : {}
  const started = ctx.now()
  let manifest = await readManifest(share, history.snapshotId, key)
  const fits = (m: NonNullable<typeof manifest>, h: HistoryLoad): boolean =>
    m.header.storeId === store.storeId && h.chunks.every((i) => i < m.chunks.length)
  if (!manifest || !fits(manifest, history)) {
    const other = await newestUsable(share, store, key)
    if (!other) {
      result.problems.push(
        syncProblem(
          'truncated',
          'snapshotTruncated',
          `snapshot ${history.snapshotId} gone; none to load history from`
        )
      )
      result.progress = { done: history.total - history.chunks.length, total: history.total }
      return result
    }
    history = {
      snapshotId: other.id,
      chunks: other.manifest.chunks.map((_, i) => i),
      total: other.manifest.chunks.length
    }
    manifest = other.manifest
    await ctx.db.meta.put({ key: HISTORY_KEY, value: history })
  }
  const chunks = manifest.chunks
  // The snapshot this PC bootstrapped from had every record validated in the first pass.
  const verified = (await ctx.db.meta.get(BOOTSTRAPPED_KEY))?.value === history.snapshotId
  // (except the chunks marked history: it checked only their hash)
  // It pauses every few hundred records: a search typed meanwhile is answered between two of them.
  const load = (i: number): Promise<Loaded> =>
    readChunk(share, history.snapshotId, chunks, i, key, {
      verified: verified && !chunks[i]?.history,
      pause: breathe
    })
  if (customersLeftIn(history) && !joiningCustomersHeld(ctx.db)) {
    // A restart while customers were still loading: hold them again before anything else.
    const problem = await holdCustomersAgain(ctx, history, load)
    if (problem) {
      result.problems.push(problem)
      result.progress = { done: history.total - history.chunks.length, total: history.total }
      return result
    }
  }
  let left = [...history.chunks]
  let next: Promise<Loaded> | null = left.length > 0 ? load(left[0] as number) : null
  while (next) {
    const loaded = await next
    const index = left[0] as number
    left = left.slice(1)
    const more = left.length > 0 && ctx.now() - started < budgetMs
    next = more ? load(left[0] as number) : null
    next?.catch(() => undefined)
    const problem = loaded.ok
      ? strayInHistory(history.snapshotId, chunks, index, loaded.entries)
      : loaded.problem
    if (problem) {
      // The next round starts over from the newest complete snapshot.
      result.problems.push(problem)
      await ctx.db.meta.put({
        key: HISTORY_KEY,
        value: { snapshotId: '', total: history.total, chunks: [index, ...left] }
      })
      result.progress = { done: history.total - left.length - 1, total: history.total }
      return result
    }
    const entries = (loaded as Extract<Loaded, { ok: true }>).entries
      .filter((e) => HISTORY_TABLES.has(e.t))
      .map((e) => {
        const r = key.key ? e.r : withoutWithheld(e.t, e.r)
        // a held customer is stored as the very row search has been answering from
        const row = e.t === 'customers' ? heldSnapshotRow(ctx.db, history.snapshotId, r.id) : undefined
        return row ? { t: e.t, r, row: row as unknown as StoredRow } : { t: e.t, r }
      })
    // In slices, each with the list's progress (chunk and offset): a short write at a time, so the
    // desk's own reads of complaints wait at most one slice.
    const from = history.chunks[0] === index ? (history.offset ?? 0) : 0
    for (let at = from; at < entries.length || at === from; at += HISTORY_SLICE) {
      const end = Math.min(entries.length, at + HISTORY_SLICE)
      const until = history.customersUntil === undefined ? {} : { customersUntil: history.customersUntil }
      const rest: HistoryLoad =
        end < entries.length
          ? {
              snapshotId: history.snapshotId,
              total: history.total,
              chunks: [index, ...left],
              offset: end,
              ...until
            }
          : { snapshotId: history.snapshotId, total: history.total, chunks: left, ...until }
      const outcome = await ctx.writer.applyHistoryRecords(entries.slice(at, end), HISTORY_KEY, rest)
      await holdRecords(ctx, manifest.header.deviceId, 0, outcome.held)
      if (end >= entries.length) break
    }
    onProgress(history.total - left.length, history.total)
  }
  if (left.length === 0) await finishHistory(ctx)
  result.progress = { done: history.total - left.length, total: history.total }
  return result
}

const HISTORY_TABLE_SET: ReadonlySet<string> = new Set(HISTORY_RECORD_TABLES)

/** A chunk marked history that holds anything else: the first pass did not read it, so such a record
 *  would be lost — the chunk counts as damaged instead (our writer never does this). */
function strayInHistory(
  id: string,
  chunks: readonly ChunkRef[],
  i: number,
  entries: readonly SnapshotEntry[]
): SyncProblem | null {
  const stray = chunks[i]?.history ? entries.find((e) => !HISTORY_TABLE_SET.has(e.t)) : undefined
  if (!stray) return null
  return syncProblem(
    'invalidChange',
    'snapshotInvalid',
    `snapshot ${id} ${chunks[i]?.name}: a chunk marked history holds a ${stray.t} record`
  )
}

/** Once every slice is stored (the list then names no chunk): the day rows the slices left out
 *  (Writer.applyHistoryRecords) rebuilt from the records, in transactions without `meta`; then, in
 *  one, the list removed and the rows marked built. Any rebuild after the last slice is whole, so
 *  a report's own rebuild in between changes nothing; a crash before the end redoes this step. */
async function finishHistory(ctx: DataContext): Promise<void> {
  // every customer is stored: search and reads use the table again
  releaseJoiningCustomers(ctx.db)
  await rebuildComplaintDays(ctx.db)
  await rebuildServiceDays(ctx.db)
  await ctx.db.transaction('rw', ctx.db.meta, async () => {
    await ctx.db.meta.delete(HISTORY_KEY)
    await ctx.db.meta.bulkPut([
      { key: complaintDaysBuiltKey(), value: true },
      { key: serviceDaysBuiltKey(), value: true }
    ])
  })
}

/** After a restart mid-load: the customers stored so far and those of the chunks still listed (not
 *  stored, or stored since by a user's or a peer's write, which the stored row then stands for) held
 *  again, as the first pass held them. Null, or what kept a chunk from being read. */
async function holdCustomersAgain(
  ctx: DataContext,
  history: HistoryLoad,
  load: (i: number) => Promise<Loaded>
): Promise<SyncProblem | null> {
  const storedRows = await allStoredCustomers(ctx.db)
  const stored = new Set(storedRows.map((c) => c.id))
  const rows: StoredCustomer[] = [...storedRows]
  for (const i of history.chunks) {
    if (i > (history.customersUntil as number)) break
    const loaded = await load(i)
    if (!loaded.ok) return loaded.problem
    const records = loaded.entries.filter((e) => e.t === 'customers' && !stored.has(e.r.id)).map((e) => e.r)
    rows.push(...(await ctx.writer.customerRows(records)))
  }
  holdJoiningCustomers(ctx.db, history.snapshotId, rows, stored)
  return null
}
