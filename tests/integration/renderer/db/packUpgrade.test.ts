// @vitest-environment node
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { complaintById } from '@/db/complaintReads'
import { openDataLayer } from '@/db/context'
import { eventsOf } from '@/db/timelineReads'
import { packComplaints, type PackRow } from '@shared/sync/complaintPacks'
import { databaseAsVersion } from './oldSchemas'
import { device } from './helpers'

// Schema v17: a pack's complaints are stored as two texts (StoredComplaintPack), not as objects. Packs
// a PC stored under v16 are rewritten by the upgrade, and every complaint and event in them still reads.

const complaint = (i: number): PackRow => ({
  id: `k${i}`,
  no: `TS-20260101-A1-00${i}`,
  status: 'closed',
  receivedAt: 1_767_000_000_000 + i,
  customerId: `c${i}`,
  customerPhone: `1380013800${i}`,
  customerName: `客户${i}`,
  _clock: {}
})
const event = (i: number): PackRow => ({
  id: `e${i}`,
  subjectId: `k${i}`,
  type: 'created',
  at: 1_767_000_000_000 + i,
  _clock: {}
})

describe('schema v17 (packs as texts)', () => {
  it('rewrites packs a v16 PC stored as objects; their complaints and timelines read as before', async () => {
    const name = `v16-${Math.random()}`
    const rows = [1, 2, 3].map(complaint)
    const events = [1, 2, 3].map(event)
    const { packs } = packComplaints(rows, events, { prefix: 'h:k1', size: 2 })
    const old = databaseAsVersion(name, 16)
    await old.open()
    await old.table('complaintPacks').bulkAdd(packs)
    old.close()

    const ctx = await openDataLayer(device(), { dbName: name })
    expect(ctx.db.verno).toBeGreaterThanOrEqual(17)
    const stored = await ctx.db.complaintPacks.toArray()
    expect(stored.map((p) => p.id)).toEqual(['h:k1-0', 'h:k1-1'])
    for (const p of stored) {
      expect(typeof p.rowsText).toBe('string')
      expect(p).not.toHaveProperty('complaints')
    }
    for (const [i, row] of rows.entries()) {
      expect(await complaintById(ctx.db, row.id)).toEqual(row)
      expect(await eventsOf(ctx.db, row.id)).toEqual([events[i]])
    }
    ctx.db.close()
  })
})
