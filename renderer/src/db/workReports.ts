import dayjs from 'dayjs'
import { periodRange } from '@shared/domain/metrics/period'
import {
  workFigures,
  workReportFormSchema,
  workReportId,
  type HandoverMark,
  type WorkFigures,
  type WorkReportRecord
} from '@shared/domain/workReport'
import type { DataContext } from './context'
import { readDayLines } from './dayRows'
import { parseComplaintLine } from './complaintDayFamily'
import { complaintDaysBuiltKey, ensureComplaintDays } from './complaintDays'
import { ensureServiceDays, serviceDaysBuiltKey } from './serviceDays'
import { ensureTaskDays } from './taskDays'
import { LOOKBACK_DAYS, readServices, readTasks } from './reports'
import { getStaffByNo } from './staff'

// 工作报表 (issue 16, shared/domain/workReport.ts, docs/metrics.md §10): a clerk's day computed from the
// records (complaint day rows, service day rows, 回访任务 day rows, handover notes by date) and their
// submitted remark (synced table workReports, one record per clerk per day). Only the clerk submits
// their own, refused in the data layer for anyone else; a resubmission edits the same record.

export class WorkReportRefusedError extends Error {}

const FMT = 'YYYY-MM-DD'

async function handoversAround(ctx: DataContext, day: string): Promise<HandoverMark[]> {
  // a note is dated by the day its shift started; it is submitted or acknowledged that day or the next
  const from = dayjs(day).subtract(1, 'day').format(FMT)
  const rows = await ctx.db.handovers.where('date').between(from, day, true, true).toArray()
  return rows
    .filter((h) => !h._deleted)
    .map((h) => ({
      id: h.id,
      outgoingStaffNo: h.outgoingStaffNo,
      incomingStaffNo: h.incomingStaffNo,
      submittedAt: h.submittedAt,
      acknowledgedAt: h.acknowledgedAt
    }))
}

export interface WorkDay {
  day: string
  staffNo: string
  figures: WorkFigures
  submitted: WorkReportRecord | null
  asOf: number
}

/** The day's records of every clerk (one read), then each clerk's figures. */
async function readWorkInput(ctx: DataContext, day: string) {
  const db = ctx.db
  if (!(await db.meta.get(complaintDaysBuiltKey()))) await ensureComplaintDays(db)
  if (!(await db.meta.get(serviceDaysBuiltKey()))) await ensureServiceDays(db)
  await ensureTaskDays(db)
  const range = periodRange({ kind: 'day', from: day, to: day })
  const [lines, services, tasks, handovers] = await Promise.all([
    readDayLines(db, 'complaintDays', day, day),
    readServices(ctx, day, day),
    // a task done today was due within the look-back on either side
    readTasks(ctx, range.start - LOOKBACK_DAYS * 86_400_000, range.end + LOOKBACK_DAYS * 86_400_000),
    handoversAround(ctx, day)
  ])
  return { range, input: { cases: lines.map(parseComplaintLine), services, tasks, handovers } }
}

function stored(r: WorkReportRecord | undefined | null): WorkReportRecord | null {
  return r && !(r as { _deleted?: unknown })._deleted ? r : null
}

/** One clerk's 工作报表 for a day: the figures from the records and what they submitted. */
export async function getWorkDay(ctx: DataContext, staffNo: string, day: string): Promise<WorkDay> {
  const { range, input } = await readWorkInput(ctx, day)
  const submitted = stored(await ctx.db.workReports.get(workReportId(staffNo, day)))
  return { day, staffNo, figures: workFigures(input, staffNo, range), submitted, asOf: ctx.now() }
}

export interface WorkDayRow {
  staffNo: string
  name: string
  role: string
  figures: WorkFigures
  submitted: WorkReportRecord | null
}

/** The manager's view: every active staff member (and anyone who did something or submitted), with
 *  their figures and whether they have submitted. */
export async function listWorkDay(
  ctx: DataContext,
  day: string
): Promise<{ day: string; rows: WorkDayRow[]; asOf: number }> {
  const { range, input } = await readWorkInput(ctx, day)
  const [staff, reports] = await Promise.all([
    ctx.db.staff.toArray(),
    ctx.db.workReports.where('day').equals(day).toArray()
  ])
  const byStaff = new Map(reports.flatMap((r) => (stored(r) ? [[r.staffNo, r] as const] : [])))
  const people = new Map(staff.filter((s) => !s._deleted).map((s) => [s.staffNo, s]))
  const numbers = new Set([
    ...staff.filter((s) => s.active && !s._deleted).map((s) => s.staffNo),
    ...byStaff.keys()
  ])
  const rows = [...numbers].sort().map((staffNo) => ({
    staffNo,
    name: people.get(staffNo)?.name ?? '',
    role: people.get(staffNo)?.role ?? '',
    figures: workFigures(input, staffNo, range),
    submitted: byStaff.get(staffNo) ?? null
  }))
  return { day, rows, asOf: ctx.now() }
}

/** 提交: the clerk's own remark for the day (a resubmission edits it). Refused for anyone but the
 *  clerk themself (active), for a bad day and for a remark over the limit; nothing is written then. */
export async function submitWorkReport(
  ctx: DataContext,
  staffNo: string,
  input: { staffNo: string; day: string; remark: string }
): Promise<WorkReportRecord> {
  const parsed = workReportFormSchema.safeParse({ remark: input.remark })
  if (!parsed.success)
    throw new WorkReportRefusedError(parsed.error.issues[0]?.message ?? 'reports.workPage.remarkTooLong')
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(input.day) ||
    !dayjs(input.day, FMT, true).isValid() ||
    dayjs(input.day).format(FMT) !== input.day
  )
    throw new WorkReportRefusedError('reports.period.badDate')
  if (input.staffNo !== staffNo) throw new WorkReportRefusedError('reports.workPage.ownOnly')
  return ctx.writer.transact(staffNo, async (tx) => {
    const who = await getStaffByNo(ctx, staffNo)
    if (!who?.active) throw new WorkReportRefusedError('reports.workPage.ownOnly')
    const id = workReportId(staffNo, input.day)
    const record: WorkReportRecord = {
      id,
      staffNo,
      day: input.day,
      remark: parsed.data.remark,
      submittedAt: ctx.now()
    }
    const before = await ctx.db.workReports.get(id)
    if (before)
      await tx.update('workReports', id, {
        remark: record.remark,
        submittedAt: record.submittedAt,
        _deleted: 0
      } as never)
    else await tx.create('workReports', record)
    return record
  })
}
