import { forPlainShare } from '@shared/sync/plainShare'
import { isFarAhead, parseHlc } from '@shared/sync/hlc'
import { isShareId } from '@shared/sync/ids'
import {
  decodeSegment,
  followsPrevious,
  parseSegmentFileName,
  segmentPath,
  type DecodedSegment
} from '@shared/sync/segment'
import type { DataContext } from '../context'
import { readCursors, saveCursor, type PeerCursor } from './peerCursor'
import { readRetired } from './retired'
import { seqRanges, syncProblem, type SyncProblem } from './problems'
import { holdRecords, quarantineChange, quarantineFile, releaseFile, retryHeldRecords } from './quarantine'
import { isShareError, type SharePort } from './sharePort'
import { fillFromSnapshots } from './snapshots'
import type { StoreAccess } from './storeAccess'

// Reads every OTHER PC's segments after our cursor for it, in seq order, and applies them through
// Writer.applyRemote. Rules (docs/sync-format.md §1, §9):
// - a damaged file is copied aside (quarantine), its seq becomes a gap, later seqs keep syncing; gaps
//   are retried every round and released once they decode;
// - a file we may not read yet (newer format, passphrase) is PENDING: that peer's cursor stops before
//   it, nothing is quarantined, the user is told what to do;
// - a record that would break a unique index (the same 工号 added on two PCs) is held back with its
//   changes and retried at the end of every round; the rest of its segment applies;
// - a missing file is never a delete: a hole below the peer's newest file is a gap (retried), and a
//   peer whose files all vanished leaves its cursor and our data exactly as they were;
// - a gap whose file is gone from the share (compacted while this PC was away > 30 days) is filled
//   from the snapshot that covers it, or reported as lost (segmentsLost) — never silently skipped;
//   the first segment of a peer's re-send (resendsUpTo) fills the gaps it replaces.

export interface ImportResult {
  received: number
  applied: number
  conflicts: number
  problems: SyncProblem[]
}

type SegmentOutcome = { kind: 'applied'; decoded: DecodedSegment } | { kind: 'gap' } | { kind: 'pending' }

