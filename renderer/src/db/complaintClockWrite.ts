import { clockState, pauseClock, resumeClock, type ClockState } from '@shared/domain/clock/pauses'
import {
  countedEscalationDeadlines,
  evaluateTimeCounted,
  type CountedTimeEvaluation
} from '@shared/domain/timeRules'
import type { BusinessClock } from '@shared/domain/clock/businessClock'
import type { Complaint } from '@shared/domain/complaint'
import type { DataContext } from './context'
import { complaintClock } from './complaintClock'
import { isClockEvent } from './complaintPauses'
import { getStaffByNo } from './staff'
import { complaintById } from './complaintReads'
import { eventsOf } from './timelineReads'

// 暂停计时 / 恢复计时 on a complaint (issue 16). The pure commands (shared/domain/clock/pauses.ts)
// decide; this writes their event on the case's timeline (处理记录) and refreshes the case's local
// `_pauses` and time keys, in ONE transaction. Decisions:
// - Who: the case's 首问负责人 (it is their case for its whole life), or an active 值班长 or 客服经理
//   (they supervise every case and receive its escalations). Anyone else is refused with
//   'reports.clock.notAllowed' — by the data layer, not only by hiding the buttons.
// - The event ids are deterministic (`<id>:clockPaused:<n>`): two PCs pausing the same interval at
//   the same moment write the same id and sync keeps the first write (smallest HLC); a resume on
//   one PC and a pause or resume on another converge the same way (pauses.ts folding).
// - A refusal is returned out of the transaction and thrown after it (workflow.ts: throwing inside
//   after a read could leave Chromium's transaction unsettled); nothing is written.
// - The complaint's fields do not change (status, escalation level): only its derived keys move.

/** Refused 暂停计时 / 恢复计时; `message` is the code (reports.clock.*, an i18n key). */
export class ClockRefusedError extends Error {}

async function mayHoldClock(ctx: DataContext, staffNo: string, c: Complaint): Promise<boolean> {
  if (c.firstResponder === staffNo) return true
  const who = await getStaffByNo(ctx, staffNo)
  return !!who?.active && (who.role === 'shiftLeader' || who.role === 'manager')
}

async function clockEventsOf(ctx: DataContext, complaintId: string) {
  return (await eventsOf(ctx.db, complaintId)).filter((e) => isClockEvent(e.type))
}

async function writeClockEvent(
  ctx: DataContext,
  staffNo: string,
  complaintId: string,
  command: 'pause' | 'resume',
  reason?: unknown
): Promise<void> {
  const outcome = await ctx.writer.transact(staffNo, async (tx) => {
    const c = await complaintById(ctx.db, complaintId)
    if (!c || c._deleted) return { ok: false as const, code: 'complaint.notFound' }
    if (!(await mayHoldClock(ctx, staffNo, c)))
      return { ok: false as const, code: 'reports.clock.notAllowed' }
    const events = await clockEventsOf(ctx, complaintId)
    const now = ctx.now()
    const made = command === 'pause' ? pauseClock(c, events, now, reason) : resumeClock(c, events, now)
    if (!made.ok) return made
    await tx.create('events', {
      id: made.event.id,
      subjectId: complaintId,
      type: made.event.type,
      at: made.event.at,
      staffNo,
      data: { ...made.event.data }
    })
    await tx.refreshPauses([complaintId])
    return { ok: true as const }
  })
  if (!outcome.ok) throw new ClockRefusedError(outcome.code)
}

/** 暂停计时 with a reason (customer / parts / vendor). */
export async function pauseComplaintClock(
  ctx: DataContext,
  staffNo: string,
  complaintId: string,
  reason: unknown
): Promise<void> {
  await writeClockEvent(ctx, staffNo, complaintId, 'pause', reason)
}

/** 恢复计时. */
export async function resumeComplaintClock(
  ctx: DataContext,
  staffNo: string,
  complaintId: string
): Promise<void> {
  await writeClockEvent(ctx, staffNo, complaintId, 'resume')
}

/** Whether the case's clock is paused, since when and why, as this PC's timeline has it. */
export async function getComplaintClockState(ctx: DataContext, complaintId: string): Promise<ClockState> {
  return clockState(await clockEventsOf(ctx, complaintId))
}

/** Whether this person may pause and resume this case's clock (the buttons follow the same rule). */
export async function mayPauseClock(
  ctx: DataContext,
  staffNo: string,
  complaintId: string
): Promise<boolean> {
  const c = await complaintById(ctx.db, complaintId)
  return !!c && !c._deleted && (await mayHoldClock(ctx, staffNo, c))
}

export interface ComplaintTime extends CountedTimeEvaluation {
  /** the 24 h deadlines in counted time; null while an open pause holds them back */
  leaderDeadline: number | null
  managerDeadline: number | null
}

/** A stored complaint's business clock with the rules and closed days in force. */
export function clockOfComplaint(ctx: DataContext, c: Complaint & { _pauses?: unknown }): BusinessClock {
  return complaintClock(c, ctx.timeRules, ctx.closedDays)
}

/** The case's limits at `now` in counted time (pauses and 停业日 do not count): what every screen shows. */
export function complaintTime(
  ctx: DataContext,
  c: Complaint & { _pauses?: unknown },
  now: number
): ComplaintTime {
  const clock = clockOfComplaint(ctx, c)
  const { leader, manager } = countedEscalationDeadlines(c, ctx.timeRules, clock)
  return {
    ...evaluateTimeCounted(c, now, ctx.timeRules, clock),
    leaderDeadline: leader,
    managerDeadline: manager
  }
}
