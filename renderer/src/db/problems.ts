import { auditedTransact, settingsWrite } from './audit'
import { nanoid } from 'nanoid'
import {
  buildProblem,
  decisionPatch,
  mayDecideProblems,
  readRewardRules,
  type DecisionInput,
  type Problem,
  type ProblemInput,
  type ProblemKind,
  type ProblemStatus,
  type RewardRules
} from '@shared/domain/counter/problem'
import type { Role } from '@shared/domain/staff'
import type { DataContext } from './context'
import type { Stored } from './schema'
import { getStaffByNo } from './staff'
import { CounterRefusedError } from './consultations'
import { complaintById } from './complaintReads'

// 问题登记 (docs/counter-log.md). Anyone logs; only a 值班长 or 客服经理 decides and so grants a reward:
// the role is read from the staff list HERE, inside the write, so a clerk's stale screen, a hand-made
// call or another PC's UI cannot grant one. A refusal writes nothing.

export type StoredProblem = Stored<Problem>

export async function logProblem(ctx: DataContext, staffNo: string, input: ProblemInput): Promise<Problem> {
  const createdAt = ctx.now()
  return ctx.writer.transact(staffNo, async (tx) => {
    if (input.complaintId) {
      const c = await complaintById(ctx.db, input.complaintId)
      if (!c || c._deleted) throw new CounterRefusedError('returns.complaintNotFound', 'complaintId')
    }
    const record = buildProblem(input, { id: nanoid(), staffNo, createdAt })
    await tx.create('problems', record)
    return record
  })
}

export async function getRewardRules(ctx: DataContext): Promise<RewardRules> {
  const stored = await ctx.db.settings.get('counterRewards')
  return readRewardRules(stored?.id === 'counterRewards' && !stored._deleted ? stored.rules : undefined)
}

/** The role of an active staff member, from the synced staff list (undefined: unknown or inactive). */
async function deciderRole(ctx: DataContext, staffNo: string): Promise<Role | undefined> {
  const staff = await getStaffByNo(ctx, staffNo)
  return staff?.active ? staff.role : undefined
}

/** 待处理 → 已处理 / 已采纳 / 未采纳 with a note; the reward the rules give is fixed on the record now. */
export async function decideProblem(
  ctx: DataContext,
  staffNo: string,
  id: string,
  input: DecisionInput
): Promise<Problem> {
  const audit = { kind: 'problemDecided' as const, params: { problemId: id, decision: input.decision } }
  return auditedTransact(ctx, staffNo, audit, async (tx, record) => {
    const role = await deciderRole(ctx, staffNo)
    const p = await ctx.db.problems.get(id)
    if (!p || p._deleted) throw new CounterRefusedError('counter.refused.notFound')
    const result = decisionPatch(p, input, { staffNo, role }, await getRewardRules(ctx), ctx.now())
    if (!result.ok) throw new CounterRefusedError(result.message, 'decision')
    await tx.update('problems', id, result.patch)
    await record()
    return { ...p, ...result.patch }
  })
}

/** The store's reward amounts: a reward setting, so only those who grant rewards change it. */
export async function saveRewardRules(ctx: DataContext, staffNo: string, rules: RewardRules): Promise<void> {
  await settingsWrite(
    ctx,
    staffNo,
    'counterRewards',
    async (tx) => {
      if (!mayDecideProblems(await deciderRole(ctx, staffNo)))
        throw new CounterRefusedError('counter.refused.notDecider')
      if (await ctx.db.settings.get('counterRewards'))
        await tx.update('settings', 'counterRewards', { rules })
      else await tx.create('settings', { id: 'counterRewards', rules })
    },
    () => true,
    'own'
  )
}

export interface ProblemFilter {
  status?: ProblemStatus
  kind?: ProblemKind
  staffNo?: string
}

/** Newest first; one status reads through its own index (待处理 is the manager's work list). */
export async function listProblems(
  ctx: DataContext,
  filter: ProblemFilter = {},
  limit = 500
): Promise<StoredProblem[]> {
  const query = filter.status
    ? ctx.db.problems
        .where('[status+createdAt]')
        .between([filter.status, -Infinity], [filter.status, Infinity])
    : ctx.db.problems.orderBy('createdAt')
  return query
    .reverse()
    .filter(
      (p) =>
        !p._deleted &&
        (!filter.kind || p.kind === filter.kind) &&
        (!filter.staffNo || p.staffNo === filter.staffNo)
    )
    .limit(limit)
    .toArray()
}

export async function countOpenProblems(ctx: DataContext): Promise<number> {
  return ctx.db.problems.where('[status+createdAt]').between(['open', -Infinity], ['open', Infinity]).count()
}

/** Problems logged in a time range, oldest first (每周汇总's export). */
export async function problemsLoggedIn(
  ctx: DataContext,
  range: { start: number; end: number }
): Promise<StoredProblem[]> {
  return ctx.db.problems
    .where('createdAt')
    .between(range.start, range.end)
    .filter((p) => !p._deleted)
    .toArray()
}
