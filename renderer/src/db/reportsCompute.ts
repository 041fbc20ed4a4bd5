import type { Range } from '@shared/domain/metrics/period'
import type { MetricContext } from '@shared/domain/metrics/timeLimits'
import {
  applyFilters,
  drillDown,
  overview,
  touching,
  type DrillTarget,
  type Granularity,
  type Overview,
  type RecordRef,
  type ReportFilters,
  type ReportService,
  type ReportTask,
  type ServedFigures
} from '@shared/domain/metrics/report'
import { timeliness, type Timeliness } from '@shared/domain/metrics/timeliness'
import {
  staffRecords,
  staffReview,
  type ReportProblem,
  type StaffList,
  type StaffRef,
  type StaffRow
} from '@shared/domain/metrics/staffReview'
import { parseComplaintLine } from './complaintDayFamily'

// The computing half of 统计报表 (reports.ts reads, this counts): plain data in, plain data out, so it
// runs in a worker (reportsWorker.ts) off the UI thread, or inline where there is no Worker (tests).

/** What the day rows gave: complaint lines as stored, services and tasks already parsed. */
export interface RawReportInput {
  lines: string[]
  services: ReportService[]
  tasks: ReportTask[]
  /** 服务投诉率 from the daily figures (the setting servedFrom); absent = the counter log */
  served?: ServedFigures
}

export type ComputeRequest =
  | {
      kind: 'overview'
      raw: RawReportInput
      filters: ReportFilters
      ctx: MetricContext
      ranges: { current: Range; previous: Range }
      by: Granularity
    }
  | {
      kind: 'drill'
      raw: RawReportInput
      filters: ReportFilters
      ctx: MetricContext
      range: Range
      target: DrillTarget
    }
  | {
      kind: 'timeliness'
      raw: RawReportInput
      filters: ReportFilters
      ctx: MetricContext
      range: Range
      by: Granularity
    }
  | {
      kind: 'staff'
      raw: RawReportInput
      problems: ReportProblem[]
      filters: ReportFilters
      ctx: MetricContext
      range: Range
    }
  | {
      kind: 'staffDrill'
      raw: RawReportInput
      problems: ReportProblem[]
      filters: ReportFilters
      ctx: MetricContext
      range: Range
      clerk: string
      list: StaffList
    }

export type ComputeResult = Overview | RecordRef[] | Timeliness | StaffRow[] | StaffRef[]

export function compute(req: ComputeRequest): ComputeResult {
  const input = applyFilters(
    {
      cases: req.raw.lines.map(parseComplaintLine),
      services: req.raw.services,
      tasks: req.raw.tasks,
      ...(req.raw.served ? { served: req.raw.served } : {})
    },
    req.filters
  )
  switch (req.kind) {
    case 'overview':
      return overview(input, req.ctx, req.ranges, req.by)
    case 'drill':
      return drillDown(touching(input, req.ctx, req.range), req.ctx, req.range, req.target)
    case 'timeliness':
      return timeliness(input, req.ctx, req.range, req.by)
    case 'staff':
    case 'staffDrill': {
      const problems = req.filters.clerk
        ? req.problems.filter((p) => p.staffNo === req.filters.clerk)
        : req.problems
      const staffInput = { ...touching(input, req.ctx, req.range), problems }
      return req.kind === 'staff'
        ? staffReview(staffInput, req.ctx, req.range)
        : staffRecords(staffInput, req.ctx, req.range, req.clerk, req.list)
    }
  }
}
