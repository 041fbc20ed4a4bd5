import type { ProblemStatus } from '../counter/problem'
import { ratio, type MetricValue } from './metric'
import { inRange, type Range } from './period'
import type { ReportCase, ReportInput, ReportService, ReportTask } from './report'
import { limitsDueIn, type MetricContext } from './timeLimits'

// 客服考核 (docs/metrics.md §8): per clerk (工号) for a period, with the filter bar's filters. Pure.
// Each figure is a list of records (staffRecords), and the number is its length, so a drill-down
// always equals its number. Decisions:
// - 首问负责人 is the complaint's firstResponder. Of the clerk's complaints: 受理 = received in the
//   period; 已处理 = result accepted (resolvedAt) in the period; 已结案 = closed (status closed) in
//   the period; 按时率 = the dictionary's 时效达标率 (all limits pooled) over the clerk's complaints —
//   limits met ÷ limits due in the period (final at 数据截至).
// - 回访 done: complaints' 回访 made by the clerk (revisit.by) in the period, plus 回访任务 of the
//   other rules that the clerk ended done in the period (report.ts: a 投诉回访 task is the complaint's
//   own 回访). Their satisfaction is the dictionary's 服务不满意率 over the answers given in the
//   period to those follow-ups (不满意 ÷ answered).
// - 咨询 and 成交转化率: the clerk's consultations of the counter log (converted ÷ with an outcome).
// - 问题登记: problems the clerk logged in the period; 已采纳: of those, the ones adopted (status now).
// - A clerk appears when any figure is not zero; rows by 工号.

export interface ReportProblem {
  id: string
  staffNo: string
  createdAt: number
  status: ProblemStatus
}

export interface StaffInput extends ReportInput {
  problems: readonly ReportProblem[]
}

export const STAFF_LISTS = [
  'taken',
  'handled',
  'closed',
  'onTimeMet',
  'onTimeDue',
  'followUps',
  'unsatisfied',
  'answered',
  'consultations',
  'converted',
  'withOutcome',
  'problems',
  'adopted'
] as const
export type StaffList = (typeof STAFF_LISTS)[number]

export type StaffRef =
  | { kind: 'complaint'; id: string; limit?: 'firstResponse' | 'resolution' | 'followUp' }
  | { kind: 'consultation'; id: string; customerKey: string }
  | { kind: 'task'; id: string }
  | { kind: 'problem'; id: string }

export interface StaffRow {
  clerk: string
  taken: number
  handled: number
  closed: number
  onTime: MetricValue
  followUps: number
  dissatisfaction: MetricValue
  consultations: number
  conversion: MetricValue
  problems: number
  adopted: number
}

const byTime = <T>(list: T[], at: (x: T) => number, id: (x: T) => string) =>
  list.sort((a, b) => at(a) - at(b) || id(a).localeCompare(id(b)))

