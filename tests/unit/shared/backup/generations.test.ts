import { describe, expect, it } from 'vitest'
import { backupsToKeep, DEFAULT_GENERATIONS, type BackupGeneration } from '@shared/backup/generations'

// 60 simulated days of a store open 09:00–21:30 (+08:00), closed on Sundays: a scheduled backup every
// 4 hours while running (13:00, 17:00, 21:00) and one when the app quits (21:30). After each day's
// backups the pruning runs and the files it does not keep are deleted, as main does.

const START = Date.parse('2026-10-01T00:00:00+08:00') // a Thursday
const DAY = 86_400_000
const HOUR = 3_600_000
const label = (b: BackupGeneration) => new Date(b.at + 8 * HOUR).toISOString().slice(5, 16).replace('T', ' ')
const localDay = (at: number) => Math.floor((at + 8 * HOUR) / DAY)
const localWeek = (at: number) => Math.floor((localDay(at) + 3) / 7)

function dayBackups(day: number): BackupGeneration[] {
  const midnight = START + day * DAY
  if (new Date(midnight + 8 * HOUR).getUTCDay() === 0) return [] // Sunday: closed
  return [13, 17, 21, 21.5].map((h, i) => ({
    id: `d${day}-${i}`,
    at: midnight + h * HOUR,
    verified: true,
    reason: i === 3 ? 'quit' : 'scheduled'
  }))
}

function simulate(days: number): { survivorsByDay: BackupGeneration[][] } {
  let kept: BackupGeneration[] = []
  const survivorsByDay: BackupGeneration[][] = []
  for (let d = 0; d < days; d++) {
    kept = [...kept, ...dayBackups(d)]
    const now = START + d * DAY + 22 * HOUR
    const keep = backupsToKeep(kept, now)
    kept = kept.filter((b) => keep.has(b.id))
    survivorsByDay.push([...kept].sort((a, b) => a.at - b.at))
  }
  return { survivorsByDay }
}

describe('backup generations (last 6, one a day for 14 days, one a week for 8 weeks)', () => {
  const { survivorsByDay } = simulate(60)

  it('on every one of 60 days: the newest 6, the newest of each of the last 14 days, the newest of each of the last 8 weeks — and nothing else', () => {
    const made: BackupGeneration[] = []
    for (let d = 0; d < 60; d++) {
      made.push(...dayBackups(d))
      const now = START + d * DAY + 22 * HOUR
      const survivors = survivorsByDay[d] as BackupGeneration[]
      const ids = new Set(survivors.map((b) => b.id))
      const newestFirst = [...made].sort((a, b) => b.at - a.at)
      // Expected, stated directly from the rules over everything ever made that day.
      const expected = new Set(newestFirst.slice(0, 6).map((b) => b.id))
      const seenDays = new Set<number>()
      const seenWeeks = new Set<number>()
      for (const b of newestFirst) {
        const day = localDay(b.at)
        if (localDay(now) - day < 14 && !seenDays.has(day)) {
          seenDays.add(day)
          expected.add(b.id)
        }
        const week = localWeek(b.at)
        if (localWeek(now) - week < 8 && !seenWeeks.has(week)) {
          seenWeeks.add(week)
          expected.add(b.id)
        }
      }
      expect([...ids].sort(), `day ${d + 1}`).toEqual([...expected].sort())
      expect(survivors.length).toBeLessThanOrEqual(6 + 14 + 8)
    }
  })

  it('says which backups survive: day 1, day 7 (after the first Sunday), day 60', () => {
    expect((survivorsByDay[0] as BackupGeneration[]).map(label)).toEqual([
      '10-01 13:00',
      '10-01 17:00',
      '10-01 21:00',
      '10-01 21:30'
    ])
    // 10-04 was a Sunday (closed): no backup that day.
    expect((survivorsByDay[6] as BackupGeneration[]).map(label)).toEqual([
      '10-01 21:30',
      '10-02 21:30',
      '10-03 21:30',
      '10-05 21:30',
      '10-06 21:00',
      '10-06 21:30',
      '10-07 13:00',
      '10-07 17:00',
      '10-07 21:00',
      '10-07 21:30'
    ])
    // Day 60 = 11-29 (a Sunday, closed). The last 6: 11-28's four and 11-27's last two; one a day back
    // to 11-16 (14 days including the closed Sundays 11-22 and 11-29); one a week (Monday–Sunday) back
    // 8 weeks to the week of 10-05 — the newest of each week is its Saturday's quit backup.
    expect((survivorsByDay[59] as BackupGeneration[]).map(label)).toEqual([
      '10-10 21:30',
      '10-17 21:30',
      '10-24 21:30',
      '10-31 21:30',
      '11-07 21:30',
      '11-14 21:30',
      '11-16 21:30',
      '11-17 21:30',
      '11-18 21:30',
      '11-19 21:30',
      '11-20 21:30',
      '11-21 21:30',
      '11-23 21:30',
      '11-24 21:30',
      '11-25 21:30',
      '11-26 21:30',
      '11-27 21:00',
      '11-27 21:30',
      '11-28 13:00',
      '11-28 17:00',
      '11-28 21:00',
      '11-28 21:30'
    ])
  })

  it('keeps a failed backup only while it is the newest, and the newest pre-restore backup whatever its age', () => {
    const now = START + 30 * DAY
    const backups: BackupGeneration[] = [
      { id: 'old-pre-restore', at: now - 60 * DAY, verified: true, reason: 'preRestore' },
      { id: 'older-pre-restore', at: now - 70 * DAY, verified: true, reason: 'preRestore' },
      ...Array.from({ length: 8 }, (_, i) => ({
        id: `ok${i}`,
        at: now - (i + 1) * HOUR,
        verified: true,
        reason: 'scheduled' as const
      })),
      { id: 'failed-old', at: now - 90 * 60_000, verified: false, reason: 'manual' },
      { id: 'failed-newest', at: now - 60_000, verified: false, reason: 'manual' }
    ]
    const keep = backupsToKeep(backups, now, DEFAULT_GENERATIONS)
    expect(keep.has('failed-newest')).toBe(true)
    expect(keep.has('failed-old')).toBe(false)
    expect(keep.has('old-pre-restore')).toBe(true)
    expect(keep.has('older-pre-restore')).toBe(false)
    expect(['ok0', 'ok1', 'ok2', 'ok3', 'ok4', 'ok5'].every((id) => keep.has(id))).toBe(true)
  })
})
