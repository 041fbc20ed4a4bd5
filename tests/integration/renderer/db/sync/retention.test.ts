import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { registerComplaint } from '@/db/complaints'
import { publishPresence } from '@/db/sync/presence'
import { pruneSnapshots, shareUsage } from '@/db/sync/retention'
import { BOOTSTRAPPED_KEY } from '@/db/sync/historyLoader'
import { completeSnapshots, verifySnapshot } from '@/db/sync/snapshotFiles'
import { writeSnapshot } from '@/db/sync/snapshots'
import { syncOnce } from '@/db/sync/syncOnce'
import { isStoreAccess, openStore } from '@/db/sync/storeAccess'
import { shareUpkeep } from '@/db/sync/upkeep'
import { decodeSnapshotManifest, MANIFEST_FILE } from '@shared/sync/snapshot'
import { parseSegmentFileName } from '@shared/sync/segment'
import { SNAPSHOT_RETIRE_GRACE_MS } from '@shared/sync/retention'
import { intake, pc, shareKeeper, syncedState, type Pc } from './harness'
import type { RealShare } from './realShare'

// Issue 18 point 5: the share keeps a bounded number of snapshots (docs/sync-format.md §8.4), never
// one a PC still needs (to bootstrap, or to fill what compaction removed), and two PCs writing "the"
// daily snapshot at once leave one.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const DAY = 24 * 3_600_000
const HOUR = 3_600_000
const info = { name: 'x', appVersion: '1' }
let phones = 0

async function storeOf(p: Pc, share: RealShare) {
  const store = await openStore(p.db, share, p.now())
  if (!isStoreAccess(store)) throw new Error(store.detail)
  return store
}

async function complaint(p: Pc) {
  const n = ++phones
  await registerComplaint(
    p,
    '1001',
    intake({ customerPhone: `139${String(n).padStart(8, '0')}`, customerName: `客户${n}` })
  )
}

/** What the app's loop does after a round: presence, then the upkeep (snapshot when due, hourly
 *  compaction, retention). */
async function round(p: Pc, share: RealShare) {
  const report = await syncOnce(p, share)
  await publishPresence(p, share, info)
  if (report.state === 'synced') await shareUpkeep(p, share, {}, { compact: true })
  return report
}

/** Complete snapshots with their covers, and whether every chunk verifies. */
async function snapshotsOn(share: RealShare) {
  const out: { id: string; covers: Record<string, number>; whole: boolean }[] = []
  for (const id of await completeSnapshots(share)) {
    const manifest = await decodeSnapshotManifest(await share.read(`snapshots/${id}/${MANIFEST_FILE}`))
    if (!manifest.ok) continue
    const whole = (await verifySnapshot(share, id, manifest.chunks, {})) === null
    out.push({ id, covers: { ...manifest.header.covers }, whole })
  }
  return out
}

const segmentSeqs = async (share: RealShare, device: string) =>
  (await share.list(`devices/${device}/segments`))
    .map((e) => parseSegmentFileName(e.name)?.seq)
    .filter((s): s is number => s !== undefined)

