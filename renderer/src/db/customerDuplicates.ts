import { findDuplicatePairs, type DuplicatePair } from '@shared/domain/customerDuplicates'
import type { DataContext } from './context'
import type { StoredCustomer } from './customers'
import { complaintCountOfCustomer } from './complaintReads'
import {
  CUSTOMER_STORES,
  customerIdsWithKeyPrefix,
  customersByIds,
  eachCustomerKeyBetween,
  eachDistinctCustomerKeyWithPrefix
} from './customerReads'

// 疑似重复客户, found from index keys alone: the `p:` (phone digits) and `n:` (normalised name)
// entries of the multi-entry `_keys` index, read with key cursors — no record is loaded. Tombstoned
// and merged archives carry no `_keys`, so only live archives take part. At store scale: one walk
// over ~100 000 phone keys, one over the distinct names, then grouping in memory. (Loading the records instead
// was measured slower with real-sized records — 2.4 s at 100 000 — and its memory grows with them.)

export type { DuplicatePair, DuplicateReason, PhoneLikeness } from '@shared/domain/customerDuplicates'

export interface DuplicateScan {
  /** the strongest suspicions first, at most `limit` of them */
  pairs: DuplicatePair[]
  /** how many were found in all */
  total: number
}

/** [phone digits, id] for every full phone of every live archive. Full numbers start with 1 (mobile)
 *  or 0 (area code); a landline's local number (typed without area code, so also a `p:` search key)
 *  starts with 2–9 and is not a phone of its own — 010-12345678 and 021-12345678 are different lines
 *  — so the walk stops before those. */
async function phoneEntries(ctx: DataContext): Promise<[string, string][]> {
  const out: [string, string][] = []
  await eachCustomerKeyBetween(ctx.db, 'p:0', 'p:2', (key, id) => void out.push([key.slice(2), id]))
  return out
}

/** [name, id] for every live archive, without walking every name: a walk over the DISTINCT names
 *  (each with its first archive id) plus one bulk read of all ids in name order — a name's archives
 *  run from its first id to the next name's. Names repeat (张伟, 王芳…), so this is fewer steps. */
async function nameEntries(ctx: DataContext): Promise<[string, string][]> {
  return ctx.db.transaction('r', [...CUSTOMER_STORES], async () => {
    const firsts: [string, string][] = []
    await eachDistinctCustomerKeyWithPrefix(ctx.db, 'n:', (key, id) => void firsts.push([key.slice(2), id]))
    const ids = await customerIdsWithKeyPrefix(ctx.db, 'n:')
    const out: [string, string][] = []
    let name = -1
    for (const id of ids) {
      if (firsts[name + 1]?.[1] === id) name++
      const entry = firsts[name]
      if (entry) out.push([entry[0], id])
    }
    return out
  })
}

export async function findPossibleDuplicates(ctx: DataContext, limit = 200): Promise<DuplicateScan> {
  // Phones and names at once, each in its own read-only transaction. Measured in Chromium at 100 000
  // customers on a 2-core test VM: ~1.6 s in all, against ~2.2 s one after the other and several
  // times slower when both cursors share one transaction (interleaved requests defeat cursor
  // prefetching). The cursors yield between steps, so the page stays responsive meanwhile. A change
  // landing between the two reads is harmless: describeDuplicates drops archives gone meanwhile.
  const [phones, names] = await Promise.all([phoneEntries(ctx), nameEntries(ctx)])
  const pairs = findDuplicatePairs(phones, names)
  return { pairs: pairs.slice(0, limit), total: pairs.length }
}

export interface ArchiveSummary {
  customer: StoredCustomer
  complaints: number
  returns: number
}

/** How many complaints and returns an archive holds (what a merge would move). */
export async function linkedRecordCounts(
  ctx: DataContext,
  customerId: string
): Promise<{ complaints: number; returns: number }> {
  const [complaints, returns] = await Promise.all([
    complaintCountOfCustomer(ctx.db, customerId),
    ctx.db.returns.where('customerId').equals(customerId).count()
  ])
  return { complaints, returns }
}

/** The two archives of each pair, side by side; the older archive first (the usual one to keep).
 *  Pairs whose archive is gone meanwhile (merged on another PC) are left out. */
export async function describeDuplicates(
  ctx: DataContext,
  pairs: readonly DuplicatePair[]
): Promise<{ pair: DuplicatePair; sides: [ArchiveSummary, ArchiveSummary] }[]> {
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))]
  const rows = await customersByIds(ctx.db, ids)
  const live = new Map(rows.flatMap((c) => (c && !c._deleted && !c.mergedInto ? [[c.id, c] as const] : [])))
  const counts = new Map(
    await Promise.all([...live.keys()].map(async (id) => [id, await linkedRecordCounts(ctx, id)] as const))
  )
  const summary = (id: string): ArchiveSummary | undefined => {
    const customer = live.get(id)
    const n = counts.get(id)
    return customer && n ? { customer, ...n } : undefined
  }
  return pairs.flatMap((pair) => {
    const a = summary(pair.a)
    const b = summary(pair.b)
    if (!a || !b) return []
    const older = a.customer._created.hlc <= b.customer._created.hlc
    return [{ pair, sides: older ? [a, b] : [b, a] }]
  })
}
