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
import { heldRevisitSettings, peekRevisitSettings } from './revisitSettings'
import { customerById } from './customerReads'

// Tasks derived by the data layer from the records it writes (docs/revisits.md §3), inside the
// writing transaction: a complaint accepted, a repair done, a customer created, imported or made a
// 大客户. Ids are deterministic, so a task already there is left alone (here, after a restart, or
// because another PC made it first).

/** The per-write cost of keeping tasks derived, as a performance entry per write
 *  (bench/revisits.bench.ts): the derivation's own time until its reads and writes are asked for,
 *  plus the time the write then waited for them (WriteTx.together). */
export const DERIVE_MEASURE = 'desk:revisit-derive'

type Asked = { writes: Promise<unknown> } | undefined

/** Runs `work` with the rules in force — synchronously when they are held (settingsCache.ts), so the
 *  task's writes are asked for in the same moment as the record's own and their rounds overlap — and
 *  counts its own time: from the start until the writes are asked for (a read of the rules included
 *  when they were not held). The writes are awaited here; the caller awaits this with the record's own
 *  writes (WriteTx.together), which adds any time it waited for them. */
async function measured(
  ctx: DataContext,
  tx: WriteTx,
  work: (settings: RevisitSettings) => Asked,
  given?: RevisitSettings
): Promise<void> {
  const start = performance.now()
  const held = given ?? peekRevisitSettings(ctx)
  let asked: Asked
  try {
    asked = work(held ?? (await heldRevisitSettings(ctx)))
  } finally {
    tx.addCost(DERIVE_MEASURE, performance.now() - start)
  }
  await asked?.writes
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
  const c = await customerById(ctx.db, id)
  return c && !c._deleted ? c : undefined
}

/** After a complaint step: its result accepted (待回访) → 投诉回访 (and 维修回访 for a repair plan).
 *  Awaited with the step's own event (WriteTx.together); it only writes 回访任务. */
export function deriveComplaintTasks(ctx: DataContext, tx: WriteTx, complaint: Complaint): Promise<void> {
  if (complaint.status !== 'awaitingRevisit' || complaint.resolvedAt === null) return Promise.resolve()
  return measured(ctx, tx, (settings) => ({
    writes: (async () => {
      const customer = await liveCustomer(ctx, complaint.customerId)
      await createMissing(ctx, tx, complaintTasks(complaint, customer, settings, ctx.timeRules))
    })()
  }))
}

/** After a return's status change: a 维修 marked 已完成 → 维修回访 from now. */
export function deriveReturnTask(ctx: DataContext, tx: WriteTx, r: ReturnRequest): Promise<void> {
  const customerId = r.customerId
  if (r.type !== 'repair' || r.status !== 'done' || !customerId) return Promise.resolve()
  const now = ctx.now()
  return measured(ctx, tx, (settings) => ({
    writes: (async () => {
      const task = repairReturnTask(r, now, await liveCustomer(ctx, customerId), settings)
      if (task) await createMissing(ctx, tx, [task])
    })()
  }))
}

/** Customers just created (form, intake, import): 新客户回访 for the sampled ones, 大客户回访 for key accounts. */
export function deriveNewCustomerTasks(
  ctx: DataContext,
  tx: WriteTx,
  customers: readonly CustomerFacts[],
  settings?: RevisitSettings
): Promise<void> {
  const now = ctx.now()
  return measured(
    ctx,
    tx,
    (s) => {
      const tasks: RevisitTask[] = []
      for (const c of customers) {
        const fresh = newCustomerTask(c, now, s)
        if (fresh) tasks.push(fresh)
        const key = keyAccountTask(c, now, s)
        if (key) tasks.push(key)
      }
      // New ids: nothing to look up.
      if (tasks.length === 1) return { writes: tx.create('revisitTasks', tasks[0] as RevisitTask) }
      if (tasks.length > 1) return { writes: tx.createMany('revisitTasks', tasks) }
      return undefined
    },
    settings
  )
}

/** A customer edited: made a 大客户 → this period's 大客户回访. */
export function deriveKeyAccountTask(
  ctx: DataContext,
  tx: WriteTx,
  before: Pick<Customer, 'tier'>,
  after: CustomerFacts
): Promise<void> {
  if (before.tier === 'key' || after.tier !== 'key') return Promise.resolve()
  const now = ctx.now()
  return measured(ctx, tx, (s) => {
    const task = keyAccountTask(after, now, s)
    return task ? { writes: createMissing(ctx, tx, [task]) } : undefined
  })
}

export { createMissing as createMissingTasks }
