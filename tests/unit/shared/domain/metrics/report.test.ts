process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  applyFilters,
  buckets,
  drillDown,
  overview,
  overviewFigures,
  pareto,
  touching,
  type ReportCase,
  type ReportInput
} from '@shared/domain/metrics/report'
import { at, CASES, CTX, dayRange, WEEK } from './fixture'

// 总览's composition of the metric dictionary (report.ts): the trend buckets, the speed-ups (records
// grouped by day, a subset per range) giving exactly the dictionary's figures, the filters, Pareto.

const extra: Record<string, Partial<ReportCase>> = {
  A: { category: 'quality', department: '家电部', product: '电饭煲', channel: 'counter' },
  B: { category: 'quality', department: '家电部', product: '电饭煲', channel: 'phone' },
  C: { category: 'service', department: '服装部', product: '外套', channel: 'counter' },
  D: { category: 'other', department: '', product: '', channel: 'counter' },
  E: { category: 'quality', department: '家电部', product: ' 电饭煲 ', channel: 'online' },
  F: { category: 'price', department: '', product: '', channel: 'counter' },
  G: { category: 'other', department: '服装部', product: '外套', channel: 'counter' }
}
const cases: ReportCase[] = CASES.map((c) => ({
  no: c.id,
  firstResponder: c.id === 'B' ? '1002' : '1001',
  category: 'other',
  department: '',
  channel: 'counter',
  product: '',
  ...c,
  ...extra[c.id]
}))
const input: ReportInput = {
  cases,
  services: [
    {
      kind: 'consultation',
      id: 's1',
      at: at(23, '00:00'),
      staffNo: '1001',
      customerKey: 'p:1',
      outcome: 'converted'
    },
    {
      kind: 'consultation',
      id: 's2',
      at: at(24, '00:00'),
      staffNo: '1002',
      customerKey: 'c:cust-A',
      outcome: null
    },
    { kind: 'return', id: 'r1', at: at(25, '00:00'), staffNo: '1001', customerKey: 'p:2', outcome: null }
  ],
  tasks: [
    {
      id: 't1',
      rule: 'repair',
      clerk: '1001',
      windowStart: at(24, '09:00'),
      doneAt: at(25, '10:00'),
      answer: { at: at(25, '10:00'), satisfaction: 'unsatisfied' }
    },
    { id: 't2', rule: 'keyAccount', clerk: '1002', windowStart: at(26, '09:00'), doneAt: null, answer: null }
  ]
}

describe('report buckets', () => {
  it('days, Monday weeks and calendar months, cut to the range', () => {
    const range = { start: at(25, '00:00'), end: Date.parse('2026-12-03T00:00:00+08:00') }
    expect(buckets(range, 'day')).toHaveLength(8)
    expect(buckets(range, 'week').map((b) => [b.key, b.range.start === range.start])).toEqual([
      ['2026-11-23', true],
      ['2026-11-30', false]
    ])
    const months = buckets(range, 'month')
    expect(months.map((b) => b.key)).toEqual(['2026-11-01', '2026-12-01'])
    expect(months[0]?.range).toEqual({ start: range.start, end: Date.parse('2026-12-01T00:00:00+08:00') })
    expect(months[1]?.range.end).toBe(range.end)
  })
})

describe('总览 composition', () => {
  const ranges = { current: WEEK, previous: { start: at(16, '00:00'), end: at(23, '00:00') } }

  it('the period, the previous period and every trend bucket equal the dictionary on the whole input', () => {
    for (const by of ['day', 'week'] as const) {
      const o = overview(input, CTX, ranges, by)
      expect(o.figures).toEqual(overviewFigures(input, CTX, ranges.current))
      expect(o.previousFigures).toEqual(overviewFigures(input, CTX, ranges.previous))
      for (const p of o.trend) {
        const f = overviewFigures(input, CTX, p.range)
        expect([p.complaints, p.complaintRate, p.missRate, p.dissatisfactionRate]).toEqual([
          f.complaints,
          f.complaintRate.value,
          f.missRate.value,
          f.dissatisfactionRate.value
        ])
      }
    }
  })

  it('touching keeps exactly what can count: every figure of the subset equals the whole input’s', () => {
    for (const day of [22, 23, 24, 25, 26, 27]) {
      const r = dayRange(day)
      expect(overviewFigures(touching(input, CTX, r), CTX, r)).toEqual(overviewFigures(input, CTX, r))
    }
  })

  it('the hand count of the week: complaints, the follow-ups of tasks next to complaints’ 回访', () => {
    const f = overviewFigures(input, CTX, WEEK)
    // received in the week: A B D E F G (C on the 22nd)
    expect(f.complaints).toBe(6)
    // customers: the 6 complaints' (c:cust-A … c:cust-G, no C), p:1, p:2; s2 is cust-A again → 8
    expect(f.complaintRate).toMatchObject({ numerator: 6, denominator: 8 })
    // answered: A satisfied (24), C unsatisfied (27), task t1 unsatisfied (25) → 2 / 3
    expect(f.dissatisfactionRate).toMatchObject({ numerator: 2, denominator: 3 })
    // owed: A (23), C (23), G (23), t1 (24), t2 (26); made: A, C, t1 → 3 / 5
    expect(f.revisitRate).toMatchObject({ numerator: 3, denominator: 5 })
    // consultations with an outcome: s1 → 1 / 1
    expect(f.conversionRate).toMatchObject({ numerator: 1, denominator: 1 })
  })
})

