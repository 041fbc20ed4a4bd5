import dayjs from 'dayjs'
import type { DeskDatabase } from './database'
import { readDayLines, replaceDayRows } from './dayRows'
import { parseTaskLine, taskFamily, type DayTask } from './taskDayFamily'

// 回访统计 reads the tasks made or due in a range from the writer's day rows (dayRows.ts, family
// taskDayFamily.ts): ~365 rows for a year instead of every task record with its attempts.

export function taskDaysBuiltKey(): string {
  return `taskDays.built.v1:${Intl.DateTimeFormat().resolvedOptions().timeZone}`
}

/** Tasks made or due on the local days from `from` to `to`; undefined until the rows are built. */
export async function readTaskDays(
  db: DeskDatabase,
  from: number,
  to: number
): Promise<DayTask[] | undefined> {
  if (!(await db.meta.get(taskDaysBuiltKey()))) return undefined
  const lines = await readDayLines(
    db,
    'taskDays',
    dayjs(from).format('YYYY-MM-DD'),
    dayjs(to).format('YYYY-MM-DD')
  )
  return lines.map(parseTaskLine)
}

/** Rebuilds from the task records when missing (first start, a zone change, data loaded by other means). */
export async function ensureTaskDays(db: DeskDatabase): Promise<void> {
  const built = taskDaysBuiltKey()
  if (await db.meta.get(built)) return
  await db.transaction('rw', ['revisitTasks', 'taskDays', 'meta'], async () => {
    const days = new Map<string, string[]>()
    await db.revisitTasks.each((t) => {
      const placed = taskFamily.place('revisitTasks', t)
      if (!placed) return
      for (const day of placed.days) {
        const list = days.get(day)
        if (list) list.push(placed.line)
        else days.set(day, [placed.line])
      }
    })
    await replaceDayRows(db, 'taskDays', days)
    await db.meta.put({ key: built, value: true })
  })
}
