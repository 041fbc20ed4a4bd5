import { packedReceivedBetween } from './packedHistory'
import {
  serviceStats,
  type ServiceFact,
  type ServiceKind,
  type ServiceStats
} from '@shared/domain/counter/serviceStats'
import { weeklySummary, type WeeklySummary } from '@shared/domain/counter/weeklySummary'
import { weekKey, type TimeRange } from '@shared/domain/counter/week'
import type { ConsultOutcome } from '@shared/domain/counter/consultation'
import type { Problem } from '@shared/domain/counter/problem'
import type { DataContext } from './context'
import { isWholeDays, readServiceDays } from './serviceDays'
import type { SyncedRecords } from './schema'

// 服务统计表 and 每周汇总 (docs/counter-log.md). A period's services are read from the writer's day
// rows (serviceDays.ts), or for a range that is not whole days as INDEX KEYS only (_svc = [time, 工号,
// customer key, outcome], derived.ts); no record is loaded either way. The formulas are
// shared/domain/counter.

const SERVICE_TABLES: readonly [ServiceKind, 'consultations' | 'complaints' | 'returns'][] = [
  ['consultation', 'consultations'],
  ['complaint', 'complaints'],
  ['return', 'returns']
]

type SvcKey = NonNullable<SyncedRecords['consultations']['_svc']>

export async function serviceFacts(ctx: DataContext, range: TimeRange): Promise<ServiceFact[]> {
  // Whole days (every period of the sheet) come from the day rows; other ranges from the keys.
  if (isWholeDays(range)) {
    const facts = await readServiceDays(ctx.db, range)
    if (facts) return facts
  }
  return serviceFactsFromKeys(ctx, range)
}

/** The same facts read from the _svc index (any range; ~2 s for a year of 150 000 services). */
async function serviceFactsFromKeys(ctx: DataContext, range: TimeRange): Promise<ServiceFact[]> {
  const perTable = await Promise.all(
    SERVICE_TABLES.map(async ([kind, table]) => {
      const keys = (await ctx.db
        .table(table)
        .where('_svc')
        .between([range.start], [range.end])
        .keys()) as unknown as SvcKey[]
      // settled complaints a join stored in packs carry the same key (packedHistory.ts)
      if (table === 'complaints')
        for (const c of await packedReceivedBetween(ctx.db, range.start, range.end - 1))
          if (Array.isArray(c._svc)) keys.push(c._svc as unknown as SvcKey)
      return keys.map(([at, staffNo, customer, outcome]): ServiceFact =>
        kind === 'consultation'
          ? { kind, at, staffNo, customer, outcome: (outcome || null) as ConsultOutcome | null }
          : { kind, at, staffNo, customer }
      )
    })
  )
  return perTable.flat()
}

export async function getServiceStats(ctx: DataContext, range: TimeRange): Promise<ServiceStats> {
  return serviceStats(await serviceFacts(ctx, range), range)
}

export async function getWeeklySummary(ctx: DataContext, range: TimeRange): Promise<WeeklySummary> {
  const live = (p: { _deleted?: 1 }) => !p._deleted
  const [logged, decided, open, facts] = await Promise.all([
    ctx.db.problems.where('createdAt').between(range.start, range.end).filter(live).toArray(),
    ctx.db.problems.where('decidedAt').between(range.start, range.end).filter(live).toArray(),
    ctx.db.problems
      .where('[status+createdAt]')
      .between(['open', -Infinity], ['open', range.end])
      .filter(live)
      .toArray(),
    serviceFacts(ctx, range)
  ])
  return weeklySummary([...logged, ...decided, ...open] as Problem[], facts, range)
}

// "Unread" is per person and per PC: a local mark, like other preferences of who sits here.
const readKey = (staffNo: string, range: TimeRange) => `weeklySummary.read.${staffNo}.${weekKey(range.start)}`

export async function isWeeklySummaryRead(
  ctx: DataContext,
  staffNo: string,
  range: TimeRange
): Promise<boolean> {
  return (await ctx.db.meta.get(readKey(staffNo, range))) !== undefined
}

export async function markWeeklySummaryRead(
  ctx: DataContext,
  staffNo: string,
  range: TimeRange
): Promise<void> {
  await ctx.db.meta.put({ key: readKey(staffNo, range), value: ctx.now() })
}
