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
  type ReportTask
} from '@shared/domain/metrics/report'
import { parseComplaintLine } from './complaintDayFamily'

// The computing half of 统计报表 (reports.ts reads, this counts): plain data in, plain data out, so it
// runs in a worker (reportsWorker.ts) off the UI thread, or inline where there is no Worker (tests).

/** What the day rows gave: complaint lines as stored, services and tasks already parsed. */
export interface RawReportInput {
  lines: string[]
  services: ReportService[]
  tasks: ReportTask[]
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

export type ComputeResult<R extends ComputeRequest> = R extends { kind: 'overview' } ? Overview : RecordRef[]

export function compute(req: ComputeRequest): Overview | RecordRef[] {
  const input = applyFilters(
    { cases: req.raw.lines.map(parseComplaintLine), services: req.raw.services, tasks: req.raw.tasks },
    req.filters
  )
  if (req.kind === 'overview') return overview(input, req.ctx, req.ranges, req.by)
  return drillDown(touching(input, req.ctx, req.range), req.ctx, req.range, req.target)
}
