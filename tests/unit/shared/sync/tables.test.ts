import { describe, expect, it } from 'vitest'
import { SYNCED_TABLES } from '../../../../shared/sync/change'
import { SCHEMA_V4 } from '../../../../renderer/src/db/schema'

// The wire format names the tables it carries; a synced table added to the database without being
// added here would be refused by every other PC (its changes quarantined as invalid).
describe('synced tables', () => {
  it('are exactly the database tables that are not local to one PC', () => {
    const local = new Set(['outbox', 'meta', 'drafts', 'tallies'])
    const synced = Object.keys(SCHEMA_V4).filter((t) => !local.has(t))
    expect([...SYNCED_TABLES].sort()).toEqual(synced.sort())
  })
})
