import type { Collection } from 'dexie'
import { STATUSES, type Category, type ComplaintStatus, type Urgency } from '@shared/domain/complaint'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { readTallies } from './tallies'
import { deskMaySeePhones } from './privacy'
import { normalizePhone } from '@shared/domain/phone'
import {
  anyPacked,
  packedFirstWithNamePrefix,
  packedFirstWithNoPrefix,
  packedFirstWithPhone,
  packedFirstWithPhonePrefix,
  packedIn,
  packRanges,
  type PackRange
} from './packedHistory'
import { firstOfUnion } from './complaintListMerge'

// The complaint list's queries. The status/date part is always an index range read (newest or
// oldest first); other criteria filter while reading, so the first page stays fast at 200 000
// complaints. 已超时 reads only open cases (a sparse index) and compares their derived _overdueAt.
// Settled history may be stored in packs (issue 18, packedHistory.ts): every answer is the one it would
// be were each packed complaint a row. The range reads merge in the packs that can place
// (complaintListMerge.ts); the search adds the packed complaints its indexes would find. A PC without
// packs (most) pays one keys-only read that finds none. Open cases are never packed: 已超时 reads rows.

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
async function phoneRows(ctx: DataContext, q: string, packed: boolean): Promise<Row[]> {
  const { db } = ctx
  const digits = q.replace(/[\s-]/g, '')
  if (!/^\d{3,}$/.test(digits)) return []
  if (await deskMaySeePhones(ctx))
    return firstFound(
      'customerPhone',
      db.complaints.where('customerPhone').startsWith(digits).limit(SEARCH_LIMIT).toArray(),
      packed && packedFirstWithPhonePrefix(db, digits, SEARCH_LIMIT)
    )
  const whole = normalizePhone(q)
  if (!whole.ok) return []
  return firstFound(
    'customerPhone',
    db.complaints.where('customerPhone').equals(whole.value).limit(SEARCH_LIMIT).toArray(),
    packed && packedFirstWithPhone(db, whole.value, SEARCH_LIMIT)
  )
}

/** The first SEARCH_LIMIT found through one index, rows and packed ones, in that index's order (value,
 *  then id): what the index alone would read were all of them rows. */
async function firstFound(
  field: 'no' | 'customerPhone' | 'customerName',
  rows: Promise<Row[]>,
  packed: Promise<Row[]> | false
): Promise<Row[]> {
  if (!packed) return rows
  const [r, p] = await Promise.all([rows, packed])
  if (p.length === 0) return r
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  return [...r, ...p].sort((a, b) => cmp(a[field], b[field]) || cmp(a.id, b.id)).slice(0, SEARCH_LIMIT)
}

/** Number prefix, phone (phoneRows) or name prefix; merged, capped, then the other criteria. */
async function searchRows(ctx: DataContext, f: ComplaintFilter): Promise<Row[]> {
  const q = f.search.trim()
  const { db } = ctx
  const packed = await anyPacked(db)
  const found = await Promise.all([
    firstFound(
      'no',
      db.complaints.where('no').startsWithIgnoreCase(q).limit(SEARCH_LIMIT).toArray(),
      packed && packedFirstWithNoPrefix(db, q, SEARCH_LIMIT)
    ),
    phoneRows(ctx, q, packed),
    firstFound(
      'customerName',
      db.complaints.where('customerName').startsWith(q).limit(SEARCH_LIMIT).toArray(),
      packed && packedFirstWithNamePrefix(db, q, SEARCH_LIMIT)
    )
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

/** The first `need` of the range's rows (`rows`, in the range's order) and packed complaints that
 *  `keep` accepts, in [from, to] (complaintListMerge.ts). */
function withPacked(
  ctx: DataContext,
  ranges: readonly PackRange[],
  rows: Row[],
  opts: {
    need: number
    sort?: ComplaintFilter['sort']
    from?: number
    to?: number
    keep: (c: Row) => boolean
  }
): Promise<Row[]> {
  return firstOfUnion(
    rows,
    { ranges, read: (ids) => packedIn(ctx.db, ids) },
    { ...opts, from: opts.from ?? -Infinity, to: opts.to ?? Infinity }
  )
}

const keepAll = (): boolean => true

/** One page of the list. */
export async function listComplaints(
  ctx: DataContext,
  f: ComplaintFilter,
  offset: number,
  limit: number
): Promise<Row[]> {
  if (f.search.trim()) return (await searchRows(ctx, f)).slice(offset, offset + limit)
  // 已超时 reads open cases only: those are never packed, so rows alone
  if (f.overdue) return overdueRead(ctx, f).offset(offset).limit(limit).toArray()
  const exact = isIndexExact(f)
  const ranges = await packRanges(ctx.db)
  if (ranges.length > 0) {
    // The page of rows ∪ packs: rows up to its end, then the packs that can place (deep pages read more).
    const need = offset + limit
    const rows = await rangeRead(ctx, f, !exact).limit(need).toArray()
    const merged = await withPacked(ctx, ranges, rows, { ...f, need, keep: predicate(f) ?? keepAll })
    const page = merged.slice(offset)
    return exact ? page.filter((c) => !c._deleted) : page
  }
  if (exact) {
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
  // 已超时 reads open cases only: those are never packed, so rows alone
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
  const rows = await rangeRead(ctx, f)
    .limit(COUNT_CAP + 1)
    .count()
  if (rows > COUNT_CAP) return rows
  const ranges = await packRanges(ctx.db)
  if (ranges.length === 0) return rows
  const need = COUNT_CAP + 1 - rows
  return rows + (await withPacked(ctx, ranges, [], { ...f, need, keep: predicate(f) ?? keepAll })).length
}

const UNFED_BACK_WINDOW_MS = 90 * 24 * 3_600_000

/** 四个不漏 rule 4: closed cases (received in the last 90 days — the ones still worth chasing, and
 *  a bounded read however many years are stored) whose result was fed back to no department. */
export async function listUnfedBack(ctx: DataContext, limit = 500): Promise<Row[]> {
  const from = ctx.now() - UNFED_BACK_WINDOW_MS
  const keep = (c: Row) => !c._deleted && (c.feedbackDepartments ?? []).length === 0
  const rows = await ctx.db.complaints
    .where('[status+receivedAt]')
    .between(['closed', from], ['closed', Infinity])
    .reverse()
    .filter(keep)
    .limit(limit)
    .toArray()
  const ranges = await packRanges(ctx.db)
  if (ranges.length === 0) return rows
  return withPacked(ctx, ranges, rows, { need: limit, from, keep: (c) => c.status === 'closed' && keep(c) })
}
