import type { SyncTable } from './change'

// Free-text fields people write at length (shared/domain/complaint.ts, customer.ts, returns.ts).
// When two PCs write different text to one of these, the losing text is reported as a conflict to
// review instead of vanishing. Short, structured fields (status, amounts, phones) just take the newest
// value. Nested texts (complaint plan/result/revisit) are not listed: those objects change through the
// workflow (propose → approve) on different PCs in turn, and every step would look like a conflict.
export const LONG_TEXT_FIELDS: Readonly<Record<SyncTable, ReadonlySet<string>>> = {
  complaints: new Set(['content', 'demand', 'explanation']),
  customers: new Set(['notes', 'needs']),
  returns: new Set(['reason']),
  staff: new Set(),
  events: new Set(),
  settings: new Set(),
  handovers: new Set(['notes']),
  // an attempt is a field of its own, written once by one PC: nothing to lose
  revisitTasks: new Set(),
  consultations: new Set(['question', 'answer']),
  problems: new Set(['description']),
  // a clerk's own remark, edited only by that clerk: a second PC's text is theirs too
  workReports: new Set(['remark']),
  dailyFigures: new Set(),
  // 操作日志 entries are never edited (append-only, merge.ts)
  auditLog: new Set()
}

export function isLongText(table: SyncTable, field: string): boolean {
  return LONG_TEXT_FIELDS[table].has(field)
}
