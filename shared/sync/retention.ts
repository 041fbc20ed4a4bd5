import type { Covers } from './compaction'

// Which snapshots may be removed from the share (docs/sync-format.md §8.4). Snapshots are never
// replaced, and a PC writes one a day, so without this rule the share gains a whole copy of the store
// every day. The rule keeps:
//   V  the newest WHOLE snapshot (manifest and every chunk read and verify): what a new PC starts
//      from and what compaction relies on;
//   W  the newest whole snapshot written at least SNAPSHOT_SAME_DAY_MS before V (the day before):
//      the fallback should V turn out damaged later;
//   every snapshot newer than V (being read, of a newer format, or damaged for now by a half copy);
//   every snapshot V does not DOMINATE (some device's covers higher than V's: segments may have been
//      compacted on its word);
//   every snapshot whose successor (the next newer complete one) is younger than
//      SNAPSHOT_RETIRE_GRACE_MS: a PC that started to bootstrap from it while it was the newest is
//      still given time to finish;
//   a snapshot whose manifest this app cannot judge (a newer format, another store);
//   an incomplete one (no manifest) younger than SNAPSHOT_INCOMPLETE_MAX_AGE_MS: it may be being written.
// Everything else goes. With no whole snapshot at all, nothing goes (never the only readable one).
// Two PCs that wrote "the" daily snapshot a few ms apart leave two of the same day: the older is not
// W (same day), V dominates it when both had read the same, so it goes after the grace.

/** Snapshots closer than this to V are the same day's (duplicates of V), not its fallback. */
export const SNAPSHOT_SAME_DAY_MS = 12 * 3_600_000
/** How long a snapshot stays after a newer one appeared (a bootstrap takes well under a minute). */
export const SNAPSHOT_RETIRE_GRACE_MS = 3_600_000
/** An incomplete snapshot folder (no manifest) older than this was left by a writer that stopped. */
export const SNAPSHOT_INCOMPLETE_MAX_AGE_MS = 24 * 3_600_000

export type SnapshotState =
  /** manifest decoded, of this store */
  | 'ok'
  /** no manifest: unfinished */
  | 'incomplete'
  /** manifest damaged (checksum, truncated, invalid): no PC can use it */
  | 'damaged'
  /** manifest of a newer format, or one this PC cannot decrypt, or another store: not ours to judge */
  | 'unknown'

export interface SeenSnapshot {
  id: string
  state: SnapshotState
  /** 'ok' only */
  covers?: Covers
  /** 'ok' only: every chunk verified (undefined: not checked) */
  whole?: boolean
}

/** ms of a snapshot id (`<createdAt, 15 digits>-<deviceId>`) */
export function snapshotCreatedAt(id: string): number {
  const ms = Number(id.slice(0, 15))
  return Number.isFinite(ms) ? ms : 0
}

/** Whether `a` covers at least what `b` covers, for every device `b` names. */
export function dominates(a: Covers, b: Covers): boolean {
  return Object.entries(b).every(([device, seq]) => (a[device] ?? 0) >= seq)
}

/** The ids the rule keeps as V and W (whole snapshots), given snapshots newest first. */
export function keptWhole(seen: readonly SeenSnapshot[]): { v: SeenSnapshot | null; w: SeenSnapshot | null } {
  const sorted = newestFirst(seen)
  const v = sorted.find((s) => s.state === 'ok' && s.whole === true) ?? null
  if (!v) return { v: null, w: null }
  const w =
    sorted.find(
      (s) =>
        s.state === 'ok' &&
        s.whole === true &&
        snapshotCreatedAt(s.id) <= snapshotCreatedAt(v.id) - SNAPSHOT_SAME_DAY_MS
    ) ?? null
  return { v, w }
}

/** The snapshots to remove now (see the rule above). */
export function snapshotsToRemove(seen: readonly SeenSnapshot[], now: number): string[] {
  const sorted = newestFirst(seen)
  const { v, w } = keptWhole(sorted)
  if (!v) return []
  const remove: string[] = []
  const vAt = sorted.indexOf(v)
  for (let i = vAt + 1; i < sorted.length; i++) {
    const s = sorted[i] as SeenSnapshot
    if (s === w) continue
    if (s.state === 'incomplete') {
      if (now - snapshotCreatedAt(s.id) > SNAPSHOT_INCOMPLETE_MAX_AGE_MS) remove.push(s.id)
      continue
    }
    if (s.state === 'unknown') continue
    // A snapshot known damaged is no one's fallback; a sound one stays while it covers more than V.
    if (s.state === 'ok' && s.whole !== false && !dominates(v.covers ?? {}, s.covers ?? {})) continue
    // The next newer complete snapshot: since it appeared, nobody starts on this one.
    const successor = sorted
      .slice(0, i)
      .reverse()
      .find((n) => n.state !== 'incomplete')
    if (!successor || now - snapshotCreatedAt(successor.id) < SNAPSHOT_RETIRE_GRACE_MS) continue
    remove.push(s.id)
  }
  return remove
}

function newestFirst(seen: readonly SeenSnapshot[]): SeenSnapshot[] {
  return [...seen].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
}
