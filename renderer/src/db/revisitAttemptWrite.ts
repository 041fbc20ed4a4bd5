import { nanoid } from 'nanoid'
import { attemptField, attemptsOf, taskId, taskState, type RevisitAttempt } from '@shared/domain/revisit'
import type { Complaint, ComplaintRevisit } from '@shared/domain/complaint'
import type { DataContext } from './context'
import type { WriteTx } from './writer'
import type { SyncedRecords } from './schema'

// Writing one attempt on a 回访任务 (a field of its own, docs/revisits.md §4), and the complaint
// page's 登记回访 written as its task's attempt. Kept apart from revisitAttempts.ts so the complaint
// workflow can use it without importing the call dialog's code.

type StoredTask = SyncedRecords['revisitTasks']

function attemptRecord(a: Omit<RevisitAttempt, 'id'>): Omit<RevisitAttempt, 'id'> {
  // No undefined values: they would not survive sync as the same record.
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && v !== '')) as Omit<
    RevisitAttempt,
    'id'
  >
}

export async function writeAttempt(
  tx: WriteTx,
  task: StoredTask,
  attempt: Omit<RevisitAttempt, 'id'>
): Promise<string> {
  const id = nanoid()
  await tx.update('revisitTasks', task.id, { [attemptField(id)]: attemptRecord(attempt) } as never)
  return id
}

/** The complaint page's 登记回访 (or 不满意 reopen) completes its 投诉回访 task too: the same visit,
 *  recorded once as the task's attempt. Called inside applyWorkflow's transaction. */
export async function completeComplaintTask(
  ctx: DataContext,
  tx: WriteTx,
  before: Complaint,
  revisit: ComplaintRevisit
): Promise<void> {
  if (before.resolvedAt === null) return
  const task = await ctx.db.revisitTasks.get(taskId('complaint', before.id, before.resolvedAt))
  if (!task || task._deleted || taskState(task, attemptsOf(task)).status !== 'open') return
  await writeAttempt(tx, task, {
    at: revisit.at,
    staffNo: revisit.by,
    outcome: 'reached',
    satisfaction: revisit.satisfaction,
    note: revisit.notes,
    viaComplaint: true
  })
}
