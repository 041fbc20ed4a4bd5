import { nanoid } from 'nanoid'
import { callbackFormSchema, type CallbackInput } from '@shared/domain/callback'
import type { Complaint } from '@shared/domain/complaint'
import type { DataContext } from './context'
import type { Stored } from './schema'
import { complaintById, openComplaints } from './complaintReads'

// 约定回电 on a complaint: promised (replacing an earlier promise), then done. Each step is a timeline
// event written in the same transaction as the field, so the case's history says who promised what.

/** The data layer refused; `message` is an i18n key under callback.refused. */
export class CallbackRefusedError extends Error {}

const ENDED = new Set(['closed', 'rejected'])

async function openComplaint(ctx: DataContext, id: string): Promise<Stored<Complaint>> {
  const c = await complaintById(ctx.db, id)
  if (!c || c._deleted) throw new CallbackRefusedError('callback.refused.notFound')
  if (ENDED.has(c.status)) throw new CallbackRefusedError('callback.refused.ended')
  return c
}

export async function promiseCallback(
  ctx: DataContext,
  staffNo: string,
  complaintId: string,
  input: CallbackInput
): Promise<void> {
  const now = ctx.now()
  const parsed = callbackFormSchema(now).parse(input)
  await ctx.writer.transact(staffNo, async (tx) => {
    const c = await openComplaint(ctx, complaintId)
    await tx.update('complaints', complaintId, {
      callback: { dueAt: parsed.dueAt, note: parsed.note, promisedBy: staffNo, promisedAt: now }
    })
    await tx.create('events', {
      id: nanoid(),
      subjectId: complaintId,
      type: 'callbackPromised',
      at: now,
      staffNo,
      data: { dueAt: parsed.dueAt, note: parsed.note, ...(c.callback ? { replaced: c.callback.dueAt } : {}) }
    })
  })
}

/** 已回电: the promise is kept; `note` says how it went. */
export async function completeCallback(
  ctx: DataContext,
  staffNo: string,
  complaintId: string,
  note: string
): Promise<void> {
  const now = ctx.now()
  await ctx.writer.transact(staffNo, async (tx) => {
    const c = await openComplaint(ctx, complaintId)
    if (!c.callback) throw new CallbackRefusedError('callback.refused.nonePending')
    await tx.update('complaints', complaintId, { callback: null })
    await tx.create('events', {
      id: nanoid(),
      subjectId: complaintId,
      type: 'callbackDone',
      at: now,
      staffNo,
      data: { dueAt: c.callback.dueAt, note: note.trim().slice(0, 200) }
    })
  })
}

/** Open cases with a callback still to make, soonest first (read through the sparse open-cases index). */
export async function listPromisedCallbacks(ctx: DataContext): Promise<Stored<Complaint>[]> {
  const open = await openComplaints(ctx.db)
  return open
    .filter((c) => !c._deleted && c.callback)
    .sort((a, b) => (a.callback?.dueAt ?? 0) - (b.callback?.dueAt ?? 0))
}
