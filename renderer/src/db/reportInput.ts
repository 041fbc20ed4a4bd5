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
  /** each row's key (its day and part), in the order of the rows: a row the worker already holds
   *  crosses as its key alone (rowMirror.ts; its text then null) */
  rowKeys?: { complaints: string[]; services: string[]; tasks: string[] }
}

/** A report's rows as they cross to the worker: a text it already holds is null (rowMirror.ts). */
export interface SentReportInput extends Omit<RawReportInput, 'complaintRows' | 'serviceRows' | 'taskRows'> {
  complaintRows: (string | null)[]
  serviceRows: { at: number; lines: string | null }[]
  taskRows: (string | null)[]
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

/** What was parsed from each row text of the last two calls (a report's rows, then the next one's). */
class RowMemo<T> {
  private now = new Map<string, { tag: number; items: T[] }>()
  private before = new Map<string, { tag: number; items: T[] }>()
  private next = new Map<string, { tag: number; items: T[] }>()

  /** The items of a row text (`tag`: what else they depend on, e.g. the row's day). */
  items(text: string, tag: number, parse: () => T[]): T[] {
    const kept = this.next.get(text) ?? this.now.get(text) ?? this.before.get(text)
    const entry = kept && kept.tag === tag ? kept : { tag, items: parse() }
    this.next.set(text, entry)
    return entry.items
  }

  /** The call is over: what it did not ask for is forgotten after the next one. */
  turn(): void {
    this.before = this.now
    this.now = this.next
    this.next = new Map()
  }
}

/** A report's records from its rows, each record once, keeping what it parsed for the rows of the last
 *  two reports: the next report (another period, the same one again) parses only the days whose rows
 *  changed. A kept record is the same object again, so what was computed for it (a case's limits) is
 *  kept too. */
export class ReportInputParser {
  private cases = new RowMemo<ReportCase>()
  private services = new RowMemo<ReportService>()
  private tasks = new RowMemo<ReportTask>()

  parse(raw: RawReportInput): { cases: ReportCase[]; services: ReportService[]; tasks: ReportTask[] } {
    const cases = once(
      raw.complaintRows.map((row) => (row ? this.cases.items(row, 0, () => casesOfRows([row])) : []))
    )
    const services = raw.serviceRows.flatMap((row) =>
      row.lines ? this.services.items(row.lines, row.at, () => servicesOfRows([row])) : []
    )
    const tasks = once(
      raw.taskRows.map((row) => (row ? this.tasks.items(row, 0, () => tasksOfRows([row])) : []))
    )
    this.cases.turn()
    this.services.turn()
    this.tasks.turn()
    return { cases, services, tasks }
  }
}

/** The records of several rows, each once (a complaint is filed under several days). */
function once<T extends { id: string }>(lists: readonly T[][]): T[] {
  const seen = new Set<string>()
  const out: T[] = []
  for (const list of lists)
    for (const item of list) {
      if (seen.has(item.id)) continue
      seen.add(item.id)
      out.push(item)
    }
  return out
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
