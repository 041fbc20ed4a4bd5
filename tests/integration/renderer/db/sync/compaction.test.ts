import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { compactOwnSegments } from '@/db/sync/compactOwn'
import { publishPresence } from '@/db/sync/presence'
import { registerComplaint } from '@/db/complaints'
import { snapshotNow } from '@/db/sync/snapshots'
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
})
