import type { ConsultOutcome } from '@shared/domain/counter/consultation'
import type { ReportCase, ReportService, ReportTask, ServedFigures } from '@shared/domain/metrics/report'
import { parseComplaintLine } from './complaintDayFamily'
import { parseDueLine } from './taskDayFamily'

// A report's input as it leaves IndexedDB: the day rows' texts, unsplit. Splitting, de-duplicating and
// parsing a year's 150 000 lines is work, so it is done where the counting is (the reports worker),
// and a row's text crosses to it as one string, not as thousands of objects to clone.

/** A row of services with the start of its local day (service lines carry no time of their own). */
export interface ServiceRow {
  at: number
  lines: string
}

/** What the day rows gave for a report. */
export interface RawReportInput {
  /** complaintDays rows' texts; a complaint filed under several days appears in several rows */
  complaintRows: string[]
  serviceRows: ServiceRow[]
  /** taskDays (due) rows' texts */
  taskRows: string[]
  /** 服务投诉率 from the daily figures (the setting servedFrom); absent = the counter log */
  served?: ServedFigures
}

const keyOf = (line: string) => line.slice(0, line.indexOf('\t'))

/** Each line of the rows once (a record filed under several days is read once). */
export function uniqueLines(rows: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const row of rows) {
    if (!row) continue
    for (const line of row.split('\n')) {
      const key = keyOf(line)
      if (seen.has(key)) continue
      seen.add(key)
      out.push(line)
    }
  }
  return out
}

/** Complaints of the rows, once each. */
export function casesOfRows(rows: readonly string[]): ReportCase[] {
  return uniqueLines(rows).map(parseComplaintLine)
}

/** Complaints of the rows, once each, keeping what it parsed for the rows of the last two calls: the
 *  next report (another period, the same one again) parses only the days whose rows changed. A kept
 *  case object is the same object again, so what was computed for it (its limits) is kept too. */
export class ParsedComplaintRows {
  private now = new Map<string, ReportCase[]>()
  private before = new Map<string, ReportCase[]>()

  casesOf(rows: readonly string[]): ReportCase[] {
    const next = new Map<string, ReportCase[]>()
    const seen = new Set<string>()
    const out: ReportCase[] = []
    for (const row of rows) {
      if (!row) continue
      let cases = next.get(row) ?? this.now.get(row) ?? this.before.get(row)
      if (!cases) cases = row.split('\n').map(parseComplaintLine)
      next.set(row, cases)
      for (const c of cases) {
        if (seen.has(c.id)) continue
        seen.add(c.id)
        out.push(c)
      }
    }
    this.before = this.now
    this.now = next
    return out
  }
}

/** Consultations and returns of service rows (other kinds of service line are not counted). */
export function servicesOfRows(rows: readonly ServiceRow[]): ReportService[] {
  const out: ReportService[] = []
  for (const row of rows) {
    if (!row.lines) continue
    for (const line of row.lines.split('\n')) {
      const [key, staffNo, customerKey, outcome] = line.split('\t') as [string, string, string, string]
      const colon = key.indexOf(':')
      const kind = key.slice(0, colon)
      if (kind !== 'consultation' && kind !== 'return') continue
      out.push({
        kind,
        id: key.slice(colon + 1),
        at: row.at,
        staffNo,
        customerKey,
        outcome: kind === 'consultation' ? ((outcome || null) as ConsultOutcome | null) : null
      })
    }
  }
  return out
}

/** 回访任务 of the rules other than 投诉回访 (complaints' own follow-ups count from the complaint). */
export function tasksOfRows(rows: readonly string[]): ReportTask[] {
  return uniqueLines(rows)
    .map(parseDueLine)
    .filter((t) => t.rule !== 'complaint' && Number.isFinite(t.windowStart))
    .map((t) => {
      const endedAt = t.state.endedAt ?? null
      const satisfaction = t.state.final?.satisfaction
      return {
        id: t.id,
        rule: t.rule,
        clerk: t.clerk,
        windowStart: t.windowStart,
        doneAt: t.state.status === 'done' ? endedAt : null,
        answer: endedAt !== null && satisfaction ? { at: endedAt, satisfaction } : null
      }
    })
}
