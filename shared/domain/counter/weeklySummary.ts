import {
  PROBLEM_KINDS,
  PROBLEM_STATUSES,
  STALE_PROBLEM_DAYS,
  type Problem,
  type ProblemKind,
  type ProblemStatus
} from './problem'
import { serviceStats, type ServiceFact, type ServiceStats } from './serviceStats'
import { inRange, type TimeRange } from './week'

// 每周汇总 (docs/counter-log.md): what the manager reads each Monday about the week before.
// - the week's problems: logged in the week, by kind × status (status as it is now), and per clerk;
// - adopted suggestions and rewards: decisions MADE in the week (a problem logged last week and
//   adopted this week is this week's reward), rewards summed per clerk who logged the problem;
// - open too long: every problem still 待处理 that had been open 14 days or more at the week's end;
// - the week's service statistics per clerk.

const DAY = 24 * 60 * 60 * 1000

export interface WeeklySummary {
  range: TimeRange
  logged: number
  byKindStatus: Record<ProblemKind, Record<ProblemStatus, number>>
  /** per 工号: how many of each kind they logged */
  byClerk: { staffNo: string; byKind: Record<ProblemKind, number>; total: number }[]
  adoptedSuggestions: Problem[]
  rewards: { staffNo: string; amount: number; count: number }[]
  rewardTotal: number
  staleOpen: Problem[]
  service: ServiceStats
}

const zeroKinds = () => Object.fromEntries(PROBLEM_KINDS.map((k) => [k, 0])) as Record<ProblemKind, number>

/** `problems` must include every problem logged in the week, decided in the week, and still open;
 *  duplicates are ignored. */
export function weeklySummary(
  problems: Iterable<Problem>,
  facts: Iterable<ServiceFact>,
  range: TimeRange
): WeeklySummary {
  const unique = new Map<string, Problem>()
  for (const p of problems) unique.set(p.id, p)
  const all = [...unique.values()].sort((a, b) => a.createdAt - b.createdAt)

  const byKindStatus = Object.fromEntries(
    PROBLEM_KINDS.map((k) => [k, Object.fromEntries(PROBLEM_STATUSES.map((s) => [s, 0]))])
  ) as WeeklySummary['byKindStatus']
  const clerks = new Map<string, Record<ProblemKind, number>>()
  const logged = all.filter((p) => inRange(p.createdAt, range))
  for (const p of logged) {
    byKindStatus[p.kind][p.status]++
    let row = clerks.get(p.staffNo)
    if (!row) clerks.set(p.staffNo, (row = zeroKinds()))
    row[p.kind]++
  }

  const decided = all.filter((p) => p.decidedAt !== null && inRange(p.decidedAt, range))
  const rewards = new Map<string, { amount: number; count: number }>()
  for (const p of decided) {
    if (!p.reward) continue
    const r = rewards.get(p.staffNo) ?? { amount: 0, count: 0 }
    rewards.set(p.staffNo, { amount: r.amount + p.reward, count: r.count + 1 })
  }
  const byNo = <T extends { staffNo: string }>(a: T, b: T) =>
    a.staffNo < b.staffNo ? -1 : a.staffNo > b.staffNo ? 1 : 0
  const rewardRows = [...rewards].map(([staffNo, r]) => ({ staffNo, ...r })).sort(byNo)

  return {
    range,
    logged: logged.length,
    byKindStatus,
    byClerk: [...clerks]
      .map(([staffNo, byKind]) => ({
        staffNo,
        byKind,
        total: Object.values(byKind).reduce((s, n) => s + n, 0)
      }))
      .sort(byNo),
    adoptedSuggestions: decided.filter((p) => p.kind === 'suggestion' && p.status === 'adopted'),
    rewards: rewardRows,
    rewardTotal: rewardRows.reduce((s, r) => s + r.amount, 0),
    staleOpen: all.filter((p) => p.status === 'open' && range.end - p.createdAt >= STALE_PROBLEM_DAYS * DAY),
    service: serviceStats(facts, range)
  }
}
