import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { compactOwnSegments } from '@/db/sync/compactOwn'
import { publishPresence } from '@/db/sync/presence'
import { registerComplaint } from '@/db/complaints'
import { snapshotNow, writeSnapshot } from '@/db/sync/snapshots'
import { syncOnce } from '@/db/sync/syncOnce'
import { isStoreAccess, openStore } from '@/db/sync/storeAccess'
import { intake, pc, shareKeeper, syncedState, type Pc } from './harness'
import type { RealShare } from './realShare'

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

async function storeOf(p: Pc, share: RealShare) {
  const store = await openStore(p.db, share, p.now())
  if (!isStoreAccess(store)) throw new Error(store.detail)
  return store
}
const ownSegments = async (share: RealShare, device: string) =>
  (await share.list(`devices/${device}/segments`)).map((e) => e.name).sort()

describe('compaction of own segments', () => {
  it('removes only what a snapshot covers and every active peer applied; keeps the newest; a new PC still gets everything', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const info = { name: 'x', appVersion: '1' }
    const work = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        await registerComplaint(
          a,
          '1001',
          intake({ customerPhone: `1390013900${i}`, customerName: `客户${i}` })
        )
        await syncOnce(a, share)
      }
    }
    await work(0, 2) // segments 1, 2
    await syncOnce(b, share)
    await publishPresence(b, share, info) // B says: applied pcA up to 2
    await work(2, 4) // segments 3, 4
    await publishPresence(a, share, info)
    // No snapshot yet: nothing goes.
    expect(await compactOwnSegments(a, share, await storeOf(a, share))).toEqual([])
    await snapshotNow(a, share) // covers pcA: 4
    // B has applied only 1–2; the newest (4) always stays.
    expect(await compactOwnSegments(a, share, await storeOf(a, share))).toEqual([1, 2])
    await syncOnce(b, share)
    await publishPresence(b, share, info)
    expect(await compactOwnSegments(a, share, await storeOf(a, share))).toEqual([3])
    expect(await ownSegments(share, 'pcA')).toEqual(['seg-pcA-000000000004.seg'])

    const c = await pc('pcC', 'C1')
    expect((await syncOnce(c, share)).state).toBe('synced')
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  /** A with segments 1–5; B has applied them all and says so in its status file. */
  async function allApplied() {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const info = { name: 'x', appVersion: '1' }
    for (let i = 0; i < 5; i++) {
      await registerComplaint(
        a,
        '1001',
        intake({ customerPhone: `1390013900${i}`, customerName: `客户${i}` })
      )
      await syncOnce(a, share)
    }
    await syncOnce(b, share)
    await publishPresence(b, share, info)
    await publishPresence(a, share, info)
    return { share, a, b }
  }
  const snapshotFiles = async (share: RealShare, id: string) =>
    (await share.files(`snapshots/${id}`)).filter((f) => f.includes('/chunk-'))

  for (const damage of [
    {
      name: 'a flipped byte',
      apply: (share: RealShare, chunk: string) =>
        share.corrupt(chunk, (bytes) => bytes.map((v, i) => (i === bytes.length - 25 ? v ^ 0x08 : v)))
    },
    {
      name: 'a truncated file',
      apply: (share: RealShare, chunk: string) =>
        share.corrupt(chunk, (bytes) => bytes.slice(0, bytes.length - 7))
    },
    { name: 'the file gone', apply: (share: RealShare, chunk: string) => share.remove(chunk) }
  ]) {
    it(`a snapshot whose LAST chunk is damaged (${damage.name}) lets no segment go, however sound its manifest`, async () => {
      const { share, a } = await allApplied()
      const store = await storeOf(a, share)
      const snap = await writeSnapshot(a, share, store, { chunkRecords: 2 })
      const chunks = await snapshotFiles(share, snap.snapshotId)
      expect(chunks.length).toBeGreaterThan(3)
      await damage.apply(share, chunks.at(-1)!)

      const before = await ownSegments(share, 'pcA')
      expect(before).toHaveLength(5)
      expect(await compactOwnSegments(a, share, store)).toEqual([])
      expect(await ownSegments(share, 'pcA')).toEqual(before)

      // A whole snapshot (the next day's) does the job.
      a.time.value += 24 * 3_600_000
      await writeSnapshot(a, share, store, { chunkRecords: 2 })
      expect(await compactOwnSegments(a, share, store)).toEqual([1, 2, 3, 4])
    })
  }

  it('falls back to an older whole snapshot: only what that one covers goes', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const info = { name: 'x', appVersion: '1' }
    const work = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        await registerComplaint(
          a,
          '1001',
          intake({ customerPhone: `1390013900${i}`, customerName: `客户${i}` })
        )
        await syncOnce(a, share)
      }
    }
    const store = await storeOf(a, share)
    await work(0, 3) // segments 1–3
    await writeSnapshot(a, share, store, { chunkRecords: 2 }) // covers pcA: 3
    a.time.value += 3_600_000
    await work(3, 6) // segments 4–6
    const newer = await writeSnapshot(a, share, store, { chunkRecords: 2 }) // covers pcA: 6
    await syncOnce(b, share)
    await publishPresence(b, share, info)
    await publishPresence(a, share, info)
    const chunks = await snapshotFiles(share, newer.snapshotId)
    await share.corrupt(chunks.at(-1)!, (bytes) =>
      bytes.map((v, i) => (i === bytes.length - 3 ? v ^ 0x01 : v))
    )

    expect(await compactOwnSegments(a, share, store)).toEqual([1, 2, 3])
    expect(await ownSegments(share, 'pcA')).toEqual([4, 5, 6].map((n) => `seg-pcA-00000000000${n}.seg`))
  })
})
