import type { DeskDatabase } from './database'
import { replaceDayRows } from './dayRows'
import { complaintFamily } from './complaintDayFamily'

// 统计报表 reads complaints from the writer's day rows (dayRows.ts, family complaintDayFamily.ts).

export function complaintDaysBuiltKey(): string {
  return `complaintDays.built.v3:${Intl.DateTimeFormat().resolvedOptions().timeZone}`
}

/** Rebuilds the rows from the complaint records when missing (first start after the upgrade, a zone
 *  change, data loaded by other means). */
export async function ensureComplaintDays(db: DeskDatabase): Promise<void> {
  const built = complaintDaysBuiltKey()
  if (await db.meta.get(built)) return
  await db.transaction('rw', ['complaints', 'complaintDays', 'meta'], async () => {
    const days = new Map<string, string[]>()
    await db.complaints.each((c) => {
      const placed = complaintFamily.place('complaints', c)
      if (!placed) return
      for (const day of placed.days) {
        const list = days.get(day)
        if (list) list.push(placed.line)
        else days.set(day, [placed.line])
      }
    })
    await replaceDayRows(db, 'complaintDays', days)
    await db.meta.put({ key: built, value: true })
  })
}
