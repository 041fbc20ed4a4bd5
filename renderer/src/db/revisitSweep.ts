import {
  inSample,
  complaintTasks,
  keyAccountTask,
  newCustomerTask,
  type RevisitRule,
  type RevisitTask
} from '@shared/domain/revisit'
import { parseHlc } from '@shared/sync/hlc'
import type { DataContext } from './context'
import { createMissingTasks } from './revisitDerive'
import { getRevisitSettings } from './revisitSettings'
import { SYSTEM_STAFF_NO } from './escalations'
import { customersStillLoading } from './customers'
import { allCustomerIds, customerIdsInTier, customersByIds } from './customerReads'
import { complaintIdsInStatus, complaintsByIds } from './complaintReads'

// Tasks for records that exist already (docs/revisits.md §3): when a rule is switched on, at start-up
// and hourly (a key account's new period). Batched — one short transaction per batch — so the UI
// stays responsive and progress can be shown; ids are deterministic, so a batch interrupted and run
// again, or run on two PCs at once, makes each task once. A sweep over customers while a joining PC
// still stores them (issue 18 point 1) would see part of the archive: it waits, and the first sweep
// after they are all stored makes it.

const BATCH = 2_000
const DAY = 86_400_000

export interface SweepProgress {
  rule: RevisitRule
  done: number
  total: number
}

/** meta key: the customer rules whose sweep waits for a joining PC's customers (RevisitRule[]) */
export const SWEEP_WAITING_KEY = 'revisit.sweepWaiting'
/** rules swept over the customer archive */
const CUSTOMER_RULES: readonly RevisitRule[] = ['keyAccount', 'newCustomer']

/** The rules to sweep now: while customers are still being stored, those over customers are put off
 *  (remembered); once they are all stored, the ones put off join the sweep. */
async function rulesNow(
  ctx: DataContext,
  asked: readonly RevisitRule[]
): Promise<{ now: RevisitRule[]; waited: boolean }> {
  const waiting = ((await ctx.db.meta.get(SWEEP_WAITING_KEY))?.value as RevisitRule[] | undefined) ?? []
  if (await customersStillLoading(ctx)) {
    const later = asked.filter((r) => CUSTOMER_RULES.includes(r))
    const all = [...new Set([...waiting, ...later])]
    if (all.length > waiting.length) await ctx.db.meta.put({ key: SWEEP_WAITING_KEY, value: all })
    return { now: asked.filter((r) => !CUSTOMER_RULES.includes(r)), waited: false }
  }
  return { now: [...new Set([...asked, ...waiting])], waited: waiting.length > 0 }
}

export async function generateRevisitTasks(
  ctx: DataContext,
  asked: readonly RevisitRule[] = ['complaint', 'repair', 'newCustomer', 'keyAccount'],
  onProgress?: (p: SweepProgress) => void
): Promise<number> {
  const { now: rules, waited } = await rulesNow(ctx, asked)
  const s = await getRevisitSettings(ctx)
  let made = 0
  const run = async (rule: RevisitRule, ids: string[], make: (batch: string[]) => Promise<RevisitTask[]>) => {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH)
      const tasks = await make(batch)
      made += await ctx.writer.transact(SYSTEM_STAFF_NO, (tx) => createMissingTasks(ctx, tx, tasks))
      onProgress?.({ rule, done: Math.min(i + BATCH, ids.length), total: ids.length })
    }
  }
  const now = ctx.now()
  if (
    (rules.includes('complaint') || rules.includes('repair')) &&
    (s.rules.complaint.enabled || s.rules.repair.enabled)
  ) {
    const ids = await complaintIdsInStatus(ctx.db, 'awaitingRevisit')
    await run('complaint', ids, async (batch) => {
      const complaints = (await complaintsByIds(ctx.db, batch)).filter((c) => c && !c._deleted && !c.revisit)
      const customers = await customersByIds(
        ctx.db,
        complaints.map((c) => c!.customerId)
      )
      return complaints.flatMap((c, i) => {
        const tasks = complaintTasks(c!, customers[i] ?? undefined, s, ctx.timeRules)
        return tasks.filter((t) => rules.includes(t.rule))
      })
    })
  }
  if (rules.includes('keyAccount') && s.rules.keyAccount.enabled) {
    const ids = await customerIdsInTier(ctx.db, 'key')
    await run('keyAccount', ids, async (batch) =>
      (await customersByIds(ctx.db, batch)).flatMap((c) => {
        const task = c && !c._deleted && !c.mergedInto ? keyAccountTask(c, now, s) : null
        return task ? [task] : []
      })
    )
  }
  if (rules.includes('newCustomer') && s.rules.newCustomer.enabled) {
    // New = created within the window (its task can still be on time); by primary key, in batches.
    const since = now - s.rules.newCustomer.windowDays * DAY
    // The sample depends on the id alone: only the sampled customers' records are read (~1 in 10).
    const ids = (await allCustomerIds(ctx.db)).filter((id) => inSample(id, s.newCustomerSamplePercent))
    await run('newCustomer', ids, async (batch) =>
      (await customersByIds(ctx.db, batch)).flatMap((c) => {
        if (!c || c._deleted || c.mergedInto) return []
        const createdAt = parseHlc(c._created.hlc).ms
        if (createdAt < since) return []
        const task = newCustomerTask(c, createdAt, s)
        return task ? [task] : []
      })
    )
  }
  // done: a sweep interrupted before this line runs them again (each task is made once)
  if (waited) await ctx.db.meta.delete(SWEEP_WAITING_KEY)
  return made
}
