import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackup, type BackupChunk } from '@shared/backup/format'
import { toSnapshotRecord } from '@shared/sync/snapshot'
import { getCustomer, updateCustomer, type StoredCustomer } from '@/db/customers'
import { searchCustomers, countCustomers } from '@/db/customerQuery'
import { allCustomerIds } from '@/db/customerReads'
import { writeBackupOf } from '@/db/backup'
import { ensureTallies, TALLIES_BUILT_KEY } from '@/db/tallies'
import { syncOnce } from '@/db/sync/syncOnce'
import { snapshotNow } from '@/db/sync/snapshots'
import type { RealShare } from './realShare'
import { pc, shareKeeper, storeOnA, syncedState, type Pc } from './harness'

// Issue 18, archive packs: a joining PC stores the customers it held while loading in packs
// (renderer/src/db/packedCustomers.ts) instead of as indexed rows. Every read finds them as rows would
// be found; a write to one (here or from a peer) moves it to a row first; whole-store readers (a backup,
// a snapshot, the tallies' rebuild) see each once.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

/** A store on A of `n` complaints (each a customer), every one but each 4th closed; C joins and loads it. */
async function joined(share: RealShare, n = 12): Promise<{ a: Pc; c: Pc }> {
  const { a } = await storeOnA(share, n, (i) => i % 4 !== 0, 100)
  const c = await pc('pcC', 'C1')
  for (let i = 0; i < 50 && (await syncOnce(c, share)).history; i++);
  return { a, c }
}

const packedIds = async (p: Pc): Promise<string[]> =>
  (await p.db.customerPacks.toArray()).flatMap((pack) => pack.ids)

/** Every customer id as stored, rows and packs, duplicates kept (reads would hide a second copy). */
const everyStoredId = async (p: Pc): Promise<string[]> => [
  ...((await p.db.customers.toCollection().primaryKeys()) as string[]),
  ...(await packedIds(p))
]

/** A record without the stamps each PC keeps for itself. */
const withoutStamps = (r: object | undefined) => {
  const { _created, _updated, ...rest } = (r ?? {}) as Record<string, unknown>
  return rest
}

describe('archive packs', () => {
  it('a join stores the customers it held in packs, not as rows, and every read finds them', async () => {
    const share = await shares.make()
    const { a, c } = await joined(share)
    const packed = await packedIds(c)
    expect(packed.length).toBeGreaterThanOrEqual(6)
    for (const id of packed) {
      expect(await c.db.customers.get(id)).toBeUndefined()
      const there = await getCustomer(a, id)
      expect(withoutStamps(await getCustomer(c, id))).toEqual(withoutStamps(there))
      const hits = await searchCustomers(c, (there as StoredCustomer).name)
      expect(hits.map((h) => h.customer.id)).toContain(id)
    }
    expect(await allCustomerIds(c.db)).toEqual(await allCustomerIds(a.db))
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a customer edited here becomes a row; its pack is stored again without it; the edit reaches the peer', async () => {
    const share = await shares.make()
    const { a, c } = await joined(share)
    const id = (await packedIds(c))[0] as string
    const packsBefore = (await c.db.customerPacks.toArray()).map((p) => p.id)
    const holding = (await c.db.customerPacks.toArray()).find((p) => p.ids.includes(id))
    const current = (await getCustomer(c, id)) as StoredCustomer
    expect(await updateCustomer(c, '1001', id, { ...current, address: '上海市南京路 1 号' })).toBeGreaterThan(
      0
    )
    expect(await c.db.customers.get(id)).toMatchObject({ address: '上海市南京路 1 号' })
    expect(await packedIds(c)).not.toContain(id)
    // the pack that held it is gone; the others it held are in a new pack
    const packsAfter = (await c.db.customerPacks.toArray()).map((p) => p.id)
    expect(packsAfter).not.toContain(holding?.id)
    for (const other of (holding?.ids ?? []).filter((x) => x !== id))
      expect(await packedIds(c)).toContain(other)
    expect(packsAfter.filter((p) => !packsBefore.includes(p))).toHaveLength(holding?.ids.length === 1 ? 0 : 1)
    // one of each, as many as before
    const everyone = await everyStoredId(c)
    expect(new Set(everyone).size).toBe(everyone.length)
    expect(everyone.length).toBe(await a.db.customers.count())
    await syncOnce(c, share)
    await syncOnce(a, share)
    expect(await a.db.customers.get(id)).toMatchObject({ address: '上海市南京路 1 号' })
    expect(await syncedState(a)).toEqual(await syncedState(c))
  })

  it('a peer’s edit of a packed customer merges into it here', async () => {
    const share = await shares.make()
    const { a, c } = await joined(share)
    const id = (await packedIds(c))[1] as string
    const there = (await getCustomer(a, id)) as StoredCustomer
    await updateCustomer(a, '1001', id, { ...there, name: '甲改的名' })
    await syncOnce(a, share)
    await syncOnce(c, share)
    expect(await getCustomer(c, id)).toMatchObject({ name: '甲改的名' })
    expect(await packedIds(c)).not.toContain(id)
    expect((await searchCustomers(c, '甲改的名')).map((h) => h.customer.id)).toEqual([id])
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a slice stored again by the same PC (its progress not saved) leaves every customer once', async () => {
    const share = await shares.make()
    const { a, c } = await joined(share)
    const packed = await packedIds(c)
    const entries = (await a.db.customers.bulkGet(packed)).map((r) => ({
      t: 'customers' as const,
      r: toSnapshotRecord(r as unknown as Record<string, unknown>)
    }))
    await c.writer.applyHistoryRecords(entries as never, 'test.sliceAgain', null)
    const after = await everyStoredId(c)
    expect(new Set(after).size).toBe(after.length)
    expect(after.length).toBe(await a.db.customers.count())
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a backup holds the packed customers once; the tallies rebuilt count them', async () => {
    const share = await shares.make()
    const { a, c } = await joined(share)
    const built = await writeBackupOf(
      c.db,
      { deviceId: 'pcC', createdAt: c.now(), encryption: undefined },
      {}
    )
    const opened = await openBackup(built.bytes, undefined)
    if (!opened.ok) throw new Error(opened.refusal)
    const ids: string[] = []
    for await (const { t, r } of opened.chunks() as AsyncGenerator<BackupChunk>)
      if (t === 'customers') ids.push(...r.map((x) => x.id as string))
    expect(ids.sort()).toEqual(await allCustomerIds(a.db))
    expect(Object.keys(opened.header.counts)).not.toContain('customerPacks')

    await c.db.meta.delete(TALLIES_BUILT_KEY)
    await c.db.tallies.clear()
    await ensureTallies(c.db)
    expect(await countCustomers(c, {})).toBe(await countCustomers(a, {}))
    expect(await countCustomers(c, {})).toBe(ids.length)
  })

  it('a snapshot made by a PC holding packed customers lists each once: a PC joining from it equals the store', async () => {
    const share = await shares.make()
    const { a, c } = await joined(share)
    c.time.value += 60_000
    expect(await snapshotNow(c, share)).not.toBeNull()
    const d = await pc('pcD', 'D1')
    for (let i = 0; i < 50 && (await syncOnce(d, share)).history; i++);
    expect(await allCustomerIds(d.db)).toEqual(await allCustomerIds(a.db))
    expect(await syncedState(d)).toEqual(await syncedState(a))
  })
})
