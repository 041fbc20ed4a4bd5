import { z } from 'zod'
import type { Role } from '../staff'
import { parseYuan } from '../money'

// 问题登记 (docs/counter-log.md): a problem or idea noticed at work. A clerk logs it; a 值班长 or 客服经理
// decides it once (待处理 → 已处理 / 已采纳 / 未采纳) with a note, and the reward the store's rules give
// for that kind and outcome is fixed on the record at that moment: a later change of the settings does
// not rewrite what was already granted.

export const PROBLEM_KINDS = ['dataError', 'process', 'suggestion', 'other'] as const
export const PROBLEM_STATUSES = ['open', 'handled', 'adopted', 'declined'] as const
export const PROBLEM_DECISIONS = ['handled', 'adopted', 'declined'] as const

/** 商品数据错误 / 流程问题 / 改进建议 / 其他 */
export type ProblemKind = (typeof PROBLEM_KINDS)[number]
/** 待处理 / 已处理 / 已采纳 / 未采纳 */
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number]
export type ProblemDecision = (typeof PROBLEM_DECISIONS)[number]

export const PROBLEM_TEXT_MAX = 2000

export interface Problem {
  id: string
  kind: ProblemKind
  description: string
  product: string
  itemNo: string
  /** the complaint it came from, if any */
  complaintId: string | null
  /** 工号 of who logged it */
  staffNo: string
  createdAt: number
  status: ProblemStatus
  decidedBy: string | null
  decidedAt: number | null
  decisionNote: string
  /** yuan granted, fixed when decided; null while open */
  reward: number | null
}

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong')

export const problemFormSchema = z.object({
  kind: z.enum(PROBLEM_KINDS, { message: 'validation.required' }),
  description: text(PROBLEM_TEXT_MAX).min(1, 'counter.descriptionRequired'),
  product: text(80),
  itemNo: text(40),
  complaintId: z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
})
export type ProblemForm = z.input<typeof problemFormSchema>
export type ProblemInput = z.output<typeof problemFormSchema>

export const emptyProblemForm: ProblemForm = {
  kind: 'dataError',
  description: '',
  product: '',
  itemNo: '',
  complaintId: ''
}

export function buildProblem(
  input: ProblemInput,
  ids: { id: string; staffNo: string; createdAt: number }
): Problem {
  return {
    id: ids.id,
    kind: input.kind,
    description: input.description,
    product: input.product,
    itemNo: input.itemNo,
    complaintId: input.complaintId,
    staffNo: ids.staffNo,
    createdAt: ids.createdAt,
    status: 'open',
    decidedBy: null,
    decidedAt: null,
    decisionNote: '',
    reward: null
  }
}

// ---- Rewards ---------------------------------------------------------------------------------

/** yuan per kind and decision; a missing entry is 0. Store setting (系统设置 → 柜台登记). */
export type RewardRules = Record<ProblemKind, Record<ProblemDecision, number>>

/** The handbook: 每发现一个数据类的错误奖励 50 元 (a confirmed data error: handled or adopted),
 *  每提供一项好的建议被采纳奖励 100 元 (an adopted suggestion). Everything else earns nothing. */
export const DEFAULT_REWARD_RULES: RewardRules = {
  dataError: { handled: 50, adopted: 50, declined: 0 },
  process: { handled: 0, adopted: 0, declined: 0 },
  suggestion: { handled: 0, adopted: 100, declined: 0 },
  other: { handled: 0, adopted: 0, declined: 0 }
}

/** The reward for deciding a problem of `kind` as `decision` under `rules`. A declined problem earns
 *  nothing whatever the settings say (nothing was confirmed). */
export function rewardFor(kind: ProblemKind, decision: ProblemDecision, rules: RewardRules): number {
  if (decision === 'declined') return 0
  return rules[kind]?.[decision] ?? 0
}

/** Stored settings may be old or partial: every missing or bad amount takes its default. */
export function readRewardRules(raw: unknown): RewardRules {
  const given = (raw ?? {}) as Partial<Record<string, Partial<Record<string, unknown>>>>
  const out = {} as RewardRules
  for (const kind of PROBLEM_KINDS) {
    out[kind] = { ...DEFAULT_REWARD_RULES[kind] }
    for (const decision of PROBLEM_DECISIONS) {
      const v = given[kind]?.[decision]
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[kind][decision] = v
    }
  }
  return out
}

const AMOUNT_MESSAGES = {
  notNumber: 'returns.amountNotNumber',
  negative: 'returns.amountNegative',
  cents: 'returns.amountCents',
  tooLarge: 'returns.amountTooLarge'
} as const

const rewardAmount = z.string().transform((raw, ctx) => {
  const check = parseYuan(raw)
  if (check.ok && check.value !== null) return check.value
  if (check.ok) return 0
  ctx.addIssue({ code: 'custom', message: AMOUNT_MESSAGES[check.reason] })
  return z.NEVER
})

/** The settings form: one amount (as typed) per kind and decision. */
export const rewardRulesFormSchema = z.object(
  Object.fromEntries(
    PROBLEM_KINDS.map((k) => [
      k,
      z.object(Object.fromEntries(PROBLEM_DECISIONS.map((d) => [d, rewardAmount])))
    ])
  ) as Record<ProblemKind, z.ZodObject<Record<ProblemDecision, typeof rewardAmount>>>
)

// ---- Deciding --------------------------------------------------------------------------------

/** Only these roles decide problems and rewards (checked by the data layer, not only the buttons). */
export const DECIDING_ROLES: readonly Role[] = ['shiftLeader', 'manager']

export function mayDecideProblems(role: Role | undefined): boolean {
  return role !== undefined && DECIDING_ROLES.includes(role)
}

export const decisionFormSchema = z.object({
  decision: z.enum(PROBLEM_DECISIONS, { message: 'validation.required' }),
  note: text(500)
})
export type DecisionInput = z.output<typeof decisionFormSchema>

export type DecisionRefusal = 'counter.refused.notDecider' | 'counter.refused.alreadyDecided'

/** The patch that decides a problem, or why it is refused. Decided problems are final: the reward
 *  was granted, and a second decision from a stale screen or another PC must not change it. */
export function decisionPatch(
  p: Pick<Problem, 'kind' | 'status'>,
  input: DecisionInput,
  who: { staffNo: string; role: Role | undefined },
  rules: RewardRules,
  now: number
):
  | { ok: true; patch: Pick<Problem, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'reward'> }
  | { ok: false; message: DecisionRefusal } {
  if (!mayDecideProblems(who.role)) return { ok: false, message: 'counter.refused.notDecider' }
  if (p.status !== 'open') return { ok: false, message: 'counter.refused.alreadyDecided' }
  return {
    ok: true,
    patch: {
      status: input.decision,
      decidedBy: who.staffNo,
      decidedAt: now,
      decisionNote: input.note,
      reward: rewardFor(p.kind, input.decision, rules)
    }
  }
}

/** Open longer than this is called out in 每周汇总. */
export const STALE_PROBLEM_DAYS = 14
