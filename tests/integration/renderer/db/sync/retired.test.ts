import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { registerComplaint } from '@/db/complaints'
import { addStaff } from '@/db/staff'
import { compactOwnSegments } from '@/db/sync/compactOwn'
import { publishPresence, readPeers } from '@/db/sync/presence'
import { readRetired, retireDevice, RetireRefusedError, stillRetired } from '@/db/sync/retired'
import { snapshotNow } from '@/db/sync/snapshots'
import { syncOnce } from '@/db/sync/syncOnce'
import { isStoreAccess, openStore } from '@/db/sync/storeAccess'
import { intake, pc, shareKeeper, syncedState, type Pc } from './harness'
import type { RealShare } from './realShare'

// Issue 18 point 3, 移除电脑: a manager removes a PC that is gone. Its files stay; it is no longer
// reported as vanished; compaction no longer waits for it — on every PC, since the removal is synced
// data; and if it comes back (a newer status file), it is an ordinary PC again everywhere.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const HOUR = 3_600_000
const info = { name: '旧电脑', appVersion: '1' }

async function storeOf(p: Pc, share: RealShare) {
  const store = await openStore(p.db, share, p.now())
  if (!isStoreAccess(store)) throw new Error(store.detail)
  return store
}
const segmentsOf = async (share: RealShare, device: string) =>
  (await share.list(`devices/${device}/segments`)).map((e) => e.name).sort()

let n = 0
async function complaint(p: Pc, share: RealShare) {
  n++
  await registerComplaint(
    p,
    '1001',
    intake({ customerPhone: `1380000${String(n).padStart(4, '0')}`, customerName: `客户${n}` })
  )
  expect((await syncOnce(p, share)).state).toBe('synced')
}

/** A (manager 9001) and B sync; C synced once long ago (read nothing of A) and is gone. */
async function threePcs() {
  const share = await shares.make()
  const a = await pc('pcA', 'A1')
  const b = await pc('pcB', 'B1')
  const c = await pc('pcC', 'C1')
  await addStaff(a, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
  await addStaff(a, '9001', { staffNo: '1002', name: '赵专员', role: 'clerk' })
  await complaint(c, share) // C publishes a segment …
  await publishPresence(c, share, info) // … and a status: it has read nothing of A
  for (let i = 0; i < 4; i++) await complaint(a, share)
  for (const p of [b, a]) {
    expect((await syncOnce(p, share)).state).toBe('synced')
    await publishPresence(p, share, { name: p.device.deviceId, appVersion: '1' })
  }
  await snapshotNow(a, share)
  return { share, a, b, c }
}

describe('移除电脑', () => {
  it('a removed PC (the removal synced to every PC) is not waited for by compaction, its files stay, its vanished files are not reported; back, it is waited for again and ends equal', async () => {
    const { share, a, b, c } = await threePcs()
    // C has applied nothing of A: A may remove nothing.
    expect(await compactOwnSegments(a, share, await storeOf(a, share))).toEqual([])

    const cPeer = (await readPeers(share)).find((p) => p.deviceId === 'pcC')!
    a.time.value += HOUR
    await retireDevice(a, '9001', { deviceId: 'pcC', lastSeen: cPeer.lastSeen, name: cPeer.name })
    // The removal travels to B like any setting: every PC agrees.
    expect((await syncOnce(a, share)).state).toBe('synced')
    expect((await syncOnce(b, share)).state).toBe('synced')
    expect(stillRetired((await readRetired(b)).get('pcC'), cPeer.lastSeen)).toBe(true)
    await publishPresence(b, share, { name: 'pcB', appVersion: '1' })

    // Compaction no longer waits for C: what the snapshot covers (1–4) goes; 5 (the removal) is the newest.
    expect(await compactOwnSegments(a, share, await storeOf(a, share))).toEqual([1, 2, 3, 4])
    // C's files stay.
    expect(await segmentsOf(share, 'pcC')).toEqual(['seg-pcC-000000000001.seg'])

    // Its segments vanish from the share (someone tidies up the folder): not reported on A or B.
    await share.remove('devices/pcC/segments/seg-pcC-000000000001.seg')
    for (const p of [a, b]) {
      const report = await syncOnce(p, share)
      expect(report.state).toBe('synced')
      expect(report.problems.map((x) => x.kind)).not.toContain('shareEmptied')
    }

    // C comes back a day later: it publishes again (a newer status), so the removal no longer holds …
    c.time.value = a.time.value + 24 * HOUR
    const back = await syncOnce(c, share)
    await publishPresence(c, share, info)
    const cNow = (await readPeers(share)).find((p) => p.deviceId === 'pcC')!
    expect(stillRetired((await readRetired(a)).get('pcC'), cNow.lastSeen)).toBe(false)
    // … A waits for it again: with new segments 6 and 7 and a snapshot covering them, only 5 (which C
    // has read) goes — 6 stays for C (removed, it would go too).
    a.time.value = c.time.value
    await complaint(a, share)
    await complaint(a, share)
    await publishPresence(a, share, { name: 'pcA', appVersion: '1' })
    a.time.value += 25 * HOUR
    await snapshotNow(a, share)
    expect(await compactOwnSegments(a, share, await storeOf(a, share))).toEqual([5])
    // … and it gets everything (segments 1–3 came from the snapshot).
    expect(back.problems.map((x) => x.kind)).not.toContain('segmentsLost')
    for (const p of [c, a, b, c]) expect((await syncOnce(p, share)).state).toBe('synced')
    expect(await syncedState(c)).toEqual(await syncedState(a))
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })

  it('a PC whose files vanish is reported until a manager removes it, then no longer', async () => {
    const { share, a } = await threePcs()
    const report = async () => (await syncOnce(a, share)).problems.map((x) => x.kind)
    // A has read C's segment; it vanishes.
    await share.remove('devices/pcC/segments/seg-pcC-000000000001.seg')
    expect(await report()).toContain('shareEmptied')
    const cPeer = (await readPeers(share)).find((p) => p.deviceId === 'pcC')!
    await retireDevice(a, '9001', { deviceId: 'pcC', lastSeen: cPeer.lastSeen, name: '' })
    expect(await report()).not.toContain('shareEmptied')
  })

  it('only a 客服经理 removes a PC, and never this PC; nothing is written when refused', async () => {
    const { a } = await threePcs()
    const before = await a.db.table('outbox').count()
    await expect(retireDevice(a, '1002', { deviceId: 'pcC', lastSeen: 1, name: '' })).rejects.toSatisfy(
      (e) => e instanceof RetireRefusedError && e.code === 'syncPage.retire.managerOnly'
    )
    await expect(retireDevice(a, '9001', { deviceId: 'pcA', lastSeen: 1, name: '' })).rejects.toSatisfy(
      (e) => e instanceof RetireRefusedError && e.code === 'syncPage.retire.notThisPc'
    )
    await expect(retireDevice(a, '9001', { deviceId: '../x', lastSeen: 1, name: '' })).rejects.toSatisfy(
      (e) => e instanceof RetireRefusedError && e.code === 'syncPage.retire.badDevice'
    )
    expect(await a.db.table('outbox').count()).toBe(before)
    expect((await readRetired(a)).size).toBe(0)
  })
})
