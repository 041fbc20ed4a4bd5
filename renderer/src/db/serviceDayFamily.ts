import dayjs from 'dayjs'
import type { ServiceKind } from '@shared/domain/counter/serviceStats'
import type { DayRowFamily } from './dayRows'
import type { SyncedTable } from './schema'

// Services (服务统计表): a consultation, a complaint (its 首问负责人) or a return, filed under the local
// day it happened, as `kind:id \t 工号 \t customer key \t outcome` from its _svc key (derived.ts).

export const SERVICE_KIND_OF: Partial<Record<SyncedTable, ServiceKind>> = {
  consultations: 'consultation',
  complaints: 'complaint',
  returns: 'return'
}

type Row = { id?: unknown; _svc?: unknown; _deleted?: 1 }
export type Svc = [number, string, string, string]

export function serviceLine(kind: ServiceKind, id: string, svc: Svc): { key: string; line: string } {
  const [, staffNo, customer, outcome] = svc
  const key = `${kind}:${id}`
  return { key, line: [key, staffNo, customer, outcome].join('\t') }
}

export const serviceFamily: DayRowFamily = {
  store: 'serviceDays',
  place(table, record) {
    const kind = SERVICE_KIND_OF[table]
    const r = record as Row
    if (!kind || r._deleted || !Array.isArray(r._svc) || typeof r.id !== 'string') return null
    const svc = r._svc as Svc
    return { ...serviceLine(kind, r.id, svc), days: [dayjs(svc[0]).format('YYYY-MM-DD')] }
  }
}
