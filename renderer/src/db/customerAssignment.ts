import { nanoid } from 'nanoid'
import { balanceAssignment, planReassign, type ClerkLoad } from '@shared/domain/customerAssignment'
import type { Role } from '@shared/domain/staff'
import type { Actor } from '@shared/domain/workflow'
import type { DataContext } from './context'
import type { WriteTx } from './writer'
import { refuseWhileCustomersLoad } from './customers'
import {
  CUSTOMER_STORES,
  clerksHoldingCustomers,
  countCustomersOfClerk,
  customerIdsOfClerk
} from './customerReads'

// 负责客服 by numbers (客户按数量均衡分配, docs/design.md §3.2). Counts come from the derived `_clerk` index
// ('' = unassigned; tombstoned archives are not in it), so loads and "who is unassigned" are index
// reads. Only the 客服经理 distributes customers; the data layer refuses anyone else.
//
// Audit: one change may touch 100 000 archives, and a 'customerAssigned' step on each customer's
// timeline would double the write and clutter every timeline with the same line. Each archive's
// change is still stamped (工号, time) and synced field by field; the decision itself is recorded
// once, as an event on the subject 'audit' with how many customers went to each clerk.

export const AUDIT_SUBJECT = 'audit'

/** Roles that can be 负责客服. */
const CLERK_ROLES: ReadonlySet<Role> = new Set(['clerk', 'shiftLeader'])

/** The data layer refused; `message` is an i18n key (customerMerge.assign.refused.*). Nothing was written. */
export class AssignmentRefusedError extends Error {}

export interface ClerkLoadRow {
  staffNo: string
  /** '' when the 工号 is not (or no longer) on the staff list */
  name: string
  role?: Role
  active: boolean
  /** may receive customers: an active clerk or shift leader */
  eligible: boolean
  count: number
}

export interface ClerkLoads {
  /** eligible clerks first (by 工号), then anyone else who still holds customers (e.g. someone who left) */
  rows: ClerkLoadRow[]
  unassigned: number
}

const countOf = (ctx: DataContext, staffNo: string) => countCustomersOfClerk(ctx.db, staffNo)

/** Every eligible clerk with how many customers they hold, the holders who are not eligible, and the unassigned. */
export async function clerkLoads(ctx: DataContext): Promise<ClerkLoads> {
  return ctx.db.transaction('r', ['staff', ...CUSTOMER_STORES], async () => {
    const staff = (await ctx.db.staff.orderBy('staffNo').toArray()).filter((s) => !s._deleted)
    // A unique-key walk visits each distinct 工号 once, however many customers each holds.
    const holders = (await clerksHoldingCustomers(ctx.db)).filter((k) => k !== '')
    const eligible = staff.filter((s) => s.active && CLERK_ROLES.has(s.role))
    const others = holders.filter((no) => !eligible.some((s) => s.staffNo === no))
    const byNo = new Map(staff.map((s) => [s.staffNo, s]))
    const row = async (staffNo: string): Promise<ClerkLoadRow> => {
      const s = byNo.get(staffNo)
      const isEligible = !!s && s.active && CLERK_ROLES.has(s.role)
      return {
        staffNo,
        name: s?.name ?? '',
        role: s?.role,
        active: !!s?.active,
        eligible: isEligible,
        count: await countOf(ctx, staffNo)
      }
    }
    const [rows, unassigned] = await Promise.all([
      Promise.all([...eligible.map((s) => s.staffNo), ...others].map(row)),
      countOf(ctx, '')
    ])
    return { rows, unassigned }
  })
}

type Outcome = { refused: string } | { perClerk: Record<string, number> }

/** Checks shared by both operations; returns the refusal key or null. */
async function checkRequest(
  ctx: DataContext,
  actor: Actor,
  toClerkNos: readonly string[]
): Promise<string | null> {
  if (actor.role !== 'manager') return 'managerOnly'
  if (toClerkNos.length === 0) return 'noClerks'
  const staff = await ctx.db.staff
    .where('staffNo')
    .anyOf([...toClerkNos])
    .toArray()
  const ok = toClerkNos.every((no) =>
    staff.some((s) => s.staffNo === no && !s._deleted && s.active && CLERK_ROLES.has(s.role))
  )
  return ok ? null : 'notClerk'
}

