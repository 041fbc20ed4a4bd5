import dayjs from 'dayjs'
import type { RecordRef } from '@shared/domain/metrics/report'
import type { Category, ComplaintStatus } from '@shared/domain/complaint'
import type { DataContext } from './context'
import { complaintsByIds } from './complaintReads'

/** One row of a drill-down list, loaded for the page shown. */
export interface DrillRow {
  ref: RecordRef
  /** when it happened (receipt, consultation, return, task window) */
  at: number
  /** complaint number, or '' */
  no: string
  customerName: string
  category: Category | ''
  department: string
  status: ComplaintStatus | string
  staffNo: string
}

/** The records of a page of drill-down refs (in the refs' order); a record gone since is left out. */
export async function drillDownRows(ctx: DataContext, refs: readonly RecordRef[]): Promise<DrillRow[]> {
  const ids = (kind: RecordRef['kind']) => refs.filter((r) => r.kind === kind).map((r) => r.id)
  // only the tables the page has records of (a read of nothing still opens a transaction)
  const read = <T>(
    table: { bulkGet(keys: string[]): Promise<(T | undefined)[]> },
    kind: RecordRef['kind']
  ) => {
    const keys = ids(kind)
    return keys.length ? table.bulkGet(keys) : Promise.resolve([] as (T | undefined)[])
  }
  const [complaints, consultations, returns, tasks, problems] = await Promise.all([
    read({ bulkGet: (keys: string[]) => complaintsByIds(ctx.db, keys) }, 'complaint'),
    read(ctx.db.consultations, 'consultation'),
    read(ctx.db.returns, 'return'),
    read(ctx.db.revisitTasks, 'task'),
    read(ctx.db.problems, 'problem')
  ])
  const byId = new Map<string, Omit<DrillRow, 'ref'>>()
  // what a record of that kind does not have stays empty
  const put = (key: string, row: Partial<Omit<DrillRow, 'ref'>> & { at: number }) =>
    byId.set(key, { no: '', customerName: '', category: '', department: '', status: '', staffNo: '', ...row })
  for (const c of complaints)
    if (c)
      put(`complaint:${c.id}`, {
        at: c.receivedAt,
        no: c.no,
        customerName: c.customerName,
        category: c.category,
        department: c.department,
        status: c.status,
        staffNo: c.firstResponder
      })
  for (const c of consultations)
    if (c)
      put(`consultation:${c.id}`, {
        at: c.createdAt,
        customerName: c.customerName ?? '',
        status: c.outcome ?? '',
        staffNo: c.staffNo
      })
  for (const r of returns)
    if (r)
      put(`return:${r.id}`, {
        at: r.createdAt,
        customerName: r.customerName ?? '',
        status: r.status,
        staffNo: r._created.staffNo
      })
  for (const t of tasks)
    if (t)
      put(`task:${t.id}`, {
        at: t.windowStart,
        customerName: t.customerName ?? '',
        status: t._status ?? '',
        staffNo: t.clerk
      })
  for (const p of problems)
    if (p) put(`problem:${p.id}`, { at: p.createdAt, status: p.status, staffNo: p.staffNo })
  // a day's 客流 / 成交笔数 (服务投诉率 from the daily figures): the figure is in the ref itself
  for (const ref of refs)
    if (ref.kind === 'dailyFigure') put(`dailyFigure:${ref.id}`, { at: dayjs(ref.id).valueOf() })
  return refs.flatMap((ref) => {
    const row = byId.get(`${ref.kind}:${ref.id}`)
    return row ? [{ ref, ...row }] : []
  })
}
