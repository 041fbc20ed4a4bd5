import dayjs from 'dayjs'
import type { DeskDatabase } from './database'
import { readDayLines, replaceDayRows } from './dayRows'
import { parseDueLine, parseMadeLine, taskDueFamily, taskMadeFamily, type DayTask } from './taskDayFamily'

// 回访统计 reads the tasks made or due in a range from the writer's day rows (dayRows.ts, families in
// taskDayFamily.ts): ~2 × 365 rows for a year instead of every task record with its attempts.

export function taskDaysBuiltKey(): string {
  return `taskDays.built.v2:${Intl.DateTimeFormat().resolvedOptions().timeZone}`
}

/** Tasks due on the local days from `from` to `to` (as they stand), and those made then but due on
 *  another day (as generated only); undefined until the rows are built. */
export async function readTaskDays(
  db: DeskDatabase,
  from: number,
  to: number
): Promise<DayTask[] | undefined> {
  if (!(await db.meta.get(taskDaysBuiltKey()))) return undefined
  const first = dayjs(from).format('YYYY-MM-DD')
  const last = dayjs(to).format('YYYY-MM-DD')
  const [due, made] = await Promise.all([
    readDayLines(db, 'taskDays', first, last),
    readDayLines(db, 'taskMade', first, last)
  ])
  const tasks = due.map(parseDueLine)
  const seen = new Set(tasks.map((t) => t.id))
  for (const line of made) {
    const t = parseMadeLine(line)
    if (!seen.has(t.id)) tasks.push(t)
  }
  return tasks
}

/** Rebuilds both families from the task records when missing (first start, a zone change, data loaded
 *  by other means). */
export async function ensureTaskDays(db: DeskDatabase): Promise<void> {
  const built = taskDaysBuiltKey()
  if (await db.meta.get(built)) return
  await db.transaction('rw', ['revisitTasks', 'taskDays', 'taskMade', 'meta'], async () => {
    const rows = { taskDays: new Map<string, string[]>(), taskMade: new Map<string, string[]>() }
    await db.revisitTasks.each((t) => {
      for (const family of [taskDueFamily, taskMadeFamily]) {
        const placed = family.place('revisitTasks', t)
        if (!placed) continue
        const days = rows[family.store as 'taskDays' | 'taskMade']
        for (const day of placed.days) {
          const list = days.get(day)
          if (list) list.push(placed.line)
          else days.set(day, [placed.line])
        }
      }
    })
    await replaceDayRows(db, 'taskDays', rows.taskDays)
    await replaceDayRows(db, 'taskMade', rows.taskMade)
    await db.meta.put({ key: built, value: true })
  })
}
