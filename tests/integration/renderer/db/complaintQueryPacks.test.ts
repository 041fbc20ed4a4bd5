// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { CATEGORIES, STATUSES, URGENCIES, type Complaint } from '@shared/domain/complaint'
import {
  countComplaints,
  listComplaints,
  listUnfedBack,
  NO_FILTER,
  type ComplaintFilter
} from '@/db/complaintQuery'
import { complaintKeys, withDerived } from '@/db/derived'
import { storePacks } from '@/db/packedHistory'
import { setSessionStaff } from '@/db/prefs'
import { addStaff } from '@/db/staff'
import { ensureTallies, TALLIES_BUILT_KEY } from '@/db/tallies'
import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'
import type { DataContext } from '@/db/context'
import { freshData } from './helpers'

// The complaint list with settled history in packs (issue 18, packedHistory.ts, complaintListMerge.ts):
// a store whose settled complaints are partly packed answers every list query — page, count, search,
// 未反馈 — exactly as the same store with every complaint a row: same members, same order (equal
// receivedAt by id, as the index reads them), same pages and counts. Packs are made as a join makes
// them (in the order received, so dense in time) or from random groups (ranges overlapping).

const DAY = 24 * 3_600_000
const NOW = Date.parse('2026-11-22T10:00:00+08:00')
// 95 days back to 87.5: 未反馈 reads the last 90, so some are inside and some outside
const at = (k: number) => NOW - 95 * DAY + k * 12 * 3_600_000

type Row = Record<string, unknown> & { id: string; status: string; receivedAt: number; _deleted?: 1 }

const complaintArb = fc.record({
  id: fc.stringMatching(/^[0-9a-f]{6}$/),
  // few times, so many complaints share one (their order is then by id)
  k: fc.integer({ min: 0, max: 15 }).map((k) => (k < 12 ? k % 4 : k)),
  status: fc.oneof(fc.constantFrom('closed', 'rejected'), fc.constantFrom(...STATUSES)),
  category: fc.constantFrom(...CATEGORIES.slice(0, 3)),
  urgency: fc.constantFrom(...URGENCIES),
  noPrefix: fc.constantFrom('TS-20261120-A1-', 'TS-20261121-B2-', 'ts-20261121-a1-'),
  customerName: fc.constantFrom('张三', '张四', '李四', '王五'),
  customerPhone: fc.constantFrom('13800138000', '13800139999', '13912345678', '02152341234'),
  firstResponder: fc.constantFrom('1001', '1002'),
  department: fc.constantFrom('', '采购部'),
  escalationLevel: fc.constantFrom(0, 1, 2),
  fedBack: fc.boolean(),
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  packed: fc.boolean()
})
type Spec = typeof complaintArb extends fc.Arbitrary<infer T> ? T : never

/** The stored row of a generated complaint, derived keys included as the writer derives them. */
function stored(s: Spec, i: number): Row {
  const c = {
    id: `c-${s.id}`,
    no: `${s.noPrefix}${String(i).padStart(3, '0')}`,
    status: s.status,
    receivedAt: at(s.k),
    channel: 'phone',
    customerId: `cu-${s.customerPhone}`,
    customerName: s.customerName,
    customerPhone: s.customerPhone,
    category: s.category,
    urgency: s.urgency,
    firstResponder: s.firstResponder,
    firstResponseAt: null,
    department: s.department,
    escalationLevel: s.escalationLevel,
    closedAt: null,
    resolvedAt: null,
    feedbackDepartments: s.fedBack ? ['采购部'] : [],
    _clock: {},
    ...(s.deleted ? { _deleted: 1 as const } : {})
  }
  return withDerived(c, complaintKeys(c as unknown as Complaint, DEFAULT_TIME_RULES)) as unknown as Row
}

const settled = (r: Row) => !r._deleted && (r.status === 'closed' || r.status === 'rejected')

/** Stores rows, and these groups as packs (each group its own packs, as storePacks makes them). */
async function fill(ctx: DataContext, rows: Row[], groups: Row[][]): Promise<void> {
  const { db } = ctx
  await db.transaction('rw', [db.complaints, db.events, db.complaintPacks], async () => {
    await db.complaints.bulkPut(rows as never[])
    for (const [n, group] of groups.entries()) await storePacks(db, group as never[], [], `p${n}`)
  })
}

/** Two stores of the same complaints: A all rows, B with some settled ones packed. */
async function pair(specs: Spec[], opts: { dense: boolean; chunk: number; seePhones: boolean }) {
  const rows = specs.map(stored)
  const packable = rows.filter((r, i) => settled(r) && specs[i]?.packed)
  const ordered = opts.dense
    ? [...packable].sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1))
    : packable
  const groups: Row[][] = []
  for (let i = 0; i < ordered.length; i += opts.chunk) groups.push(ordered.slice(i, i + opts.chunk))
  const a = await freshData({ time: { value: NOW } })
  const b = await freshData({ time: { value: NOW } })
  await fill(a, rows, [])
  await fill(
    b,
    rows.filter((r) => !packable.includes(r)),
    groups
  )
  for (const ctx of [a, b]) {
    await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
    await setSessionStaff(ctx, opts.seePhones ? '9001' : '')
  }
  return { a, b, packed: packable.length }
}

