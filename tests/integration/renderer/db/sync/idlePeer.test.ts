import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { compactOwnSegments } from '@/db/sync/compactOwn'
import { publishPresence } from '@/db/sync/presence'
import { registerComplaint } from '@/db/complaints'
import { listQuarantine } from '@/db/sync/quarantine'
import { snapshotNow } from '@/db/sync/snapshots'
import { syncOnce } from '@/db/sync/syncOnce'
import { isStoreAccess, openStore } from '@/db/sync/storeAccess'
import { ACTIVE_PEER_MAX_IDLE_MS } from '@shared/sync/compaction'
import { decodeSegment, segmentPath } from '@shared/sync/segment'
import { intake, pc, shareKeeper, syncedState, type Pc } from './harness'
import type { RealShare } from './realShare'
import { worded } from './worded'

// Issue 18 point 4: a PC away longer than ACTIVE_PEER_MAX_IDLE_MS is not waited for by compaction
// (docs/sync-format.md §8.3). When it comes back, the segments it still needs may be gone: it must
// take the snapshot that covers them, or say exactly what it cannot get — never 已同步 while missing data.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const DAY = 24 * 3_600_000
const info = { name: 'x', appVersion: '1' }

async function storeOf(p: Pc, share: RealShare) {
  const store = await openStore(p.db, share, p.now())
  if (!isStoreAccess(store)) throw new Error(store.detail)
  return store
}
const segmentsOf = async (share: RealShare, device: string) =>
  (await share.list(`devices/${device}/segments`)).map((e) => e.name).sort()

async function complaint(p: Pc, share: RealShare, i: number) {
  await registerComplaint(p, '1001', intake({ customerPhone: `1390013900${i}`, customerName: `客户${i}` }))
  expect((await syncOnce(p, share)).state).toBe('synced')
}

/** A publishes segments 1–2, B reads them and says so, then B is away for `awayDays` while A
 *  publishes 3–5, writes a snapshot (covers pcA: 5) and compacts. */
async function awayWhileCompacted(awayDays: number) {
  const share = await shares.make()
  const a = await pc('pcA', 'A1')
  const b = await pc('pcB', 'B1')
  for (const i of [1, 2]) await complaint(a, share, i)
  expect((await syncOnce(b, share)).state).toBe('synced')
  await publishPresence(b, share, info) // B: applied pcA up to 2
  a.time.value += awayDays * DAY
  for (const i of [3, 4, 5]) await complaint(a, share, i)
  await publishPresence(a, share, info)
  await snapshotNow(a, share)
  const removed = await compactOwnSegments(a, share, await storeOf(a, share))
  b.time.value = a.time.value
  return { share, a, b, removed }
}

