import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { SYNCED_TABLES } from '@shared/sync/change'
import { freshData } from './helpers'

// The wire format names the tables it carries; a synced table added to the database without being
// added there would be refused by every other PC (its changes quarantined as invalid).
describe('synced tables', () => {
  it('are exactly the database tables that are not local to one PC', async () => {
    const ctx = await freshData()
    const local = new Set([
      'outbox',
      'meta',
      'drafts',
      'tallies',
      'serviceDays',
      'taskDays',
      'taskMade',
      'complaintDays',
      'conflicts',
      'quarantine',
      'syncPeers',
      // settled complaints with their events, stored packed on this PC; they sync as complaints and
      // events (packedHistory.ts)
      'complaintPacks',
      // customers a join stored packed; they sync as customers (packedCustomers.ts)
      'customerPacks'
    ])
    const synced = ctx.db.tables.map((t) => t.name).filter((t) => !local.has(t))
    expect([...SYNCED_TABLES].sort()).toEqual(synced.sort())
  })
})
