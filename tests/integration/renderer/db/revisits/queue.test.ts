process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { taskId, type RevisitTask } from '@shared/domain/revisit'
import type { Tier } from '@shared/domain/customer'
import { listRevisitQueue, type QueueFilter } from '@/db/revisitQueue'
import { revisitTaskKeys } from '@/db/revisitTaskKeys'
import { withDerived } from '@/db/derived'
import { freshData } from '../helpers'

// 今日回访 reads the `_open` index a chunk at a time (the first chunk no bigger than the page asked
// for) and filters as it goes: whatever the filter and the page size, it is the first `limit` open
// tasks in due order that pass the filter — the same as filtering all of them.

const DAY = 86_400_000
const TIERS: Tier[] = ['regular', 'vip', 'key']
const stamp = { hlc: '000000000000001-0000-test', device: 'test', staffNo: '1001' }

async function storeWith(count: number) {
  const ctx = await freshData()
  const now = ctx.now()
  const customers = Array.from({ length: 40 }, (_, i) => ({
    id: `c${i}`,
    name: `客户${i}`,
    phone: `1380000${String(i).padStart(4, '0')}`,
    tier: TIERS[i % 3],
    assignedClerk: i % 2 ? '1001' : '1002',
    _clock: {},
    _created: stamp,
    _updated: stamp
  }))
  const tasks = Array.from({ length: count }, (_, i) => {
    const c = customers[(i * 7) % customers.length]!
    const t: RevisitTask = {
      id: taskId('campaign', `camp-${i}`, c.id),
      rule: i % 5 === 0 ? 'newCustomer' : 'campaign',
      sourceId: `camp-${i}`,
      sourceNo: '',
      customerId: c.id,
      customerName: c.name,
      customerPhone: c.phone,
      clerk: c.assignedClerk,
      windowStart: now - 10 * DAY,
      // due from 5 days ago to 5 days ahead, in an order unlike the ids
      dueAt: now - 5 * DAY + ((i * 7919) % count) * Math.floor((10 * DAY) / count),
      samplePercent: 100,
      retryMinutes: 120,
      maxAttempts: 3,
      campaign: { name: '节日问候', scriptRule: 'campaign' }
    }
    return withDerived({ ...t, _clock: {}, _created: stamp, _updated: stamp }, revisitTaskKeys(t))
  })
  await ctx.db.customers.bulkPut(customers as never[])
  await ctx.db.revisitTasks.bulkPut(tasks as never[])
  return { ctx, customers, tasks: tasks as unknown as (RevisitTask & { _open: number })[] }
}

describe('今日回访: the queue a page at a time', () => {
  it('is the first `limit` open tasks in due order that pass the filter, for any filter and page size', async () => {
    const { ctx, customers, tasks } = await storeWith(520)
    const tierOf = new Map(customers.map((c) => [c.id, c.tier]))
    const now = ctx.now()
    const endOfDay = new Date(now).setHours(23, 59, 59, 999)
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rule: fc.constantFrom(undefined, 'newCustomer' as const, 'campaign' as const),
          tier: fc.constantFrom(undefined, ...TIERS),
          clerk: fc.constantFrom(undefined, '1001', '1002'),
          bucket: fc.constantFrom(undefined, 'overdue' as const, 'today' as const, 'upcoming' as const)
        }),
        fc.constantFrom(1, 20, 100, 199, 200, 201, 450, 600),
        async (raw, limit) => {
          const filter = Object.fromEntries(
            Object.entries(raw).filter(([, v]) => v !== undefined)
          ) as QueueFilter
          const inBucket = (due: number) =>
            filter.bucket === 'overdue'
              ? due < now
              : filter.bucket === 'today'
                ? due >= now && due <= endOfDay
                : filter.bucket === 'upcoming'
                  ? due > endOfDay
                  : true
          const expected = [...tasks]
            .filter(
              (t) =>
                inBucket(t.dueAt) &&
                (!filter.rule || t.rule === filter.rule) &&
                (filter.clerk === undefined || t.clerk === filter.clerk) &&
                (!filter.tier || tierOf.get(t.customerId) === filter.tier)
            )
            .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1))
            .slice(0, limit)
            .map((t) => t.id)
          const rows = await listRevisitQueue(ctx, filter, limit)
          expect(rows.map((r) => r.task.id)).toEqual(expected)
        }
      ),
      { numRuns: 40 }
    )
  })
})
