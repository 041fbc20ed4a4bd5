import { SYNCED_TABLES } from '@shared/sync/change'
import {
  decodeSnapshotManifest,
  encodeSnapshot,
  MANIFEST_FILE,
  type ChunkRef,
  type SnapshotEntry
} from '@shared/sync/snapshot'
import type { StoreKey } from '@shared/sync/crypto'
import { withoutWithheld } from '@shared/sync/plainShare'
import { historyClassifier } from '@shared/sync/snapshotHistory'
import type { DataContext } from '../context'
import { complaintDaysBuiltKey } from '../complaintDays'
import { serviceDaysBuiltKey } from '../serviceDays'
import { HISTORY_KEY } from '../historyLoad'
import { eachPacked } from '../packedHistory'
import { packedArchive } from '../packedCustomers'
import type { StoredCustomer } from '../customers'
import {
  heldSnapshotRow,
  holdJoiningCustomers,
  joiningCustomerUnstored,
  releaseJoiningCustomers
} from '../joiningCustomers'
import { readExportState } from './exportOutbox'
import { snapshotRecords } from './snapshotRecords'
import { BOOTSTRAPPED_KEY, pendingHistory, type HistoryLoad } from './historyLoader'
import { readCursors, saveCursor } from './peerCursor'
import { syncProblem, type SyncProblem } from './problems'
import { holdRecords, releaseFile } from './quarantine'
import type { SharePort } from './sharePort'
import { checkChunkHash, completeSnapshots, readChunk, type Loaded } from './snapshotFiles'
import { isStoreAccess, openStore, type StoreAccess } from './storeAccess'
import type { SyncOptions } from './syncOnce'

// Snapshots (docs/sync-format.md §8): any PC may write the whole store's state so a new PC starts from
// it and replays only the segments after `covers`. Covers are read BEFORE the records: every change of
// a covered segment is then in the records (a record may also hold later changes — replaying those is
// a no-op under the merge rule), so the snapshot never claims more than it holds.

const PAGE = 2_000
export const LAST_SNAPSHOT_KEY = 'sync.lastSnapshotAt'

/** {device: seq} this PC can vouch for: its own published segments, and each peer up to its first gap. */
async function currentCovers(ctx: DataContext): Promise<Record<string, number>> {
  const covers: Record<string, number> = {}
  const own = await readExportState(ctx)
  if (own.seq > 0) covers[ctx.writer.deviceId] = own.seq
  for (const cursor of (await readCursors(ctx)).values()) {
    const upTo = cursor.gaps.length ? Math.min(...cursor.gaps) - 1 : cursor.upTo
    if (upTo > 0) covers[cursor.device] = upTo
  }
  return covers
}

/** Writes a snapshot (chunks, manifest last). Returns its id and record count. `chunkRecords` (records
 *  per chunk, default SNAPSHOT_CHUNK_RECORDS) lets tests make small stores span several chunks. */
export async function writeSnapshot(
  ctx: DataContext,
  share: SharePort,
  store: StoreAccess,
  sizes: { chunkRecords?: number } = {}
): Promise<{ snapshotId: string; records: number }> {
  // Never while history is still loading here: the covers would claim records this PC lacks.
  if (await pendingHistory(ctx)) throw new Error('history still loading: no snapshot from this PC yet')
  const covers = await currentCovers(ctx)
  let records = 0
  let snapshotId = ''
  for await (const file of encodeSnapshot(snapshotRecords(ctx, !store.encryption), {
    storeId: store.storeId,
    deviceId: ctx.writer.deviceId,
    schemaVersion: ctx.db.verno,
    createdAt: ctx.now(),
    covers,
    ...(store.encryption ? { encryption: store.encryption } : {}),
    ...sizes
  })) {
    await share.writeNew(file.path, file.bytes)
    snapshotId = file.path.split('/')[1] ?? snapshotId
  }
  const manifest = await decodeSnapshotManifest(
    await share.read(`snapshots/${snapshotId}/${MANIFEST_FILE}`),
    store.encryption ? { key: store.encryption.key } : {}
  )
  if (manifest.ok) records = manifest.header.recordCount
  await ctx.db.meta.put({ key: LAST_SNAPSHOT_KEY, value: ctx.now() })
  return { snapshotId, records }
}

export interface BootstrapResult {
  snapshotId: string | null
  records: number
  problems: SyncProblem[]
}

