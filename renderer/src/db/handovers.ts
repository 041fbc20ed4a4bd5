import { nanoid } from 'nanoid'
import {
  acknowledgeRefusal,
  carryOverItems,
  editRefusal,
  handoverItemSchema,
  handoverNotesSchema,
  remarkSchema,
  type Handover,
  type HandoverItem,
  type HandoverItemInput,
  type HandoverRefusal
} from '@shared/domain/handover'
import { selectPrefill, type HandoverPrefill } from '@shared/domain/handoverPrefill'
import { inferShift, shiftSlot, type ShiftSlot } from '@shared/domain/shifts'
import { sunsetDeadline } from '@shared/domain/timeRules'
import { complaintClock } from './complaintClock'
import type { DataContext } from './context'
import type { Stored, TimelineEvent } from './schema'
import { getShifts } from './shifts'
import { openComplaints } from './complaintReads'
import { eventsOf } from './timelineReads'
import { customersByIds } from './customerReads'

// 交接记录 (docs/design.md §3.5). A note is started by the outgoing clerk (交班人) pre-filled from the data,
// edited by them only, submitted, and acknowledged by someone else (接班人), after which it is
// locked: remarks are immutable timeline events. Every rule is checked here as well as on screen.

/** The data layer refused; `reason` names an i18n key under handover.refused. */
export class HandoverRefusedError extends Error {
  constructor(readonly reason: HandoverRefusal) {
    super(`handover.refused.${reason}`)
  }
}

export interface StaffRef {
  staffNo: string
  name: string
}

async function previousHandover(
  ctx: DataContext,
  excludeId: string | null
): Promise<Stored<Handover> | undefined> {
  return ctx.db.handovers
    .orderBy('createdAt')
    .reverse()
    .filter((h) => !h._deleted && h.status !== 'draft' && h.id !== excludeId)
    .first()
}

/** Reads what the note is pre-filled with: open complaints (sparse _openAt index), returns in progress,
 *  and the open 回访任务 due by the end of today's store day (sparse `_open` index = dueAt while open),
 *  named and numbered as their customer's record reads now (as the 今日回访 queue shows them). */
async function prefillFor(
  ctx: DataContext,
  shiftEnd: number,
  previous: Stored<Handover> | undefined
): Promise<HandoverPrefill> {
  const complaints = await openComplaints(ctx.db)
  const returns = (
    await Promise.all(
      ['pending', 'processing'].map((status) =>
        ctx.db.returns.where('[status+createdAt]').between([status, -Infinity], [status, Infinity]).toArray()
      )
    )
  ).flat()
  const tasks = (
    await ctx.db.revisitTasks.where('_open').belowOrEqual(sunsetDeadline(ctx.now(), ctx.timeRules)).toArray()
  ).filter((t) => !t._deleted)
  const customers = await customersByIds(
    ctx.db,
    tasks.map((t) => t.customerId)
  )
  const revisitTasks = tasks.map((t, i) => {
    const c = customers[i]
    return c && !c._deleted ? { ...t, customerName: c.name, customerPhone: c.phone } : t
  })
  return selectPrefill({
    complaints: complaints.filter((c) => !c._deleted),
    returns: returns.filter((r) => !r._deleted),
    revisitTasks,
    rules: ctx.timeRules,
    // each case's deadlines in counted time: its pauses and the store's 停业日 (issue 16)
    clockOf: (c) => complaintClock(c, ctx.timeRules, ctx.closedDays),
    now: ctx.now(),
    shiftEnd,
    previous: previous
      ? {
          ref: {
            id: previous.id,
            date: previous.date,
            shiftName: previous.shiftName,
            outgoingStaffNo: previous.outgoingStaffNo,
            outgoingName: previous.outgoingName
          },
          acknowledged: previous.status === 'acknowledged',
          prefill: previous.prefill
        }
      : null
  })
}

async function slotFor(
  ctx: DataContext,
  shiftId: string | undefined,
  date: string | undefined
): Promise<ShiftSlot> {
  const shifts = await getShifts(ctx)
  const inferred = inferShift(shifts, ctx.now()) as ShiftSlot
  const chosen = shiftId ? shifts.find((s) => s.id === shiftId) : undefined
  if (!chosen) return inferred
  return shiftSlot(chosen, date ?? inferred.date)
}

/** 新建交接记录: the outgoing clerk's open draft if there is one, else a new note for the shift
 *  now (or the one chosen), pre-filled, with the unfinished items of the last note carried over. */
