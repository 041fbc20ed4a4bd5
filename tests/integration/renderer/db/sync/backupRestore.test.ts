import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { makeBackup, type BackupStorePort } from '@/db/backup'
import { restoreBackup } from '@/db/backupRestore'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { STORE_ID_KEY } from '@/db/sync/storeAccess'
import { anyPacked, recordsOf } from '@/db/packedHistory'
import { writeSnapshot } from '@/db/sync/snapshots'
import { isStoreAccess, openStore } from '@/db/sync/storeAccess'
import { BASE_TIME, intake, pc, reopen, shareKeeper, syncedState, TEST_STORE_ID, type Pc } from './harness'

// 恢复备份 with sync on (issue 17 point 4): a restore never makes another PC lose anything — the
// restored PC then takes in what the share holds (its own published changes included) and every PC
// converges.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

function memoryPort(): BackupStorePort {
  const files = new Map<string, Uint8Array>()
  let n = 0
  return {
    write: async (bytes) => {
      files.set(`b${++n}`, bytes.slice())
      return { id: `b${n}` }
    },
    read: async (id) => (files.get(id) as Uint8Array).slice(),
    setVerified: async () => undefined
  }
}

async function withManager(ctx: Pc): Promise<Pc> {
  await ctx.writer.transact('8001', (tx) =>
    tx.create('staff', { id: 'm', staffNo: '8001', name: '李经理', role: 'manager', active: true })
  )
  return ctx
}

const complaintNos = async (ctx: Pc) => (await ctx.db.complaints.toArray()).map((c) => c.content).sort()

describe('恢复备份 on one of two PCs in a store share', () => {
  it('loses nothing on the other PC; the restored PC takes in the share (its own published work too) and both converge', async () => {
    const share = await shares.make()
    const a = await withManager(await pc('pcA', 'A1'))
    const b = await pc('pcB', 'B1')
    await registerComplaint(a, '1001', intake({ content: '备份前的登记' }))
    await syncOnce(a, share)
    await syncOnce(b, share)
    const port = memoryPort()
    const backup = await makeBackup(a, port, 'manual')
    expect(backup.verified).toBe(true)

    // After the backup: A publishes one, B publishes one, A keeps one unpublished.
    await registerComplaint(a, '1001', intake({ content: 'A 已同步', customerPhone: '13900139000' }))
    await syncOnce(a, share)
    await registerComplaint(b, '1002', intake({ content: 'B 已同步', customerPhone: '13700137000' }))
    await syncOnce(b, share)
    await registerComplaint(a, '1001', intake({ content: 'A 未同步', customerPhone: '13600136000' }))

    await restoreBackup(a, port, '8001', { id: backup.id })
    expect(await complaintNos(a)).toEqual(['备份前的登记'])

    const all = ['A 已同步', 'A 未同步', 'B 已同步', '备份前的登记']
    for (let round = 0; round < 2; round++) {
      expect((await syncOnce(a, share)).problems).toEqual([])
      expect((await syncOnce(b, share)).problems).toEqual([])
    }
    expect(await complaintNos(b)).toEqual(all)
    expect(await complaintNos(a)).toEqual(all)
    expect(await syncedState(a)).toEqual(await syncedState(b))
    // Caught up on its own chain, A no longer reads it.
    expect(await a.db.syncPeers.get('pcA')).toBeUndefined()
  })

  it('a replacement PC restored from the old PC’s backup publishes what the old PC never could', async () => {
    const share = await shares.make()
    const old = await withManager(await pc('pcOld', 'A1'))
    const b = await pc('pcB', 'B1')
    await registerComplaint(old, '1001', intake({ content: '已同步' }))
    await syncOnce(old, share)
    await registerComplaint(old, '1001', intake({ content: '坏盘前未同步', customerPhone: '13900139000' }))
    const port = memoryPort()
    const backup = await makeBackup(old, port, 'scheduled')

    const fresh = await pc('pcNew', 'C1')
    await restoreBackup(fresh, port, null, { id: backup.id })
    for (let round = 0; round < 2; round++) {
      expect((await syncOnce(fresh, share)).problems).toEqual([])
      expect((await syncOnce(b, share)).problems).toEqual([])
    }
    expect(await complaintNos(b)).toEqual(['坏盘前未同步', '已同步'])
    expect(await syncedState(fresh)).toEqual(await syncedState(b))
  })

  it('a PC whose database was lost (rebuilt empty, device id kept) restores its own backup, joins again under a new id, and every PC converges', async () => {
    const share = await shares.make()
    const a = await withManager(await pc('pcA', 'A1'))
    const b = await pc('pcB', 'B1')
    await registerComplaint(a, '1001', intake({ content: '备份前的登记' }))
    expect((await syncOnce(a, share)).state).toBe('synced')
    await syncOnce(b, share)
    const port = memoryPort()
    const backup = await makeBackup(a, port, 'scheduled')
    await registerComplaint(a, '1001', intake({ content: 'A 已同步', customerPhone: '13900139000' }))
    expect((await syncOnce(a, share)).state).toBe('synced')
    await registerComplaint(b, '1002', intake({ content: 'B 已同步', customerPhone: '13700137000' }))
    await syncOnce(b, share)

    // main's device.json is kept; the database comes back empty (Chromium deleted it as damaged).
    a.db.close()
    const lost = await pc('pcA', 'A1', 0, { joined: false })
    await restoreBackup(lost, port, null, { id: backup.id })
    expect(await complaintNos(lost)).toEqual(['备份前的登记'])
    // Sync state is device-local, never restored: the PC says it has not joined …
    expect((await syncOnce(lost, share)).problems.map((p) => p.code)).toEqual(['notJoined'])
    // … and once it joins again, its claims from before the loss are strangers: it must take a new id
    // before it writes anything, or its new chain would clash with the one it published before.
    await lost.db.meta.put({ key: STORE_ID_KEY, value: TEST_STORE_ID })
    const before = await share.files('devices/pcA/segments')
    const refused = await syncOnce(lost, share)
    expect(refused.problems.map((p) => p.kind)).toEqual(['clone'])
    expect(await share.files('devices/pcA/segments')).toEqual(before)
    const name = lost.db.name
    lost.db.close()
    const renewed = await reopen(lost.time, 'pcA-new', name, 'K7')

    const all = ['A 已同步', 'B 已同步', '备份前的登记']
    for (let round = 0; round < 2; round++) {
      expect((await syncOnce(renewed, share)).problems).toEqual([])
      expect((await syncOnce(b, share)).problems).toEqual([])
    }
    expect(await complaintNos(renewed)).toEqual(all)
    expect(await complaintNos(b)).toEqual(all)
    expect(await syncedState(renewed)).toEqual(await syncedState(b))
  })
})

