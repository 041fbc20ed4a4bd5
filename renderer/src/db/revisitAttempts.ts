import { nanoid } from 'nanoid'
import {
  attemptInputSchema,
  attemptsOf,
  taskState,
  type AttemptInput,
  type TaskState
} from '@shared/domain/revisit'
import { applyAction, type Actor } from '@shared/domain/workflow'
import type { ComplaintRevisit } from '@shared/domain/complaint'
import type { DataContext } from './context'
import type { WriteTx } from './writer'
import { writeAttempt } from './revisitAttemptWrite'
import type { SyncedRecords } from './schema'
import { getWorkflowConfig } from './workflow'
import { complaintById } from './complaintReads'
import { customerById } from './customerReads'

// One call of a 回访任务 (开始回访 → outcome), written as a field of its own on the task
// (docs/revisits.md §4), so calls made on two PCs are both kept. A 投诉回访 answered (已接通) is the
// complaint's 登记回访 too: the workflow step is applied in the same transaction, as the complaint page
// would — so 不满意 reopens through the workflow as it always did.

/** The call cannot be recorded; `message` is an i18n key, `path` the field it belongs next to. */
export class RevisitRefusedError extends Error {
  constructor(
    message: string,
    readonly path?: string
  ) {
    super(message)
  }
}

type StoredTask = SyncedRecords['revisitTasks']

/** Records one call. Refused (nothing written) when the task has ended or the input is incomplete. */
export async function recordRevisitAttempt(
  ctx: DataContext,
  actor: Actor,
  id: string,
  input: AttemptInput
): Promise<TaskState> {
  const now = ctx.now()
  const parsed = attemptInputSchema(now).safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new RevisitRefusedError(issue?.message ?? 'revisit.invalid', issue?.path.join('.'))
  }
  const a = parsed.data
  const outcome = await ctx.writer.transact(actor.staffNo, async (tx) => {
    const task = await ctx.db.revisitTasks.get(id)
    if (!task || task._deleted) return { refused: 'revisit.notFound' }
    if (taskState(task, attemptsOf(task)).status !== 'open') return { refused: 'revisit.taskEnded' }
    const reached = a.outcome === 'reached'
    if (reached && task.rule === 'complaint') {
      const refused = await reviseComplaint(ctx, tx, actor, task, {
        satisfaction: a.satisfaction as ComplaintRevisit['satisfaction'],
        notes: [a.suggestions, a.note].filter(Boolean).join('\n'),
        reopen: !!a.reopen
      })
      if (refused) return { refused }
    }
    await writeAttempt(tx, task, {
      at: now,
      staffNo: actor.staffNo,
      outcome: a.outcome,
      satisfaction: reached ? a.satisfaction : undefined,
      aspects: reached && a.satisfaction !== 'satisfied' && a.aspects?.length ? a.aspects : undefined,
      suggestions: reached ? a.suggestions : undefined,
      note: a.note,
      rebookAt: a.outcome === 'rebooked' ? a.rebookAt : undefined,
      doNotContact: a.outcome === 'refused' && a.doNotContact ? true : undefined,
      scriptVersion: a.scriptVersion
    })
    if (a.outcome === 'refused' && a.doNotContact)
      await markNoRevisit(ctx, tx, actor.staffNo, task.customerId, now)
    const after = (await ctx.db.revisitTasks.get(id)) as StoredTask
    return { state: taskState(after, attemptsOf(after)) }
  })
  if ('refused' in outcome) throw new RevisitRefusedError(outcome.refused as string)
  return outcome.state
}

/** The complaint's 登记回访 (or reopen) through its own workflow; an i18n key when refused. */
async function reviseComplaint(
  ctx: DataContext,
  tx: WriteTx,
  actor: Actor,
  task: StoredTask,
  revisit: { satisfaction: ComplaintRevisit['satisfaction']; notes: string; reopen: boolean }
): Promise<string | null> {
  const complaint = await complaintById(ctx.db, task.sourceId)
  if (!complaint || complaint._deleted) return 'complaint.notFound'
  const now = ctx.now()
  const config = await getWorkflowConfig(ctx)
  const done = applyAction(complaint, { type: 'recordRevisit', ...revisit }, actor, now, config)
  if (!done.ok) return done.error.message
  await tx.update('complaints', complaint.id, done.patch)
  await tx.create('events', {
    id: nanoid(),
    subjectId: complaint.id,
    type: done.event.type,
    at: now,
    staffNo: actor.staffNo,
    data: { ...done.event.data, revisitTaskId: task.id }
  })
  return null
}

/** 不再回访: no task is made for the customer any more, and their open tasks are cancelled. */
async function markNoRevisit(
  ctx: DataContext,
  tx: WriteTx,
  staffNo: string,
  customerId: string,
  now: number
) {
  const customer = await customerById(ctx.db, customerId)
  if (!customer || customer._deleted) return
  if (!customer.noRevisit) await tx.update('customers', customerId, { noRevisit: { at: now, by: staffNo } })
  await tx.create('events', {
    id: nanoid(),
    subjectId: customerId,
    type: 'customerEdited',
    at: now,
    staffNo,
    data: { changes: [{ field: 'noRevisit', from: null, to: true }] }
  })
  for (const t of await ctx.db.revisitTasks.where('customerId').equals(customerId).toArray())
    if (t._status === 'open') await tx.update('revisitTasks', t.id, { cancelled: 'doNotContact' } as never)
}

/** Sets or clears 不再回访 from the customer page; only a manager may clear it (it was the customer's wish). */
export async function setNoRevisit(
  ctx: DataContext,
  actor: Actor,
  customerId: string,
  on: boolean
): Promise<void> {
  if (!on && actor.role !== 'manager') throw new RevisitRefusedError('revisit.clearNeedsManager')
  const refused = await ctx.writer.transact(actor.staffNo, async (tx) => {
    const customer = await customerById(ctx.db, customerId)
    if (!customer || customer._deleted) return 'customer.notFound'
    const now = ctx.now()
    if (on) await markNoRevisit(ctx, tx, actor.staffNo, customerId, now)
    else if (customer.noRevisit) {
      await tx.update('customers', customerId, { noRevisit: null })
      await tx.create('events', {
        id: nanoid(),
        subjectId: customerId,
        type: 'customerEdited',
        at: now,
        staffNo: actor.staffNo,
        data: { changes: [{ field: 'noRevisit', from: true, to: null }] }
      })
    }
    return null
  })
  if (refused) throw new RevisitRefusedError(refused)
}