export async function startHandover(
  ctx: DataContext,
  outgoing: StaffRef,
  options: { shiftId?: string } = {}
): Promise<Stored<Handover>> {
  const slot = await slotFor(ctx, options.shiftId, undefined)
  const id = await ctx.writer.transact(outgoing.staffNo, async (tx) => {
    const draft = await ctx.db.handovers
      .where('outgoingStaffNo')
      .equals(outgoing.staffNo)
      .filter((h) => !h._deleted && h.status === 'draft')
      .first()
    if (draft) return draft.id
    const previous = await previousHandover(ctx, null)
    const record: Handover = {
      id: nanoid(),
      date: slot.date,
      shiftId: slot.shift.id,
      shiftName: slot.shift.name,
      shiftStart: slot.start,
      shiftEnd: slot.end,
      outgoingStaffNo: outgoing.staffNo,
      outgoingName: outgoing.name,
      incomingStaffNo: '',
      incomingName: '',
      status: 'draft',
      createdAt: ctx.now(),
      submittedAt: null,
      acknowledgedAt: null,
      prefill: await prefillFor(ctx, slot.end, previous),
      items: previous ? carryOverItems(previous, nanoid) : [],
      notes: '',
      previousId: previous?.id ?? null
    }
    await tx.create('handovers', record)
    return record.id
  })
  return (await getHandover(ctx, id)) as Stored<Handover>
}

export async function getHandover(ctx: DataContext, id: string): Promise<Stored<Handover> | undefined> {
  const h = await ctx.db.handovers.get(id)
  return h && !h._deleted ? h : undefined
}

/** Runs an edit of the outgoing clerk's note: refused once acknowledged or for anyone else. */
async function editHandover(
  ctx: DataContext,
  staffNo: string,
  id: string,
  change: (h: Stored<Handover>) => Promise<Partial<Handover>> | Partial<Handover>
): Promise<void> {
  await ctx.writer.transact(staffNo, async (tx) => {
    const current = await ctx.db.handovers.get(id)
    if (!current || current._deleted) throw new HandoverRefusedError('notFound')
    const refusal = editRefusal(current, staffNo)
    if (refusal) throw new HandoverRefusedError(refusal)
    await tx.update('handovers', id, await change(current))
  })
}

/** Another shift than the one inferred from the clock (the override). */
export async function changeHandoverShift(
  ctx: DataContext,
  staffNo: string,
  id: string,
  shiftId: string
): Promise<void> {
  const current = await getHandover(ctx, id)
  const slot = await slotFor(ctx, shiftId, current?.date)
  await editHandover(ctx, staffNo, id, () => ({
    shiftId: slot.shift.id,
    shiftName: slot.shift.name,
    shiftStart: slot.start,
    shiftEnd: slot.end,
    date: slot.date
  }))
}

/** Re-reads the data into the note (the screen does this on open, submission does it last). */
export async function refreshHandoverPrefill(ctx: DataContext, staffNo: string, id: string): Promise<void> {
  await editHandover(ctx, staffNo, id, async (h) => ({
    prefill: await prefillFor(ctx, h.shiftEnd, await previousHandover(ctx, h.id))
  }))
}

export async function addHandoverItem(
  ctx: DataContext,
  staffNo: string,
  id: string,
  input: HandoverItemInput
): Promise<HandoverItem> {
  const parsed = handoverItemSchema.parse(input)
  const itemId = nanoid()
  const item: HandoverItem = { ...parsed, id: itemId, originId: itemId, done: false, carried: 0 }
  await editHandover(ctx, staffNo, id, (h) => ({ items: [...h.items, item] }))
  return item
}

export async function setHandoverItemDone(
  ctx: DataContext,
  staffNo: string,
  id: string,
  itemId: string,
  done: boolean
): Promise<void> {
  await editHandover(ctx, staffNo, id, (h) => ({
    items: h.items.map((i) => (i.id === itemId ? { ...i, done } : i))
  }))
}

export async function removeHandoverItem(
  ctx: DataContext,
  staffNo: string,
  id: string,
  itemId: string
): Promise<void> {
  await editHandover(ctx, staffNo, id, (h) => ({ items: h.items.filter((i) => i.id !== itemId) }))
}

export async function saveHandoverNotes(
  ctx: DataContext,
  staffNo: string,
  id: string,
  notes: string
): Promise<void> {
  const parsed = handoverNotesSchema.parse(notes)
  await editHandover(ctx, staffNo, id, () => ({ notes: parsed }))
}