type Progress = (done: number, total: number) => void

/** Updates issued this many at a time: IndexedDB queues them in order within the transaction, so
 *  not waiting for each before sending the next cuts the time. Measured in Chromium, 50 000
 *  unassigned customers: ~41 s one by one, ~14 s in batches (larger batches gain nothing). The
 *  transaction holds the database meanwhile, so the dialog shows progress. */
const BATCH = 250

/** Writes `assignedClerk` for every planned customer and the one audit event, inside the caller's transaction. */
async function apply(
  ctx: DataContext,
  tx: WriteTx,
  actor: Actor,
  plan: Map<string, string>,
  data: Record<string, unknown>,
  onProgress?: Progress
) {
  const perClerk: Record<string, number> = {}
  const entries = [...plan]
  for (let i = 0; i < entries.length; i += BATCH) {
    await Promise.all(
      entries
        .slice(i, i + BATCH)
        .map(([customerId, staffNo]) => tx.update('customers', customerId, { assignedClerk: staffNo }))
    )
    onProgress?.(Math.min(i + BATCH, entries.length), entries.length)
  }
  for (const staffNo of plan.values()) perClerk[staffNo] = (perClerk[staffNo] ?? 0) + 1
  await tx.create('events', {
    id: nanoid(),
    subjectId: AUDIT_SUBJECT,
    type: 'customerAssigned',
    at: ctx.now(),
    staffNo: actor.staffNo,
    data: { ...data, perClerk, total: plan.size }
  })
  return perClerk
}

async function loadsOf(ctx: DataContext, clerkNos: readonly string[]): Promise<ClerkLoad[]> {
  return Promise.all(
    [...new Set(clerkNos)].map(async (staffNo) => ({ staffNo, count: await countOf(ctx, staffNo) }))
  )
}

function settle(outcome: Outcome): Record<string, number> {
  if ('refused' in outcome)
    throw new AssignmentRefusedError(`customerMerge.assign.refused.${outcome.refused}`)
  return outcome.perClerk
}

/** 均衡分配: every unassigned customer to the chosen clerks, fewest customers first, so the counts end
 *  up at most one apart (unless some clerk already had more than the rest can catch up). One
 *  transaction. Returns how many went to each clerk. */
export async function assignUnassigned(
  ctx: DataContext,
  actor: Actor,
  clerkNos: readonly string[],
  onProgress?: Progress
): Promise<Record<string, number>> {
  await refuseWhileCustomersLoad(ctx)
  const outcome = await ctx.writer.transact(actor.staffNo, async (tx): Promise<Outcome> => {
    const refused = await checkRequest(ctx, actor, clerkNos)
    if (refused) return { refused }
    const ids = await customerIdsOfClerk(ctx.db, '')
    const plan = balanceAssignment(ids, await loadsOf(ctx, clerkNos))
    return { perClerk: await apply(ctx, tx, actor, plan, { mode: 'balance' }, onProgress) }
  })
  return settle(outcome)
}

/** 调整分配: all of one clerk's customers (e.g. a clerk who leaves) spread evenly over the others. */
export async function reassign(
  ctx: DataContext,
  actor: Actor,
  fromClerkNo: string,
  toClerkNos: readonly string[],
  onProgress?: Progress
): Promise<Record<string, number>> {
  await refuseWhileCustomersLoad(ctx)
  const outcome = await ctx.writer.transact(actor.staffNo, async (tx): Promise<Outcome> => {
    const refused =
      actor.role === 'manager' && (!fromClerkNo || toClerkNos.includes(fromClerkNo))
        ? 'sameClerk'
        : await checkRequest(ctx, actor, toClerkNos)
    if (refused) return { refused }
    const ids = await customerIdsOfClerk(ctx.db, fromClerkNo)
    const plan = planReassign(ids, await loadsOf(ctx, toClerkNos))
    return {
      perClerk: await apply(ctx, tx, actor, plan, { mode: 'reassign', from: fromClerkNo }, onProgress)
    }
  })
  return settle(outcome)
}
