import {
  attemptsOf,
  measuresOf,
  REVISIT_RULES,
  statRow,
  taskState,
  type Measure,
  type RevisitRule,
  type StatRow,
  type TaskState
} from '@shared/domain/revisit'
import { parseHlc } from '@shared/sync/hlc'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { getRevisitSettings } from './revisitSettings'
import { listRevisitCampaigns } from './revisitCampaigns'
import { readTaskDays } from './taskDays'
import type { DayTask } from './taskDayFamily'

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

function statTask(t: StoredTask): DayTask {
  return {
    id: t.id,
    rule: t.rule,
    clerk: t.clerk,
    createdAt: parseHlc(t._created.hlc).ms,
    windowStart: t.windowStart,
    dueAt: t.dueAt,
    samplePercent: t.samplePercent,
    state: taskState(t, attemptsOf(t)),
    sourceId: t.sourceId
  }
}

/** The tasks made or due in the range, as counted: from the writer's day rows (a year is ~365 rows),
 *  or from the records until those are built. */
async function countedTasks(ctx: DataContext, from: number, to: number): Promise<DayTask[]> {
  const read = (await readTaskDays(ctx.db, from, to)) ?? (await tasksInRange(ctx, from, to)).map(statTask)
  // Only tasks that count in something: a clerk or campaign with nothing in the range has no row.
  return read.filter((t) => measuresOf(t, from, to).length > 0)
}

export async function revisitStats(ctx: DataContext, from: number, to: number): Promise<RevisitStats> {
  const [all, settings, campaigns] = await Promise.all([
    countedTasks(ctx, from, to),
    getRevisitSettings(ctx),
    listRevisitCampaigns(ctx)
  ])
  // One pass to group, then one statRow per group (a year holds tens of thousands of tasks).
  const groups = new Map<string, DayTask[]>()
  const add = (key: string, t: DayTask) => {
    const list = groups.get(key)
    if (list) list.push(t)
    else groups.set(key, [t])
  }
  for (const t of all) {
    add(`rule:${t.rule}`, t)
    add(`clerk:${t.clerk}`, t)
    if (t.rule === 'campaign') add(`campaign:${t.sourceId}`, t)
  }
  const row = (key: string, target: number | null) => statRow(groups.get(key) ?? [], from, to, target)
  const byRule = REVISIT_RULES.map((rule) => ({
    rule,
    row: row(`rule:${rule}`, settings.rules[rule].targetPercent)
  }))
  const clerks = [...new Set(all.map((t) => t.clerk))].sort()
  const byClerk = clerks.map((clerk) => ({ clerk, row: row(`clerk:${clerk}`, null) }))
  const names = new Map(campaigns.map((c) => [c.id, c.name]))
  const campaignIds = [...new Set(all.filter((t) => t.rule === 'campaign').map((t) => t.sourceId))].sort()
  const byCampaign = campaignIds.map((id) => ({
    id,
    name: names.get(id) ?? '',
    row: row(`campaign:${id}`, settings.rules.campaign.targetPercent)
  }))
  return { from, to, total: statRow(all, from, to, null), byRule, byClerk, byCampaign }
}

/** The tasks behind one figure (and every task in scope for the export when `measure` is absent):
 *  picked from the same counted tasks as the figures, then their records read. */
export async function revisitStatsTasks(
  ctx: DataContext,
  from: number,
  to: number,
  scope: StatsScope & { measure?: Measure }
): Promise<{ task: StoredTask; state: TaskState; measures: Measure[] }[]> {
  const picked = (await countedTasks(ctx, from, to))
    .filter(
      (t) =>
        (!scope.rule || t.rule === scope.rule) &&
        (scope.clerk === undefined || t.clerk === scope.clerk) &&
        (scope.campaign === undefined || (t.rule === 'campaign' && t.sourceId === scope.campaign))
    )
    .map((t) => ({ id: t.id, measures: measuresOf(t, from, to) }))
    .filter((t) => (scope.measure ? t.measures.includes(scope.measure) : t.measures.length > 0))
  const records = await ctx.db.revisitTasks.bulkGet(picked.map((t) => t.id))
  const out: { task: StoredTask; state: TaskState; measures: Measure[] }[] = []
  picked.forEach((t, i) => {
    const task = records[i]
    if (task && !task._deleted)
      out.push({ task, state: taskState(task, attemptsOf(task)), measures: t.measures })
  })
  return out.sort((a, b) => a.task.dueAt - b.task.dueAt || (a.task.id < b.task.id ? -1 : 1))
}
