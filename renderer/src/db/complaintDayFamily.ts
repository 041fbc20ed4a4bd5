import type { Category, Channel, ComplaintStatus, Satisfaction } from '@shared/domain/complaint'
import type { ReportCase } from '@shared/domain/metrics/report'
import type { Interval } from '@shared/domain/clock/businessClock'
import type { DayRowFamily } from './dayRows'
import type { SyncedRecords, SyncedTable } from './schema'

// Complaints for 统计报表 (reports.ts): each complaint is one line with the fields the metrics read,
// filed under every local day on which it can count — receipt, first response, accepted result,
// follow-up, close (a year is ~365 rows read at once instead of 200 000 records). The limits' last
// moments depend on the time rules, closed days and pauses, which change without the complaint
// changing, so they are not filing days: the reader reads a look-back before the period instead
// (reports.ts LOOKBACK_DAYS).

type StoredComplaint = SyncedRecords['complaints']

/** The local date (YYYY-MM-DD) — dayjs(ms).format('YYYY-MM-DD') without dayjs: a rebuild places every
 *  complaint on several days, and dayjs' formatting was ~15 % of rebuilding 200 000 (profile). */
export const localDate = (ms: number): string => {
  const d = new Date(ms)
  const m = d.getMonth() + 1
  const dd = d.getDate()
  return `${String(d.getFullYear()).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`
}
/** free text inside a line: no tab, no newline */
const flat = (s: unknown) => (typeof s === 'string' ? s.replace(/[\t\r\n]+/g, ' ') : '')
const num = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '')

function complete(table: SyncedTable, record: object): StoredComplaint | null {
  const c = record as Partial<StoredComplaint>
  if (table !== 'complaints' || c._deleted || typeof c.id !== 'string') return null
  // not complete yet: an edit that arrived before its creation
  if (!c._created || typeof c.receivedAt !== 'number' || typeof c.status !== 'string') return null
  return c as StoredComplaint
}

export function complaintLine(c: StoredComplaint): string {
  return [
    c.id,
    flat(c.no),
    c.status,
    c.receivedAt,
    num(c.firstResponseAt),
    num(c.resolvedAt),
    num(c.closedAt),
    num(c.revisit?.at),
    c.revisit?.satisfaction ?? '',
    c.escalationLevel ?? 0,
    flat(c.customerId),
    flat(c.category),
    flat(c.department),
    flat(c.firstResponder),
    flat(c.channel),
    flat(c.product),
    pausesField(c._pauses),
    flat(c.revisit?.by)
  ].join('\t')
}

/** The case's paused intervals (its local `_pauses`, complaintPauses.ts) as `from-to,from-to`; an open
 *  pause is `from-`. In the line so a pause or resume moves the line and the reports' limits leave
 *  paused time out. */
export function pausesField(pauses: StoredComplaint['_pauses']): string {
  return (pauses ?? []).map((p) => `${p.from}-${p.to ?? ''}`).join(',')
}

export function parsePausesField(field: string | undefined): Interval[] | undefined {
  if (!field) return undefined
  return field.split(',').map((part) => {
    const [from, to] = part.split('-') as [string, string | undefined]
    return { from: Number(from), to: to ? Number(to) : Infinity }
  })
}

const opt = (s: string | undefined) => (s ? Number(s) : null)

export function parseComplaintLine(line: string): ReportCase {
  const f = line.split('\t')
  const revisitAt = opt(f[7])
  const c: ReportCase = {
    id: f[0] as string,
    no: f[1] as string,
    status: f[2] as ComplaintStatus,
    receivedAt: Number(f[3]),
    firstResponseAt: opt(f[4]),
    resolvedAt: opt(f[5]),
    closedAt: opt(f[6]),
    revisit: revisitAt === null ? null : { at: revisitAt, satisfaction: f[8] as Satisfaction },
    escalationLevel: Number(f[9]) as 0 | 1 | 2,
    customerId: f[10] as string,
    category: f[11] as Category,
    department: f[12] as string,
    firstResponder: f[13] as string,
    channel: f[14] as Channel,
    product: f[15] ?? ''
  }
  // set only when present (a year parses ~150 000 lines: no spread objects)
  if (f[16]) c.pauses = parsePausesField(f[16])
  if (f[17]) c.revisitBy = f[17]
  return c
}

export function complaintDays(c: StoredComplaint): string[] {
  const at = [c.receivedAt, c.firstResponseAt, c.resolvedAt, c.closedAt, c.revisit?.at]
  return [...new Set(at.filter((t): t is number => typeof t === 'number').map(localDate))].sort()
}

export const complaintFamily: DayRowFamily = {
  store: 'complaintDays',
  place(table, record) {
    const c = complete(table, record)
    return c ? { key: c.id, line: complaintLine(c), days: complaintDays(c) } : null
  }
}
