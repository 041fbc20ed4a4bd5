import { parseSegmentFileName, segmentPath } from '@shared/sync/segment'
import {
  canCompact,
  decodeSnapshotManifest,
  isActivePeer,
  MANIFEST_FILE,
  type ChunkRef,
  type PeerCursor
} from '@shared/sync/snapshot'
import type { DataContext } from '../context'
import { readPeers } from './presence'
import { readRetired, stillRetired } from './retired'
import type { SharePort } from './sharePort'
import { completeSnapshots, verifySnapshot } from './snapshotFiles'
import { isStoreAccess, openStore, type StoreAccess } from './storeAccess'
import type { SyncOptions } from './syncOnce'

// Compaction of THIS PC's old segments (single writer per file: a PC deletes only its own). A segment
// goes only when a snapshot covers it AND every active PC has applied it, as each says in its status
// file (docs/sync-format.md §4, §8.3). A PC without a readable status file counts as not having passed
// anything, so an unknown reader keeps every segment. PCs idle for more than 30 days are not waited
// for: when they come back they take the snapshot for what they lack (importPeers → fillFromSnapshots).
// Nor are PCs a manager removed (移除电脑, retired.ts) while they publish nothing newer.
//
// The snapshot is the only copy of a removed segment's changes from then on, so it must be whole:
// its manifest AND every chunk must read and verify (hash, decryption, every record valid). A
// snapshot that does not is never relied on; the next older one is tried instead.

/** Complete snapshots of this store, newest first, with their covers (manifest read, chunks not yet). */
async function* manifests(
  share: SharePort,
  store: StoreAccess
): AsyncGenerator<{ id: string; covers: Record<string, number>; chunks: readonly ChunkRef[] }> {
  for (const id of await completeSnapshots(share)) {
    const manifest = await decodeSnapshotManifest(
      await share.read(`snapshots/${id}/${MANIFEST_FILE}`),
      store.encryption ? { key: store.encryption.key } : {}
    )
    if (manifest.ok && manifest.header.storeId === store.storeId)
      yield { id, covers: { ...manifest.header.covers }, chunks: manifest.chunks }
  }
}

/** Removes this PC's segments every active peer has applied and a snapshot covers; returns the seqs removed. */
export async function compactOwnSegments(
  ctx: DataContext,
  share: SharePort,
  store: StoreAccess
): Promise<number[]> {
  const me = ctx.writer.deviceId
  const seqs = (await share.list(`devices/${me}/segments`)).flatMap((e) => {
    const parsed = parseSegmentFileName(e.name)
    return parsed?.deviceId === me ? [parsed.seq] : []
  })
  if (seqs.length === 0) return []
  const now = ctx.now()
  const cursors: Record<string, Record<string, PeerCursor>> = {}
  const retired = await readRetired(ctx)
  for (const peer of await readPeers(share)) {
    if (peer.deviceId === me) continue
    // 移除电脑: a PC a manager removed is not waited for (unless it came back since: a newer status).
    if (stillRetired(retired.get(peer.deviceId), peer.lastSeen)) continue
    if (!peer.known) {
      cursors[peer.deviceId] = {} // a PC we know nothing about has passed nothing
      continue
    }
    if (!isActivePeer(peer.lastSeen, now)) continue
    cursors[peer.deviceId] = peer.cursors as Record<string, PeerCursor>
  }
  // The newest own segment always stays: it anchors the hash chain, and export reads its absence as
  // "the share was emptied" (and would publish everything again).
  const newest = Math.max(...seqs)
  const key = store.encryption ? { key: store.encryption.key } : {}
  for await (const snapshot of manifests(share, store)) {
    const removable = (canCompact({ [me]: seqs }, cursors, snapshot.covers)[me] ?? []).filter(
      (seq) => seq !== newest
    )
    if (removable.length === 0) return []
    // Only now, with something to remove, is every chunk read: one damaged and nothing goes on its word.
    if ((await verifySnapshot(share, snapshot.id, snapshot.chunks, key)) !== null) continue
    for (const seq of removable) await share.remove(segmentPath(me, seq))
    return removable
  }
  return []
}

/** Compaction for the app's loop (opens the store itself); [] when the store refused. */
export async function compactNow(
  ctx: DataContext,
  share: SharePort,
  options: SyncOptions = {}
): Promise<number[]> {
  const store = await openStore(ctx.db, share, ctx.now(), options.encryption)
  return isStoreAccess(store) ? compactOwnSegments(ctx, share, store) : []
}
