import { auditedTransact } from './audit'
import { nanoid } from 'nanoid'
import { planMerge } from '@shared/domain/customerMerge'
import { mergeEventData, type MergedIntoData } from '@shared/domain/customerMergeRecord'
import type { DataContext } from './context'
import { getCustomer, type StoredCustomer } from './customers'
import { complaintIdsOfCustomer } from './complaintReads'
import { customerById, customersByIds } from './customerReads'

// Merging two archives of one customer ("merged with nothing lost", docs/design.md §3.2), in ONE writer
// transaction: the survivor gets the merged profile (planMerge: the other's differing values go to
// 备注); every complaint and return of the other moves to the survivor (each keeps the name and phone
// recorded at intake); the other archive points at the survivor and is tombstoned — gone from search
// and lists, still readable by id. Timeline events are immutable: the other's stay on its id and the
// survivor's timeline reads them through `mergedFrom` (customerTimeline.ts).

export * from './customerDuplicates'
export type {
  CustomerMergedData,
  MergedIntoData,
  MergeFilled,
  MergeDifferenceRecord
} from '@shared/domain/customerMergeRecord'

/** The data layer refused the merge; `message` is an i18n key (customerMerge.refused.*). Nothing was written. */
export class MergeRefusedError extends Error {}

type Refusal = 'self' | 'notFound' | 'alreadyMerged'

function refusalOf(c: StoredCustomer | undefined): Refusal | null {
  if (c?.mergedInto) return 'alreadyMerged'
  if (!c || c._deleted) return 'notFound'
  return null
}

/** Merges `otherId` into `survivorId`; returns the survivor as now stored. */
export async function mergeCustomers(
  ctx: DataContext,
  staffNo: string,
  survivorId: string,
  otherId: string
): Promise<StoredCustomer> {
  // A joining PC stores both archives first if it only holds them (joiningCustomers.ts).
  await getCustomer(ctx, survivorId)
  await getCustomer(ctx, otherId)
  // Refusals leave the transaction by return, not throw (see applyWorkflow); everything is read inside it.
  const done = await auditedTransact(
    ctx,
    staffNo,
    { kind: 'customersMerged', params: { survivorId, otherId } },
    async (tx, record) => {
      if (survivorId === otherId) return { refused: 'self' as Refusal }
      const [survivor, other] = await customersByIds(ctx.db, [survivorId, otherId])
      const refused = refusalOf(survivor) ?? refusalOf(other)
      if (refused || !survivor || !other) return { refused: refused ?? 'notFound' }

      const plan = planMerge(survivor, other)
      const [complaintIds, returnIds] = await Promise.all([
        complaintIdsOfCustomer(ctx.db, otherId),
        ctx.db.returns.where('customerId').equals(otherId).primaryKeys()
      ])
      const mergedFrom = [...new Set([...(survivor.mergedFrom ?? []), otherId, ...(other.mergedFrom ?? [])])]
      await tx.update('customers', survivorId, { ...plan.merged, mergedFrom })
      for (const id of complaintIds) await tx.update('complaints', id, { customerId: survivorId })
      for (const id of returnIds) await tx.update('returns', id, { customerId: survivorId })
      await tx.update('customers', otherId, { mergedInto: survivorId })
      await tx.remove('customers', otherId)

      const at = ctx.now()
      const merged = mergeEventData(survivor, other, plan, {
        complaints: complaintIds.length,
        returns: returnIds.length
      })
      const into: MergedIntoData = { survivorId, survivorName: plan.merged.name }
      await tx.create('events', {
        id: nanoid(),
        subjectId: survivorId,
        type: 'customerMerged',
        at,
        staffNo,
        data: { ...merged }
      })
      await tx.create('events', {
        id: nanoid(),
        subjectId: otherId,
        type: 'mergedInto',
        at,
        staffNo,
        data: { ...into }
      })
      await record()
      return { customer: (await customerById(ctx.db, survivorId)) as StoredCustomer }
    }
  )
  if ('refused' in done) throw new MergeRefusedError(`customerMerge.refused.${done.refused}`)
  return done.customer
}
