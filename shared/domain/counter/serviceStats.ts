import type { ConsultOutcome } from './consultation'
import { inRange, type TimeRange } from './week'

// 服务统计表 (docs/counter-log.md §formulas): per clerk and period —
//   服务人数     distinct customers the clerk served at the counter in the period: consultations,
//                complaints registered (as first responder) and returns registered. A customer is
//                their archive, else their phone; an anonymous walk-in is its own customer, so it
//                counts once per record.
//   咨询数       consultations the clerk logged in the period.
//   已成交       those consultations whose outcome is 已成交 — also when the sale came on a later day:
//                it counts in the period of the consultation (a cohort), so the rate never passes 100 %
//                and a printed sheet of a past day can rise when a 考虑中 converts.
//   成交转化率   已成交 ÷ consultations with an outcome; none with an outcome → null (shown "—").
// The total row counts a customer served by two clerks once.

export type ServiceKind = 'consultation' | 'complaint' | 'return'

/** One service to one customer, as the statistics need it (the data layer reads these from indexes). */
export interface ServiceFact {
  kind: ServiceKind
  staffNo: string
  at: number
  /** customerKey() of the record */
  customer: string
  /** consultations only; null = not known yet */
  outcome?: ConsultOutcome | null
}

/** Who was served: the archive, else the phone, else this very record (an anonymous walk-in). */
export function customerKey(r: { id: string; customerId?: string | null; customerPhone?: string }): string {
  if (r.customerId) return `c:${r.customerId}`
  if (r.customerPhone) return `p:${r.customerPhone}`
  return `a:${r.id}`
}

export interface ServiceFigures {
  /** '' on the total row */
  staffNo: string
  served: number
  consultations: number
  withOutcome: number
  converted: number
  /** converted ÷ withOutcome, or null when withOutcome is 0 */
  rate: number | null
}

export function conversionRate(converted: number, withOutcome: number): number | null {
  return withOutcome === 0 ? null : converted / withOutcome
}

interface Acc {
  customers: Set<string>
  consultations: number
  withOutcome: number
  converted: number
}

const emptyAcc = (): Acc => ({ customers: new Set(), consultations: 0, withOutcome: 0, converted: 0 })

function add(acc: Acc, f: ServiceFact): void {
  acc.customers.add(f.customer)
  if (f.kind !== 'consultation') return
  acc.consultations++
  if (f.outcome) acc.withOutcome++
  if (f.outcome === 'converted') acc.converted++
}

function figures(staffNo: string, acc: Acc): ServiceFigures {
  return {
    staffNo,
    served: acc.customers.size,
    consultations: acc.consultations,
    withOutcome: acc.withOutcome,
    converted: acc.converted,
    rate: conversionRate(acc.converted, acc.withOutcome)
  }
}

export interface ServiceStats {
  /** one row per clerk with any service in the range, by 工号 */
  rows: ServiceFigures[]
  total: ServiceFigures
}

/** The sheet for `range` from any facts (those outside the range are ignored). */
export function serviceStats(facts: Iterable<ServiceFact>, range: TimeRange): ServiceStats {
  const perClerk = new Map<string, Acc>()
  const total = emptyAcc()
  for (const f of facts) {
    if (!inRange(f.at, range)) continue
    let acc = perClerk.get(f.staffNo)
    if (!acc) perClerk.set(f.staffNo, (acc = emptyAcc()))
    add(acc, f)
    add(total, f)
  }
  const rows = [...perClerk]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([staffNo, acc]) => figures(staffNo, acc))
  return { rows, total: figures('', total) }
}

/** One clerk's figures (zeros when they served nobody): 工作台's "my figures today". */
export function figuresOf(stats: ServiceStats, staffNo: string): ServiceFigures {
  return stats.rows.find((r) => r.staffNo === staffNo) ?? figures(staffNo, emptyAcc())
}
