import type { DataContext } from '../context'
import type { SyncPeerEntry } from '../schema'

// Per-peer read cursors {upTo, gaps}: every seq ≤ upTo has been applied except the gaps (quarantined
// or missing segments, retried every round). Cursors only move forward: a file that disappears from
// the share moves nothing. This is the shape device.json publishes for compaction, and a snapshot
// bootstrap will simply start a cursor at the snapshot's covers[device].

export type PeerCursor = SyncPeerEntry

export async function readCursors(ctx: DataContext): Promise<Map<string, PeerCursor>> {
  return new Map((await ctx.db.syncPeers.toArray()).map((c) => [c.device, c]))
}

export async function saveCursor(ctx: DataContext, cursor: PeerCursor): Promise<void> {
  await ctx.db.syncPeers.put({ ...cursor, gaps: [...new Set(cursor.gaps)].sort((a, b) => a - b) })
}

/** {device: {upTo, gaps}} or {device: upTo}, as device.json's `cursors` (docs/sync-format.md §4). */
export function publishedCursors(
  cursors: Iterable<PeerCursor>
): Record<string, number | { upTo: number; gaps: number[] }> {
  const out: Record<string, number | { upTo: number; gaps: number[] }> = {}
  for (const c of cursors) out[c.device] = c.gaps.length ? { upTo: c.upTo, gaps: [...c.gaps] } : c.upTo
  return out
}

/** This PC's cursors as device.json publishes them (the storage layer writes that file). */
export async function cursorsForDeviceJson(
  ctx: DataContext
): Promise<Record<string, number | { upTo: number; gaps: number[] }>> {
  return publishedCursors((await readCursors(ctx)).values())
}
