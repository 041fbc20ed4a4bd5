import { nanoid } from 'nanoid'
import {
  buildReturnRequest,
  canChangeReturnStatus,
  type ReturnInput,
  type ReturnRequest,
  type ReturnStatus
} from '@shared/domain/returns'
import type { DataContext } from './context'
import type { Stored } from './schema'
import { findOrCreateCustomer } from './customers'
import { DERIVE_MEASURE, deriveReturnTask } from './revisitDerive'
import { complaintById, complaintsByIds } from './complaintReads'

// 退换货登记 (docs/design.md §3.4). A return linked to a complaint leaves an immutable 'returnLinked' step
// on that complaint's timeline, written in the same transaction as the return itself.

/** The data layer refused; `message` is an i18n key (returns.*). */
export class ReturnRefusedError extends Error {}

export type ReturnFilter = { status: ReturnStatus | 'all' }

/** Registers a return: finds or creates the customer by phone (like registerComplaint) and, when
 *  linked, records it on the complaint's timeline — all or nothing. */
export async function registerReturn(
  ctx: DataContext,
  staffNo: string,
  input: ReturnInput
): Promise<ReturnRequest> {
  const createdAt = ctx.now()
  return ctx.writer.transact(staffNo, async (tx) => {
    if (input.complaintId) {
      const complaint = await complaintById(ctx.db, input.complaintId)
      if (!complaint || complaint._deleted) throw new ReturnRefusedError('returns.complaintNotFound')
    }
    const customerId = await findOrCreateCustomer(ctx, tx, staffNo, {
      customerId: input.customerId,
      name: input.customerName,
      phone: input.customerPhone
    })
    const record = buildReturnRequest(input, { id: nanoid(), customerId, createdAt })
    await tx.create('returns', record)
    if (record.complaintId) {
      await tx.create('events', {
        id: nanoid(),
        subjectId: record.complaintId,
        type: 'returnLinked',
        at: createdAt,
        staffNo,
        data: { returnId: record.id, type: record.type, amount: record.amount }
      })
    }
    return record
  })
}

/** Moves a return along pending → processing → done (or cancels it); anything else is refused
 *  here too, so a stale screen or another PC's earlier change cannot force an impossible step. */
export async function changeReturnStatus(
  ctx: DataContext,
  staffNo: string,
  id: string,
  status: ReturnStatus
): Promise<ReturnRequest> {
  return ctx.writer.transact(staffNo, async (tx) => {
    const current = await ctx.db.returns.get(id)
    if (!current || current._deleted) throw new ReturnRefusedError('returns.notFound')
    if (!canChangeReturnStatus(current.status, status))
      throw new ReturnRefusedError('returns.transitionRefused')
    await tx.update('returns', id, { status })
    // A 维修 done makes its 维修回访 (docs/revisits.md §3).
    await tx.together(DERIVE_MEASURE, deriveReturnTask(ctx, tx, { ...current, status }))
    return { ...current, status }
  })
}

/** Newest first, optionally one status only; `limit` keeps the counter page one small read. */
export async function listReturns(
  ctx: DataContext,
  filter: ReturnFilter = { status: 'all' },
  limit = 200
): Promise<Stored<ReturnRequest>[]> {
  const query =
    filter.status === 'all'
      ? ctx.db.returns.orderBy('createdAt')
      : ctx.db.returns
          .where('[status+createdAt]')
          .between([filter.status, -Infinity], [filter.status, Infinity])
  return query
    .reverse()
    .filter((r) => !r._deleted)
    .limit(limit)
    .toArray()
}

/** The returns settling one complaint, newest first. */
export async function listReturnsOfComplaint(
  ctx: DataContext,
  complaintId: string
): Promise<Stored<ReturnRequest>[]> {
  const rows = await ctx.db.returns
    .where('complaintId')
    .equals(complaintId)
    .filter((r) => !r._deleted)
    .toArray()
  return rows.sort((a, b) => b.createdAt - a.createdAt)
}

/** Complaint numbers (TS-…) for the complaints some returns are linked to: one read for a whole list. */
export async function complaintNumbers(
  ctx: DataContext,
  ids: readonly string[]
): Promise<Record<string, string>> {
  const unique = [...new Set(ids)]
  const found = await complaintsByIds(ctx.db, unique)
  return Object.fromEntries(found.flatMap((c) => (c && !c._deleted ? [[c.id, c.no]] : [])))
}
