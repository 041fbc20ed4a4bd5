import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { cloneOf, intake, pc, reopen, shareKeeper, type Pc } from './harness'
import type { RealShare } from './realShare'

// Issue 18 point 3: a cloned PC (a copied disk image: the same device id AND the same database) is
// found at start, before either copy publishes anything under the shared id, through the claim file
// each install writes when it starts (claim.ts, docs/sync-format.md §4a).

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const claims = async (share: RealShare, device: string) =>
  (await share.files(`devices/${device}`)).filter((f) => /\/claim-\d{15}-[A-Za-z0-9_-]+\.json$/.test(f))
const segments = async (share: RealShare, device: string) => share.files(`devices/${device}/segments`)

async function restart(p: Pc, deviceId: string, code: string): Promise<Pc> {
  const name = p.db.name
  p.db.close()
  return reopen(p.time, deviceId, name, code)
}

describe('a claim file per install', () => {
  it('a copy that has published nothing is found when the original next starts: clone, and nothing is published under the shared id', async () => {
    const share = await shares.make()
    let a = await pc('pcA', 'A1')
    await registerComplaint(a, '1001', intake({ customerName: '复制前' }))
    expect((await syncOnce(a, share)).state).toBe('synced')
    expect(await claims(share, 'pcA')).toHaveLength(1)

    // The disk is copied; the copy starts and syncs, with nothing of its own to publish.
    const b = await cloneOf(a, 'pcA', 'copy-b')
    const first = await syncOnce(b, share)
    expect(first.state).toBe('synced') // it knows every claim written before the copy
    expect(first.sent).toBe(0)
    expect(await claims(share, 'pcA')).toHaveLength(2)

    // The original registers a complaint and restarts (the next morning): its first round finds a
    // claim it never wrote.
    await registerComplaint(a, '1001', intake({ customerName: '复制后', customerPhone: '13900000009' }))
    a = await restart(a, 'pcA', 'A1')
    const before = await segments(share, 'pcA')
    const found = await syncOnce(a, share)
    expect(found.state).toBe('error')
    expect(found.problems.map((p) => p.kind)).toEqual(['clone'])
    expect(found.sent).toBe(0)
    expect(await segments(share, 'pcA')).toEqual(before) // nothing published under the shared id
    // It withdrew the claims it knows, so the copy does not see a stranger's claim as well …
    expect(await claims(share, 'pcA')).toHaveLength(1)
    expect((await syncOnce(b, share)).state).toBe('synced')
    // … and it keeps refusing until main gives it a new id (the loop's onClone; renewDevice.ts).
    expect((await syncOnce(a, share)).problems.map((p) => p.kind)).toEqual(['clone'])
    const renewed = await restart(a, 'pcA-new', 'K7')
    expect((await syncOnce(renewed, share)).state).toBe('synced')
    expect(await claims(share, 'pcA-new')).toHaveLength(1)
  })

  it('the same install restarting many times never takes itself for a clone, and keeps two claims', async () => {
    const share = await shares.make()
    let a = await pc('pcA', 'A1')
    for (let i = 0; i < 5; i++) {
      a.time.value += 60_000
      const report = await syncOnce(a, share)
      expect(report.state).toBe('synced')
      a = await restart(a, 'pcA', 'A1')
    }
    expect(await claims(share, 'pcA')).toHaveLength(2)
    // A second PC sees no problem either.
    const b = await pc('pcB', 'B1')
    expect((await syncOnce(b, share)).state).toBe('synced')
  })
})
