import type { DeskDatabase } from './database'
import { replaceDayRows } from './dayRows'
import { complaintFamily } from './complaintDayFamily'
import { historyPending } from './historyLoad'
import { eachPackedRow } from './packedHistory'
import type { SyncedRecords } from './schema'

// 统计报表 reads complaints from the writer's day rows (dayRows.ts, family complaintDayFamily.ts).

const REBUILD_PAGE = 5_000

export function complaintDaysBuiltKey(): string {
  return `complaintDays.built.v3:${Intl.DateTimeFormat().resolvedOptions().timeZone}`
}

/** Rebuilds the rows from the complaint records when missing (first start after the upgrade, a zone
 *  change, data loaded by other means, the end of a join's history load). Not marked built while a
 *  join's history is still loading (historyLoad.ts): its slices file no lines. */
export async function ensureComplaintDays(db: DeskDatabase): Promise<void> {
  const built = complaintDaysBuiltKey()
  if (await db.meta.get(built)) return
  // While a join's history loads, the rows hold every record but the history stored so far, and the
  // end of the load rebuilds them (finishHistory). A report read meanwhile reads them as they are: it
  // may run in a page's live query, where nothing may be written (a write there blanked the window).
  if (await historyPending(db)) return
  await db.transaction('rw', ['complaints', 'complaintPacks', 'complaintDays', 'meta'], async () => {
    await rebuildComplaintDays(db)
    await db.meta.put({ key: built, value: true })
  })
}

/** The rows rebuilt from the records, in the caller's transaction or one of its own over only the
 *  complaints and their rows (no `meta`: the desk's reads of it do not wait; the caller marks them). */
export function rebuildComplaintDays(db: DeskDatabase): Promise<void> {
  return db.transaction('rw', ['complaints', 'complaintPacks', 'complaintDays'], async () => {
    const days = new Map<string, string[]>()
    const file = (c: SyncedRecords['complaints']): void => {
      const placed = complaintFamily.place('complaints', c)
      if (!placed) return
      for (const day of placed.days) {
        const list = days.get(day)
        if (list) list.push(placed.line)
        else days.set(day, [placed.line])
      }
    }
    // in pages by id: a cursor's step per record cost seconds on a store of 200 000
    let after: string | undefined
    for (;;) {
      const page = await (
        after === undefined ? db.complaints.orderBy(':id') : db.complaints.where(':id').above(after)
      )
        .limit(REBUILD_PAGE)
        .toArray()
      for (const c of page) file(c)
      if (page.length < REBUILD_PAGE) break
      after = page[page.length - 1]?.id
    }
    // settled history a join stored in packs (packedHistory.ts)
    await eachPackedRow(db, (c) => file(c))
    await replaceDayRows(db, 'complaintDays', days)
  })
}
