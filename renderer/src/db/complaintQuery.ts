import type { Collection } from 'dexie'
import { STATUSES, type Category, type ComplaintStatus, type Urgency } from '@shared/domain/complaint'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { readTallies } from './tallies'
import { deskMaySeePhones } from './privacy'
import { normalizePhone } from '@shared/domain/phone'

// The complaint list's queries. The status/date part is always an index range read (newest or
// oldest first); other criteria filter while reading, so the first page stays fast at 200 000
// complaints. 已超时 reads only open cases (a sparse index) and compares their derived _overdueAt.

export interface ComplaintFilter {
  status: ComplaintStatus | 'all'
  /** complaint no., customer name or phone; empty for none */
  search: string
  category?: Category
  urgency?: Urgency
  department?: string
  firstResponder?: string
  /** minimum recorded escalation level */
  escalation?: 1 | 2
  overdue?: boolean
  /** received at, inclusive bounds (ms) */
  from?: number
  to?: number
  /** newest first (default) or oldest first: "sort by age" */
  sort?: 'newest' | 'oldest'
}

export const NO_FILTER: ComplaintFilter = { status: 'all', search: '' }
const SEARCH_LIMIT = 500

type Row = SyncedRecords['complaints']

function predicate(f: ComplaintFilter): ((c: Row) => boolean) | null {
  const tests: ((c: Row) => boolean)[] = []
  if (f.category) tests.push((c) => c.category === f.category)
  if (f.urgency) tests.push((c) => c.urgency === f.urgency)
  if (f.department) tests.push((c) => c.department === f.department)
  if (f.firstResponder) tests.push((c) => c.firstResponder === f.firstResponder)
  if (f.escalation) tests.push((c) => c.escalationLevel >= (f.escalation ?? 0))
  if (f.status !== 'all') tests.push((c) => c.status === f.status)
  if (f.from !== undefined) tests.push((c) => c.receivedAt >= (f.from ?? 0))
  if (f.to !== undefined) tests.push((c) => c.receivedAt <= (f.to ?? 0))
  tests.push((c) => !c._deleted)
  return tests.length ? (c) => tests.every((t) => t(c)) : null
}

/** Index range for status + date, in the requested order, with the other criteria applied. */
function rangeRead(ctx: DataContext, f: ComplaintFilter, filtered = true): Collection<Row, string> {
  const lo = f.from ?? -Infinity
  const hi = f.to ?? Infinity
  const { complaints } = ctx.db
  // A category (about one case in eight) is read from its own index rather than tested row by row;
  // a status alone from the status index. The remaining criteria filter while reading.
  let range = f.category
    ? complaints.where('[category+receivedAt]').between([f.category, lo], [f.category, hi], true, true)
    : f.status === 'all'
      ? complaints.where('receivedAt').between(lo, hi, true, true)
      : complaints.where('[status+receivedAt]').between([f.status, lo], [f.status, hi], true, true)
  if (f.sort !== 'oldest') range = range.reverse()
  const test = filtered ? predicate(f) : null
  return test ? range.filter(test) : range
}

/** A category and nothing else: counted from the writer's tallies. */
function isCategoryOnly(f: ComplaintFilter): boolean {
  return isPlainRange({ ...f, category: undefined }) && f.status === 'all' && f.category !== undefined
}

function isPlainRange(f: ComplaintFilter): boolean {
  return (
    !f.category &&
    !f.urgency &&
    !f.department &&
    !f.firstResponder &&
    !f.escalation &&
    f.from === undefined &&
    f.to === undefined
  )
}

/** Open cases in receivedAt order (the sparse _openAt index holds only those), 已超时 now, with the
 *  other criteria applied while reading. */
function overdueRead(ctx: DataContext, f: ComplaintFilter): Collection<Row, string> {
  const now = ctx.now()
  let range = ctx.db.complaints.where('_openAt').between(f.from ?? -Infinity, f.to ?? Infinity, true, true)
  if (f.sort !== 'oldest') range = range.reverse()
  const test = predicate(f)
  return range.filter((c) => c._overdueAt !== undefined && c._overdueAt <= now && (!test || test(c)))
}

/** 已超时 right now, counted from the _overdueAt index alone (no rows read). */
export async function countOverdue(ctx: DataContext): Promise<number> {
  return ctx.db.complaints.where('_overdueAt').belowOrEqual(ctx.now()).count()
}

function sortRows(rows: Row[], f: ComplaintFilter): Row[] {
  return rows.sort((a, b) =>
    f.sort === 'oldest' ? a.receivedAt - b.receivedAt : b.receivedAt - a.receivedAt
  )
}

/** The complaints of a phone as the person at the desk may search it: by prefix with the right to
 *  full numbers; otherwise only the whole number, or a prefix search would recover the masked digits
 *  of 138****5678 in 40 tries (docs/security.md §4). */