export async function importPeers(
  ctx: DataContext,
  share: SharePort,
  store: StoreAccess
): Promise<ImportResult> {
  const me = ctx.writer.deviceId
  const result: ImportResult = { received: 0, applied: 0, conflicts: 0, problems: [] }
  const cursors = await readCursors(ctx)
  // This PC's own chain is read only after a restore (backup.ts puts a cursor for it): the restored
  // data may predate changes this PC itself published, which every other PC has.
  const folders = (await share.list('devices'))
    .map((e) => e.name)
    .filter((name) => isShareId(name) && (name !== me || cursors.has(me)))

  const listings = new Map<string, Map<number, string>>()
  for (const peer of folders.sort()) {
    const files = new Map<number, string>()
    for (const entry of await share.list(`devices/${peer}/segments`)) {
      const parsed = parseSegmentFileName(entry.name)
      if (parsed?.deviceId === peer) files.set(parsed.seq, entry.name)
    }
    if (files.size > 0) listings.set(peer, files)
  }

  // A PC a manager removed (移除电脑) is gone on purpose: its files vanishing is not news.
  const retired = await readRetired(ctx)
  const vanished = [...cursors.values()]
    .filter((c) => c.upTo > 0 && !listings.has(c.device) && !retired.has(c.device))
    .map((c) => c.device)
  if (vanished.length > 0)
    result.problems.push(
      syncProblem(
        'shareEmptied',
        'shareEmptied',
        `segments of ${vanished.join(', ')} are no longer on the share; nothing local was changed`
      )
    )

  /** gaps whose files the share no longer holds, per peer (after this round's reading) */
  const missing = new Map<string, number[]>()
  for (const [peer, files] of listings) {
    const cursor: PeerCursor = cursors.get(peer) ?? { device: peer, upTo: 0, gaps: [] }
    const reader = new PeerReader(ctx, share, store, peer, result)
    for (const gap of [...cursor.gaps]) {
      if (!files.has(gap) || !cursor.gaps.includes(gap)) continue
      const outcome = await reader.read(gap, undefined)
      if (outcome.kind === 'applied') {
        cursor.gaps = cursor.gaps.filter((g) => g !== gap)
        await takeResend(ctx, cursor, outcome.decoded)
        await saveCursor(ctx, cursor)
      }
    }
    const newest = Math.max(...files.keys())
    const start = cursor.upTo
    for (let seq = start + 1; seq <= newest; seq++) {
      const outcome = files.has(seq) ? await reader.read(seq, cursor.prev) : { kind: 'gap' as const }
      if (outcome.kind === 'pending') break
      cursor.upTo = seq
      if (outcome.kind === 'applied') {
        cursor.prev = { header: outcome.decoded.header, fileHash: outcome.decoded.fileHash }
        await takeResend(ctx, cursor, outcome.decoded)
      } else {
        cursor.gaps.push(seq)
        delete cursor.prev
      }
      // Saved after every file read (what was applied is recorded at once); a run of missing seqs
      // (a new PC facing a share whose old files are gone) is saved with the next file or below.
      if (files.has(seq)) await saveCursor(ctx, cursor)
    }
    if (cursor.upTo !== start) await saveCursor(ctx, cursor)
    // This PC's own chain, read again after a restore: once caught up, never again.
    if (peer === me && cursor.gaps.length === 0 && cursor.upTo >= newest) await ctx.db.syncPeers.delete(me)
    const gone = cursor.gaps.filter((g) => !files.has(g))
    if (gone.length > 0) missing.set(peer, gone)
  }

  // Segments this PC still needs that are gone from the share (compacted while it was away more than
  // 30 days, or lost): the snapshot that covers them brings them; what none covers is said, and the
  // round is not 'synced' (syncOnce) — never a silent gap.
  const filled = await fillFromSnapshots(ctx, share, store, missing)
  result.applied += filled.records
  result.problems.push(...filled.problems)
  for (const [peer, seqs] of filled.missing)
    result.problems.push(
      syncProblem(
        'segmentsLost',
        'segmentsLost',
        `segments ${seqRanges(seqs)} of ${peer} are no longer on the share and no readable snapshot covers them`,
        { peer, seq: seqs[0] as number, seqs }
      )
    )

  // Records held back by a unique clash (this round or earlier) may fit now: a later change of theirs,
  // or of the record in the way, may have renumbered one of them. What still clashes is reported.
  const retried = await retryHeldRecords(ctx)
  result.applied += retried.applied
  result.conflicts += retried.conflicts
  for (const row of retried.stillHeld)
    result.problems.push(
      syncProblem('uniqueClash', 'uniqueClash', row.detail, { peer: row.peer, seq: row.seq })
    )
  return result
}

/** The first segment of a peer's re-send (its own files vanished from the share, exportOutbox.ts)
 *  carries again everything of its seqs 1 … resendsUpTo: gaps up to there need nothing more. */
async function takeResend(ctx: DataContext, cursor: PeerCursor, decoded: DecodedSegment): Promise<void> {
  const upTo = decoded.header.resendsUpTo
  if (upTo === undefined) return
  for (const seq of cursor.gaps.filter((g) => g <= upTo)) await releaseFile(ctx, cursor.device, seq)
  cursor.gaps = cursor.gaps.filter((g) => g > upTo)
}

/** Reads, checks and applies one peer's segments, adding to the round's result. */
class PeerReader {
  private warnedClock = false

  constructor(
    private readonly ctx: DataContext,
    private readonly share: SharePort,
    private readonly store: StoreAccess,
    private readonly peer: string,
    private readonly result: ImportResult
  ) {}

