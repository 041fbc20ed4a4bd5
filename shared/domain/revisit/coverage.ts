import type { Satisfaction } from '../complaint'
import type { RevisitRule } from './rules'
import type { TaskState, TaskStatus } from './task'

// 回访统计 (docs/revisits.md §6). For a date range the population is the tasks DUE in it (dueAt in
// [from, to]). Per rule and per clerk (the customer's 负责客服 when the task was made):
//   generated   tasks made in the range (createdAt: the task record's first stamp, the same on every PC)
//   due         tasks due in the range
//   done        of those, reached (已接通), whenever
//   onTime      of those, reached at or before dueAt
//   unreachable / refused  of those, ended so
//   satisfied / neutral / unsatisfied  of the reached ones
//   coverage    onTime ÷ population, in percent. The population is `due` — except that a sampled
//               task (新客户回访) stands for 100 ÷ samplePercent customers, so 10 % of new customers
//               called on time is 10 % coverage, whatever the sample rate.
//   belowTarget coverage < the rule's target (shown red); no population → no coverage, not below.

export interface StatTask {
  id: string
  rule: RevisitRule
  clerk: string
  /** when the task was made (its record's earliest change) */
  createdAt: number
  windowStart: number
  dueAt: number
  samplePercent: number
  state: Pick<TaskState, 'status' | 'endedAt' | 'final'>
}

export const MEASURES = [
  'generated',
  'due',
  'done',
  'onTime',
  'unreachable',
  'refused',
  'satisfied',
  'neutral',
  'unsatisfied'
] as const
export type Measure = (typeof MEASURES)[number]

export interface StatRow {
  counts: Record<Measure, number>
  /** percent with one decimal, null when nothing was due */
  coverage: number | null
  targetPercent: number | null
  belowTarget: boolean
}

export function isDoneOnTime(t: Pick<StatTask, 'dueAt' | 'state'>): boolean {
  return t.state.status === 'done' && t.state.endedAt !== undefined && t.state.endedAt <= t.dueAt
}

/** Which measures a task counts in for the range [from, to] (the drill-down lists use this too). */
export function measuresOf(t: StatTask, from: number, to: number): Measure[] {
  const out: Measure[] = []
  if (t.createdAt >= from && t.createdAt <= to) out.push('generated')
  if (t.dueAt < from || t.dueAt > to) return out
  out.push('due')
  const status: TaskStatus = t.state.status
  if (status === 'done') {
    out.push('done')
    if (isDoneOnTime(t)) out.push('onTime')
    const s: Satisfaction | undefined = t.state.final?.satisfaction
    if (s) out.push(s)
  }
  if (status === 'unreachable') out.push('unreachable')
  if (status === 'refused') out.push('refused')
  return out
}

function emptyCounts(): Record<Measure, number> {
  return Object.fromEntries(MEASURES.map((m) => [m, 0])) as Record<Measure, number>
}

/** coverage = Σ on-time weights ÷ Σ due weights, weight = 100 ÷ samplePercent, one decimal. */
export function coverageOf(
  dueTasks: readonly Pick<StatTask, 'dueAt' | 'state' | 'samplePercent'>[]
): number | null {
  let population = 0
  let onTime = 0
  for (const t of dueTasks) {
    const weight = 100 / (t.samplePercent > 0 ? t.samplePercent : 100)
    population += weight
    if (isDoneOnTime(t)) onTime += 1
  }
  if (population === 0) return null
  return Math.round((onTime / population) * 1000) / 10
}

export function statRow(
  tasks: readonly StatTask[],
  from: number,
  to: number,
  targetPercent: number | null
): StatRow {
  const counts = emptyCounts()
  const due: StatTask[] = []
  for (const t of tasks) {
    const ms = measuresOf(t, from, to)
    for (const m of ms) counts[m]++
    if (ms.includes('due')) due.push(t)
  }
  const coverage = coverageOf(due)
  return {
    counts,
    coverage,
    targetPercent,
    belowTarget: coverage !== null && targetPercent !== null && coverage < targetPercent
  }
}
