import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { registerComplaint } from '@/db/complaints'
import { saveTimeRules } from '@/db/timeRules'
import { syncOnce } from '@/db/sync/syncOnce'
import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'
import { createRealShare, type RealShare } from './realShare'
import { intake, pc, syncedState } from './harness'

let shares: RealShare[] = []
afterEach(async () => {
  for (const s of shares) await s.dispose()
  shares = []
})
async function newShare(): Promise<RealShare> {
  const share = await createRealShare()
  shares.push(share)
  return share
}

describe('sync round', () => {
  it('brings one PC’s complaint to another, with derived keys and tallies, and no outbox entries', async () => {
    const share = await newShare()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const c = await registerComplaint(a, '1001', intake())
    const outbox = await a.db.outbox.count()
    const ra = await syncOnce(a, share)
    expect(ra).toMatchObject({ state: 'synced', sent: outbox, problems: [] })
    const rb = await syncOnce(b, share)
    // customer, its customerCreated event, complaint, registered event
    expect(rb).toMatchObject({ state: 'synced', sent: 0, received: outbox, applied: 4, problems: [] })
    const got = await b.db.complaints.get(c.id)
    expect(got).toMatchObject({ no: c.no, status: 'registered', _openAt: c.receivedAt })
    expect(await b.db.outbox.count()).toBe(0)
    expect((await b.db.tallies.get('complaints.status=registered'))?.n).toBe(1)
    expect(await syncedState(b)).toEqual(await syncedState(a))
    // (and each PC's claim file, claim.ts)
    expect((await share.files()).filter((f) => !f.includes('/claim-'))).toEqual([
      'devices/pcA/segments/seg-pcA-000000000001.seg',
      'store.json'
    ])
  })

  it('takes another PC’s new time rules into use and recomputes open cases’ time keys with them', async () => {
    const share = await newShare()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const c = await registerComplaint(a, '1001', intake())
    await syncOnce(a, share)
    await syncOnce(b, share)
    const before = (await b.db.complaints.get(c.id))?._escalateAt
    expect(before).toBeDefined()
    await saveTimeRules(a, '1001', { ...DEFAULT_TIME_RULES, escalateToLeaderAfterHours: 2 })
    await syncOnce(a, share)
    await syncOnce(b, share)
    expect(b.timeRules.escalateToLeaderAfterHours).toBe(2)
    expect((await b.db.complaints.get(c.id))?._escalateAt).toBe(
      (await a.db.complaints.get(c.id))?._escalateAt
    )
    expect((await b.db.complaints.get(c.id))?._escalateAt).not.toBe(before)
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })
})