/**
 * A PC that has never read any peer starts from the newest readable snapshot: its records are merged
 * (the same rule as changes, so a PC that already has data of its own loses nothing), then each
 * covered device's cursor starts after `covers[device]`. A damaged snapshot is skipped for the next
 * older one; with none usable, the PC simply replays every segment.
 */
export async function bootstrapFromSnapshot(
  ctx: DataContext,
  share: SharePort,
  store: StoreAccess,
  onProgress: (done: number, total: number) => void = () => undefined,
  options: { usableFirst?: boolean } = {}
): Promise<BootstrapResult> {
  const result: BootstrapResult = { snapshotId: null, records: 0, problems: [] }
  // Once only: a PC that has read a peer, or loaded a snapshot (whose covers may be empty, e.g. one
  // written before its writer had published anything), goes on from its cursors.
  if ((await readCursors(ctx)).size > 0 || (await ctx.db.meta.get(BOOTSTRAPPED_KEY))) return result
  const key = store.encryption ? { key: store.encryption.key } : {}
  for (const id of await completeSnapshots(share)) {
    const manifest = await decodeSnapshotManifest(await share.read(`snapshots/${id}/${MANIFEST_FILE}`), key)
    if (!manifest.ok) {
      result.problems.push(
        syncProblem(manifest.problem, manifest.problem, `snapshot ${id}: ${manifest.detail}`)
      )
      continue
    }
    if (manifest.header.storeId !== store.storeId) continue
    const total = manifest.header.recordCount
    onProgress(0, total)
    // Usable first: settled complaints and their timelines are left for the background (loadHistory).
    const usableFirst = options.usableFirst !== false
    const loaded = await loadSnapshot(
      ctx,
      share,
      id,
      manifest.chunks,
      key,
      manifest.header.deviceId,
      (done) => onProgress(done, total),
      usableFirst ? { isHistory: historyClassifier(), holdCustomers: true } : {}
    )
    if (loaded.damaged) {
      // What was merged stays (merging never loses anything); the cursors are not moved, so every
      // segment is still replayed.
      result.problems.push(loaded.damaged)
      continue
    }
    // Search and reads answer from the held customers from now on; those the working set names (open
    // cases, tasks, returns …) are stored now, the rest first thing in the background.
    const customerChunks = new Set<number>()
    if (loaded.held.length > 0) {
      holdJoiningCustomers(ctx.db, id, loaded.held)
      const named = loaded.named.flatMap((cid) => heldSnapshotRow(ctx.db, id, cid) ?? [])
      for (let at = 0; at < named.length; at += PAGE)
        await ctx.writer.storeJoiningCustomers(named.slice(at, at + PAGE))
      for (const [cid, chunk] of loaded.heldIn)
        if (joiningCustomerUnstored(ctx.db, cid)) customerChunks.add(chunk)
      if (customerChunks.size === 0) releaseJoiningCustomers(ctx.db)
    }
    const historyChunks = [...new Set([...loaded.historyChunks, ...customerChunks])].sort((x, y) => x - y)
    const customersUntil = customerChunks.size > 0 ? Math.max(...customerChunks) : undefined
    // Cursors, the bootstrap mark and what history is left: one transaction, so a crash leaves either
    // a bootstrap to redo (merging again is a no-op) or a complete working set with its history list.
    await ctx.db.transaction('rw', ctx.db.syncPeers, ctx.db.meta, async () => {
      for (const [device, seq] of Object.entries(manifest.header.covers)) {
        if (device === ctx.writer.deviceId) continue
        await saveCursor(ctx, { device, upTo: seq, gaps: [] })
      }
      await ctx.db.meta.put({ key: BOOTSTRAPPED_KEY, value: id })
      if (historyChunks.length > 0) {
        const history: HistoryLoad = {
          snapshotId: id,
          chunks: historyChunks,
          total: historyChunks.length,
          ...(customersUntil === undefined ? {} : { customersUntil })
        }
        await ctx.db.meta.put({ key: HISTORY_KEY, value: history })
        // The history's records file no day-row lines as they arrive (Writer.applyHistoryRecords):
        // the rows count as not built until loadHistory rebuilds them at its end.
        await ctx.db.meta.bulkDelete([complaintDaysBuiltKey(), serviceDaysBuiltKey()])
      }
    })
    result.snapshotId = id
    result.records = loaded.applied
    return result
  }
  return result
}

/** Segments this PC needs and the share no longer holds: {device: seqs} */
export type MissingSegments = ReadonlyMap<string, readonly number[]>

