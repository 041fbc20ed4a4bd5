import type { Complaint } from '@shared/domain/complaint'
import { nextEscalationAt, overdueAt, type TimeRuleSettings } from '@shared/domain/timeRules'
import type { SyncedTable } from './schema'
import { customerKey } from '@shared/domain/counter/serviceStats'
import type { Customer } from '@shared/domain/customer'
import type { searchKeys as SearchKeys } from '@shared/domain/customerSearch'
import { revisitTaskKeys } from './revisitTaskKeys'
import { complaintClock } from './complaintClock'

// Index keys computed from a record (and the time rules), never typed by anyone and never synced:
// underscore fields, recomputed by the writer on every change (and by sync when it applies one).
// A key that does not apply is ABSENT, so the record is simply not in that (sparse) index:
// - _openAt     receivedAt of an open case → "open cases, newest/oldest first" reads only those
// - _overdueAt  when the case becomes 已超时 → "overdue now" is one index range, counts included
// - _escalateAt when its next escalation comes due → the sweep touches only cases that need it
//   (both in counted time: the case's pauses, `_pauses`, and the store's 停业日 do not count — issue 16;
//   with neither they are the plain deadlines, so nothing changes for a store that uses neither)
// - _keys        a customer's search keys (name, pinyin, phones, last 4, card) → search is a prefix read
// - _clerk       a customer's assigned clerk, '' when none → "unassigned" is an index read
// - _open, _status, _endedAt  a 回访任务's state from its attempts (revisitTaskKeys.ts)

export type DerivedFields = Record<string, string | number | string[] | (string | number)[] | undefined>
export type Derive = (table: SyncedTable, record: Record<string, unknown>) => DerivedFields | null

const ENDED = new Set(['closed', 'rejected'])

export function complaintKeys(
  c: Complaint & { _deleted?: 1; _pauses?: unknown },
  rules: TimeRuleSettings,
  closedDays: readonly string[] = []
): DerivedFields {
  if (c._deleted || ENDED.has(c.status))
    return { _openAt: undefined, _overdueAt: undefined, _escalateAt: undefined }
  const clock = complaintClock(c, rules, closedDays)
  return {
    _openAt: c.receivedAt,
    _overdueAt: overdueAt(c, rules, clock) ?? undefined,
    _escalateAt: nextEscalationAt(c, rules, clock) ?? undefined
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

// A customer's search keys need pinyin-pro, whose dictionaries are ~300 KB of the bundle and ~100 ms
// of main-thread work to build (2-core PC): they load in their own chunk, off the start-up path. The
// writer awaits loadCustomerSearch() before a transaction that could derive them (see Writer), the search
// before its first query; code that has customerSearch at hand (Node tools) may pass it to provideCustomerSearch.
type CustomerSearch = typeof import('@shared/domain/customerSearch')
let searchKeysOf: typeof SearchKeys | undefined
let customerSearch: CustomerSearch | undefined
let loadingCustomerSearch: Promise<CustomerSearch> | undefined

/** Whether customerKeys() can run now (else await loadCustomerSearch() first). */
export function searchKeysReady(): boolean {
  return searchKeysOf !== undefined
}

/** Loads customer search (shared/domain/customerSearch and pinyin-pro) once; later calls share it. */
export function loadCustomerSearch(): Promise<CustomerSearch> {
  if (customerSearch) return Promise.resolve(customerSearch)
  loadingCustomerSearch ??= import('@shared/domain/customerSearch').then(
    (m) => {
      searchKeysOf ??= m.searchKeys
      return (customerSearch = m)
    },
    (e: unknown) => {
      loadingCustomerSearch = undefined // a later call tries again
      throw e
    }
  )
  return loadingCustomerSearch
}

/** For code that imports customerSearch itself (benches in Node, whose loader cannot import it
 *  lazily): no loading needed. */
export function provideCustomerSearch(module: CustomerSearch): void {
  customerSearch = module
  searchKeysOf = module.searchKeys
}

export function customerKeys(c: Customer & { _deleted?: 1 }): DerivedFields {
  // Tombstoned and merged archives are not found by search; they stay readable by id.
  if (c._deleted) return { _keys: undefined, _clerk: undefined }
  if (!searchKeysOf)
    throw new Error('customer search keys are not loaded yet: await loadCustomerSearch() first')
  return {
    _keys: searchKeysOf({ name: c.name, phones: c.phones ?? [c.phone], memberNo: c.memberNo }),
    _clerk: c.assignedClerk ?? ''
  }
}

/** - _svc  a service to a customer (服务统计表): [time, 工号, customer key, outcome or ''] for a complaint
 *          (its first responder), a return (who registered it) and a consultation. Absent on a tombstone
 *          and on a record not complete yet (sync may bring an edit before its creation). */
export function serviceKey(
  table: 'complaints' | 'returns' | 'consultations',
  r: Record<string, unknown>
): DerivedFields {
  const at = table === 'complaints' ? r.receivedAt : r.createdAt
  const staffNo =
    table === 'complaints'
      ? r.firstResponder
      : table === 'returns'
        ? (r._created as { staffNo?: unknown } | undefined)?.staffNo
        : r.staffNo
  if (r._deleted || typeof at !== 'number' || typeof staffNo !== 'string' || typeof r.id !== 'string')
    return { _svc: undefined }
  const customer = customerKey({
    id: r.id,
    customerId: typeof r.customerId === 'string' ? r.customerId : null,
    customerPhone: typeof r.customerPhone === 'string' ? r.customerPhone : ''
  })
  const outcome = table === 'consultations' && typeof r.outcome === 'string' ? r.outcome : ''
  return { _svc: [at, staffNo, customer, outcome] }
}

/** The derivation the writer applies to every record it writes. */
export function deriveWith(
  rules: () => TimeRuleSettings,
  closedDays: () => readonly string[] = () => []
): Derive {
  return (table, record) => {
    if (table === 'complaints')
      return {
        ...complaintKeys(record as unknown as Complaint, rules(), closedDays()),
        ...serviceKey(table, record)
      }
    if (table === 'customers') return customerKeys(record as unknown as Customer)
    if (table === 'returns' || table === 'consultations') return serviceKey(table, record)
    if (table === 'revisitTasks') return revisitTaskKeys(record)
    return null
  }
}
