import dayjs from 'dayjs'
import {
  anomalyReport,
  anomalySettingsSchema,
  DEFAULT_ANOMALY_SETTINGS,
  type AnomalyReport,
  type AnomalySettings,
  type EscalationMark
} from '@shared/domain/metrics/anomalies'
import { answeredFollowUps, type AnsweredFollowUp } from '@shared/domain/metrics/rates'
import { periodRange, type Range } from '@shared/domain/metrics/period'
import type { ReportCase } from '@shared/domain/metrics/report'
import { closedDayIntervals } from '@shared/domain/clock/closedDays'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { readDayLines } from './dayRows'
import { parseComplaintLine } from './complaintDayFamily'
import { complaintDaysBuiltKey, ensureComplaintDays } from './complaintDays'
import { ensureTaskDays, readTaskDays } from './taskDays'
import { getClosedDays } from './closedDays'
import { getStaffByNo } from './staff'
import { LOOKBACK_DAYS } from './reports'
import { eventsOf } from './timelineReads'

// 质量异常分析日报表 (issue 16, docs/metrics.md §5 and §9): the pure rules of
// shared/domain/metrics/anomalies.ts applied to one day's records, read from the complaint day rows.
// Decisions:
// - The cases: complaint lines filed from (D − 28 − max(LOOKBACK_DAYS, repeat window)) to D, so the
//   four baseline days' overdue cases (limits fall within the look-back of a filing day) and the
//   repeat window before D's complaints are all there. No filter of the filter bar applies: the report
//   is the store's day.
// - Escalations: the level-2 `escalated` timeline events (recorded by the sweep, dated at their
//   counted deadline) of the cases whose line says level 2, read by [subjectId+at] for the day only.
// - Follow-ups: complaints' 回访 plus the final answers of 回访任务 of the other rules (as 总览).
// - The thresholds: the synced settings record 'reports' (one field each); absent = the defaults of
//   anomalies.ts. Only an active 客服经理 changes them, refused in the data layer too.

export const REPORT_SETTINGS_ID = 'reports'

export class AnomalySettingsRefusedError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues[0]?.message ?? 'validation.range')
  }
}

export function readAnomalySettings(stored: SyncedRecords['settings'] | undefined): AnomalySettings {
  if (stored?.id !== REPORT_SETTINGS_ID || stored._deleted) return DEFAULT_ANOMALY_SETTINGS
  const parsed = anomalySettingsSchema.safeParse({
    spikePercent: stored.spikePercent,
    spikeMinCount: stored.spikeMinCount,
    repeatWindowDays: stored.repeatWindowDays
  })
  return parsed.success ? parsed.data : DEFAULT_ANOMALY_SETTINGS
}

export async function getAnomalySettings(ctx: DataContext): Promise<AnomalySettings> {
  return readAnomalySettings(await ctx.db.settings.get(REPORT_SETTINGS_ID))
}

/** Saves the thresholds (客服经理 only). Refusals are thrown before anything is written. */
export async function saveAnomalySettings(
  ctx: DataContext,
  staffNo: string,
  input: AnomalySettings
): Promise<AnomalySettings> {
  const parsed = anomalySettingsSchema.safeParse(input)
  if (!parsed.success)
    throw new AnomalySettingsRefusedError(
      // one clear message per field: its bounds ('reports.anomalyPage.bad.spikePercent' …)
      [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].map((field) => ({
        path: field,
        message: `reports.anomalyPage.bad.${field}`
      }))
    )
  return ctx.writer.transact(staffNo, async (tx) => {
    const who = await getStaffByNo(ctx, staffNo)
    if (!who?.active || who.role !== 'manager')
      throw new AnomalySettingsRefusedError([{ path: '', message: 'reports.anomalyPage.managerOnly' }])
    if (await ctx.db.settings.get(REPORT_SETTINGS_ID))
      await tx.update('settings', REPORT_SETTINGS_ID, { ...parsed.data })
    else await tx.create('settings', { id: REPORT_SETTINGS_ID, ...parsed.data })
    return parsed.data
  })
}

export interface AnomalyResult extends AnomalyReport {
  asOf: number
  settings: AnomalySettings
  range: Range
}

const FMT = 'YYYY-MM-DD'

/** The records the report of `day` reads: complaint lines, level-2 escalations, answered follow-ups. */
async function anomalyInput(ctx: DataContext, day: string, s: AnomalySettings) {
  const db = ctx.db
  if (!(await db.meta.get(complaintDaysBuiltKey()))) await ensureComplaintDays(db)
  await ensureTaskDays(db)
  const range = periodRange({ kind: 'day', from: day, to: day })
  const back = 28 + Math.max(LOOKBACK_DAYS, s.repeatWindowDays + 1)
  const first = dayjs(day).subtract(back, 'day').format(FMT)
  const cases: ReportCase[] = (await readDayLines(db, 'complaintDays', first, day)).map(parseComplaintLine)
  const escalations: EscalationMark[] = []
  for (const c of cases.filter((c) => c.escalationLevel === 2)) {
    const events = await eventsOf(db, c.id, { from: range.start, to: range.end, toOpen: true })
    for (const e of events)
      if (e.type === 'escalated' && !e._deleted && (e.data as { level?: unknown }).level === 2)
        escalations.push({ caseId: c.id, level: 2, at: e.at })
  }
  const tasks = (await readTaskDays(db, range.start - LOOKBACK_DAYS * 86_400_000, range.end)) ?? []
  const followUps: AnsweredFollowUp[] = [...answeredFollowUps(cases)]
  for (const t of tasks) {
    const endedAt = t.state.endedAt ?? null
    const satisfaction = t.state.final?.satisfaction
    if (t.rule !== 'complaint' && endedAt !== null && satisfaction)
      followUps.push({ caseId: t.id, at: endedAt, satisfaction })
  }
  return { range, cases, escalations, followUps, taskIds: new Set(tasks.map((t) => t.id)) }
}

/** 质量异常分析日报表 of one local date (YYYY-MM-DD). */
export async function reportAnomalies(ctx: DataContext, day: string): Promise<AnomalyResult> {
  const asOf = ctx.now()
  const settings = await getAnomalySettings(ctx)
  const { range, cases, escalations, followUps } = await anomalyInput(ctx, day, settings)
  const closed = await getClosedDays(ctx)
  const mctx = {
    rules: ctx.timeRules,
    closedDays: closedDayIntervals(closed, ctx.timeRules.storeDayEndsAt),
    asOf
  }
  const report = anomalyReport(day, { cases, escalations, followUps }, mctx, settings)
  return { ...report, asOf, settings, range }
}

/** Which of a flag's ids are 回访任务 (the others are complaints): for the drill-down list. */
export async function anomalyTaskIds(ctx: DataContext, ids: readonly string[]): Promise<string[]> {
  const tasks = await ctx.db.revisitTasks.bulkGet([...ids])
  return tasks.flatMap((t) => (t ? [t.id] : []))
}