export interface FillResult {
  /** what no readable snapshot covers: this PC cannot get it */
  missing: Map<string, number[]>
  /** records merged from snapshots */
  records: number
  /** snapshots that covered something but could not be used */
  problems: SyncProblem[]
}

/**
 * A PC whose cursors need segments that are gone from the share (compacted while it was away more
 * than 30 days, docs/sync-format.md §8.3) takes the newest snapshots that cover them. Merging a whole
 * snapshot is safe whatever this PC already holds (the merge rule makes known records a no-op); once
 * every chunk merged, every device's cursor moves to the snapshot's covers: its gaps up to there are
 * filled (their quarantined copies released) and upTo is at least covers[device]. A damaged snapshot
 * moves nothing and the next older one is tried. What no snapshot covers is returned.
 */
export async function fillFromSnapshots(
  ctx: DataContext,
  share: SharePort,
  store: StoreAccess,
  needed: MissingSegments
): Promise<FillResult> {
  const result: FillResult = { missing: new Map(), records: 0, problems: [] }
  for (const [device, seqs] of needed) if (seqs.length > 0) result.missing.set(device, [...seqs])
  if (result.missing.size === 0) return result
  const me = ctx.writer.deviceId
  const key = store.encryption ? { key: store.encryption.key } : {}
  for (const id of await completeSnapshots(share)) {
    if (result.missing.size === 0) break
    const manifest = await decodeSnapshotManifest(await share.read(`snapshots/${id}/${MANIFEST_FILE}`), key)
    if (!manifest.ok || manifest.header.storeId !== store.storeId) continue
    const covers = manifest.header.covers
    const helps = [...result.missing].some(([device, seqs]) => seqs.some((s) => s <= (covers[device] ?? 0)))
    if (!helps) continue
    const loaded = await loadSnapshot(
      ctx,
      share,
      id,
      manifest.chunks,
      key,
      manifest.header.deviceId,
      () => {}
    )
    if (loaded.damaged) {
      result.problems.push(loaded.damaged)
      continue
    }
    result.records += loaded.applied
    const cursors = await readCursors(ctx)
    for (const [device, upTo] of Object.entries(covers)) {
      if (device === me) continue
      const cursor = cursors.get(device) ?? { device, upTo: 0, gaps: [] }
      const filled = cursor.gaps.filter((g) => g <= upTo)
      if (filled.length === 0 && cursor.upTo >= upTo) continue
      const next = { ...cursor, gaps: cursor.gaps.filter((g) => g > upTo) }
      if (upTo > cursor.upTo) {
        next.upTo = upTo
        delete next.prev // the chain check resumes with the next segment read
      }
      await saveCursor(ctx, next)
      for (const seq of filled) await releaseFile(ctx, device, seq)
    }
    for (const [device, seqs] of result.missing) {
      const left = seqs.filter((s) => s > (covers[device] ?? 0))
      if (left.length > 0) result.missing.set(device, left)
      else result.missing.delete(device)
    }
  }
  return result
}

/** Merges every chunk of one snapshot. Reading and checking the next chunk overlaps with storing
 *  this one (IndexedDB does its writing in another process), and records the PC does not hold yet are
 *  written without first being looked up: on a new PC that is every record, and the lookups alone
 *  would cost seconds. */
