import { z } from 'zod'
import type { ReportCase, ReportService, ReportTask } from './metrics/report'
import { inRange, type Range } from './metrics/period'

// 工作报表 (issue 16, docs/metrics.md §10): per clerk per day, what they did, computed from the records,
// and the clerk's own remark, submitted as one synced record per clerk per day. Decisions:
// - 投诉受理 (taken): complaints received that day with the clerk as 首问负责人.
// - 投诉处理 (handled): the clerk's complaints (首问负责人) with a workflow milestone that day — first
//   response (判定), accepted result or close. A step another clerk takes on someone else's case is
//   not counted for them: the report line keeps the milestones' instants, not who took each step.
// - 回访 (follow-ups): the clerk's complaints followed up that day, plus 回访任务 assigned to the clerk
//   that ended done (已接通) that day.
// - 咨询 / 退换货: consultations and returns the clerk registered that day (the counter log).
// - 交接班: handover notes the clerk submitted as the outgoing clerk, or acknowledged as the incoming
//   one, that day.
// - The record: id `<工号>:<YYYY-MM-DD>`; only the clerk themself submits it (refused in the data layer
//   for anyone else, even a manager); submitting again edits it (remark, submittedAt). The figures are
//   not stored: the report always shows them from the records, so a late record still counts.

export const WORK_FIGURES = [
  'taken',
  'handled',
  'followUps',
  'consultations',
  'returns',
  'handovers'
] as const
export type WorkFigure = (typeof WORK_FIGURES)[number]

export const REMARK_MAX = 500

export const workReportFormSchema = z.object({
  remark: z.string().trim().max(REMARK_MAX, 'reports.workPage.remarkTooLong')
})
export type WorkReportForm = z.infer<typeof workReportFormSchema>

export interface WorkReportRecord {
  id: string
  staffNo: string
  day: string
  remark: string
  submittedAt: number
}

export const workReportId = (staffNo: string, day: string) => `${staffNo}:${day}`

export interface HandoverMark {
  id: string
  outgoingStaffNo: string
  incomingStaffNo: string
  submittedAt: number | null
  acknowledgedAt: number | null
}

export interface WorkInput {
  cases: readonly ReportCase[]
  services: readonly ReportService[]
  /** 回访任务 of every rule other than 投诉回访 */
  tasks: readonly ReportTask[]
  handovers: readonly HandoverMark[]
}

export type WorkFigures = Record<WorkFigure, string[]>

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort()

/** What `staffNo` did on the day `range` (ids per figure, sorted). Services are dated by their day. */
export function workFigures(input: WorkInput, staffNo: string, range: Range): WorkFigures {
  const mine = input.cases.filter((c) => c.firstResponder === staffNo)
  const on = (t: number | null | undefined) => typeof t === 'number' && inRange(t, range)
  return {
    taken: sorted(mine.filter((c) => on(c.receivedAt)).map((c) => c.id)),
    handled: sorted(
      mine.filter((c) => on(c.firstResponseAt) || on(c.resolvedAt) || on(c.closedAt)).map((c) => c.id)
    ),
    followUps: sorted([
      ...mine.filter((c) => on(c.revisit?.at)).map((c) => c.id),
      ...input.tasks.filter((t) => t.clerk === staffNo && on(t.doneAt)).map((t) => t.id)
    ]),
    consultations: sorted(
      input.services
        .filter((s) => s.kind === 'consultation' && s.staffNo === staffNo && on(s.at))
        .map((s) => s.id)
    ),
    returns: sorted(
      input.services.filter((s) => s.kind === 'return' && s.staffNo === staffNo && on(s.at)).map((s) => s.id)
    ),
    handovers: sorted(
      input.handovers
        .filter(
          (h) =>
            (h.outgoingStaffNo === staffNo && on(h.submittedAt)) ||
            (h.incomingStaffNo === staffNo && on(h.acknowledgedAt))
        )
        .map((h) => h.id)
    )
  }
}