describe('a PC away for more than 30 days', () => {
  it('is waited for while active: at 29 days nothing it has not read is removed', async () => {
    expect(ACTIVE_PEER_MAX_IDLE_MS).toBe(30 * DAY)
    const { share, a, b, removed } = await awayWhileCompacted(29)
    expect(removed).toEqual([1, 2])
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })

  it('is not waited for after 31 days; back, it takes the covering snapshot and ends equal to A', async () => {
    const { share, a, b, removed } = await awayWhileCompacted(31)
    expect(removed).toEqual([1, 2, 3, 4])
    expect(await segmentsOf(share, 'pcA')).toEqual(['seg-pcA-000000000005.seg'])

    const back = await syncOnce(b, share)
    expect(back).toMatchObject({ state: 'synced', problems: [] })
    expect(await b.db.complaints.count()).toBe(5)
    expect(await syncedState(b)).toEqual(await syncedState(a))
    // Nothing left to retry: the snapshot held segments 3 and 4.
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 5, gaps: [] })
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
  })

  it('holding a cursor with gaps whose segments are gone ({upTo 5, gaps [3, 4]}), it takes the snapshot', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    for (const i of [1, 2, 3, 4, 5]) await complaint(a, share, i)
    // B reads while 3 and 4 are half copied (a share can serve that): they become gaps.
    const originals = new Map<number, Uint8Array>()
    for (const seq of [3, 4]) {
      const path = segmentPath('pcA', seq)
      originals.set(seq, await share.read(path))
      await share.corrupt(path, (bytes) => bytes.slice(0, bytes.length - 30))
    }
    expect((await syncOnce(b, share)).state).toBe('synced')
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 5, gaps: [3, 4] })
    await publishPresence(b, share, info)
    for (const [seq, bytes] of originals) await share.corrupt(segmentPath('pcA', seq), () => bytes)
    // B is away 31 days; A goes on, snapshots and compacts without waiting for it.
    a.time.value += 31 * DAY
    await complaint(a, share, 6)
    await publishPresence(a, share, info)
    await snapshotNow(a, share)
    expect(await compactOwnSegments(a, share, await storeOf(a, share))).toEqual([1, 2, 3, 4, 5])

    b.time.value = a.time.value
    const own = await registerComplaint(b, '1001', intake({ customerPhone: '13700137000' }))
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 6, gaps: [] })
    // What the snapshot brought needs no retry: the quarantined copies of 3 and 4 are released.
    expect(await listQuarantine(b)).toEqual([])
    await syncOnce(a, share)
    expect(await a.db.complaints.get(own.id)).toBeDefined()
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })

  for (const loss of ['removed', 'damaged'] as const) {
    it(`with no readable snapshot covering what it lacks (snapshot ${loss}), it says what it cannot get — not 已同步 — until one is written`, async () => {
      const { share, a, b } = await awayWhileCompacted(31)
      const [snapshot] = (await share.list('snapshots')).map((e) => e.name)
      const chunk = (await share.files(`snapshots/${snapshot}`)).find((f) => f.includes('chunk-'))!
      if (loss === 'removed') {
        for (const f of await share.files(`snapshots/${snapshot}`)) await share.remove(f)
      } else {
        await share.corrupt(chunk, (bytes) => bytes.map((v, i) => (i === bytes.length - 20 ? v ^ 0x40 : v)))
      }

      const back = await syncOnce(b, share)
      expect(back.state).toBe('error')
      const lost = back.problems.filter((p) => p.kind === 'segmentsLost').map(worded)
      expect(lost).toEqual([
        expect.objectContaining({
          code: 'segmentsLost',
          peer: 'pcA',
          seq: 3,
          seqs: [3, 4],
          message: expect.stringContaining('缺少')
        })
      ])
      if (loss === 'damaged')
        expect(back.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['checksum']))
      // Said again every round while it lacks them (the cursor keeps the gaps).
      expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 5, gaps: [3, 4] })
      expect((await syncOnce(b, share)).state).toBe('error')
      expect(await b.db.complaints.count()).toBe(3)

      // A writes a new snapshot (its daily one): B takes it and is complete.
      a.time.value += DAY
      b.time.value = a.time.value
      await snapshotNow(a, share)
      expect(await syncOnce(b, share)).toMatchObject({ state: 'synced' })
      expect(await syncedState(b)).toEqual(await syncedState(a))
      expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 5, gaps: [] })
    })
  }

  it('a gap whose segment vanished with an emptied share is filled by the owner re-sending its history (resendsUpTo), not reported', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    for (const i of [1, 2, 3]) await complaint(a, share, i)
    const path = segmentPath('pcA', 2)
    const original = await share.read(path)
    await share.corrupt(path, (bytes) => bytes.slice(0, bytes.length - 30))
    expect((await syncOnce(b, share)).state).toBe('synced')
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 3, gaps: [2] })
    await share.corrupt(path, () => original)

    // While B is away, someone empties the share; A re-sends its whole history as seq 4 on.
    await share.empty()
    a.time.value += 31 * DAY
    const resent = await syncOnce(a, share)
    expect(resent.problems.map((p) => p.kind)).toEqual(['republished'])
    const first = await decodeSegment(await share.read(segmentPath('pcA', 4)))
    expect(first).toMatchObject({ ok: true, header: { seq: 4, resendsUpTo: 3 } })

    b.time.value = a.time.value
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 4, gaps: [] })
    expect(await listQuarantine(b)).toEqual([])
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })
})
