import { activeStaff, managerRefusal } from './roles'
import { auditedTransact, NOT_AUDITED } from './audit'
import { settingsWrite } from './audit'
import { nanoid } from 'nanoid'
import {
  applyAction,
  DEFAULT_WORKFLOW_SETTINGS,
  type Actor,
  type WorkflowAction,
  type WorkflowError,
  type WorkflowSettings
} from '@shared/domain/workflow'
import type { Complaint } from '@shared/domain/complaint'
import type { DataContext } from './context'
import { DERIVE_MEASURE, deriveComplaintTasks } from './revisitDerive'
import { completeComplaintTask } from './revisitAttemptWrite'
import { complaintById } from './complaintReads'

/** The domain refused the step; `error.message` is an i18n key, `error.field` where to show it. */
export class WorkflowRefusedError extends Error {
  constructor(readonly error: WorkflowError) {
    super(error.message)
  }
}

export const DEFAULT_DEPARTMENTS = [
  '采购部',
  '运营部',
  '设计部',
  '售后服务部',
  '物流配送部',
  '门店前台'
] as const

export interface WorkflowConfig extends WorkflowSettings {
  departments: string[]
}

export async function getWorkflowConfig(ctx: DataContext): Promise<WorkflowConfig> {
  const stored = await ctx.db.settings.get('workflow')
  const saved = stored && stored.id === 'workflow' && !stored._deleted ? stored : undefined
  return {
    managerApprovalAbove: saved?.managerApprovalAbove ?? DEFAULT_WORKFLOW_SETTINGS.managerApprovalAbove,
    maxAmount: saved?.maxAmount ?? DEFAULT_WORKFLOW_SETTINGS.maxAmount,
    departments: saved?.departments ?? [...DEFAULT_DEPARTMENTS]
  }
}

/** One step of the closed loop: the domain decides, then the change and its timeline event are written together.
 *  A refusal is returned out of the transaction, not thrown inside it: nothing was written, so it
 *  simply commits. (Throwing after a read, with no request pending, left Chromium's transaction
 *  promise unsettled now and then, hanging the dialog.) */
export async function applyWorkflow(
  ctx: DataContext,
  actor: Actor,
  complaintId: string,
  action: WorkflowAction
): Promise<Complaint> {
  // Everything is read inside the transaction: a Dexie read awaited just before opening it left the
  // read-write transaction waiting forever now and then in Chromium.
  // 主管批示 (approve / send back) is recorded in the 操作日志 too, in the same transaction.
  const audited =
    action.type === 'approvePlan' || action.type === 'returnPlan'
      ? {
          kind: action.type === 'approvePlan' ? ('planApproved' as const) : ('planReturned' as const),
          params: { complaintId, complaintNo: (await complaintById(ctx.db, complaintId))?.no ?? '' }
        }
      : undefined
  const done = await auditedTransact(ctx, actor.staffNo, audited ?? NOT_AUDITED, async (tx, record) => {
    // 主管批示: the approver's role comes from the staff list (issue 17 point 2), not from the caller
    let acting = actor
    if (audited) {
      const who = await activeStaff(ctx, actor.staffNo)
      // an unknown approver is refused — unless the staff list has no manager yet (roles.ts)
      if (who) acting = { staffNo: who.staffNo, role: who.role }
      else if (await managerRefusal(ctx, undefined))
        return { ok: false as const, error: { message: 'workflow.needApprover' } }
    }
    const config = await getWorkflowConfig(ctx)
    const current = await complaintById(ctx.db, complaintId)
    if (!current || current._deleted) return { ok: false as const, error: { message: 'complaint.notFound' } }
    const now = ctx.now()
    const outcome = applyAction(current, action, acting, now, config)
    if (!outcome.ok) return outcome
    await tx.update('complaints', complaintId, outcome.patch)
    const after = { ...current, ...outcome.patch }
    // 回访 (docs/revisits.md §3): an accepted result makes the follow-up task, written beside the
    // step's event; the page's 登记回访 (or 不满意 reopen) is that task's visit too.
    const event = tx.create('events', {
      id: nanoid(),
      subjectId: complaintId,
      type: outcome.event.type,
      at: now,
      staffNo: actor.staffNo,
      data: outcome.event.data
    })
    if (action.type === 'recordResult')
      await tx.together(DERIVE_MEASURE, deriveComplaintTasks(ctx, tx, after), event)
    else await event
    if (action.type === 'recordRevisit')
      await completeComplaintTask(ctx, tx, current, {
        satisfaction: action.satisfaction,
        notes: action.notes.trim(),
        at: now,
        by: actor.staffNo
      })
    if (audited) await record()
    return { ok: true as const, complaint: after }
  })
  if (!done.ok) throw new WorkflowRefusedError(done.error)
  return done.complaint
}

export async function saveWorkflowConfig(
  ctx: DataContext,
  staffNo: string,
  config: WorkflowConfig
): Promise<void> {
  const record = { id: 'workflow' as const, ...config }
  await settingsWrite(ctx, staffNo, 'workflow', async (tx) => {
    if (await ctx.db.settings.get('workflow')) await tx.update('settings', 'workflow', config)
    else await tx.create('settings', record)
  })
}
