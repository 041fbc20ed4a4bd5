import { nanoid } from 'nanoid'
import dayjs from 'dayjs'
import {
  buildComplaint,
  STATUSES,
  type Complaint,
  type ComplaintIntake,
  type ComplaintStatus
} from '@shared/domain/complaint'
import { formatComplaintNo } from '@shared/domain/complaintNo'
import { diffIntake } from '@shared/domain/complaintEdit'
import { authored } from './drafts'
import type { DataContext } from './context'
import type { Stored } from './schema'
import { readTallies } from './tallies'
import { findOrCreateCustomer } from './customers'
import { countComplaints, countOverdue, NO_FILTER } from './complaintQuery'
import { eventsOf } from './timelineReads'
import {
  complaintById,
  complaintCountOfCustomer,
  countOfResponder,
  countReceivedSince
} from './complaintReads'

export const NEW_COMPLAINT_DRAFT = 'complaint:new'

/** Registers a complaint: finds or creates the customer by phone, numbers the case, writes the
 *  first timeline event and drops the intake draft — all or nothing. */
export async function registerComplaint(
  ctx: DataContext,
  staffNo: string,
  intake: ComplaintIntake
): Promise<Complaint> {
  const receivedAt = ctx.now()
  const day = dayjs(receivedAt).format('YYYYMMDD')
  return ctx.writer.transact(staffNo, async (tx) => {
    const customerId = await findOrCreateCustomer(ctx, tx, staffNo, {
      customerId: intake.customerId,
      name: intake.customerName,
      phone: intake.customerPhone
    })
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
    await tx.local.drafts.delete(authored(NEW_COMPLAINT_DRAFT, staffNo))
    return complaint
  })
}

export async function getComplaint(ctx: DataContext, id: string): Promise<Stored<Complaint> | undefined> {
  return complaintById(ctx.db, id)
}

/** A case's events in the order they happened; same-millisecond steps keep their write order (HLC). */
export async function getTimeline(ctx: DataContext, subjectId: string) {
  const events = await eventsOf(ctx.db, subjectId)
  return events.sort(
    (a, b) => a.at - b.at || (a._created.hlc < b._created.hlc ? -1 : a._created.hlc > b._created.hlc ? 1 : 0)
  )
}

export async function countComplaintsOfCustomer(ctx: DataContext, customerId: string): Promise<number> {
  return complaintCountOfCustomer(ctx.db, customerId)
}

const FINISHED: readonly ComplaintStatus[] = ['closed', 'rejected']
const OPEN = STATUSES.filter(
  (s): s is Exclude<ComplaintStatus, 'closed' | 'rejected'> => !FINISHED.includes(s)
)

/** Numbers for 工作台: registered today, still open, open with this clerk as first responder, 已超时.
 *  Index counts only (no row scans), so start-up stays fast with years of complaints. */
export async function dashboardCounts(ctx: DataContext, dayStart: number, staffNo: string) {
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0)
  const [today, open, mine, overdue] = await Promise.all([
    countReceivedSince(ctx.db, dayStart),
    readTallies(ctx.db, 'complaints', 'status', OPEN).then(
      (n) => n ?? Promise.all(OPEN.map((status) => countComplaints(ctx, { ...NO_FILTER, status }))).then(sum)
    ),
    staffNo ? countOfResponder(ctx.db, staffNo, OPEN) : 0,
    countOverdue(ctx)
  ])
  return { today, open, mine, overdue }
}

/** Corrects intake fields; each real change is written with a fieldEdited event (old → new). Returns how many changed. */
export async function editComplaint(
  ctx: DataContext,
  staffNo: string,
  id: string,
  edited: ComplaintIntake
): Promise<number> {
  return ctx.writer.transact(staffNo, async (tx) => {
    const current = await complaintById(ctx.db, id)
    if (!current) return 0
    const changes = diffIntake(current, edited)
    if (changes.length === 0) return 0
    const at = ctx.now()
    await tx.update('complaints', id, Object.fromEntries(changes.map((c) => [c.field, c.to])))
    for (const change of changes)
      await tx.create('events', {
        id: nanoid(),
        subjectId: id,
        type: 'fieldEdited',
        at,
        staffNo,
        data: { field: change.field, from: change.from, to: change.to }
      })
    return changes.length
  })
}
