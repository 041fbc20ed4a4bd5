import { TIERS } from '@shared/domain/customer'
import type { RankedCustomer } from '@shared/domain/customerSearch'
import type { DataContext } from './context'
import { refuseWhileCustomersLoad, type StoredCustomer } from './customers'
import { readTallies } from './tallies'
import { loadCustomerSearch } from './derived'
import { deskMaySeePhones, deskMaySeePhonesHeld } from './privacy'
import { joiningCustomersHeld, searchJoiningCustomers } from './joiningCustomers'
import { packedArchive } from './packedCustomers'
import {
  countListedCustomers,
  customerPage,
  customersWithKeyPrefix,
  listedCustomers,
  type CustomerFilter
} from './customerReads'

export type { CustomerFilter } from './customerReads'

// Finding customers. Search reads the multi-entry _keys index by prefix (name, pinyin initials, full
// pinyin, phone, last 4, member card), a few dozen rows per kind, then ranks in memory — so each
// keystroke costs a handful of small index reads whatever the size of the archive.

export type CustomerHit = RankedCustomer<StoredCustomer>

/** Customer search and its pinyin dictionaries load in their own chunk, after start-up (lazyPages
 *  preloads them once the desk is ready); the first search waits for them if they have not arrived.
 *  So does the packed archive a join stored (packedCustomers.ts: ~1 s to read and parse at full
 *  scale), so the first search after a start does not wait for it. */
export async function prepareCustomerSearch(ctx?: DataContext): Promise<void> {
  await Promise.all([loadCustomerSearch(), ctx ? packedArchive(ctx.db) : undefined])
}

/** Search as the person at the desk may: without the right to full numbers, a phone matches only
 *  as the full number or its last 4 digits, never by prefix (docs/security.md §4). */
export async function searchCustomers(ctx: DataContext, raw: string, limit = 20): Promise<CustomerHit[]> {
  const { parseQuery, rankResults } = await loadCustomerSearch()
  // (while a join holds customers, without reading IndexedDB: see deskMaySeePhonesHeld)
  const joining = joiningCustomersHeld(ctx.db)
  const options = { phonePrefix: joining ? await deskMaySeePhonesHeld(ctx) : await deskMaySeePhones(ctx) }
  const plan = parseQuery(raw, options)
  if (plan.lookups.length === 0) return []
  // `limit` rows per kind suffice: within a kind the index order is the ranking order (an exact key
  // sorts before longer keys with the same prefix), so rows past `limit` could never be shown.
  // A joining PC answers from the customers it holds until all are stored (joiningCustomers.ts): the
  // same rows the table will hold, read without waiting behind the history being stored.
  const held = searchJoiningCustomers(
    ctx.db,
    plan.lookups.map((l) => l.prefix),
    limit
  )
  const found =
    held ??
    (await Promise.all(plan.lookups.map((l) => customersWithKeyPrefix(ctx.db, l.prefix, limit)))).flat()
  const byId = new Map<string, StoredCustomer>()
  for (const c of found) if (!c._deleted) byId.set(c.id, c)
  return rankResults(raw, [...byId.values()], limit, options)
}

/** One page of the archive in name order (or of one clerk's customers). */
export async function listCustomers(
  ctx: DataContext,
  f: CustomerFilter,
  offset: number,
  limit: number
): Promise<StoredCustomer[]> {
  return customerPage(ctx.db, f, offset, limit)
}

/** How many: tallies for the whole archive or one tier; an index count for a clerk. */
export async function countCustomers(ctx: DataContext, f: CustomerFilter): Promise<number> {
  if (f.clerk === undefined) {
    const tallied = await readTallies(ctx.db, 'customers', 'tier', f.tier ? [f.tier] : TIERS)
    if (tallied !== undefined) return tallied
  }
  return countListedCustomers(ctx.db, f)
}

/** Every live customer matching the filter (for export), in name order. */
export async function allCustomers(ctx: DataContext, f: CustomerFilter): Promise<StoredCustomer[]> {
  await refuseWhileCustomersLoad(ctx)
  return listedCustomers(ctx.db, f)
}
