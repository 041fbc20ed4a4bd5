import { inRange, type Range } from './period'
import type { ReportCase } from './report'

// 部门反馈 (四个不漏 rule 4: every result is fed back to the department that caused it; docs/metrics.md
// §9). What "fed back" is: the complaint's closing (结案, workflow action closeCase) names the
// departments the result was reported to — `Complaint.feedbackDepartments`. Decisions:
// - The cases: complaints CLOSED in the period (status 结案, closedAt in the range). A case rejected as
//   不成立 has no result to report and is not counted; an open case is not due yet.
// - Per 责任部门 (the case's department; empty = 未填写): 结案数, 已反馈 = those whose closing named at
//   least one department, 未反馈 = those whose closing named none (the miss rule 4 forbids), 反馈率 =
//   已反馈 ÷ 结案数 ("—" for none). 收到反馈 = closed cases whose closing named THIS department (a result
//   can be reported to several departments, so 收到反馈 of all rows may exceed the cases).
// - Rows sorted by 未反馈 (most first), then 结案数, then name, so the misses lead. Ids sorted by close.

export interface FeedbackCase extends ReportCase {
  feedbackDepartments: readonly string[]
}

export interface FeedbackRow {
  department: string
  closed: string[]
  fedBack: string[]
  unfedBack: string[]
  received: string[]
  /** 已反馈 ÷ 结案数, null when none closed */
  rate: number | null
}

export type FeedbackColumn = 'closed' | 'fedBack' | 'unfedBack' | 'received'

export interface DepartmentFeedback {
  rows: FeedbackRow[]
  total: Omit<FeedbackRow, 'department'>
}

export function departmentFeedback(cases: readonly FeedbackCase[], range: Range): DepartmentFeedback {
  const closed = cases
    .filter((c) => c.status === 'closed' && c.closedAt !== null && inRange(c.closedAt, range))
    .sort(
      (a, b) => (a.closedAt as number) - (b.closedAt as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )
  const rows = new Map<string, FeedbackRow>()
  const row = (department: string) => {
    let r = rows.get(department)
    if (!r)
      rows.set(
        department,
        (r = { department, closed: [], fedBack: [], unfedBack: [], received: [], rate: null })
      )
    return r
  }
  for (const c of closed) {
    const r = row(c.department.trim())
    r.closed.push(c.id)
    const named = [...new Set(c.feedbackDepartments.map((d) => d.trim()).filter(Boolean))]
    if (named.length > 0) r.fedBack.push(c.id)
    else r.unfedBack.push(c.id)
    for (const d of named) row(d).received.push(c.id)
  }
  const rate = (fed: number, all: number) => (all === 0 ? null : fed / all)
  for (const r of rows.values()) r.rate = rate(r.fedBack.length, r.closed.length)
  const ids = closed.map((c) => c.id)
  const fed = closed.filter((c) => c.feedbackDepartments.some((d) => d.trim())).map((c) => c.id)
  const fedSet = new Set(fed)
  return {
    rows: [...rows.values()].sort(
      (a, b) =>
        b.unfedBack.length - a.unfedBack.length ||
        b.closed.length - a.closed.length ||
        (a.department < b.department ? -1 : a.department > b.department ? 1 : 0)
    ),
    total: {
      closed: ids,
      fedBack: fed,
      unfedBack: ids.filter((id) => !fedSet.has(id)),
      received: [...new Set([...rows.values()].flatMap((r) => r.received))].filter((id) => ids.includes(id)),
      rate: rate(fed.length, ids.length)
    }
  }
}
