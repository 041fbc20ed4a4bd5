import {
  decodeSnapshotChunk,
  decodeSnapshotManifest,
  MANIFEST_FILE,
  type ChunkRef,
  type SnapshotEntry
} from '@shared/sync/snapshot'
import type { StoreKey } from '@shared/sync/crypto'
import { hashBytes } from '@shared/sync/hash'
import { syncProblem, type SyncProblem } from './problems'
import { isShareError, type SharePort } from './sharePort'
import type { StoreAccess } from './storeAccess'

// Reading a snapshot's files back from the share (docs/sync-format.md §8): which snapshots are
// complete, a manifest, and a chunk checked entirely before anything of it is used.

/** Complete snapshots on the share, newest first (a folder without its manifest is unfinished). */
export async function completeSnapshots(share: SharePort): Promise<string[]> {
  const ids: string[] = []
  for (const folder of await share.list('snapshots')) {
    const files = await share.list(`snapshots/${folder.name}`)
    if (files.some((f) => f.name === MANIFEST_FILE)) ids.push(folder.name)
  }
  return ids.sort().reverse()
}

export type Loaded = { ok: true; entries: SnapshotEntry[] } | { ok: false; problem: SyncProblem }

/** Reads chunk i of a snapshot and checks it entirely: the file the manifest lists (hash, snapshot,
 *  position), decrypted, inflated, every record valid — the records only once per file: `verified`
 *  says this PC validated every record of this snapshot already (its first pass), and the hash check
 *  proves the file is the one it validated. */
export async function readChunk(
  share: SharePort,
  id: string,
  chunks: readonly ChunkRef[],
  i: number,
  key: { key?: StoreKey },
  { verified = false, pause }: { verified?: boolean; pause?: () => Promise<void> } = {}
): Promise<Loaded> {
  const ref = chunks[i] as ChunkRef
  const bytes = await chunkBytes(share, id, ref)
  if (!(bytes instanceof Uint8Array)) return { ok: false, problem: bytes }
  const chunk = await decodeSnapshotChunk(bytes, {
    ...key,
    expect: { snapshotId: id, index: i + 1, ref },
    verified,
    ...(pause ? { pause } : {})
  })
  if (!chunk.ok)
    return {
      ok: false,
      problem: syncProblem(chunk.problem, chunk.problem, `snapshot ${id} ${ref.name}: ${chunk.detail}`)
    }
  // A record that fails validation is not applied; the snapshot then does not hold everything it
  // covers, so it counts as damaged: cursors stay put and the segments (validated change by change,
  // the bad ones quarantined) are replayed.
  if (chunk.invalid.length > 0)
    return {
      ok: false,
      problem: syncProblem(
        'invalidChange',
        'snapshotInvalid',
        `snapshot ${id} ${ref.name}: ${chunk.invalid.length} invalid record(s), first at line ${chunk.invalid[0]?.index}: ${chunk.invalid[0]?.reason}`
      )
    }
  return { ok: true, entries: chunk.entries }
}

/** null when every chunk of the snapshot reads and verifies (hash, decryption, every record); else
 *  what is wrong with the first one that does not. Holds one chunk at a time. */
export async function verifySnapshot(
  share: SharePort,
  id: string,
  chunks: readonly ChunkRef[],
  key: { key?: StoreKey }
): Promise<SyncProblem | null> {
  for (let i = 0; i < chunks.length; i++) {
    const chunk = await readChunk(share, id, chunks, i, key)
    if (!chunk.ok) return chunk.problem
  }
  return null
}

export async function readManifest(
  share: SharePort,
  id: string,
  key: { key?: StoreKey }
): Promise<Extract<Awaited<ReturnType<typeof decodeSnapshotManifest>>, { ok: true }> | null> {
  if (!id) return null
  const bytes = await share.read(`snapshots/${id}/${MANIFEST_FILE}`).catch((error: unknown) => {
    if (isShareError(error, 'unavailable')) throw error
    return null
  })
  if (!bytes) return null
  const manifest = await decodeSnapshotManifest(bytes, key)
  return manifest.ok ? manifest : null
}

export async function newestUsable(
  share: SharePort,
  store: StoreAccess,
  key: { key?: StoreKey }
): Promise<{ id: string; manifest: NonNullable<Awaited<ReturnType<typeof readManifest>>> } | null> {
  for (const id of await completeSnapshots(share)) {
    const manifest = await readManifest(share, id, key)
    if (manifest && manifest.header.storeId === store.storeId) return { id, manifest }
  }
  return null
}

/** Chunk i of a snapshot, checked only to be the file its manifest lists (SHA-256): what a joining PC
 *  does with a chunk of history before it is usable; the records are checked when they are stored
 *  (readChunk). Null, or what is wrong. */
export async function checkChunkHash(
  share: SharePort,
  id: string,
  chunks: readonly ChunkRef[],
  i: number
): Promise<SyncProblem | null> {
  const ref = chunks[i] as ChunkRef
  const bytes = await chunkBytes(share, id, ref)
  if (!(bytes instanceof Uint8Array)) return bytes
  if ((await hashBytes(bytes)) === ref.sha256) return null
  return syncProblem('checksum', 'checksum', `snapshot ${id} ${ref.name} is not the file its manifest lists`)
}

async function chunkBytes(share: SharePort, id: string, ref: ChunkRef): Promise<Uint8Array | SyncProblem> {
  try {
    return await share.read(`snapshots/${id}/${ref.name}`)
  } catch (error) {
    if (isShareError(error, 'unavailable')) throw error
    return syncProblem('truncated', 'snapshotTruncated', `snapshot ${id} ${ref.name}: ${String(error)}`)
  }
}