/** 提交交接: the data is read one last time and frozen into the note, which now awaits 确认接班. */
export async function submitHandover(ctx: DataContext, staffNo: string, id: string): Promise<void> {
  const at = ctx.now()
  await ctx.writer.transact(staffNo, async (tx) => {
    const current = await ctx.db.handovers.get(id)
    if (!current || current._deleted) throw new HandoverRefusedError('notFound')
    const refusal = editRefusal(current, staffNo)
    if (refusal) throw new HandoverRefusedError(refusal)
    const prefill = await prefillFor(ctx, current.shiftEnd, await previousHandover(ctx, id))
    await tx.update('handovers', id, { prefill, status: 'submitted', submittedAt: current.submittedAt ?? at })
    await tx.create('events', {
      id: nanoid(),
      subjectId: id,
      type: 'handoverSubmitted',
      at,
      staffNo,
      data: {}
    })
  })
}

/** 确认接班 by `incoming` (who proved it with 工号 + PIN, or is the current staff): locks the note. */
export async function acknowledgeHandover(ctx: DataContext, incoming: StaffRef, id: string): Promise<void> {
  const at = ctx.now()
  await ctx.writer.transact(incoming.staffNo, async (tx) => {
    const current = await ctx.db.handovers.get(id)
    if (!current || current._deleted) throw new HandoverRefusedError('notFound')
    const refusal = acknowledgeRefusal(current, incoming.staffNo)
    if (refusal) throw new HandoverRefusedError(refusal)
    await tx.update('handovers', id, {
      status: 'acknowledged',
      acknowledgedAt: at,
      incomingStaffNo: incoming.staffNo,
      incomingName: incoming.name
    })
    await tx.create('events', {
      id: nanoid(),
      subjectId: id,
      type: 'handoverAcknowledged',
      at,
      staffNo: incoming.staffNo,
      data: { name: incoming.name }
    })
  })
}

/** A remark appended to a note (the only change once it is locked); anyone on duty may add one. */
export async function addHandoverRemark(
  ctx: DataContext,
  staffNo: string,
  id: string,
  text: string
): Promise<void> {
  const parsed = remarkSchema.parse(text)
  await ctx.writer.transact(staffNo, async (tx) => {
    if (!(await getHandover(ctx, id))) throw new HandoverRefusedError('notFound')
    await tx.create('events', {
      id: nanoid(),
      subjectId: id,
      type: 'handoverRemark',
      at: ctx.now(),
      staffNo,
      data: { text: parsed }
    })
  })
}

/** A note's timeline (submitted, acknowledged, remarks), oldest first. */
export async function handoverEvents(ctx: DataContext, id: string): Promise<TimelineEvent[]> {
  const rows = await eventsOf(ctx.db, id)
  // Same-millisecond events keep the order they were written in (their HLC), not their random ids'.
  return rows
    .filter((e) => !e._deleted)
    .sort(
      (a, b) =>
        a.at - b.at || (a._created.hlc < b._created.hlc ? -1 : a._created.hlc > b._created.hlc ? 1 : 0)
    )
}

export interface HandoverFilter {
  /** 'YYYY-MM-DD' inclusive */
  from?: string
  to?: string
  /** outgoing or incoming */
  staffNo?: string
  shiftId?: string
}

/** History, newest first. A store writes two or three notes a day, so a filtered scan of the date index is cheap. */
export async function listHandovers(
  ctx: DataContext,
  filter: HandoverFilter = {},
  limit = 500
): Promise<Stored<Handover>[]> {
  const range = ctx.db.handovers.where('date').between(filter.from ?? '', filter.to ?? '\uffff', true, true)
  const rows = await range
    .filter(
      (h) =>
        !h._deleted &&
        (!filter.staffNo || h.outgoingStaffNo === filter.staffNo || h.incomingStaffNo === filter.staffNo) &&
        (!filter.shiftId || h.shiftId === filter.shiftId)
    )
    .toArray()
  return rows.sort((a, b) => b.createdAt - a.createdAt).slice(0, limit)
}

/** Notes waiting for 确认接班 (submitted), plus drafts still being written: 工作台 shows both. */
export async function openHandovers(ctx: DataContext): Promise<Stored<Handover>[]> {
  const rows = await ctx.db.handovers.where('status').anyOf('draft', 'submitted').toArray()
  return rows.filter((h) => !h._deleted).sort((a, b) => b.createdAt - a.createdAt)
}