describe('snapshot retention', () => {
  it(
    'over 60 days with two PCs (one away for 33 of them): a bounded share, and nothing a PC needs is removed',
    { timeout: 180_000 },
    async () => {
      const share = await shares.make()
      const a = await pc('pcA', 'A1')
      const b = await pc('pcB', 'B1')
      const start = a.time.value
      const firstPhone = phones
      let maxSnapshots = 0
      let maxSnapshotFiles = 0
      const published: Record<string, number> = { pcA: 0, pcB: 0 }
      for (let day = 0; day < 60; day++) {
        const away = day >= 20 && day < 53 // B is switched off for 33 days (> 30: not waited for)
        for (const p of away ? [a] : [a, b]) {
          p.time.value = start + day * DAY + (p === b ? 5 * 60_000 : 0)
          await complaint(p)
          expect((await round(p, share)).state).toBe('synced')
          published[p.device.deviceId] = Math.max(...(await segmentSeqs(share, p.device.deviceId)))
        }
        // A second round of each (as the loop does within the day), so both have read each other.
        for (const p of away ? [a] : [a, b]) {
          p.time.value += 30 * 60_000
          expect((await round(p, share)).state).toBe('synced')
        }

        const snaps = await snapshotsOn(share)
        maxSnapshots = Math.max(maxSnapshots, snaps.length)
        maxSnapshotFiles = Math.max(maxSnapshotFiles, (await share.files('snapshots')).length)
        // Never the only readable one: there is always a whole snapshot, the newest whole one …
        const newestWhole = snaps.find((s) => s.whole)
        expect(newestWhole, `day ${day}`).toBeDefined()
        // … and it covers every segment compaction has removed (a new or returning PC can get them all).
        for (const device of ['pcA', 'pcB']) {
          const present = await segmentSeqs(share, device)
          const lowestPresent = present.length ? Math.min(...present) : (published[device] ?? 0) + 1
          expect(newestWhole!.covers[device] ?? 0, `day ${day} ${device}`).toBeGreaterThanOrEqual(
            lowestPresent - 1
          )
        }
      }
      // Sixty daily snapshots were written; at most the newest, its fallback and a same-day duplicate stay.
      expect(maxSnapshots).toBeLessThanOrEqual(3)
      expect(maxSnapshotFiles).toBeLessThanOrEqual(3 * 2) // one chunk + manifest each at this size
      // Compaction kept the segments bounded too.
      expect((await segmentSeqs(share, 'pcA')).length).toBeLessThanOrEqual(4)

      // B came back after 33 days and got everything; a new PC joining now gets everything.
      expect((await round(b, share)).state).toBe('synced')
      expect((await round(a, share)).state).toBe('synced')
      expect(await syncedState(b)).toEqual(await syncedState(a))
      const c = await pc('pcC', 'C1')
      c.time.value = a.time.value
      expect((await syncOnce(c, share)).state).toBe('synced')
      expect(await syncedState(c)).toEqual(await syncedState(a))
      expect(await a.db.table('complaints').count()).toBe(phones - firstPhone)

      const usage = await shareUsage(share)
      const onDisk = await share.files()
      expect(usage.files).toBe(onDisk.length)
    }
  )

  it('two PCs back after a day write the daily snapshot at once: both are harmless, one survives', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    await complaint(a)
    await complaint(b)
    for (const p of [a, b, a, b]) expect((await round(p, share)).state).toBe('synced')
    expect(await completeSnapshots(share)).toHaveLength(1)
    // A day later both come back and, having read each other, write "the" daily snapshot 20 ms apart.
    for (const p of [a, b]) p.time.value += DAY
    await complaint(a)
    for (const p of [a, b, a]) await syncOnce(p, share)
    b.time.value = a.time.value + 20
    const sa = await writeSnapshot(a, share, await storeOf(a, share))
    const second = await writeSnapshot(b, share, await storeOf(b, share))
    expect(await completeSnapshots(share)).toHaveLength(3)
    // Within the grace both stay (a PC may have started on the older one in those 20 ms).
    expect(await pruneSnapshots(a, share, await storeOf(a, share))).toEqual([])
    // An hour after the newer one appeared, the older duplicate goes; yesterday's (the fallback) stays.
    a.time.value = b.time.value + SNAPSHOT_RETIRE_GRACE_MS - 1
    expect(await pruneSnapshots(a, share, await storeOf(a, share))).toEqual([])
    a.time.value += 1
    expect(await pruneSnapshots(a, share, await storeOf(a, share))).toEqual([sa.snapshotId])
    const left = await completeSnapshots(share)
    expect(left).toHaveLength(2)
    expect(left[0]).toBe(second.snapshotId)
    expect(await share.list('snapshots')).toHaveLength(2) // the folder itself is gone too
    // Pruning again (B does it too) changes nothing.
    b.time.value = a.time.value
    expect(await pruneSnapshots(b, share, await storeOf(b, share))).toEqual([])
  })

  it('a snapshot a PC is bootstrapping from is not removed under it, even when a newer one appears meanwhile', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    for (let i = 0; i < 3; i++) await complaint(a)
    for (const p of [a, b, a, b]) expect((await round(p, share)).state).toBe('synced')
    // Yesterday's and today's.
    for (const p of [a, b]) p.time.value += DAY
    await complaint(a)
    for (const p of [a, b, a]) expect((await round(p, share)).state).toBe('synced')
    const store = await storeOf(a, share)
    a.time.value += 60_000
    // Written with several chunks so the new PC's bootstrap takes a while.
    const target = await writeSnapshot(a, share, store, { chunkRecords: 2 })
    const c = await pc('pcC', 'C1')
    c.time.value = a.time.value
    let interfered = false
    share.hooks.beforeRead = async (path) => {
      if (interfered || !path.startsWith(`snapshots/${target.snapshotId}/chunk-`)) return
      interfered = true
      // While C reads it: B writes a newer snapshot 10 minutes later, and prunes.
      b.time.value = a.time.value + 10 * 60_000
      await writeSnapshot(b, share, await storeOf(b, share))
      await pruneSnapshots(b, share, await storeOf(b, share))
    }
    expect((await syncOnce(c, share)).state).toBe('synced')
    expect(interfered).toBe(true)
    expect((await c.db.meta.get(BOOTSTRAPPED_KEY))?.value).toBe(target.snapshotId)
    expect(await syncedState(c)).toEqual(await syncedState(a))
    share.hooks.beforeRead = undefined
    expect(await completeSnapshots(share)).toContain(target.snapshotId)
    // After the grace it goes (it is a same-day duplicate of B's).
    b.time.value += HOUR
    expect(await pruneSnapshots(b, share, await storeOf(b, share))).toContain(target.snapshotId)
  })

  it('never removes the only whole snapshot, however many newer damaged ones there are', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    for (let i = 0; i < 3; i++) await complaint(a)
    expect((await round(a, share)).state).toBe('synced')
    const store = await storeOf(a, share)
    const [first] = await completeSnapshots(share)
    // Three days of newer snapshots, each with its last chunk damaged: the first stays the only whole one.
    for (let d = 1; d <= 3; d++) {
      a.time.value += DAY
      const s = await writeSnapshot(a, share, store, { chunkRecords: 2 })
      const chunks = (await share.files(`snapshots/${s.snapshotId}`)).filter((f) => f.includes('/chunk-'))
      await share.corrupt(chunks.at(-1)!, (bytes) => bytes.slice(0, bytes.length - 5))
    }
    a.time.value += DAY
    expect(await pruneSnapshots(a, share, store)).toEqual([])
    expect(await completeSnapshots(share)).toContain(first)
  })
})
