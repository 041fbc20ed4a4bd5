import type { Complaint } from '../../../shared/domain/complaint'
import { nextEscalationAt, overdueAt, type TimeRuleSettings } from '../../../shared/domain/timeRules'
import type { SyncedTable } from './schema'

// Index keys computed from a record (and the time rules), never typed by anyone and never synced:
// underscore fields, recomputed by the writer on every change (and by sync when it applies one).
// A key that does not apply is ABSENT, so the record is simply not in that (sparse) index:
// - _openAt     receivedAt of an open case → "open cases, newest/oldest first" reads only those
// - _overdueAt  when the case becomes 已超时 → "overdue now" is one index range, counts included
// - _escalateAt when its next escalation comes due → the sweep touches only cases that need it

export type DerivedFields = Record<string, string | number | string[] | undefined>
export type Derive = (table: SyncedTable, record: Record<string, unknown>) => DerivedFields | null

const ENDED = new Set(['closed', 'rejected'])

export function complaintKeys(c: Complaint & { _deleted?: 1 }, rules: TimeRuleSettings): DerivedFields {
  if (c._deleted || ENDED.has(c.status)) return { _openAt: undefined, _overdueAt: undefined, _escalateAt: undefined }
  return {
    _openAt: c.receivedAt,
    _overdueAt: overdueAt(c, rules) ?? undefined,
    _escalateAt: nextEscalationAt(c, rules) ?? undefined
  }
}

/** The record with its derived fields set (or removed when absent). */
export function withDerived<T extends object>(record: T, fields: DerivedFields | null): T {
  if (!fields) return record
  const next = { ...record } as Record<string, unknown>
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete next[k]
    else next[k] = v
  }
  return next as T
}
