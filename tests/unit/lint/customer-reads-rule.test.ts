// Proves rule e of eslint.config.mjs: inside the data layer, customers are read through
// renderer/src/db/customerReads.ts, so that an archive stored another way (issue 18, step 3) is taught to
// reads in one place. Rule d and the packs rule share `no-restricted-syntax` with it, and flat config
// keeps only the last entry for a file, so this also proves that none of them was lost in the merge.
// Virtual files: lintText() with a path in the repo applies the config `npm run lint` applies there.

import { describe, expect, it } from 'vitest'
import { findings, HEADER } from './dataLayerFindings'

/** One direct read of customers of each selector kind (without the header). */
const CUSTOMER_BODY =
  `export const c1 = (ctx: DataContext) => ctx.db.customers.get('x')\n` +
  `export const c2 = (db: DeskDatabase) => db.customers.where('_keys').startsWith('p:').toArray()\n` +
  `export const c3 = (ctx: DataContext) => { const { customers } = ctx.db; return customers.count() }\n` +
  `export const c4 = (db: DeskDatabase) => { const { customers } = db; return customers.count() }\n` +
  `export const c5 = (db: DeskDatabase) => db.table('customers').count()\n`
const CUSTOMER_READS = HEADER + CUSTOMER_BODY

/** One direct read of each kind the other rules forbid: complaints, events (d), packs. */
const OTHER_READS =
  HEADER +
  `export const h1 = (ctx: DataContext) => ctx.db.complaints.get('x')\n` +
  `export const h2 = (db: DeskDatabase) => db.events.count()\n` +
  `export const h3 = (db: DeskDatabase) => db.complaintPacks.count()\n`
/** Both. */
const ALL_READS = OTHER_READS + CUSTOMER_BODY

const matching = (messages: string[], pattern: RegExp) => messages.filter((m) => pattern.test(m))

describe('e. customers are read through the customer reader', () => {
  it('rejects reading the table from ctx.db, from a db, by destructuring and by name', async () => {
    for (const file of ['renderer/src/db/somewhere.ts', 'renderer/src/db/sync/somewhere.ts']) {
      const messages = await findings(CUSTOMER_READS, file)
      expect(messages, file).toHaveLength(5)
      for (const m of messages) expect(m).toMatch(/customerReads\.ts/)
    }
  })

  it('rejects it in the readers of history and in the pack keeper too', async () => {
    for (const file of [
      'renderer/src/db/complaintReads.ts',
      'renderer/src/db/complaintQuery.ts',
      'renderer/src/db/packedHistory.ts'
    ]) {
      const messages = await findings(CUSTOMER_READS, file)
      expect(messages, file).toHaveLength(5)
      for (const m of messages) expect(m).toMatch(/customerReads\.ts/)
    }
  })

  it('rejects writes outside the allow-list too (they go through the writer)', async () => {
    const code = HEADER + `export const a = (ctx: DataContext) => ctx.db.customers.put({} as never)\n`
    expect(await findings(code, 'renderer/src/db/customers.ts')).toHaveLength(1)
  })

  it('allows the reader, the migrations, the writer and the tallies', async () => {
    for (const file of [
      'renderer/src/db/customerReads.ts',
      'renderer/src/db/database.ts',
      'renderer/src/db/writer.ts',
      'renderer/src/db/tallies.ts'
    ])
      expect(await findings(CUSTOMER_READS, file), file).toEqual([])
  })

  it('leaves other tables and other names alone', async () => {
    const code =
      HEADER +
      `export const a = (ctx: DataContext, x: { customers: number }) => [ctx.db.returns, x.customers]\n` +
      `export const b = (db: DeskDatabase) => db.table('customerNotes').count()\n`
    expect(await findings(code, 'renderer/src/db/somewhere.ts')).toEqual([])
  })
})

describe('d and the packs rule survive the merge with e', () => {
  it('still fire in an ordinary file of the data layer, next to e', async () => {
    const messages = await findings(ALL_READS, 'renderer/src/db/customers.ts')
    expect(matching(messages, /complaintReads\.ts/)).toHaveLength(1)
    expect(matching(messages, /timelineReads\.ts/)).toHaveLength(1)
    expect(matching(messages, /Only renderer\/src\/db\/packedHistory\.ts/)).toHaveLength(1)
    expect(matching(messages, /customerReads\.ts/)).toHaveLength(5)
  })

  it('still fire in the files e exempts that d does not (the customer reader, the writer)', async () => {
    for (const file of ['renderer/src/db/customerReads.ts', 'renderer/src/db/writer.ts']) {
      const messages = await findings(OTHER_READS, file)
      expect(matching(messages, /complaintReads\.ts/), file).toHaveLength(1)
      expect(matching(messages, /timelineReads\.ts/), file).toHaveLength(1)
      expect(matching(messages, /Only renderer\/src\/db\/packedHistory\.ts/), file).toHaveLength(1)
    }
  })

  it('keeps the packs rule in a history reader e exempts (tallies), and nothing in the migrations', async () => {
    expect(await findings(OTHER_READS, 'renderer/src/db/tallies.ts')).toEqual([
      expect.stringMatching(/Only renderer\/src\/db\/packedHistory\.ts/)
    ])
    expect(await findings(ALL_READS, 'renderer/src/db/database.ts')).toEqual([])
  })

  it('lets the pack keeper read history and packs, but not customers', async () => {
    const messages = await findings(ALL_READS, 'renderer/src/db/packedHistory.ts')
    expect(matching(messages, /customerReads\.ts/)).toHaveLength(5)
    expect(messages).toHaveLength(5)
  })
})

describe('the customer packs rule (issue 18, archive packs)', () => {
  const PACK_READS =
    HEADER +
    `export const p1 = (db: DeskDatabase) => db.customerPacks.count()\n` +
    `export const p2 = (db: DeskDatabase) => db.table('customerPacks').count()\n` +
    `export type Ctx = DataContext\n`
  const keeperOnly = /Only renderer\/src\/db\/packedCustomers\.ts/

  it('rejects reading the packs anywhere in the data layer but their keeper, the reader included', async () => {
    for (const file of [
      'renderer/src/db/somewhere.ts',
      'renderer/src/db/sync/somewhere.ts',
      'renderer/src/db/customerReads.ts',
      'renderer/src/db/writer.ts',
      'renderer/src/db/packedHistory.ts'
    ]) {
      const messages = await findings(PACK_READS, file)
      expect(matching(messages, keeperOnly), file).toHaveLength(2)
    }
  })

  it('lets the keeper read the packs and move customers into the table, but not read history', async () => {
    expect(await findings(PACK_READS + CUSTOMER_BODY, 'renderer/src/db/packedCustomers.ts')).toEqual([])
    const messages = await findings(OTHER_READS, 'renderer/src/db/packedCustomers.ts')
    expect(matching(messages, /complaintReads\.ts/)).toHaveLength(1)
    expect(matching(messages, /Only renderer\/src\/db\/packedHistory\.ts/)).toHaveLength(1)
  })
})