async function phoneRows(ctx: DataContext, q: string): Promise<Row[]> {
  const { complaints } = ctx.db
  const digits = q.replace(/[\s-]/g, '')
  if (!/^\d{3,}$/.test(digits)) return []
  if (await deskMaySeePhones(ctx))
    return complaints.where('customerPhone').startsWith(digits).limit(SEARCH_LIMIT).toArray()
  const whole = normalizePhone(q)
  return whole.ok ? complaints.where('customerPhone').equals(whole.value).limit(SEARCH_LIMIT).toArray() : []
}

/** Number prefix, phone (phoneRows) or name prefix; merged, capped, then the other criteria. */
async function searchRows(ctx: DataContext, f: ComplaintFilter): Promise<Row[]> {
  const q = f.search.trim()
  const { complaints } = ctx.db
  const found = await Promise.all([
    complaints.where('no').startsWithIgnoreCase(q).limit(SEARCH_LIMIT).toArray(),
    phoneRows(ctx, q),
    complaints.where('customerName').startsWith(q).limit(SEARCH_LIMIT).toArray()
  ])
  const test = predicate(f)
  const byId = new Map<string, Row>()
  for (const c of found.flat()) if (!test || test(c)) byId.set(c.id, c)
  let rows = [...byId.values()]
  if (f.overdue) {
    const now = ctx.now()
    // The derived key, as the index path reads it: it is the counted-time rule (pauses, 停业日).
    rows = rows.filter((c) => c._overdueAt !== undefined && c._overdueAt <= now)
  }
  return sortRows(rows, f).slice(0, SEARCH_LIMIT)
}

/** Whether the index range alone is the answer (status or category, and dates): no row test needed
 *  but the tombstone check. */
function isIndexExact(f: ComplaintFilter): boolean {
  return (
    !f.urgency && !f.department && !f.firstResponder && !f.escalation && (!f.category || f.status === 'all')
  )
}

/** One page of the list. */
export async function listComplaints(
  ctx: DataContext,
  f: ComplaintFilter,
  offset: number,
  limit: number
): Promise<Row[]> {
  if (f.search.trim()) return (await searchRows(ctx, f)).slice(offset, offset + limit)
  if (f.overdue) return overdueRead(ctx, f).offset(offset).limit(limit).toArray()
  if (isIndexExact(f)) {
    // Skipping to a deep offset in an unfiltered range moves the cursor inside IndexedDB without
    // reading the rows passed (a filtered one reads each); tombstones are dropped from the page
    // afterwards. The app never deletes a complaint, so a page cannot come up short in practice.
    const page = await rangeRead(ctx, f, false).offset(offset).limit(limit).toArray()
    return page.filter((c) => !c._deleted)
  }
  return rangeRead(ctx, f).offset(offset).limit(limit).toArray()
}

/** Criteria the indexes cannot answer are counted by reading, so such counts stop here: the list
 *  shows "1000+" and asks for a narrower filter rather than reading 200 000 rows. */
export const COUNT_CAP = 1000

/** Whether countComplaints stops at COUNT_CAP + 1 for this filter (criteria read row by row). */
export function isCountCapped(f: ComplaintFilter): boolean {
  return !f.search.trim() && !f.overdue && !isPlainRange(f) && !isCategoryOnly(f)
}

/** How many match (at most COUNT_CAP + 1 for criteria read row by row). Plain status filters come
 *  from the writer's tallies. */
export async function countComplaints(ctx: DataContext, f: ComplaintFilter): Promise<number> {
  if (f.search.trim()) return (await searchRows(ctx, f)).length
  if (f.overdue)
    return isPlainRange(f) && f.status === 'all' ? countOverdue(ctx) : overdueRead(ctx, f).count()
  if (isPlainRange(f)) {
    const tallied = await readTallies(
      ctx.db,
      'complaints',
      'status',
      f.status === 'all' ? STATUSES : [f.status]
    )
    if (tallied !== undefined) return tallied
  }
  if (isCategoryOnly(f) && f.category) {
    const tallied = await readTallies(ctx.db, 'complaints', 'category', [f.category])
    if (tallied !== undefined) return tallied
  }
  return rangeRead(ctx, f)
    .limit(COUNT_CAP + 1)
    .count()
}

const UNFED_BACK_WINDOW_MS = 90 * 24 * 3_600_000

/** 四个不漏 rule 4: closed cases (received in the last 90 days — the ones still worth chasing, and
 *  a bounded read however many years are stored) whose result was fed back to no department. */
export async function listUnfedBack(ctx: DataContext, limit = 500): Promise<Row[]> {
  const now = ctx.now()
  return ctx.db.complaints
    .where('[status+receivedAt]')
    .between(['closed', now - UNFED_BACK_WINDOW_MS], ['closed', Infinity])
    .reverse()
    .filter((c) => !c._deleted && (c.feedbackDepartments ?? []).length === 0)
    .limit(limit)
    .toArray()
}
