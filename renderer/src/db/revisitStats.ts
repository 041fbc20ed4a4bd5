import {
  attemptsOf,
  measuresOf,
  REVISIT_RULES,
  statRow,
  taskState,
  type Measure,
  type RevisitRule,
  type StatRow,
  type StatTask,
  type TaskState
} from '@shared/domain/revisit'
import { parseHlc } from '@shared/sync/hlc'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { getRevisitSettings } from './revisitSettings'

// 回访统计 (docs/revisits.md §6): for a date range, per rule and per clerk, with the tasks behind every
// figure (drill-down). Reads the tasks due in the range and those whose window started in it (two
// index ranges), then counts in memory with the pure formulas. (A task made in the range whose window
// started before it and ends after it is not read, so not counted as generated: a known gap.)

type StoredTask = SyncedRecords['revisitTasks']

export interface RevisitStats {
  from: number
  to: number
  total: StatRow
  byRule: { rule: RevisitRule; row: StatRow }[]
  byClerk: { clerk: string; row: StatRow }[]
  /** 专项回访, one row per campaign (its tasks' sourceId), against the rule's target */
  byCampaign: { id: string; name: string; row: StatRow }[]
}

export interface StatsScope {
  rule?: RevisitRule
  /** '' = no 负责客服 */
  clerk?: string
  /** one 专项回访 (its campaign id) */
  campaign?: string
}

async function tasksInRange(ctx: DataContext, from: number, to: number): Promise<StoredTask[]> {
  // Most tasks whose window started in the range are also due in it: read those once, and of the
  // window range only the keys (one getAllKeys), loading just the records not read already.
  const [due, startedIds] = await Promise.all([
    ctx.db.revisitTasks.where('dueAt').between(from, to, true, true).toArray(),
    ctx.db.revisitTasks.where('windowStart').between(from, to, true, true).primaryKeys()
  ])
  const byId = new Map<string, StoredTask>()
  for (const t of due) if (!t._deleted) byId.set(t.id, t)
  const missing = startedIds.filter((id) => !byId.has(id))
  for (const t of await ctx.db.revisitTasks.bulkGet(missing)) if (t && !t._deleted) byId.set(t.id, t)
  return [...byId.values()]
}

function statTask(t: StoredTask): StatTask & { task: StoredTask; state: TaskState } {
  return {
    id: t.id,
    rule: t.rule,
    clerk: t.clerk,
    createdAt: parseHlc(t._created.hlc).ms,
    windowStart: t.windowStart,
    dueAt: t.dueAt,
    samplePercent: t.samplePercent,
    state: taskState(t, attemptsOf(t)),
    task: t
  }
}

export async function revisitStats(ctx: DataContext, from: number, to: number): Promise<RevisitStats> {
  const [tasks, settings] = await Promise.all([tasksInRange(ctx, from, to), getRevisitSettings(ctx)])
  const all = tasks.map(statTask)
  const byRule = REVISIT_RULES.map((rule) => ({
    rule,
    row: statRow(
      all.filter((t) => t.rule === rule),
      from,
      to,
      settings.rules[rule].targetPercent
    )
  }))
  const clerks = [...new Set(all.map((t) => t.clerk))].sort()
  const byClerk = clerks.map((clerk) => ({
    clerk,
    row: statRow(
      all.filter((t) => t.clerk === clerk),
      from,
      to,
      null
    )
  }))
  const campaigns = new Map<string, string>()
  for (const t of all) if (t.rule === 'campaign') campaigns.set(t.task.sourceId, t.task.campaign?.name ?? '')
  const byCampaign = [...campaigns].map(([id, name]) => ({
    id,
    name,
    row: statRow(
      all.filter((t) => t.rule === 'campaign' && t.task.sourceId === id),
      from,
      to,
      settings.rules.campaign.targetPercent
    )
  }))
  byCampaign.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { from, to, total: statRow(all, from, to, null), byRule, byClerk, byCampaign }
}

/** The tasks behind one figure (and every task in scope for the export when `measure` is absent). */
export async function revisitStatsTasks(
  ctx: DataContext,
  from: number,
  to: number,
  scope: StatsScope & { measure?: Measure }
): Promise<{ task: StoredTask; state: TaskState; measures: Measure[] }[]> {
  const tasks = await tasksInRange(ctx, from, to)
  return tasks
    .map(statTask)
    .filter(
      (t) =>
        (!scope.rule || t.rule === scope.rule) &&
        (scope.clerk === undefined || t.clerk === scope.clerk) &&
        (scope.campaign === undefined || (t.rule === 'campaign' && t.task.sourceId === scope.campaign))
    )
    .map((t) => ({ task: t.task, state: t.state, measures: measuresOf(t, from, to) }))
    .filter((t) => !scope.measure || t.measures.includes(scope.measure))
    .sort((a, b) => a.task.dueAt - b.task.dueAt || (a.task.id < b.task.id ? -1 : 1))
}
