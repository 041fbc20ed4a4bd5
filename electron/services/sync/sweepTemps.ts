import type { FolderStorage } from './folderStorage'

// Unfinished writes (`.tmp-*`, docs/sync-format.md §2) stay behind when a PC dies or the share drops
// mid-write. They are never read, but they pile up on the NAS. Once a day old, no writer can still be
// working on one (a write takes seconds), so any PC may remove it: its writer either finished under
// the final name long ago or never will.

export const STALE_TEMP_MS = 24 * 60 * 60 * 1000

/** Removes stale temps where the format puts files: the root, devices/<id>[/segments], snapshots/<id>. */
export async function sweepStaleTemps(
  storage: FolderStorage,
  now = Date.now(),
  olderThanMs = STALE_TEMP_MS
): Promise<number> {
  const dirs = ['', 'devices', 'snapshots']
  for (const entry of await storage.list('devices'))
    dirs.push(`devices/${entry.name}`, `devices/${entry.name}/segments`)
  for (const entry of await storage.list('snapshots')) dirs.push(`snapshots/${entry.name}`)
  let removed = 0
  for (const dir of dirs) removed += await storage.sweepTemp(dir, olderThanMs, now)
  return removed
}
