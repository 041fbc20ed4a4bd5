import dayjs from 'dayjs'
import { comparison } from '@shared/domain/metrics/period'
import { applyFilters } from '@shared/domain/metrics/report'
import {
  departmentFeedback,
  type DepartmentFeedback,
  type FeedbackCase
} from '@shared/domain/metrics/feedback'
import type { Range } from '@shared/domain/metrics/period'
import type { DataContext } from './context'
import { readDayLines } from './dayRows'
import { parseComplaintLine } from './complaintDayFamily'
import { complaintDaysBuiltKey, ensureComplaintDays } from './complaintDays'
import type { ReportQuery } from './reports'
import { complaintsByIds } from './complaintReads'

// 部门反馈 (issue 16, shared/domain/metrics/feedback.ts, docs/metrics.md §9): the complaints closed in
// the period come from the complaint day rows (a case is filed under its close day), with the filter
// bar's filters; their closing's departments (`feedbackDepartments`, not in the report line) are read
// from those complaints' records only.

export interface FeedbackResult extends DepartmentFeedback {
  asOf: number
  range: Range
}

const FMT = 'YYYY-MM-DD'

export async function reportFeedback(ctx: DataContext, query: ReportQuery): Promise<FeedbackResult> {
  const asOf = ctx.now()
  const { current } = comparison(query.period, asOf)
  if (!(await ctx.db.meta.get(complaintDaysBuiltKey()))) await ensureComplaintDays(ctx.db)
  const lines = await readDayLines(
    ctx.db,
    'complaintDays',
    dayjs(current.start).format(FMT),
    dayjs(current.end - 1).format(FMT)
  )
  const cases = applyFilters(
    { cases: lines.map(parseComplaintLine), services: [], tasks: [] },
    query.filters
  ).cases.filter(
    (c) =>
      c.status === 'closed' && c.closedAt !== null && c.closedAt >= current.start && c.closedAt < current.end
  )
  const records = await complaintsByIds(
    ctx.db,
    cases.map((c) => c.id)
  )
  const withFeedback: FeedbackCase[] = cases.map((c, i) => ({
    ...c,
    feedbackDepartments: records[i]?.feedbackDepartments ?? []
  }))
  return { ...departmentFeedback(withFeedback, current), asOf, range: current }
}
