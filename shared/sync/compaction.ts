// Which old segments may be deleted from the share. A segment is the only copy of its changes for a
// PC that has not read it yet, and the only way a new PC can get them unless a snapshot holds them.
// So a segment goes only when BOTH hold:
//   1. a complete snapshot whose every chunk verifies covers it (seq ≤ covers[device]), so a new PC
//      can bootstrap without it (the engine checks the chunks: renderer/src/db/sync/compactOwn.ts);
//   2. every ACTIVE peer has passed it (applied it: at or below its cursor and not one of its gaps).
// Peers idle for longer than ACTIVE_PEER_MAX_IDLE_MS are not waited for: when they come back, what
// they still need and the share no longer holds comes from the snapshot that covers it (or is
// reported as lacking) — renderer/src/db/sync/snapshots.ts, fillFromSnapshots.

/** {deviceId: highest seq covered} */
export type Covers = Readonly<Record<string, number>>

/** What one peer has applied of one device's segments: every seq ≤ upTo except the gaps
 *  (damaged/quarantined segments it skipped and will retry). A plain number means no gaps. */
export type PeerCursor = number | { upTo: number; gaps?: readonly number[] }

export const ACTIVE_PEER_MAX_IDLE_MS = 30 * 24 * 3_600_000

/** Whether a peer counts as active: seen on the share within ACTIVE_PEER_MAX_IDLE_MS. */
export function isActivePeer(
  lastSeenMs: number,
  nowMs: number,
  maxIdleMs: number = ACTIVE_PEER_MAX_IDLE_MS
): boolean {
  return nowMs - lastSeenMs <= maxIdleMs
}

function hasPassed(cursor: PeerCursor | undefined, seq: number): boolean {
  if (cursor === undefined) return false
  if (typeof cursor === 'number') return seq <= cursor
  return seq <= cursor.upTo && !(cursor.gaps ?? []).includes(seq)
}

/**
 * The segments that may be deleted, per device.
 * @param segmentsByDevice seqs present on the share, per writing device
 * @param peerCursors for each ACTIVE peer (the caller included): its cursor per writing device.
 *   A peer's own segments count as passed by it. A missing cursor means not passed.
 * @param snapshotCovers covers of a complete snapshot whose manifest and every chunk verify ({} when
 *   there is none)
 */
export function canCompact(
  segmentsByDevice: Readonly<Record<string, readonly number[]>>,
  peerCursors: Readonly<Record<string, Readonly<Record<string, PeerCursor>>>>,
  snapshotCovers: Covers
): Record<string, number[]> {
  const deletable: Record<string, number[]> = {}
  for (const [device, seqs] of Object.entries(segmentsByDevice)) {
    const covered = snapshotCovers[device] ?? 0
    const ok = seqs.filter(
      (seq) =>
        seq <= covered &&
        Object.entries(peerCursors).every(
          ([peer, cursors]) => peer === device || hasPassed(cursors[device], seq)
        )
    )
    if (ok.length > 0) deletable[device] = [...ok].sort((a, b) => a - b)
  }
  return deletable
}
