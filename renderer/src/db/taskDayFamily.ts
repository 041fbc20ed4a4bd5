import dayjs from 'dayjs'
import { attemptsOf, taskState, type RevisitRule, type StatTask } from '@shared/domain/revisit'
import type { Satisfaction } from '@shared/domain/complaint'
import { parseHlc } from '@shared/sync/hlc'
import type { DayRowFamily } from './dayRows'
import type { SyncedTable, SyncedRecords } from './schema'

// 回访任务 for 回访统计, in two families (revisitStats.ts):
// - taskDays:  under the day it is DUE — what the due measures count: id, rule, 负责客服, made, window
//              start, due, sample %, status, ended, satisfaction, source. An attempt moves this line.
// - taskMade:  under the day it was MADE — only what never changes (id, rule, 负责客服, made, source), so
//              the thousands of tasks a rule switched on makes in one day are written once and never
//              rewritten by the calls that follow.

type StoredTask = SyncedRecords['revisitTasks']

const day = (ms: number) => dayjs(ms).format('YYYY-MM-DD')

/** A task as the statistics count it, with its source (a 专项回访's campaign id). */
export type DayTask = StatTask & { sourceId: string }

function complete(table: SyncedTable, record: object): StoredTask | null {
  const t = record as Partial<StoredTask>
  if (table !== 'revisitTasks' || t._deleted || typeof t.id !== 'string' || typeof t.dueAt !== 'number')
    return null
  // not complete yet: an edit that arrived before its creation
  if (!t._created || typeof t.rule !== 'string') return null
  return t as StoredTask
}

export function dueLine(t: StoredTask): string {
  const state = taskState(t, attemptsOf(t))
  return [
    t.id,
    t.rule,
    t.clerk,
    parseHlc(t._created.hlc).ms,
    t.windowStart,
    t.dueAt,
    t.samplePercent,
    state.status,
    state.endedAt ?? '',
    state.final?.satisfaction ?? '',
    t.sourceId
  ].join('\t')
}

export function madeLine(t: StoredTask): string {
  return [t.id, t.rule, t.clerk, parseHlc(t._created.hlc).ms, t.sourceId].join('\t')
}

/** A due line back as the statistics' task. */
export function parseDueLine(line: string): DayTask {
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

/** A made line as a task that counts only as generated (its due day is outside the range read). */
export function parseMadeLine(line: string): DayTask {
  const f = line.split('\t')
  return {
    id: f[0] as string,
    rule: f[1] as RevisitRule,
    clerk: f[2] as string,
    createdAt: Number(f[3]),
    windowStart: Number.POSITIVE_INFINITY,
    dueAt: Number.POSITIVE_INFINITY,
    samplePercent: 100,
    state: { status: 'open' },
    sourceId: f[4] as string
  }
}

export const taskDueFamily: DayRowFamily = {
  store: 'taskDays',
  place(table, record) {
    const t = complete(table, record)
    return t ? { key: t.id, line: dueLine(t), days: [day(t.dueAt)] } : null
  }
}

export const taskMadeFamily: DayRowFamily = {
  store: 'taskMade',
  place(table, record) {
    const t = complete(table, record)
    return t ? { key: t.id, line: madeLine(t), days: [day(parseHlc(t._created.hlc).ms)] } : null
  }
}
