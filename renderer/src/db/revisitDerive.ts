import {
  complaintTasks,
  keyAccountTask,
  newCustomerTask,
  repairReturnTask,
  type RevisitSettings,
  type RevisitTask
} from '@shared/domain/revisit'
import type { Complaint } from '@shared/domain/complaint'
import type { Customer } from '@shared/domain/customer'
import type { ReturnRequest } from '@shared/domain/returns'
import type { DataContext } from './context'
import type { WriteTx } from './writer'
import { getRevisitSettings } from './revisitSettings'

// Tasks derived by the data layer from the records it writes (docs/revisits.md §3), inside the
// writing transaction: a complaint accepted, a repair done, a customer created, imported or made a
// 大客户. Ids are deterministic, so a task already there is left alone (here, after a restart, or
// because another PC made it first).

/** The per-write cost of keeping tasks derived, as a performance entry (bench/revisits.bench.ts). */
export const DERIVE_MEASURE = 'desk:revisit-derive'
async function measured<T>(work: () => Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await work()
  } finally {
    performance.measure(DERIVE_MEASURE, { start, end: performance.now() })
  }
}

type CustomerFacts = Pick<Customer, 'id' | 'name' | 'phone' | 'tier' | 'assignedClerk' | 'noRevisit'>

async function createMissing(ctx: DataContext, tx: WriteTx, tasks: readonly RevisitTask[]): Promise<number> {
  if (tasks.length === 0) return 0
  const existing = await ctx.db.revisitTasks.bulkGet(tasks.map((t) => t.id))
  const fresh = tasks.filter((_, i) => !existing[i])
  if (fresh.length === 1) await tx.create('revisitTasks', fresh[0] as RevisitTask)
  else if (fresh.length > 1) await tx.createMany('revisitTasks', fresh)
  return fresh.length
}

async function liveCustomer(ctx: DataContext, id: string): Promise<CustomerFacts | undefined> {
  const c = await ctx.db.customers.get(id)
  return c && !c._deleted ? c : undefined
}

/** After a complaint step: its result accepted (待回访) → 投诉回访 (and 维修回访 for a repair plan). */
export async function deriveComplaintTasks(
  ctx: DataContext,
  tx: WriteTx,
  complaint: Complaint
): Promise<void> {
  return measured(async () => {
    if (complaint.status !== 'awaitingRevisit' || complaint.resolvedAt === null) return
    const settings = await getRevisitSettings(ctx)
    const customer = await liveCustomer(ctx, complaint.customerId)
    await createMissing(ctx, tx, complaintTasks(complaint, customer, settings, ctx.timeRules))
  })
}

/** After a return's status change: a 维修 marked 已完成 → 维修回访 from now. */
export async function deriveReturnTask(ctx: DataContext, tx: WriteTx, r: ReturnRequest): Promise<void> {
  return measured(async () => {
    if (r.type !== 'repair' || r.status !== 'done' || !r.customerId) return
    const settings = await getRevisitSettings(ctx)
    const task = repairReturnTask(r, ctx.now(), await liveCustomer(ctx, r.customerId), settings)
    if (task) await createMissing(ctx, tx, [task])
  })
}

/** Customers just created (form, intake, import): 新客户回访 for the sampled ones, 大客户回访 for key accounts. */
export async function deriveNewCustomerTasks(
  ctx: DataContext,
  tx: WriteTx,
  customers: readonly CustomerFacts[],
  settings?: RevisitSettings
): Promise<void> {
  return measured(async () => {
    const s = settings ?? (await getRevisitSettings(ctx))
    const now = ctx.now()
    const tasks: RevisitTask[] = []
    for (const c of customers) {
      const fresh = newCustomerTask(c, now, s)
      if (fresh) tasks.push(fresh)
      const key = keyAccountTask(c, now, s)
      if (key) tasks.push(key)
    }
    // New ids: nothing to look up.
    if (tasks.length === 1) await tx.create('revisitTasks', tasks[0] as RevisitTask)
    else if (tasks.length > 1) await tx.createMany('revisitTasks', tasks)
  })
}

/** A customer edited: made a 大客户 → this period's 大客户回访. */
export async function deriveKeyAccountTask(
  ctx: DataContext,
  tx: WriteTx,
  before: Pick<Customer, 'tier'>,
  after: CustomerFacts
): Promise<void> {
  return measured(async () => {
    if (before.tier === 'key' || after.tier !== 'key') return
    const task = keyAccountTask(after, ctx.now(), await getRevisitSettings(ctx))
    if (task) await createMissing(ctx, tx, [task])
  })
}

export { createMissing as createMissingTasks }
