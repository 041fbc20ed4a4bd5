import { SHARE_FILE_MAX_BYTES } from '@shared/ipc/contract'

// The most bytes a share file of each kind may have before main reads it (docs/sync-format.md §2a).
// Each cap is far above what the app ever writes of that kind; a larger file is refused without being
// opened, so a huge file dropped on the share costs nothing (issue 17 point 6).

const KIB = 1024
const MIB = 1024 * KIB

export const READ_CAPS = {
  /** store.json: about 500 bytes written */
  store: 64 * KIB,
  /** devices/<id>/status-<ms>.json: a name, a version and one cursor per PC — a few KiB */
  status: 1 * MIB,
  /** a segment: ≤ 5 000 changes; no PC can write more than one IPC call carries (64 MiB) */
  segment: SHARE_FILE_MAX_BYTES,
  /** a snapshot chunk: ≤ 5 000 records, ≤ 8 MiB of JSON before compression; same hard limit */
  snapshotChunk: SHARE_FILE_MAX_BYTES,
  /** a snapshot manifest: one line per chunk — a few KiB for 100 000 customers */
  snapshotManifest: 4 * MIB,
  /** any other name (the engine reads no other kind today) */
  other: 1 * MIB
} as const

export type ShareFileKind = keyof typeof READ_CAPS

/** The kind of a '/'-separated share path, from its place and name (docs/sync-format.md §2). */
export function shareFileKind(path: string): ShareFileKind {
  const parts = path.split('/')
  const name = parts[parts.length - 1] ?? ''
  if (parts.length === 1 && name === 'store.json') return 'store'
  if (parts[0] === 'devices' && parts.length === 3 && /^status-\d+\.json$/.test(name)) return 'status'
  if (parts[0] === 'devices' && parts[2] === 'segments' && parts.length === 4 && name.endsWith('.seg'))
    return 'segment'
  if (parts[0] === 'snapshots' && parts.length === 3 && name === 'manifest.snap') return 'snapshotManifest'
  if (parts[0] === 'snapshots' && parts.length === 3 && /^chunk-\d+\.snap$/.test(name)) return 'snapshotChunk'
  return 'other'
}

export const readCapFor = (path: string): number => READ_CAPS[shareFileKind(path)]
