import { decodeSnapshotManifest, MANIFEST_FILE } from '@shared/sync/snapshot'
import { keptWhole, snapshotsToRemove, type SeenSnapshot } from '@shared/sync/retention'
import type { DataContext } from '../context'
import { isShareError, type SharePort } from './sharePort'
import { verifySnapshot } from './snapshotFiles'
import type { StoreAccess } from './storeAccess'

// Snapshot retention (docs/sync-format.md §8.4; the rule is shared/sync/retention.ts): after this PC
// writes its daily snapshot, and with the hourly compaction, superseded snapshots are removed, so the
// share keeps about two whole copies of the store instead of one more every day. Any PC may do it:
// the rule is decided by the share alone, removal is idempotent, and two PCs removing the same
// snapshot at once is harmless. A removed snapshot's manifest goes first, so from that moment no PC
// starts on it (a folder without its manifest is ignored), then its chunks, then the empty folder.

/** snapshot ids this PC has read through (every chunk verified): files are written once, so once is enough */
const VERIFIED_KEY = 'sync.verifiedSnapshots'

/** What the share holds in snapshots/, as the rule sees it; V and W are verified chunk by chunk. */
export async function surveySnapshots(
  share: SharePort,
  store: StoreAccess,
  ctx: DataContext
): Promise<SeenSnapshot[]> {
  const key = store.encryption ? { key: store.encryption.key } : {}
  const seen: SeenSnapshot[] = []
  const folders = (await share.list('snapshots'))
    .map((f) => f.name)
    .sort()
    .reverse()
  const manifests = new Map<string, Awaited<ReturnType<typeof decodeSnapshotManifest>>>()
  for (const id of folders) {
    const files = await share.list(`snapshots/${id}`)
    if (!files.some((f) => f.name === MANIFEST_FILE)) {
      seen.push({ id, state: 'incomplete' })
      continue
    }
    let bytes: Uint8Array
    try {
      bytes = await share.read(`snapshots/${id}/${MANIFEST_FILE}`)
    } catch (error) {
      if (isShareError(error, 'notFound')) continue // removed meanwhile
      if (isShareError(error, 'refused')) {
        seen.push({ id, state: 'damaged' })
        continue
      }
      throw error
    }
    const manifest = await decodeSnapshotManifest(bytes, key)
    manifests.set(id, manifest)
    if (!manifest.ok) seen.push({ id, state: manifest.disposition === 'pending' ? 'unknown' : 'damaged' })
    else if (manifest.header.storeId !== store.storeId) seen.push({ id, state: 'unknown' })
    else seen.push({ id, state: 'ok', covers: { ...manifest.header.covers } })
  }
  // Verify newest first until the rule has its V and W (only those two need reading through).
  const verified = new Set(((await ctx.db.meta.get(VERIFIED_KEY))?.value as string[] | undefined) ?? [])
  for (const s of seen) {
    const { v, w } = keptWhole(seen)
    if (v && w) break
    if (s.state !== 'ok') continue
    if (verified.has(s.id)) {
      s.whole = true
      continue
    }
    const manifest = manifests.get(s.id)
    if (!manifest?.ok) continue
    s.whole = (await verifySnapshot(share, s.id, manifest.chunks, key)) === null
    if (s.whole) verified.add(s.id)
  }
  const present = new Set(folders)
  await ctx.db.meta.put({ key: VERIFIED_KEY, value: [...verified].filter((id) => present.has(id)) })
  return seen
}

/** Removes the snapshots the retention rule lets go; returns their ids. */
export async function pruneSnapshots(
  ctx: DataContext,
  share: SharePort,
  store: StoreAccess
): Promise<string[]> {
  const removed = snapshotsToRemove(await surveySnapshots(share, store, ctx), ctx.now())
  for (const id of removed) {
    const dir = `snapshots/${id}`
    await share.remove(`${dir}/${MANIFEST_FILE}`)
    for (const file of await share.list(dir)) await share.remove(`${dir}/${file.name}`)
    await share.remove(dir)
  }
  return removed
}

/** Files and bytes on the share (the sync page shows them). Unfinished writes count too. */
export interface ShareUsage {
  files: number
  bytes: number
}

/** Walks the share's layout (store.json, devices/<id>/…/segments/…, snapshots/<id>/…): every file the
 *  app writes has an extension, every folder has none (the port lists a folder with size 0). */
export async function shareUsage(share: SharePort): Promise<ShareUsage> {
  const usage: ShareUsage = { files: 0, bytes: 0 }
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const entry of await share.list(dir)) {
      const path = dir ? `${dir}/${entry.name}` : entry.name
      if (!entry.name.includes('.') && depth < 3) await walk(path, depth + 1)
      else {
        usage.files++
        usage.bytes += entry.size
      }
    }
  }
  await walk('', 0)
  return usage
}
