import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { minimalCustomer } from '@shared/domain/customer'
import { decodeSegment, hashBytes, segmentPath, type DecodedSegment } from '@shared/sync/segment'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import type { SharePort } from '@/db/sync/sharePort'
import { EXPORT_STATE_KEY } from '@/db/sync/exportOutbox'
import { intake, pc, shareKeeper, syncedState, type Pc } from './harness'
import { worded } from './worded'
import type { RealShare } from './realShare'

/** The share's files under devices/ other than claim files (claim.ts; they have their own tests). */
const segmentFiles = async (share: RealShare) =>
  (await share.files('devices')).filter((f) => !f.includes('/claim-'))

// Crash windows and idempotence, simulated in-process: the process "dies" (throws) between a step
// that reached the share and the local step that records it.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

/** A port whose writeNew puts the file on the share, then the process dies before hearing back. */
function dyingAfterWrite(share: SharePort): SharePort {
  return {
    list: (dir) => share.list(dir),
    read: (path) => share.read(path),
    remove: (path) => share.remove(path),
    writeNew: async (path, bytes) => {
      await share.writeNew(path, bytes)
      if (path.includes('/segments/')) throw new Error('process killed after writeNew')
    }
  }
}

async function segment(share: SharePort, device: string, seq: number): Promise<DecodedSegment> {
  const decoded = await decodeSegment(await share.read(segmentPath(device, seq)))
  if (!decoded.ok) throw new Error(decoded.detail)
  return decoded
}

/** Every table of a PC, as stored (stamps, clocks, tallies, conflicts, meta and cursors included). */
async function everything(ctx: Pc): Promise<unknown> {
  return Object.fromEntries(
    await Promise.all(ctx.db.tables.map(async (t) => [t.name, await t.toArray()] as const))
  )
}

describe('export crash window', () => {
  it('a round that died after writeNew is adopted by the next one: no duplicate, no loss', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    await registerComplaint(a, '1001', intake({ content: '崩溃前' }))
    const before = await a.db.outbox.count()
    const died = await syncOnce(a, dyingAfterWrite(share))
    expect(died.state).toBe('error')
    expect(await a.db.meta.get(EXPORT_STATE_KEY)).toBeUndefined()
    expect(await segmentFiles(share)).toEqual([segmentPath('pcA', 1)])

    // More work happens before the next round: the file on the share is a prefix of what is pending.
    await registerComplaint(a, '1001', intake({ content: '崩溃后', customerPhone: '13900139000' }))
    const total = await a.db.outbox.count()
    const next = await syncOnce(a, share)
    expect(next).toMatchObject({ state: 'synced', sent: total, problems: [] })
    expect(await segmentFiles(share)).toEqual([segmentPath('pcA', 1), segmentPath('pcA', 2)])
    const [one, two] = [await segment(share, 'pcA', 1), await segment(share, 'pcA', 2)]
    expect(one.changes).toHaveLength(before)
    expect(two.changes).toHaveLength(total - before)
    expect(two.header.prevHash).toBe(one.fileHash)
    const keys = [...one.changes, ...two.changes].map((c) => `${c.hlc}/${c.table}/${c.recordId}/${c.field}`)
    expect(new Set(keys).size).toBe(total)
    expect(await a.db.meta.get(EXPORT_STATE_KEY)).toMatchObject({
      value: { seq: 2, hash: await hashBytes(await share.read(segmentPath('pcA', 2))) }
    })

    const b = await pc('pcB', 'B1')
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', received: total, problems: [] })
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })

  it('splits a large backlog into several segments in one round, chained', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const rows = Array.from({ length: 5_200 }, (_, i) =>
      minimalCustomer(`c${i}`, `客户${i}`, `139${String(i).padStart(8, '0')}`)
    )
    await a.writer.transact('1001', (tx) => tx.createMany('customers', rows))
    expect(await syncOnce(a, share)).toMatchObject({ state: 'synced', sent: 5_200 })
    const [one, two] = [await segment(share, 'pcA', 1), await segment(share, 'pcA', 2)]
    expect([one.header.count, two.header.count]).toEqual([5_000, 200])
    expect(two.header.prevHash).toBe(one.fileHash)
    const b = await pc('pcB', 'B1')
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', applied: 5_200 })
    expect((await b.db.tallies.get('customers.tier=regular'))?.n).toBe(5_200)
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })
})

