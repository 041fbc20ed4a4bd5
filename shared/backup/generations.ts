// Which backups to keep (数据备份, issue 17 point 4; docs/backup.md "Generations"). Pure: main lists
// the files, asks this which survive, and deletes the rest.
//
// Kept, each rule on its own (a backup kept by any rule survives):
//  - the newest `keepLast` good backups;
//  - for each of the last `dailyDays` local days (today included), the newest good backup of that day;
//  - for each of the last `weeklyWeeks` weeks (Monday to Sunday, this week included), the newest good
//    backup of that week;
//  - the newest pre-restore backup (the one 撤销恢复 goes back to), whatever its age;
//  - the newest backup of all, good or not (the page shows a failed last backup as ✗ until a good one
//    replaces it).
// A backup that failed verification is never kept by the generation rules: it cannot be restored.

export type BackupReason = 'scheduled' | 'manual' | 'quit' | 'upgrade' | 'preRestore' | 'preJoin'

export interface BackupGeneration {
  id: string
  /** when it was made (ms since the epoch) */
  at: number
  /** read back and checked after writing */
  verified: boolean
  reason: BackupReason
}

export interface GenerationPolicy {
  keepLast: number
  dailyDays: number
  weeklyWeeks: number
  /** the store's local time as minutes east of UTC (China: 480), which days and weeks are counted in */
  utcOffsetMinutes: number
}

export const DEFAULT_GENERATIONS: GenerationPolicy = {
  keepLast: 6,
  dailyDays: 14,
  weeklyWeeks: 8,
  utcOffsetMinutes: 480
}

const DAY_MS = 86_400_000

/** Local day number (days since 1970-01-01 in the store's zone). */
function dayNumber(at: number, offsetMinutes: number): number {
  return Math.floor((at + offsetMinutes * 60_000) / DAY_MS)
}

/** Local week number, weeks starting on Monday (1970-01-01 was a Thursday). */
function weekNumber(at: number, offsetMinutes: number): number {
  return Math.floor((dayNumber(at, offsetMinutes) + 3) / 7)
}

/** The ids of the backups to keep at `now`; every other one may be deleted. */
export function backupsToKeep(
  backups: readonly BackupGeneration[],
  now: number,
  policy: GenerationPolicy = DEFAULT_GENERATIONS
): Set<string> {
  const keep = new Set<string>()
  const newestFirst = [...backups].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
  if (newestFirst[0]) keep.add(newestFirst[0].id)
  const preRestore = newestFirst.find((b) => b.reason === 'preRestore' && b.verified)
  if (preRestore) keep.add(preRestore.id)

  const good = newestFirst.filter((b) => b.verified)
  for (const b of good.slice(0, Math.max(0, policy.keepLast))) keep.add(b.id)

  const today = dayNumber(now, policy.utcOffsetMinutes)
  const thisWeek = weekNumber(now, policy.utcOffsetMinutes)
  const days = new Set<number>()
  const weeks = new Set<number>()
  for (const b of good) {
    const day = dayNumber(b.at, policy.utcOffsetMinutes)
    if (today - day < policy.dailyDays && !days.has(day)) {
      days.add(day)
      keep.add(b.id)
    }
    const week = weekNumber(b.at, policy.utcOffsetMinutes)
    if (thisWeek - week < policy.weeklyWeeks && !weeks.has(week)) {
      weeks.add(week)
      keep.add(b.id)
    }
  }
  return keep
}
