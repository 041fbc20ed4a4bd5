import type { Satisfaction } from '../complaint'
import type { RevisitRule } from './rules'

// A 回访任务 and its attempts (docs/revisits.md §3). The task id says what it is for — rule, source
// record, period — so whoever derives it, on whichever PC, writes the same record. Each attempt is a
// field of its own on the task (`attempt:<id>`): sync merges a record field by field, so two PCs
// calling the same task keep both attempts (a union), and the task's state is computed from them —
// the same on every PC that holds the same attempts.

export const OUTCOMES = ['reached', 'noAnswer', 'wrongNumber', 'refused', 'rebooked'] as const
/** 已接通 / 未接通 / 号码错误 / 拒绝回访 / 改约 */
export type Outcome = (typeof OUTCOMES)[number]

export const ASPECTS = ['product', 'service', 'price', 'afterSales', 'other'] as const
/** 商品 / 服务 / 价格 / 售后 / 其他: what fell short */
export type Aspect = (typeof ASPECTS)[number]

export interface RevisitAttempt {
  id: string
  at: number
  staffNo: string
  outcome: Outcome
  /** 已接通 only */
  satisfaction?: Satisfaction
  aspects?: Aspect[]
  suggestions?: string
  note?: string
  /** 改约: when the customer wants the call */
  rebookAt?: number
  /** 拒绝回访 and the customer asked never to be called again (不再回访) */
  doNotContact?: boolean
  /** the 回访话术 version used */
  scriptVersion?: number
  /** written by the complaint's own 登记回访 (not from the call dialog) */
  viaComplaint?: boolean
}

export const ATTEMPT_PREFIX = 'attempt:'
export type AttemptField = `attempt:${string}`

// A type alias (not an interface), so a plain task is assignable to the stored shape with attempt fields.
export type RevisitTask = {
  /** `${rule}:${sourceId}:${period}` (taskId) */
  id: string
  rule: RevisitRule
  /** the complaint, return, customer or campaign the task comes from */
  sourceId: string
  /** what the queue shows as "why": the complaint number, or empty */
  sourceNo: string
  customerId: string
  customerName: string
  customerPhone: string
  /** 负责客服 of the customer when the task was made ('' none) */
  clerk: string
  /** the window: callable from, due by (inclusive: a call at exactly dueAt is on time) */
  windowStart: number
  dueAt: number
  /** the share of the rule's population this task stands for (新客户回访's sample), percent */
  samplePercent: number
  /** the settings in force when it was made, so every PC ends the task alike */
  retryMinutes: number
  maxAttempts: number
  /** 专项回访: the campaign's name and script */
  campaign?: { name: string; scriptRule: RevisitRule }
  /** no longer to be called (不再回访 marked on the customer after it was made) */
  cancelled?: 'doNotContact' | null
}

export type StoredTaskFields = RevisitTask & { [field: AttemptField]: Omit<RevisitAttempt, 'id'> }

export function taskId(rule: RevisitRule, sourceId: string, period: string | number): string {
  return `${rule}:${sourceId}:${period}`
}

export function attemptField(attemptId: string): AttemptField {
  return `${ATTEMPT_PREFIX}${attemptId}`
}

/** The task's attempts, oldest first (ties by id, so every PC orders them alike). */
export function attemptsOf(task: object): RevisitAttempt[] {
  const found: RevisitAttempt[] = []
  for (const [field, value] of Object.entries(task)) {
    if (!field.startsWith(ATTEMPT_PREFIX) || !value || typeof value !== 'object') continue
    found.push({ ...(value as Omit<RevisitAttempt, 'id'>), id: field.slice(ATTEMPT_PREFIX.length) })
  }
  return found.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export const TASK_STATUSES = ['open', 'done', 'unreachable', 'refused', 'cancelled'] as const
/** open; done (已接通); unreachable (无法联系: N × 未接通, or 号码错误); refused (拒绝回访); cancelled (不再回访) */
export type TaskStatus = (typeof TASK_STATUSES)[number]

export interface TaskState {
  status: TaskStatus
  attempts: number
  /** the attempt that ended the task */
  final?: RevisitAttempt
  /** when the task ended */
  endedAt?: number
  /** open: the earliest time the next call may be made, before quiet hours (schedule.ts) */
  nextAt?: number
  /** open: nextAt is a time the customer chose (改约), kept even inside quiet hours */
  chosenByCustomer?: boolean
}

const ENDS: Partial<Record<Outcome, TaskStatus>> = {
  reached: 'done',
  wrongNumber: 'unreachable',
  refused: 'refused'
}

/** The state of a task from its attempts alone. The first ending attempt (in time order) ends it;
 *  a later attempt from another PC is kept but changes nothing. */
export function taskState(
  task: Pick<RevisitTask, 'windowStart' | 'retryMinutes' | 'maxAttempts' | 'cancelled'>,
  attempts: readonly RevisitAttempt[]
): TaskState {
  let noAnswers = 0
  let nextAt = task.windowStart
  let chosen = false
  for (const a of attempts) {
    const ends = ENDS[a.outcome]
    if (ends) return { status: ends, attempts: attempts.length, final: a, endedAt: a.at }
    if (a.outcome === 'noAnswer') {
      noAnswers++
      if (noAnswers >= task.maxAttempts)
        return { status: 'unreachable', attempts: attempts.length, final: a, endedAt: a.at }
      nextAt = Math.max(nextAt, a.at + task.retryMinutes * 60_000)
      chosen = false
    } else if (a.outcome === 'rebooked' && a.rebookAt !== undefined) {
      nextAt = a.rebookAt
      chosen = true
    }
  }
  if (task.cancelled) return { status: 'cancelled', attempts: attempts.length }
  return { status: 'open', attempts: attempts.length, nextAt, ...(chosen ? { chosenByCustomer: true } : {}) }
}
