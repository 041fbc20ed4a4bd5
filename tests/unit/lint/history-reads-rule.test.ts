// Proves rule d of eslint.config.mjs: inside the data layer, complaints are read through
// renderer/src/db/complaintReads.ts (or the list's queries) and timeline events through timelineReads.ts,
// so that settled history stored another way (issue 18) is taught to reads in one place. Virtual files: lintText() with a path in the repo applies
// the config `npm run lint` applies there.

import { describe, expect, it } from 'vitest'
import { findings, HEADER } from './dataLayerFindings'

describe('d. complaints are read through the complaint reader', () => {
  it('rejects reading the table from ctx.db, from a db, by destructuring and by name', async () => {
    const code =
      HEADER +
      `export const a = (ctx: DataContext) => ctx.db.complaints.get('x')\n` +
      `export const b = (db: DeskDatabase) => db.complaints.count()\n` +
      `export const c = (ctx: DataContext) => { const { complaints } = ctx.db; return complaints.count() }\n` +
      `export const d = (db: DeskDatabase) => { const { complaints } = db; return complaints.count() }\n` +
      `export const e = (db: DeskDatabase) => db.table('complaints').count()\n`
    const messages = await findings(code, 'renderer/src/db/somewhere.ts')
    expect(messages).toHaveLength(5)
    for (const m of messages) expect(m).toMatch(/complaintReads\.ts/)
  })

  it('rejects reading timeline events directly, pointing at their reader', async () => {
    const code =
      HEADER +
      `export const a = (ctx: DataContext) => ctx.db.events.where('[subjectId+at]').count()\n` +
      `export const b = (db: DeskDatabase) => db.events.bulkGet(['x'])\n` +
      `export const c = (ctx: DataContext) => { const { events } = ctx.db; return events.count() }\n` +
      `export const d = (db: DeskDatabase) => db.table('events').count()\n`
    const messages = await findings(code, 'renderer/src/db/somewhere.ts')
    expect(messages).toHaveLength(4)
    for (const m of messages) expect(m).toMatch(/timelineReads\.ts/)
    expect(await findings(code, 'renderer/src/db/timelineReads.ts')).toEqual([])
  })

  it('applies in sub-folders of the data layer', async () => {
    const code = HEADER + `export const a = (ctx: DataContext) => ctx.db.complaints.get('x')\n`
    expect(await findings(code, 'renderer/src/db/sync/somewhere.ts')).toHaveLength(1)
  })

  it('allows the reader, the list and the upkeep that scans rows', async () => {
    const code = HEADER + `export const a = (ctx: DataContext) => ctx.db.complaints.get('x')\n`
    for (const file of [
      'renderer/src/db/complaintReads.ts',
      'renderer/src/db/complaintQuery.ts',
      'renderer/src/db/complaintDays.ts',
      'renderer/src/db/tallies.ts'
    ])
      expect(await findings(code, file), file).toEqual([])
  })

  it('keeps the packs of settled history to their keeper, the readers included', async () => {
    const code =
      HEADER +
      `export const a = (ctx: DataContext) => ctx.db.complaintPacks.get('x')\n` +
      `export const b = (db: DeskDatabase) => db.table('complaintPacks').count()\n`
    for (const file of ['renderer/src/db/somewhere.ts', 'renderer/src/db/complaintReads.ts']) {
      const messages = await findings(code, file)
      expect(messages, file).toHaveLength(2)
      for (const m of messages) expect(m).toMatch(/packedHistory\.ts/)
    }
    expect(await findings(code, 'renderer/src/db/packedHistory.ts')).toEqual([])
  })

  it('leaves other tables, writes through the writer and other names alone', async () => {
    const code =
      HEADER +
      `export const a = (ctx: DataContext) => ctx.db.returns.get('x')\n` +
      `export const b = (x: { complaints: number }) => x.complaints\n` +
      `export const c = (db: DeskDatabase) => db.table('returns').count()\n`
    expect(await findings(code, 'renderer/src/db/somewhere.ts')).toEqual([])
  })
})