async function loadSnapshot(
  ctx: DataContext,
  share: SharePort,
  id: string,
  chunks: readonly ChunkRef[],
  key: { key?: StoreKey },
  writer: string,
  onProgress: (done: number) => void,
  {
    isHistory,
    holdCustomers = false
  }: {
    /** records left for the background (loadHistory) */
    isHistory?: (entry: SnapshotEntry) => boolean
    /** customers not stored here yet are held in memory (`held`) and left for the background too */
    holdCustomers?: boolean
  } = {}
): Promise<LoadedSnapshot> {
  // A chunk marked history is left whole for the background: before the PC is usable only its hash is
  // checked (a damaged file refuses the snapshot as before); its records are checked when stored.
  const historyOnly = (i: number): boolean => isHistory !== undefined && chunks[i]?.history === true
  const load = async (i: number): Promise<Loaded> => {
    if (!historyOnly(i)) return readChunk(share, id, chunks, i, key)
    const problem = await checkChunkHash(share, id, chunks, i)
    return problem ? { ok: false, problem } : { ok: true, entries: [] }
  }
  const stored = await storedIds(ctx)
  const knownAbsent = (table: string, recordId: string): boolean => !stored.has(`${table}\u0000${recordId}`)
  const out: LoadedSnapshot = {
    applied: 0,
    damaged: null,
    historyChunks: [],
    held: [],
    heldIn: new Map(),
    named: []
  }
  const named = new Set<string>()
  let next: Promise<Loaded> | null = chunks.length > 0 ? load(0) : null
  for (let i = 0; next; i++) {
    const loaded = await next
    next = i + 1 < chunks.length ? load(i + 1) : null
    // A rejected read-ahead would otherwise be reported as unhandled while this chunk is stored.
    next?.catch(() => undefined)
    if (!loaded.ok) return { ...out, damaged: loaded.problem }
    if (historyOnly(i)) {
      out.historyChunks.push(i)
      continue
    }
    // nor does it set them: a plain share authenticates nothing (shared/sync/plainShare.ts)
    const all = key.key ? loaded.entries : loaded.entries.map((e) => ({ ...e, r: withoutWithheld(e.t, e.r) }))
    const held = (e: SnapshotEntry): boolean =>
      holdCustomers && e.t === 'customers' && knownAbsent(e.t, e.r.id)
    const toHold = all.filter(held)
    if (toHold.length > 0) {
      out.held.push(...(await ctx.writer.customerRows(toHold.map((e) => e.r))))
      for (const e of toHold) out.heldIn.set(e.r.id, i)
    }
    const entries = all.filter((e) => !held(e) && !isHistory?.(e))
    if (entries.length + toHold.length < all.length) out.historyChunks.push(i)
    const outcome = await ctx.writer.applySnapshotRecords(entries, knownAbsent)
    // A record another one's unique value already holds here (the same 工号 set up on both PCs) is
    // kept aside and retried each round, as with segments.
    await holdRecords(ctx, writer, 0, outcome.held)
    for (const e of entries) {
      stored.add(`${e.t}\u0000${e.r.id}`)
      if (holdCustomers && typeof e.r.customerId === 'string') named.add(e.r.customerId)
    }
    out.applied += entries.length + toHold.length
    onProgress(out.applied)
  }
  out.named = [...named]
  return out
}

interface LoadedSnapshot {
  /** records stored or held */
  applied: number
  damaged: SyncProblem | null
  /** chunks holding history records (isHistory) */
  historyChunks: number[]
  /** customers held instead of stored (holdCustomers), as they will be stored */
  held: StoredCustomer[]
  /** the chunk each held customer came from */
  heldIn: Map<string, number>
  /** customer ids the stored records name (customerId) */
  named: string[]
}

/** table + id of every synced record this PC holds (few on a new PC), packed customers, complaints
 *  and their events too: a record said absent is written without being looked up, and one held in a pack must be
 *  merged into it instead (the merge moves it back to a row first), never stored a second time. */
async function storedIds(ctx: DataContext): Promise<Set<string>> {
  const ids = new Set<string>()
  for (const table of SYNCED_TABLES)
    for (const id of await ctx.db.table(table).toCollection().primaryKeys())
      ids.add(`${table}\u0000${String(id)}`)
  for (const c of (await packedArchive(ctx.db)).inIdOrder()) ids.add(`customers\u0000${c.id}`)
  await eachPacked(ctx.db, (row, events) => {
    ids.add(`complaints\u0000${row.id}`)
    for (const e of events) ids.add(`events\u0000${e.id}`)
  })
  return ids
}

/** A snapshot now, for the app's loop (it opens the store itself); null when the store refused. */
export async function snapshotNow(
  ctx: DataContext,
  share: SharePort,
  options: SyncOptions = {}
): Promise<{ snapshotId: string; records: number } | null> {
  const store = await openStore(ctx.db, share, ctx.now(), options.encryption)
  if (!isStoreAccess(store)) return null
  return writeSnapshot(ctx, share, store)
}

/** A day: how old the newest snapshot on the share may get before a PC writes a new one. */
export const SNAPSHOT_EVERY_MS = 24 * 3_600_000

/** Whether the share's newest complete snapshot (by anyone) is older than `maxAgeMs` (or missing). */
export async function snapshotDue(
  ctx: DataContext,
  share: SharePort,
  maxAgeMs = SNAPSHOT_EVERY_MS
): Promise<boolean> {
  const newest = (await completeSnapshots(share))[0]
  if (!newest) return true
  return ctx.now() - Number(newest.slice(0, 15)) > maxAgeMs
}
