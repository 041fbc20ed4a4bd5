import { nanoid } from 'nanoid'
import dayjs from 'dayjs'
import { buildComplaint, STATUSES, type Complaint, type ComplaintIntake, type ComplaintStatus } from '../../../shared/domain/complaint'
import { formatComplaintNo } from '../../../shared/domain/complaintNo'
import type { DataContext } from './context'
import type { Stored } from './schema'
import { readTallies } from './tallies'

export const NEW_COMPLAINT_DRAFT = 'complaint:new'

/** Registers a complaint: finds or creates the customer by phone, numbers the case, writes the
 *  first timeline event and drops the intake draft — all or nothing. */
export async function registerComplaint(ctx: DataContext, staffNo: string, intake: ComplaintIntake): Promise<Complaint> {
  const receivedAt = ctx.now()
  const day = dayjs(receivedAt).format('YYYYMMDD')
  return ctx.writer.transact(staffNo, async (tx) => {
    let customerId = intake.customerId
    const known = customerId
      ? await ctx.db.customers.get(customerId)
      : await ctx.db.customers.where('phone').equals(intake.customerPhone).filter((c) => !c._deleted).first()
    if (known) customerId = known.id
    else {
      customerId = nanoid()
      await tx.create('customers', { id: customerId, name: intake.customerName, phone: intake.customerPhone })
    }
    const seqKey = `seq:TS:${day}`
    const seq = (((await tx.local.meta.get(seqKey))?.value as number | undefined) ?? 0) + 1
    await tx.local.meta.put({ key: seqKey, value: seq })
    const complaint = buildComplaint(intake, {
      id: nanoid(),
      no: formatComplaintNo(day, ctx.device.deviceCode, seq),
      customerId,
      receivedAt,
      firstResponder: staffNo
    })
    await tx.create('complaints', complaint)
    await tx.create('events', {
      id: nanoid(),
      subjectId: complaint.id,
      type: 'registered',
      at: receivedAt,
      staffNo,
      data: { no: complaint.no, channel: complaint.channel }
    })
    await tx.local.drafts.delete(NEW_COMPLAINT_DRAFT)
    return complaint
  })
}

export interface ComplaintFilter {
  status: ComplaintStatus | 'all'
  /** complaint no., customer name or phone; empty for none */
  search: string
}

const SEARCH_LIMIT = 500

/** Rows for the list, newest first. Without a search this is an index range read, so it stays fast at 200 000 complaints. */
export async function listComplaints(ctx: DataContext, filter: ComplaintFilter, offset: number, limit: number): Promise<Stored<Complaint>[]> {
  const search = filter.search.trim()
  if (search) return (await searchComplaints(ctx, filter)).slice(offset, offset + limit)
  const { complaints } = ctx.db
  const ordered =
    filter.status === 'all'
      ? complaints.orderBy('receivedAt').reverse()
      : complaints.where('[status+receivedAt]').between([filter.status, -Infinity], [filter.status, Infinity]).reverse()
  return ordered.offset(offset).limit(limit).toArray()
}

export async function countComplaints(ctx: DataContext, filter: ComplaintFilter): Promise<number> {
  if (filter.search.trim()) return (await searchComplaints(ctx, filter)).length
  const tallied = await readTallies(ctx.db, 'complaints', filter.status === 'all' ? STATUSES : [filter.status])
  if (tallied !== undefined) return tallied
  const { complaints } = ctx.db
  return filter.status === 'all'
    ? complaints.count()
    : complaints.where('[status+receivedAt]').between([filter.status, -Infinity], [filter.status, Infinity]).count()
}

/** Number prefix, phone prefix or name prefix; merged, newest first, capped. */
async function searchComplaints(ctx: DataContext, filter: ComplaintFilter): Promise<Stored<Complaint>[]> {
  const q = filter.search.trim()
  const { complaints } = ctx.db
  const digits = q.replace(/[\s-]/g, '')
  const found = await Promise.all([
    complaints.where('no').startsWithIgnoreCase(q).limit(SEARCH_LIMIT).toArray(),
    /^\d{3,}$/.test(digits) ? complaints.where('customerPhone').startsWith(digits).limit(SEARCH_LIMIT).toArray() : [],
    complaints.where('customerName').startsWith(q).limit(SEARCH_LIMIT).toArray()
  ])
  const byId = new Map<string, Stored<Complaint>>()
  for (const c of found.flat()) if (filter.status === 'all' || c.status === filter.status) byId.set(c.id, c)
  return [...byId.values()].sort((a, b) => b.receivedAt - a.receivedAt).slice(0, SEARCH_LIMIT)
}

export async function getComplaint(ctx: DataContext, id: string): Promise<Stored<Complaint> | undefined> {
  return ctx.db.complaints.get(id)
}

export async function getTimeline(ctx: DataContext, subjectId: string) {
  return ctx.db.events.where('[subjectId+at]').between([subjectId, -Infinity], [subjectId, Infinity]).toArray()
}

export async function findCustomerByPhone(ctx: DataContext, phone: string) {
  return ctx.db.customers.where('phone').equals(phone).filter((c) => !c._deleted).first()
}

export async function countComplaintsOfCustomer(ctx: DataContext, customerId: string): Promise<number> {
  return ctx.db.complaints.where('customerId').equals(customerId).count()
}

const FINISHED: readonly ComplaintStatus[] = ['closed', 'rejected']
const OPEN: readonly ComplaintStatus[] = STATUSES.filter((s) => !FINISHED.includes(s))

/** Numbers for 工作台: registered today, still open, and open with this clerk as first responder.
 *  Index counts only (no row scans), so start-up stays fast with years of complaints. */
export async function dashboardCounts(ctx: DataContext, dayStart: number, staffNo: string) {
  const { complaints } = ctx.db
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0)
  const [today, open, mine] = await Promise.all([
    complaints.where('receivedAt').aboveOrEqual(dayStart).count(),
    readTallies(ctx.db, 'complaints', OPEN).then((n) => n ?? Promise.all(OPEN.map((status) => countComplaints(ctx, { status, search: '' }))).then(sum)),
    staffNo ? Promise.all(OPEN.map((status) => complaints.where('[firstResponder+status]').equals([staffNo, status]).count())).then(sum) : 0
  ])
  return { today, open, mine }
}
