import dayjs from 'dayjs'
import { attemptsOf, taskState, type RevisitRule, type StatTask } from '@shared/domain/revisit'
import type { Satisfaction } from '@shared/domain/complaint'
import { parseHlc } from '@shared/sync/hlc'
import type { DayRowFamily } from './dayRows'
import type { SyncedRecords } from './schema'

// 回访任务 (回访统计): each task filed under the local day it was made AND the day it is due, so a range
// finds every task generated or due in it (revisitStats.ts). The line is what the statistics count:
// id, rule, 负责客服, made, window start, due, sample %, status, ended, satisfaction, source.

type StoredTask = SyncedRecords['revisitTasks']

const day = (ms: number) => dayjs(ms).format('YYYY-MM-DD')

export function taskLine(t: StoredTask): { line: string; createdAt: number } {
  const state = taskState(t, attemptsOf(t))
  const createdAt = parseHlc(t._created.hlc).ms
  const line = [
    t.id,
    t.rule,
    t.clerk,
    createdAt,
    t.windowStart,
    t.dueAt,
    t.samplePercent,
    state.status,
    state.endedAt ?? '',
    state.final?.satisfaction ?? '',
    t.sourceId
  ].join('\t')
  return { line, createdAt }
}

/** A task as the statistics count it, with its source (a 专项回访's campaign id). */
export type DayTask = StatTask & { sourceId: string }

/** A line back as the statistics' task. */
export function parseTaskLine(line: string): DayTask {
  const f = line.split('\t')
  const endedAt = f[8] ? Number(f[8]) : undefined
  const satisfaction = (f[9] || undefined) as Satisfaction | undefined
  return {
    id: f[0] as string,
    rule: f[1] as RevisitRule,
    clerk: f[2] as string,
    createdAt: Number(f[3]),
    windowStart: Number(f[4]),
    dueAt: Number(f[5]),
    samplePercent: Number(f[6]),
    state: {
      status: f[7] as StatTask['state']['status'],
      ...(endedAt !== undefined ? { endedAt } : {}),
      ...(satisfaction ? { final: { satisfaction } as NonNullable<StatTask['state']['final']> } : {})
    },
    sourceId: f[10] as string
  }
}

export const taskFamily: DayRowFamily = {
  store: 'taskDays',
  place(table, record) {
    const t = record as Partial<StoredTask>
    if (table !== 'revisitTasks' || t._deleted || typeof t.id !== 'string' || typeof t.dueAt !== 'number')
      return null
    if (!t._created || typeof t.rule !== 'string') return null // not complete yet (an edit before its creation)
    const { line, createdAt } = taskLine(t as StoredTask)
    const days = [...new Set([day(createdAt), day(t.dueAt)])].sort()
    return { key: t.id, line, days }
  }
}