describe('filters', () => {
  it('department, category and channel narrow complaints and drop other tasks; the clerk narrows all three', () => {
    const byDept = applyFilters(input, { department: '家电部' })
    expect(byDept.cases.map((c) => c.id)).toEqual(['A', 'B', 'E'])
    expect(byDept.services).toHaveLength(3)
    expect(byDept.tasks).toHaveLength(0)
    const byClerk = applyFilters(input, { clerk: '1002' })
    expect(byClerk.cases.map((c) => c.id)).toEqual(['B'])
    expect(byClerk.services.map((s) => s.id)).toEqual(['s2'])
    expect(byClerk.tasks.map((t) => t.id)).toEqual(['t2'])
    expect(applyFilters(input, { channel: 'online', category: 'quality' }).cases.map((c) => c.id)).toEqual([
      'E'
    ])
  })
})

describe('原因分析 (Pareto)', () => {
  it('largest first, ties by name, cumulative share, 其他 warned only above 10 %', () => {
    const week = pareto(cases, WEEK, 'category')
    // A B E quality (3), D G other (2), F price (1)
    expect(week.bars.map((b) => [b.key, b.count, b.ids])).toEqual([
      ['quality', 3, ['A', 'B', 'E']],
      ['other', 2, ['G', 'D']],
      ['price', 1, ['F']]
    ])
    expect(week.bars.map((b) => b.cumulative)).toEqual([0.5, 5 / 6, 1])
    expect(week.otherShare).toBeCloseTo(1 / 3)
    expect(week.otherWarning).toBe(true)
    // products: 电饭煲 with spaces counts as 电饭煲; empty product is 其他 (D, F)
    const products = pareto(cases, WEEK, 'product')
    expect(products.bars.map((b) => [b.key, b.count])).toEqual([
      ['电饭煲', 3],
      ['', 2],
      ['外套', 1]
    ])
  })

  it('其他 at exactly 10 % is not warned, above is', () => {
    const many = (n: number, category: 'quality' | 'other') =>
      Array.from({ length: n }, (_, i) => ({ ...cases[0]!, id: `${category}${i}`, category }))
    expect(pareto([...many(9, 'quality'), ...many(1, 'other')], WEEK, 'category').otherWarning).toBe(false)
    expect(pareto([...many(8, 'quality'), ...many(1, 'other')], WEEK, 'category').otherWarning).toBe(true)
    expect(pareto([], WEEK, 'category')).toMatchObject({
      total: 0,
      bars: [],
      otherShare: 0,
      otherWarning: false
    })
  })
})

describe('服务投诉率 from the daily figures (the setting servedFrom)', () => {
  // 23rd: 客流 100; 24th: 客流 50, 成交笔数 not entered; 25th: 成交笔数 30 only
  const figures = [
    { date: '2026-11-23', footfall: 100, transactions: null },
    { date: '2026-11-24', footfall: 50, transactions: null },
    { date: '2026-11-25', footfall: null, transactions: 30 }
  ]
  const footfall: ReportInput = { ...input, served: { from: 'footfall', figures } }
  const transactions: ReportInput = { ...input, served: { from: 'transactions', figures } }

  it('the hand count of the week: complaints on days with the figure ÷ the sum of the figure', () => {
    // 客流 on the 23rd and 24th = 150; received those days: G A B F D (23rd), E (24th) = 6
    expect(overviewFigures(footfall, CTX, WEEK).complaintRate).toMatchObject({
      value: 6 / 150,
      numerator: 6,
      denominator: 150,
      daysWithoutFigure: 5
    })
    // 成交笔数 on the 25th only = 30; no complaint received that day
    expect(overviewFigures(transactions, CTX, WEEK).complaintRate).toMatchObject({
      numerator: 0,
      denominator: 30,
      daysWithoutFigure: 6
    })
    // the 22nd has no figure: "—" with the reason, not a rate of the counter log
    expect(overviewFigures(footfall, CTX, dayRange(22)).complaintRate).toMatchObject({
      value: null,
      reason: 'reports.noData.dailyFigures'
    })
    // the filters narrow the complaints, never the store's figures: 家电部 = A B E
    expect(
      overviewFigures(applyFilters(footfall, { department: '家电部' }), CTX, WEEK).complaintRate
    ).toMatchObject({ numerator: 3, denominator: 150 })
  })

  it('the trend and the previous period follow the setting; the drill-down lists equal the numbers', () => {
    const o = overview(footfall, CTX, { current: WEEK, previous: dayRange(22) }, 'day')
    expect(o.servedFrom).toBe('footfall')
    expect(o.trend.map((p) => p.complaintRate)).toEqual([5 / 100, 1 / 50, null, null, null, null, null])
    expect(o.previousFigures.complaintRate.value).toBeNull()
    const numerator = drillDown(footfall, CTX, WEEK, { metric: 'complaintRate', part: 'numerator' })
    expect(numerator.map((r) => r.id)).toEqual(['G', 'A', 'B', 'F', 'D', 'E'])
    const denominator = drillDown(footfall, CTX, WEEK, { metric: 'complaintRate', part: 'denominator' })
    expect(denominator).toEqual([
      { kind: 'dailyFigure', id: '2026-11-23', value: 100 },
      { kind: 'dailyFigure', id: '2026-11-24', value: 50 }
    ])
    // without the setting: the counter log, as before
    expect(overview(input, CTX, { current: WEEK, previous: dayRange(22) }, 'day').servedFrom).toBe(
      'counterLog'
    )
  })
})