describe('数据备份 on a PC holding settled history in packs (a join stored it so)', () => {
  /** A: a manager and 10 complaints, 7 closed, with a snapshot; C joins from it (its history packed). */
  async function joined(): Promise<{ a: Pc; c: Pc; share: Awaited<ReturnType<typeof shares.make>> }> {
    const share = await shares.make()
    const a = await withManager(await pc('pcA', 'A1'))
    for (let i = 0; i < 10; i++) {
      a.time.value = BASE_TIME - ((i * 3) % 10) * 86_400_000
      const c = await registerComplaint(
        a,
        '1001',
        intake({ customerPhone: `1380013${8000 + i}`, customerName: `客户${i}` })
      )
      if (i % 3 !== 0)
        await a.writer.transact('1001', (tx) =>
          tx.update('complaints', c.id, { status: 'closed', closedAt: a.time.value })
        )
    }
    a.time.value = BASE_TIME
    await syncOnce(a, share)
    const store = await openStore(a.db, share, a.now())
    if (!isStoreAccess(store)) throw new Error('A has no store')
    await writeSnapshot(a, share, store, { chunkRecords: 6 })
    const c = await pc('pcC', 'C1')
    for (let round = 0; (await syncOnce(c, share, { historyBudgetMs: 0 })).history || round === 0; round++)
      if (round > 50) throw new Error('history never finished loading')
    expect(await anyPacked(c.db)).toBe(true)
    expect(await syncedState(c)).toEqual(await syncedState(a))
    return { a, c, share }
  }

  /** syncedState but 操作日志 (a restore adds its own entry). */
  const records = async (ctx: Pc) => {
    const { auditLog: _audit, ...rest } = await syncedState(ctx)
    return rest
  }

  it('the backup holds the packed complaints and events as records; it restores equal on a new PC, on a PC holding rows, and on itself', async () => {
    const { a, c } = await joined()
    const port = memoryPort()
    const backup = await makeBackup(c, port, 'manual')
    expect(backup.verified).toBe(true)
    // the counts are the records' (what 恢复备份 shows), no pack table
    expect(backup.header.counts.complaints).toBe((await recordsOf(c.db, 'complaints')).length)
    expect(backup.header.counts.events).toBe((await recordsOf(c.db, 'events')).length)
    expect(backup.header.counts.complaintPacks).toBeUndefined()
    const atBackup = await records(c)

    // a replacement PC (first run, no data)
    const fresh = await pc('pcNew', 'N1')
    await restoreBackup(fresh, port, null, { id: backup.id })
    expect(await records(fresh)).toEqual(atBackup)
    expect(await anyPacked(fresh.db)).toBe(false)

    // A, which holds every complaint as a row (the file's packed records are not in key order)
    await restoreBackup(a, port, '8001', { id: backup.id })
    expect(await records(a)).toEqual(atBackup)

    // C itself, after a packed complaint was edited (moved to a row) and another one registered
    const settled = (await recordsOf(c.db, 'complaints')).find((r) => r.status === 'closed')
    await c.writer.transact('8001', (tx) =>
      tx.update('complaints', settled?.id as string, { demand: '备份后改的' })
    )
    await registerComplaint(c, '8001', intake({ content: '备份后登记', customerPhone: '13600136000' }))
    expect(await records(c)).not.toEqual(atBackup)
    await restoreBackup(c, port, '8001', { id: backup.id })
    expect(await records(c)).toEqual(atBackup)
    // every complaint is in one place: rows now, no pack left
    expect(await anyPacked(c.db)).toBe(false)
    const ids = (await recordsOf(c.db, 'complaints')).map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