const filterArb = fc.record(
  {
    status: fc.constantFrom('all', 'all', 'closed', 'rejected', 'registered') as fc.Arbitrary<
      ComplaintFilter['status']
    >,
    search: fc.constantFrom(
      '',
      '',
      '',
      'TS-2026112',
      'ts-20261121',
      'TS-20261121-B',
      '张',
      '张三',
      '李',
      '138',
      '13800138000',
      '1380013',
      'zz'
    ),
    category: fc.constantFrom(...CATEGORIES.slice(0, 3)),
    urgency: fc.constantFrom(...URGENCIES),
    firstResponder: fc.constantFrom('1001', '1002'),
    escalation: fc.constantFrom(1 as const, 2 as const),
    from: fc.integer({ min: 0, max: 15 }).map(at),
    to: fc.integer({ min: 0, max: 15 }).map(at),
    sort: fc.constantFrom('newest' as const, 'oldest' as const)
  },
  { requiredKeys: ['status', 'search'] }
)

const ids = (rows: { id: string }[]) => rows.map((r) => r.id)

describe('the complaint list with settled history in packs', () => {
  it('pages, counts, searches and lists 未反馈 as if every packed complaint were a row', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(complaintArb, { selector: (c) => c.id, minLength: 6, maxLength: 40 }),
        fc.record({
          dense: fc.boolean(),
          chunk: fc.integer({ min: 1, max: 6 }),
          seePhones: fc.boolean(),
          tallies: fc.boolean()
        }),
        fc.array(
          fc.record({
            filter: filterArb,
            offset: fc.integer({ min: 0, max: 12 }),
            limit: fc.integer({ min: 1, max: 15 })
          }),
          { minLength: 4, maxLength: 8 }
        ),
        fc.integer({ min: 1, max: 12 }),
        async (specs, opts, queries, unfedLimit) => {
          const { a, b } = await pair(specs, opts)
          for (const ctx of [a, b]) {
            // counts from the tallies (rebuilt from rows and packs), or without them: read
            await ctx.db.meta.delete(TALLIES_BUILT_KEY)
            if (opts.tallies) await ensureTallies(ctx.db)
          }
          for (const { filter, offset, limit } of [
            { filter: NO_FILTER, offset: 0, limit: 50 },
            { filter: { ...NO_FILTER, sort: 'oldest' as const }, offset: 3, limit: 7 },
            ...[0, 2, 5].flatMap((offset) => [
              { filter: NO_FILTER, offset, limit: 2 },
              { filter: { ...NO_FILTER, sort: 'oldest' as const }, offset, limit: 2 }
            ]),
            { filter: { ...NO_FILTER, search: 'TS-2026112' }, offset: 0, limit: 50 },
            ...queries
          ]) {
            const f = filter as ComplaintFilter
            expect(ids(await listComplaints(b, f, offset, limit))).toEqual(
              ids(await listComplaints(a, f, offset, limit))
            )
            expect(await countComplaints(b, f)).toBe(await countComplaints(a, f))
          }
          expect(ids(await listUnfedBack(b))).toEqual(ids(await listUnfedBack(a)))
          expect(ids(await listUnfedBack(b, unfedLimit))).toEqual(ids(await listUnfedBack(a, unfedLimit)))
          a.db.close()
          b.db.close()
        }
      ),
      { numRuns: 40 }
    )
  }, 120_000)

  it('caps counts and searches as rows would, and reads one or two packs for the first page', async () => {
    // 1 100 closed complaints, 1 000 packed in the order received (5 packs), 100 newest ones rows
    const specs: Spec[] = Array.from({ length: 1100 }, (_, i) => ({
      id: i.toString(16).padStart(6, '0'),
      k: Math.floor(i / 70),
      status: 'closed',
      category: 'quality',
      urgency: i % 2 ? 'urgent' : 'normal',
      noPrefix: 'TS-20261120-A1-',
      customerName: '张三',
      customerPhone: '13800138000',
      firstResponder: '1001',
      department: '',
      escalationLevel: 0,
      fedBack: false,
      deleted: false,
      packed: i < 1000
    }))
    const { a, b, packed } = await pair(specs, { dense: true, chunk: 200, seePhones: true })
    expect(packed).toBe(1000)
    const f = (over: Partial<ComplaintFilter>): ComplaintFilter => ({ ...NO_FILTER, ...over })
    for (const filter of [f({ firstResponder: '1001' }), f({ search: 'TS-' }), f({ search: '138' })]) {
      expect(await countComplaints(b, filter)).toBe(await countComplaints(a, filter))
      expect(ids(await listComplaints(b, filter, 450, 60))).toEqual(
        ids(await listComplaints(a, filter, 450, 60))
      )
    }
    expect(await countComplaints(b, f({ firstResponder: '1001' }))).toBe(1001)
    expect(await countComplaints(b, f({ search: '张三' }))).toBe(500)

    const reads = vi.spyOn(b.db.complaintPacks, 'bulkGet')
    expect(ids(await listComplaints(b, NO_FILTER, 0, 50))).toEqual(
      ids(await listComplaints(a, NO_FILTER, 0, 50))
    )
    expect(reads.mock.calls.flatMap((c) => c[0])).toEqual([]) // the 100 newest are rows
    expect(ids(await listComplaints(b, NO_FILTER, 120, 50))).toEqual(
      ids(await listComplaints(a, NO_FILTER, 120, 50))
    )
    expect(reads.mock.calls.flatMap((c) => c[0]).length).toBe(1) // the newest pack
    reads.mockClear()
    const oldest = f({ sort: 'oldest' })
    expect(ids(await listComplaints(b, oldest, 0, 50))).toEqual(ids(await listComplaints(a, oldest, 0, 50)))
    expect(reads.mock.calls.flatMap((c) => c[0]).length).toBe(1) // the oldest pack
  }, 60_000)
})