describe('duplicated device id (cloned PC image)', () => {
  it('is detected by the second writer, which overwrites nothing and loses nothing', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const clone = await pc('pcA', 'A1')
    await registerComplaint(a, '1001', intake({ content: '原机' }))
    await registerComplaint(clone, '1009', intake({ content: '克隆机', customerPhone: '13900139000' }))
    expect((await syncOnce(a, share)).problems).toEqual([])
    const original = await share.read(segmentPath('pcA', 1))

    const report = await syncOnce(clone, share)
    expect(report.state).toBe('error')
    expect(report.problems.map(worded)).toEqual([
      // (found by A's claim file before the clone publishes anything: claim.ts)
      expect.objectContaining({
        kind: 'clone',
        message: expect.stringContaining('相同的设备标识')
      })
    ])
    expect(await share.read(segmentPath('pcA', 1))).toEqual(original)
    expect(await segmentFiles(share)).toEqual([segmentPath('pcA', 1)])
    expect(await clone.db.meta.get(EXPORT_STATE_KEY)).toBeUndefined()
    expect((await clone.db.complaints.toArray()).map((c) => c.content)).toEqual(['克隆机'])
    // It keeps refusing (and telling) on later rounds, still without touching the file.
    expect((await syncOnce(clone, share)).problems.map((p) => p.kind)).toEqual(['clone'])
    expect(await share.read(segmentPath('pcA', 1))).toEqual(original)
  })
})

describe('idempotence', () => {
  it('applying the same segment twice changes nothing the second time (records, stamps, clock, tallies, conflicts)', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const c = await registerComplaint(a, '1001', intake({ content: 'A 写的' }))
    await syncOnce(a, share)
    await syncOnce(b, share)
    // concurrent long-text edits, so the batch carries a conflict too
    await a.writer.transact('1001', (tx) =>
      tx.update('complaints', c.id, { content: 'A 改的', status: 'closed' })
    )
    b.time.value += 1000
    await b.writer.transact('1002', (tx) => tx.update('complaints', c.id, { content: 'B 改的' }))
    await syncOnce(a, share)
    const changes = (await segment(share, 'pcA', 2)).changes

    const first = await b.writer.applyRemote(changes)
    expect(first.applied).toBe(1)
    expect(first.conflicts).toEqual([expect.objectContaining({ field: 'content', losingValue: 'A 改的' })])
    const once = await everything(b)
    expect(await b.writer.applyRemote(changes)).toEqual({ applied: 0, conflicts: [], held: [] })
    expect(await everything(b)).toEqual(once)
  })

  it('a round that died after applying but before moving the cursor re-applies as a no-op', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    await registerComplaint(a, '1001', intake())
    await syncOnce(a, share)
    const dies = vi
      .spyOn(b.db.syncPeers, 'put')
      .mockRejectedValueOnce(new Error('process killed before the cursor moved'))
    expect((await syncOnce(b, share)).state).toBe('error')
    expect(dies).toHaveBeenCalledOnce()
    dies.mockRestore()
    const applied = await everything(b)
    const again = await syncOnce(b, share)
    expect(again).toMatchObject({ state: 'synced', applied: 0, problems: [] })
    expect(again.received).toBeGreaterThan(0)
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 1, gaps: [] })
    const after = (await everything(b)) as Record<string, unknown>
    expect({ ...after, syncPeers: [], meta: [] }).toEqual({
      ...(applied as Record<string, unknown>),
      syncPeers: [],
      meta: []
    })
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })
})