  async read(seq: number, prev: PeerCursor['prev']): Promise<SegmentOutcome> {
    const { peer, store, result } = this
    let bytes: Uint8Array
    try {
      bytes = await this.share.read(segmentPath(peer, seq))
    } catch (error) {
      // Listed a moment ago, gone now: a gap like any missing file, retried next round.
      if (isShareError(error, 'notFound')) return { kind: 'gap' }
      // Too large or not a regular file: main did not open it. A gap, said, retried each round
      // (a look at its size and type costs nothing); the other files keep syncing.
      if (isShareError(error, 'refused')) {
        result.problems.push(syncProblem('fileRefused', 'fileRefused', error.message, { peer, seq }))
        return { kind: 'gap' }
      }
      throw error
    }
    const decoded = await decodeSegment(bytes, store.encryption ? { key: store.encryption.key } : {})
    if (!decoded.ok) {
      result.problems.push(syncProblem(decoded.problem, decoded.problem, decoded.detail, { peer, seq }))
      if (decoded.disposition === 'pending') return { kind: 'pending' }
      await quarantineFile(this.ctx, {
        peer,
        seq,
        problem: decoded.problem,
        code: decoded.problem,
        detail: decoded.detail,
        bytes
      })
      return { kind: 'gap' }
    }
    const { header } = decoded
    const misplaced = header.deviceId !== peer || header.seq !== seq || header.storeId !== store.storeId
    const unencrypted = store.encryption !== undefined && header.encryption.alg === 'none'
    if (misplaced || unencrypted) {
      const code = misplaced ? 'foreignFile' : 'unencrypted'
      const detail = misplaced
        ? `header says ${header.storeId}/${header.deviceId}/${header.seq}`
        : 'unencrypted file in an encrypted store'
      result.problems.push(syncProblem('foreignFile', code, detail, { peer, seq }))
      await quarantineFile(this.ctx, { peer, seq, problem: 'foreignFile', code, detail, bytes })
      return { kind: 'gap' }
    }
    // A broken chain (replaced file, two PCs under one id) is reported; the changes are still merged,
    // since LWW merging loses nothing and refusing them could.
    if (
      prev &&
      prev.header.seq === seq - 1 &&
      !followsPrevious(
        { ok: true, header: prev.header, changes: [], invalid: [], fileHash: prev.fileHash },
        decoded
      )
    )
      result.problems.push(
        syncProblem(
          'chainBroken',
          'chainBroken',
          `prevHash of ${peer}/${seq} does not match segment ${seq - 1}`,
          { peer, seq }
        )
      )
    if (header.hlcRange && !this.warnedClock && isFarAhead(parseHlc(header.hlcRange.max), this.ctx.now())) {
      this.warnedClock = true
      result.problems.push(
        syncProblem(
          'clockAhead',
          'clockAhead',
          `${peer} stamps ${header.hlcRange.max}, local time ${this.ctx.now()}`,
          { peer, seq }
        )
      )
    }
    for (const bad of decoded.invalid)
      await quarantineChange(this.ctx, {
        peer,
        seq,
        index: bad.index,
        problem: 'invalidChange',
        code: 'invalidChange',
        detail: bad.reason
      })
    if (decoded.invalid.length > 0)
      result.problems.push(
        syncProblem(
          'invalidChange',
          'invalidChange',
          `${decoded.invalid.length} invalid change(s) in ${peer}/${seq}`,
          { peer, seq }
        )
      )

    // A plain share neither carries nor sets PIN verifiers (shared/sync/plainShare.ts).
    const changes = store.encryption
      ? decoded.changes
      : decoded.changes.flatMap((c) => {
          const kept = forPlainShare(c)
          return kept ? [kept] : []
        })
    const applied = await this.ctx.writer.applyRemote(changes)
    await holdRecords(this.ctx, peer, seq, applied.held)
    await releaseFile(this.ctx, peer, seq)
    result.received += decoded.changes.length
    result.applied += applied.applied
    result.conflicts += applied.conflicts.length
    return { kind: 'applied', decoded }
  }
}