/** The records behind one figure of one clerk. */
export function staffRecords(
  input: StaffInput,
  ctx: MetricContext,
  range: Range,
  clerk: string,
  list: StaffList
): StaffRef[] {
  const own = byTime(
    input.cases.filter((c) => c.firstResponder === clerk),
    (c) => c.receivedAt,
    (c) => c.id
  )
  const ref = (c: ReportCase): StaffRef => ({ kind: 'complaint', id: c.id })
  const consultations = byTime(
    input.services.filter((s) => s.kind === 'consultation' && s.staffNo === clerk && inRange(s.at, range)),
    (s) => s.at,
    (s) => s.id
  )
  const serviceRef = (s: ReportService): StaffRef => ({
    kind: 'consultation',
    id: s.id,
    customerKey: s.customerKey
  })
  const tasks = input.tasks.filter((t) => t.clerk === clerk)
  const taskRef = (t: ReportTask): StaffRef => ({ kind: 'task', id: t.id })
  const revisits = byTime(
    input.cases.filter((c) => c.revisit && c.revisitBy === clerk && inRange(c.revisit.at, range)),
    (c) => c.revisit?.at ?? 0,
    (c) => c.id
  )
  const problems = byTime(
    input.problems.filter((p) => p.staffNo === clerk && inRange(p.createdAt, range)),
    (p) => p.createdAt,
    (p) => p.id
  )
  const answeredTasks = byTime(
    tasks.filter((t) => t.answer !== null && inRange(t.answer.at, range)),
    (t) => t.answer?.at ?? 0,
    (t) => t.id
  )
  switch (list) {
    case 'taken':
      return own.filter((c) => inRange(c.receivedAt, range)).map(ref)
    case 'handled':
      return own.filter((c) => c.resolvedAt !== null && inRange(c.resolvedAt, range)).map(ref)
    case 'closed':
      return own
        .filter((c) => c.status === 'closed' && c.closedAt !== null && inRange(c.closedAt, range))
        .map(ref)
    case 'onTimeMet':
    case 'onTimeDue':
      return own.flatMap((c) =>
        limitsDueIn(c, ctx, range)
          .filter((l) => list === 'onTimeDue' || l.met)
          .map((l): StaffRef => ({ kind: 'complaint', id: c.id, limit: l.limit }))
      )
    case 'followUps':
      return [
        ...revisits.map(ref),
        ...byTime(
          tasks.filter((t) => t.doneAt !== null && inRange(t.doneAt, range)),
          (t) => t.doneAt ?? 0,
          (t) => t.id
        ).map(taskRef)
      ]
    case 'answered':
    case 'unsatisfied': {
      const keep = (s: string) => list === 'answered' || s === 'unsatisfied'
      return [
        ...revisits.filter((c) => keep(c.revisit?.satisfaction ?? '')).map(ref),
        ...answeredTasks.filter((t) => keep(t.answer?.satisfaction ?? '')).map(taskRef)
      ]
    }
    case 'consultations':
      return consultations.map(serviceRef)
    case 'withOutcome':
      return consultations.filter((s) => s.outcome !== null).map(serviceRef)
    case 'converted':
      return consultations.filter((s) => s.outcome === 'converted').map(serviceRef)
    case 'problems':
      return problems.map((p): StaffRef => ({ kind: 'problem', id: p.id }))
    case 'adopted':
      return problems
        .filter((p) => p.status === 'adopted')
        .map((p): StaffRef => ({ kind: 'problem', id: p.id }))
  }
}

/** Every clerk's row: each figure is the length of its list (rates: two lists). */
export function staffReview(input: StaffInput, ctx: MetricContext, range: Range): StaffRow[] {
  const clerks = new Set<string>()
  for (const c of input.cases) clerks.add(c.firstResponder)
  for (const c of input.cases) if (c.revisitBy) clerks.add(c.revisitBy)
  for (const s of input.services) if (s.kind === 'consultation') clerks.add(s.staffNo)
  for (const t of input.tasks) clerks.add(t.clerk)
  for (const p of input.problems) clerks.add(p.staffNo)
  const rows: StaffRow[] = []
  for (const clerk of [...clerks].filter(Boolean).sort()) {
    const n = (list: StaffList) => staffRecords(input, ctx, range, clerk, list).length
    const row: StaffRow = {
      clerk,
      taken: n('taken'),
      handled: n('handled'),
      closed: n('closed'),
      onTime: ratio(n('onTimeMet'), n('onTimeDue')),
      followUps: n('followUps'),
      dissatisfaction: ratio(n('unsatisfied'), n('answered')),
      consultations: n('consultations'),
      conversion: ratio(n('converted'), n('withOutcome')),
      problems: n('problems'),
      adopted: n('adopted')
    }
    const any =
      row.taken +
      row.handled +
      row.closed +
      row.onTime.denominator +
      row.followUps +
      row.dissatisfaction.denominator +
      row.consultations +
      row.problems
    if (any > 0) rows.push(row)
  }
  return rows
}
