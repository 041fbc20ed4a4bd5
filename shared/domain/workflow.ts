import type { Complaint, ComplaintPlan, Resolution, Satisfaction } from './complaint'
import type { Role } from './staff'

// The closed loop of docs/design.md §3.1 as a pure state machine: 受理 → 判断 → 责任部门 → 处理方案 →
// 主管批示 → 处理结果 → 回访 → 结案. The UI offers only what availableActions() allows, and
// applyAction() refuses everything else itself, so a stale screen or another PC cannot force a
// transition. Messages are i18n keys.

export type WorkflowAction =
  | { type: 'judgeValid' }
  | { type: 'judgeInvalid'; explanation: string }
  | { type: 'assignDepartment'; department: string }
  | { type: 'proposePlan'; resolution: Resolution; amount: number | null; text: string }
  | { type: 'approvePlan'; note: string }
  | { type: 'returnPlan'; reason: string }
  | { type: 'recordResult'; text: string; accepted: boolean }
  | { type: 'recordRevisit'; satisfaction: Satisfaction; notes: string; reopen: boolean }
  | { type: 'closeCase'; feedbackDepartments: string[] }
  | { type: 'urge'; note: string }

export type ActionType = WorkflowAction['type']

export interface Actor {
  staffNo: string
  role: Role
}

