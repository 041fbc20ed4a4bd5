import dayjs from 'dayjs'
import type { ServiceFact, ServiceKind } from '@shared/domain/counter/serviceStats'
import type { ConsultOutcome } from '@shared/domain/counter/consultation'
import type { TimeRange } from '@shared/domain/counter/week'
import type { DeskDatabase } from './database'
import { dayOfRow, linesOf, readDayRows, replaceDayRows } from './dayRows'
import { SERVICE_KIND_OF, serviceLine, type Svc } from './serviceDayFamily'
import { historyPending } from './historyLoad'
import { eachPackedRow } from './packedHistory'
import { localDate } from './complaintDayFamily'

const REBUILD_PAGE = 5_000

// 服务统计表 over long periods. A year holds ~150 000 services; walking the _svc index for them takes
// ~2 s in Chromium (one cursor step per key), and 服务人数 counts DISTINCT customers, so it cannot be
// summed from counters. So the writer keeps each local day's services as one row (dayRows.ts, family
// serviceDayFamily.ts): a year is ~365 rows read at once.

const TABLES = ['consultations', 'complaints', 'returns'] as const

/** v2 (lines keyed kind:id); the zone is part of the key because days are local: a PC moved to another
 *  zone rebuilds. */
export function serviceDaysBuiltKey(): string {
  return `serviceDays.built.v2:${Intl.DateTimeFormat().resolvedOptions().timeZone}`
}

/** The services of the whole local days in `range`, or undefined when the rows are not built yet. */
export async function readServiceDays(
  db: DeskDatabase,
  range: TimeRange
): Promise<ServiceFact[] | undefined> {
  if (!(await db.meta.get(serviceDaysBuiltKey()))) return undefined
  const first = dayjs(range.start).format('YYYY-MM-DD')
  const last = dayjs(range.end - 1).format('YYYY-MM-DD')
  const rows = await readDayRows(db, 'serviceDays', first, last)
  const facts: ServiceFact[] = []
  for (const row of rows) {
    const at = dayjs(dayOfRow(row.day)).valueOf()
    for (const line of linesOf(row)) {
      const [key, staffNo, customer, outcome] = line.split('\t') as [string, string, string, string]
      const kind = key.slice(0, key.indexOf(':')) as ServiceKind
      facts.push(
        kind === 'consultation'
          ? { kind, at, staffNo, customer, outcome: (outcome || null) as ConsultOutcome | null }
          : { kind, at, staffNo, customer }
      )
    }
  }
  return facts
}

/** Rebuilds from the records' service keys when missing (first start after an upgrade, a zone change,
 *  or data loaded by other means). Keys only: no record is loaded. */
export async function ensureServiceDays(db: DeskDatabase): Promise<void> {
  const built = serviceDaysBuiltKey()
  if (await db.meta.get(built)) return
  // Not while a join's history loads: see ensureComplaintDays.
  if (await historyPending(db)) return
  await db.transaction('rw', [...TABLES, 'complaintPacks', 'serviceDays', 'meta'], async () => {
    await rebuildServiceDays(db)
    await db.meta.put({ key: built, value: true })
  })
}

/** The rows rebuilt from the records' keys, in the caller's transaction or one of its own without
 *  `meta` (the caller marks them; see rebuildComplaintDays). */
export function rebuildServiceDays(db: DeskDatabase): Promise<void> {
  return db.transaction('rw', [...TABLES, 'complaintPacks', 'serviceDays'], async () => {
    const days = new Map<string, string[]>()
    const file = (kind: ServiceKind, r: { id: string; _svc?: unknown }): void => {
      if (!Array.isArray(r._svc)) return
      const svc = r._svc as Svc
      const day = localDate(svc[0])
      const { line } = serviceLine(kind, r.id, svc)
      const list = days.get(day)
      if (list) list.push(line)
      else days.set(day, [line])
    }
    for (const table of TABLES) {
      const kind = SERVICE_KIND_OF[table] as ServiceKind
      // The records in pages by id, each filed by its `_svc` (what the `_svc` index holds): a cursor's
      // step per key cost seconds on 200 000 complaints (the end of a join's history load).
      let after: string | undefined
      for (;;) {
        const rows = (await (
          after === undefined ? db.table(table).orderBy(':id') : db.table(table).where(':id').above(after)
        )
          .limit(REBUILD_PAGE)
          .toArray()) as { id: string; _svc?: unknown }[]
        for (const r of rows) file(kind, r)
        if (rows.length < REBUILD_PAGE) break
        after = rows[rows.length - 1]?.id
      }
    }
    // settled complaints a join stored in packs (packedHistory.ts)
    await eachPackedRow(db, (c) => file(SERVICE_KIND_OF.complaints as ServiceKind, c))
    await replaceDayRows(db, 'serviceDays', days)
  })
}

/** Whether `range` is made of whole local days (then the day rows answer it exactly). */
export function isWholeDays(range: TimeRange): boolean {
  const start = dayjs(range.start)
  const end = dayjs(range.end)
  return start.valueOf() === start.startOf('day').valueOf() && end.valueOf() === end.startOf('day').valueOf()
}
