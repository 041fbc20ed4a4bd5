import type { ChangeInput } from '@shared/sync/segment'
import {
  decodeSegment,
  encodeSegment,
  hashBytes,
  parseSegmentFileName,
  segmentPath
} from '@shared/sync/segment'
import { canonicalJson } from '@shared/sync/json'
import { forPlainShare } from '@shared/sync/plainShare'
import type { DataContext } from '../context'
import type { OutboxEntry } from '../schema'
import { syncProblem, type SyncProblem } from './problems'
import { isShareError, type SharePort } from './sharePort'
import type { StoreAccess } from './storeAccess'

// Publishes this PC's outbox as segments: devices/<me>/segments/seg-<me>-<seq>.seg, seq 1, 2, 3 …,
// each chained to the previous one by prevHash. The cursor (meta 'sync.export') moves only AFTER
// writeNew succeeded, so an entry is never skipped.
//
// Crash window: the process can die after writeNew and before the cursor moved. The next round then
// finds its next seq already on the share (writeNew rejects with 'exists': files are never
// overwritten). It reads that file back: if it holds exactly the first entries it is about to send
// (same order, same content, chained to our last segment) it is our own unrecorded write, and the
// cursor adopts it — no duplicate, no loss. Anything else means another PC writes under our device id
// (a cloned disk image): reported, nothing overwritten, export stops.
//
// Share emptied: when our last published segment is gone from the share, the whole outbox is sent
// again under new seqs (the chain continues from the remembered hash). Peers that already had it merge
// it as a no-op; everyone else gets our history back. So the outbox is never pruned. The first segment
// of the re-send says so (`resendsUpTo`: the vanished seqs it replaces), so a reader missing some of
// those seqs knows it is not lacking anything once it has read on from there.

export const EXPORT_STATE_KEY = 'sync.export'
/** Changes (outbox entries) per segment; a bigger backlog becomes several segments in one round. */
export const SEGMENT_CAP = 5_000

export interface ExportState {
  /** last outbox seq published */
  outboxSeq: number
  /** last own segment seq on the share (0: none) */
  seq: number
  /** hashBytes of that segment: the next one's prevHash */
  hash: string
}

export interface ExportResult {
  sent: number
  segments: number
  problems: SyncProblem[]
}

export async function readExportState(ctx: DataContext): Promise<ExportState> {
  const saved = (await ctx.db.meta.get(EXPORT_STATE_KEY))?.value as ExportState | undefined
  return saved ?? { outboxSeq: 0, seq: 0, hash: '' }
}

/** The wire form: the body is JSON, so values are what JSON makes of them (undefined members vanish). */
function toWire(entry: OutboxEntry): ChangeInput {
  const value: unknown = entry.value === undefined ? null : JSON.parse(JSON.stringify(entry.value))
  return {
    hlc: entry.hlc,
    device: entry.device,
    staffNo: entry.staffNo,
    table: entry.table,
    recordId: entry.recordId,
    field: entry.field,
    value
  }
}

export async function exportOutbox(
  ctx: DataContext,
  share: SharePort,
  store: StoreAccess,
  cap = SEGMENT_CAP
): Promise<ExportResult> {
  const me = ctx.writer.deviceId
  const problems: SyncProblem[] = []
  let state = await readExportState(ctx)
  const own = new Set(
    (await share.list(`devices/${me}/segments`)).flatMap((e) => {
      const parsed = parseSegmentFileName(e.name)
      return parsed?.deviceId === me ? [parsed.seq] : []
    })
  )
  /** set for the first segment of a re-send: it tells readers which vanished seqs it replaces */
  let resendsUpTo: number | undefined
  if (state.seq > 0 && !own.has(state.seq)) {
    resendsUpTo = state.seq
    state = { ...state, outboxSeq: 0 }
    problems.push(
      syncProblem(
        'republished',
        'republished',
        `own segment ${state.seq} is missing from the share; re-sending the outbox`
      )
    )
  }

  let sent = 0
  let segments = 0
  for (;;) {
    const batch = await ctx.db.outbox.where('seq').above(state.outboxSeq).limit(cap).toArray()
    if (batch.length === 0) break
    // An unencrypted share never receives PIN verifiers (shared/sync/plainShare.ts).
    const entries = store.encryption ? batch : batch.filter((e) => forPlainShare(e) !== null)
    const wire = store.encryption ? entries.map(toWire) : entries.map((e) => toWire(forPlainShare(e) ?? e))
    const batchEnd = batch[batch.length - 1]?.seq as number
    if (entries.length === 0) {
      // nothing of this batch may go to this share: move past it without a segment
      state = { ...state, outboxSeq: batchEnd }
      await ctx.db.meta.put({ key: EXPORT_STATE_KEY, value: state })
      continue
    }
    const seq = state.seq + 1
    const path = segmentPath(me, seq)
    let bytes: Uint8Array
    try {
      bytes = await encodeSegment({
        storeId: store.storeId,
        deviceId: me,
        seq,
        prevHash: state.hash,
        schemaVersion: ctx.db.verno,
        createdAt: ctx.now(),
        changes: wire,
        ...(store.encryption ? { encryption: store.encryption } : {}),
        ...(resendsUpTo !== undefined ? { resendsUpTo } : {})
      })
    } catch (error) {
      problems.push(syncProblem('exportFailed', 'exportFailed', String(error)))
      break
    }
    let next: ExportState
    try {
      await share.writeNew(path, bytes)
      next = { outboxSeq: batchEnd, seq, hash: await hashBytes(bytes) }
      sent += entries.length
    } catch (error) {
      if (!isShareError(error, 'exists')) throw error
      const adopted = await adoptOwnWrite(share, path, store, me, state, seq, entries, wire)
      if ('kind' in adopted) {
        problems.push(adopted)
        break
      }
      next = adopted.state
      sent += adopted.count
    }
    await ctx.db.meta.put({ key: EXPORT_STATE_KEY, value: next })
    state = next
    resendsUpTo = undefined
    segments++
  }
  return { sent, segments, problems }
}

/** The file at our next seq: our own write from a round that died before recording it, or a clone's. */
async function adoptOwnWrite(
  share: SharePort,
  path: string,
  store: StoreAccess,
  me: string,
  state: ExportState,
  seq: number,
  entries: readonly OutboxEntry[],
  wire: readonly ChangeInput[]
): Promise<{ state: ExportState; count: number } | SyncProblem> {
  const decoded = await decodeSegment(
    await share.read(path),
    store.encryption ? { key: store.encryption.key } : {}
  )
  if (!decoded.ok)
    return syncProblem('ownSegmentUnreadable', 'ownSegmentUnreadable', `${path}: ${decoded.detail}`, {
      peer: me,
      seq
    })
  const { header, changes, invalid } = decoded
  const count = changes.length
  const ours =
    header.deviceId === me &&
    header.storeId === store.storeId &&
    header.prevHash === state.hash &&
    invalid.length === 0 &&
    count > 0 &&
    count <= wire.length &&
    changes.every((c, i) => canonicalJson(c) === canonicalJson(wire[i]))
  if (!ours)
    return syncProblem('clone', 'clone', `${path} exists and is not this PC's unrecorded write`, {
      peer: me,
      seq
    })
  return { state: { outboxSeq: entries[count - 1]?.seq as number, seq, hash: decoded.fileHash }, count }
}