export interface WorkflowSettings {
  /** plans with a compensation/refund amount above this need the manager (客服经理) */
  managerApprovalAbove: number
  /** anything above this is a typing mistake, not a plan */
  maxAmount: number
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = { managerApprovalAbove: 500, maxAmount: 100_000 }

export type TimelineEventType =
  | 'registered'
  | 'judgedValid'
  | 'judgedInvalid'
  | 'departmentAssigned'
  | 'planProposed'
  | 'planApproved'
  | 'planReturned'
  | 'resultRecorded'
  | 'revisitRecorded'
  | 'reopened'
  | 'closed'
  | 'urged'
  | 'escalated'
  | 'fieldEdited'
  | 'returnLinked'
  | 'callbackPromised'
  | 'callbackDone'
  // 暂停计时 / 恢复计时 (issue 16): written by the data layer from shared/domain/clock/pauses.ts, not by
  // applyAction; a pause does not change the case's status or fields.
  | 'clockPaused'
  | 'clockResumed'
  // 投诉编号冲突 (issue 18): written by the data layer (sync/numberClash.ts) when one of two complaints
  // numbered alike by two PCs with the same 电脑代码 takes a new number — on both cases' timelines.
  | 'renumbered'
  | 'numberClashResolved'

export interface WorkflowError {
  /** i18n key */
  message: string
  /** the form field the message belongs next to, if any */
  field?: string
}

export type WorkflowOutcome =
  | { ok: true; patch: Partial<Complaint>; event: { type: TimelineEventType; data: Record<string, unknown> } }
  | { ok: false; error: WorkflowError }

const APPROVERS: readonly Role[] = ['shiftLeader', 'manager']

/** The 处理方式 that pay the customer money: only these carry a 补偿金额 (and must have one). Any
 *  other plan has no amount, whatever a form may still hold for it. */
export const RESOLUTIONS_WITH_AMOUNT: readonly Resolution[] = ['refund', 'compensation']

export function carriesAmount(resolution: Resolution): boolean {
  return RESOLUTIONS_WITH_AMOUNT.includes(resolution)
}

/** Who must approve a plan that awaits approval, and why: a code and the figures behind it. */
export interface ApprovalNeed {
  /** 'manager' when the amount is above the shift leader's limit */
  approver: 'shiftLeaderOrManager' | 'manager'
  /** the plan's amount (null: the plan pays nothing) */
  amount: number | null
  /** the shift leader's limit (managerApprovalAbove) */
  limit: number
}

export function approvalNeed(c: Complaint, s: WorkflowSettings): ApprovalNeed | null {
  if (c.status !== 'awaitingApproval') return null
  const amount = c.plan?.amount ?? null
  return {
    approver: (amount ?? 0) > s.managerApprovalAbove ? 'manager' : 'shiftLeaderOrManager',
    amount,
    limit: s.managerApprovalAbove
  }
}
const TERMINAL = new Set(['closed', 'rejected'])

function planApproved(c: Complaint): boolean {
  return !!c.plan?.approvedBy
}

/** Whether the action's preconditions on the case and the actor hold (ignoring the action's own fields). */
function gate(c: Complaint, type: ActionType, actor: Actor, s: WorkflowSettings): WorkflowError | null {
  const wrongState = { message: 'workflow.notNow' }
  switch (type) {
    case 'judgeValid':
    case 'judgeInvalid':
      return c.status === 'registered' ? null : wrongState
    case 'assignDepartment':
      return c.status === 'inProgress' && !planApproved(c) ? null : wrongState
    case 'proposePlan':
      if (c.status !== 'inProgress' || planApproved(c)) return wrongState
      return c.department ? null : { message: 'workflow.needDepartment', field: 'department' }
    case 'approvePlan':
    case 'returnPlan':
      if (c.status !== 'awaitingApproval') return wrongState
      if (!APPROVERS.includes(actor.role)) return { message: 'workflow.needApprover' }
      if (type === 'approvePlan' && approvalNeed(c, s)?.approver === 'manager' && actor.role !== 'manager')
        return { message: 'workflow.needManager' }
      return null
    case 'recordResult':
      return c.status === 'inProgress' && planApproved(c) ? null : wrongState
    case 'recordRevisit':
      if (c.status !== 'awaitingRevisit') return { message: 'workflow.revisitBeforeResult' }
      return c.revisit ? wrongState : null
    case 'closeCase':
      if (c.status !== 'awaitingRevisit') return wrongState
      return c.revisit ? null : { message: 'workflow.closeNeedsRevisit' }
    case 'urge':
      return TERMINAL.has(c.status) ? wrongState : null
  }
}

const ALL_ACTIONS: readonly ActionType[] = [
  'judgeValid',
  'judgeInvalid',
  'assignDepartment',
  'proposePlan',
  'approvePlan',
  'returnPlan',
  'recordResult',
  'recordRevisit',
  'closeCase',
  'urge'
]

/** What this actor may do with this case now. */
export function availableActions(c: Complaint, actor: Actor, s: WorkflowSettings): ActionType[] {
  return ALL_ACTIONS.filter((type) => {
    const refused = gate(c, type, actor, s)
    // proposePlan is offered without a department so the clerk learns why it is needed.
    return !refused || (type === 'proposePlan' && refused.message === 'workflow.needDepartment')
  })
}

const required = (text: string, field: string, min = 1): WorkflowError | null =>
  text.trim().length >= min
    ? null
    : { message: min > 1 ? 'workflow.explainMore' : 'validation.required', field }

/** Checks the action's own fields. */
function validate(action: WorkflowAction, s: WorkflowSettings): WorkflowError | null {
  switch (action.type) {
    case 'judgeInvalid':
      return required(action.explanation, 'explanation', 10)
    case 'assignDepartment':
      return required(action.department, 'department')
    case 'proposePlan': {
      if (!carriesAmount(action.resolution)) return required(action.text, 'text')
      if (action.amount !== null) {
        if (!Number.isFinite(action.amount) || action.amount < 0)
          return { message: 'workflow.amountNegative', field: 'amount' }
        if (action.amount > s.maxAmount) return { message: 'workflow.amountTooLarge', field: 'amount' }
        if (Math.round(action.amount * 100) !== action.amount * 100)
          return { message: 'workflow.amountCents', field: 'amount' }
      }
      if (!action.amount) return { message: 'workflow.amountRequired', field: 'amount' }
      return required(action.text, 'text')
    }
    case 'returnPlan':
      return required(action.reason, 'reason')
    case 'recordResult':
      return required(action.text, 'text')
    case 'recordRevisit':
      if (action.reopen && action.satisfaction !== 'unsatisfied')
        return { message: 'workflow.reopenOnlyUnsatisfied', field: 'reopen' }
      return action.satisfaction === 'satisfied' ? null : required(action.notes, 'notes')
    default:
      return null
  }
}

/** The change a permitted action makes to the case, and the timeline event that records it. */
export function applyAction(
  c: Complaint,
  action: WorkflowAction,
  actor: Actor,
  now: number,
  s: WorkflowSettings
): WorkflowOutcome {
  const refused = gate(c, action.type, actor, s) ?? validate(action, s)
  if (refused) return { ok: false, error: refused }
  const firstResponse = c.firstResponseAt === null ? { firstResponseAt: now } : {}
  const done = (
    patch: Partial<Complaint>,
    type: TimelineEventType,
    data: Record<string, unknown> = {}
  ): WorkflowOutcome => ({
    ok: true,
    patch,
    event: { type, data }
  })
  switch (action.type) {
    case 'judgeValid':
      return done({ status: 'inProgress', ...firstResponse }, 'judgedValid')
    case 'judgeInvalid':
      return done(
        { status: 'rejected', explanation: action.explanation.trim(), closedAt: now, ...firstResponse },
        'judgedInvalid',
        {
          explanation: action.explanation.trim()
        }
      )
    case 'assignDepartment':
      return done({ department: action.department }, 'departmentAssigned', {
        department: action.department,
        previous: c.department
      })
    case 'proposePlan': {
      const plan: ComplaintPlan = {
        resolution: action.resolution,
        // A plan that pays nothing stores no amount, even if one was sent with it.
        amount: carriesAmount(action.resolution) ? action.amount : null,
        text: action.text.trim(),
        proposedBy: actor.staffNo,
        proposedAt: now,
        approvedBy: null,
        approvedAt: null
      }
      return done({ status: 'awaitingApproval', plan }, 'planProposed', { ...plan })
    }
    case 'approvePlan': {
      const plan = { ...(c.plan as ComplaintPlan), approvedBy: actor.staffNo, approvedAt: now }
      return done({ status: 'inProgress', plan }, 'planApproved', {
        note: action.note.trim(),
        amount: plan.amount
      })
    }
    case 'returnPlan':
      return done({ status: 'inProgress', plan: null }, 'planReturned', {
        reason: action.reason.trim(),
        plan: c.plan
      })
    case 'recordResult': {
      const result = { text: action.text.trim(), accepted: action.accepted, at: now, by: actor.staffNo }
      return action.accepted
        ? done({ status: 'awaitingRevisit', result, resolvedAt: now }, 'resultRecorded', { ...result })
        : // Not accepted: back to a new plan; the refused result stays on the timeline.
          done({ status: 'inProgress', result, plan: null, resolvedAt: null }, 'resultRecorded', {
            ...result
          })
    }
    case 'recordRevisit': {
      const revisit = {
        satisfaction: action.satisfaction,
        notes: action.notes.trim(),
        at: now,
        by: actor.staffNo
      }
      if (action.reopen)
        return done(
          {
            status: 'inProgress',
            revisit: null,
            result: null,
            plan: null,
            resolvedAt: null,
            reopenCount: c.reopenCount + 1
          },
          'reopened',
          {
            ...revisit
          }
        )
      return done({ revisit }, 'revisitRecorded', { ...revisit })
    }
    case 'closeCase':
      return done(
        { status: 'closed', closedAt: now, feedbackDepartments: [...action.feedbackDepartments] },
        'closed',
        {
          feedbackDepartments: action.feedbackDepartments
        }
      )
    case 'urge':
      return done({ urgeCount: c.urgeCount + 1 }, 'urged', { note: action.note.trim() })
  }
}
