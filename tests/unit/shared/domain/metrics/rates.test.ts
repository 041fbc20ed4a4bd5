process.env.TZ = 'Asia/Shanghai'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  answeredFollowUps,
  complaintObligations,
  complaintRate,
  conversionRate,
  dissatisfactionRate,
  missRate,
  revisitRate,
  slaCompliance
} from '@shared/domain/metrics/rates'
import { ratio, vsPrevious } from '@shared/domain/metrics/metric'
import type { DailyFigure } from '@shared/domain/metrics/dailyFigures'
import type { MetricCase } from '@shared/domain/metrics/timeLimits'
import { at, CASES, CTX, dayRange, WEEK } from './fixture'

const DAY23 = dayRange(23)

describe('服务投诉率 (complaints ÷ customers served)', () => {
  // received on 11-23: A, B, D (23:59:59.999), F, G = 5 (C is 11-22, E is 11-24 00:00), five customers
  const people = (prefix: string, n: number, ms: number) =>
    Array.from({ length: n }, (_, i) => ({ at: ms, customerKey: `${prefix}${i}` }))

  it('from the counter log: 5 ÷ distinct customers (13 consulting + 5 complaining + 2 returning) = 5/20 = 0.25', () => {
    const served = {
      from: 'counterLog' as const,
      consultations: [...people('p:139', 13, at(23, '11:00')), ...people('p:138', 4, at(24, '11:00'))],
      returns: [...people('a:r', 2, at(23, '16:00')), ...people('a:old', 1, at(22, '16:00'))]
    }
    expect(complaintRate(CASES, served, DAY23)).toEqual({
      value: 0.25,
      numerator: 5,
      denominator: 20,
      reason: null,
      daysWithoutFigure: 0
    })
  })

  it('a customer served twice counts once: A’s customer also consulted and returned → 5/18', () => {
    const served = {
      from: 'counterLog' as const,
      consultations: [
        ...people('p:139', 12, at(23, '11:00')),
        { at: at(23, '09:30'), customerKey: 'c:cust-A' }
      ],
      returns: [{ at: at(23, '16:00'), customerKey: 'c:cust-A' }, ...people('a:r', 1, at(23, '16:00'))]
    }
    // distinct: 12 consulting + cust-A + 1 returning + 5 complaining (cust-A among them) = 18
    expect(complaintRate(CASES, served, DAY23)).toMatchObject({ numerator: 5, denominator: 18 })
  })

  it('without consultations yet: "—" with the reason, the known part still shown (5 and 5 + 2)', () => {
    const served = {
      from: 'counterLog' as const,
      consultations: null,
      returns: people('a:r', 2, at(23, '16:00'))
    }
    expect(complaintRate(CASES, served, DAY23)).toEqual({
      value: null,
      numerator: 5,
      denominator: 7,
      reason: 'reports.noData.consultations',
      daysWithoutFigure: 0
    })
  })

  const figures: DailyFigure[] = [
    { date: '2026-11-23', footfall: 200, transactions: 50 },
    { date: '2026-11-24', footfall: 300, transactions: null }
  ]

  it('from 客流: 5 ÷ 200 = 0.025; from 成交笔数: 5 ÷ 50 = 0.1', () => {
    expect(complaintRate(CASES, { from: 'footfall', figures }, DAY23).value).toBe(0.025)
    expect(complaintRate(CASES, { from: 'transactions', figures }, DAY23).value).toBe(0.1)
  })

  it('over a week only days with the figure count: (5 + 1) ÷ (200 + 300) = 0.012, 5 days without', () => {
    // 11-23: A B D F G; 11-24: E. The other five days have no figure, so neither their complaints nor footfall.
    expect(complaintRate(CASES, { from: 'footfall', figures }, WEEK)).toEqual({
      value: 0.012,
      numerator: 6,
      denominator: 500,
      reason: null,
      daysWithoutFigure: 5
    })
    // 成交笔数 of 11-24 was not entered: 5 ÷ 50 = 0.1, 6 days without
    expect(complaintRate(CASES, { from: 'transactions', figures }, WEEK)).toMatchObject({
      value: 0.1,
      numerator: 5,
      denominator: 50,
      daysWithoutFigure: 6
    })
  })

  it('no figure on any day: "—" with the reason', () => {
    expect(complaintRate(CASES, { from: 'footfall', figures }, dayRange(25))).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'reports.noData.dailyFigures',
      daysWithoutFigure: 1
    })
  })

  it('a day with 客流 0 is a zero denominator: "—", never Infinity', () => {
    const zero = complaintRate(
      CASES,
      { from: 'footfall', figures: [{ date: '2026-11-23', footfall: 0, transactions: 0 }] },
      DAY23
    )
    expect(zero.value).toBeNull()
    expect(zero.reason).toBe('reports.noData.none')
  })
})

describe('服务遗漏率 (cases that missed a limit ÷ cases with a limit due)', () => {
  it('11-23: limits due A·FR ok, B·FR late, C·res late, D·FR late, F·FR ok, G·FR ok → 3 of 6 cases = 0.5', () => {
    expect(missRate(CASES, CTX, DAY23)).toEqual({ value: 0.5, numerator: 3, denominator: 6, reason: null })
  })

  it('11-26 (follow-ups due): A on time, C and G missed → 2/3', () => {
    expect(missRate(CASES, CTX, dayRange(26))).toMatchObject({ numerator: 2, denominator: 3 })
  })

  it('a running day counts only limits already final: at 11-23 23:00 only C·res (due 19:59:59.999) → 1/1', () => {
    expect(missRate(CASES, { ...CTX, asOf: at(23, '23:00') }, DAY23)).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 1
    })
  })

  it('no case due: "—", reason none', () => {
    expect(missRate([], CTX, DAY23)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'reports.noData.none'
    })
  })
})

describe('时效达标率 (per limit and together)', () => {
  it('11-23: first response A F G met of A B D F G = 3/5; resolution C 0/1; follow-up none; all 3/6', () => {
    const s = slaCompliance(CASES, CTX, DAY23)
    expect(s.firstResponse).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 })
    expect(s.resolution).toMatchObject({ value: 0, numerator: 0, denominator: 1 })
    expect(s.followUp).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'reports.noData.none' })
    expect(s.all).toMatchObject({ value: 0.5, numerator: 3, denominator: 6 })
  })

  it('the week 11-23…29: FR 3/5 (+E on 24 = 4/6); res: C ✗, A ✓, G ✓, B ✗, D ✗, E ✗ → 2/6; fu A ✓ C ✗ G ✗ → 1/3', () => {
    const s = slaCompliance(CASES, CTX, WEEK)
    expect(s.firstResponse).toMatchObject({ numerator: 4, denominator: 6 })
    expect(s.resolution).toMatchObject({ numerator: 2, denominator: 6 })
    expect(s.followUp).toMatchObject({ numerator: 1, denominator: 3 })
    expect(s.all).toMatchObject({ numerator: 7, denominator: 15 })
  })
})

describe('服务不满意率 (不满意 ÷ answered)', () => {
  const answered = answeredFollowUps(CASES) // A 11-24 satisfied, C 11-27 unsatisfied
  it('week: 1 of 2 = 0.5; 11-27: 1/1; 11-23: none → "—"', () => {
    expect(dissatisfactionRate(answered, WEEK)).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 })
    expect(dissatisfactionRate(answered, dayRange(27)).value).toBe(1)
    expect(dissatisfactionRate(answered, DAY23)).toMatchObject({ value: null, reason: 'reports.noData.none' })
  })
})

describe('回访率 (followed up ÷ follow-ups owed)', () => {
  const owed = complaintObligations(CASES) // resolved 11-23: A (done 11-24), C (done 11-27), G (not done)
  it('11-23: 2 of 3; as of 11-25 only A is done → 1/3', () => {
    expect(revisitRate(owed, DAY23, CTX.asOf)).toMatchObject({ numerator: 2, denominator: 3 })
    expect(revisitRate(owed, DAY23, at(25, '00:00'))).toMatchObject({ numerator: 1, denominator: 3 })
    expect(revisitRate(owed, dayRange(25), CTX.asOf).value).toBeNull()
  })
})

describe('成交转化率 (sales ÷ consultations with an outcome)', () => {
  it('2 converted, 4 not, 2 still without an outcome → 2/6; none → "—"; no records yet → the reason', () => {
    const list = [
      ...Array.from({ length: 2 }, () => ({ at: at(23, '10:00'), outcome: 'converted' })),
      ...Array.from({ length: 3 }, () => ({ at: at(23, '11:00'), outcome: 'notConverted' })),
      { at: at(23, '11:30'), outcome: 'considering' },
      ...Array.from({ length: 2 }, () => ({ at: at(23, '12:00'), outcome: null })),
      { at: at(24, '10:00'), outcome: 'converted' }
    ]
    expect(conversionRate(list, DAY23)).toEqual({ value: 2 / 6, numerator: 2, denominator: 6, reason: null })
    expect(conversionRate(list, dayRange(25)).reason).toBe('reports.noData.none')
    expect(conversionRate(null, DAY23)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'reports.noData.consultations'
    })
  })
})

describe('较上期', () => {
  it('delta and relative change; previous 0 or "—" gives no relative change', () => {
    expect(vsPrevious(ratio(1, 4), ratio(1, 2))).toEqual({ delta: -0.25, relative: -0.5 })
    expect(vsPrevious(ratio(1, 4), ratio(0, 2))).toEqual({ delta: 0.25, relative: null })
    expect(vsPrevious(ratio(1, 4), ratio(0, 0))).toEqual({ delta: null, relative: null })
  })

  it('the same metric over this week and the previous one (11-16…22: only C·FR, met → 0/1)', () => {
    const previous = { start: at(16, '00:00'), end: at(23, '00:00') }
    const cur = missRate(CASES, CTX, WEEK) // A ✓; B, C, D, E, G missed; F ✓ → 5/7
    const prev = missRate(CASES, CTX, previous)
    expect(cur).toMatchObject({ numerator: 5, denominator: 7 })
    expect(prev).toMatchObject({ value: 0, numerator: 0, denominator: 1 })
    expect(vsPrevious(cur, prev)).toEqual({ delta: 5 / 7, relative: null })
  })
})

describe('properties over random cases', () => {
  const H = 3_600_000
  const base = at(23, '00:00')
  const randomCase = fc
    .record({
      recv: fc.integer({ min: 0, max: 7 * 24 * H }),
      fr: fc.option(fc.integer({ min: 0, max: 40 * H }), { nil: null }),
      res: fc.option(fc.integer({ min: 0, max: 60 * H }), { nil: null }),
      fu: fc.option(fc.integer({ min: 0, max: 100 * H }), { nil: null }),
      sat: fc.constantFrom('satisfied' as const, 'neutral' as const, 'unsatisfied' as const),
      pause: fc.option(fc.tuple(fc.integer({ min: 0, max: 30 * H }), fc.integer({ min: 0, max: 30 * H })), {
        nil: null
      })
    })
    .map((r): MetricCase => {
      const receivedAt = base + r.recv
      const resolvedAt = r.res === null ? null : receivedAt + r.res
      return {
        id: `r${r.recv}`,
        customerId: 'x',
        status: 'inProgress',
        receivedAt,
        firstResponseAt: r.fr === null ? null : receivedAt + r.fr,
        resolvedAt,
        closedAt: null,
        revisit: resolvedAt !== null && r.fu !== null ? { at: resolvedAt + r.fu, satisfaction: r.sat } : null,
        escalationLevel: 0,
        pauses: r.pause ? [{ from: receivedAt + r.pause[0], to: receivedAt + r.pause[0] + r.pause[1] }] : []
      }
    })
  const days = Array.from({ length: 14 }, (_, i) => ({
    start: base + i * 24 * H,
    end: base + (i + 1) * 24 * H
  }))
  const fortnight = { start: base, end: base + 14 * 24 * H }
  const ctx = { ...CTX, asOf: base + 30 * 24 * H }

  it('each limit counts in exactly one day: the days’ limit counts add up to the fortnight’s', () => {
    fc.assert(
      fc.property(fc.array(randomCase, { maxLength: 25 }), (cases) => {
        const whole = slaCompliance(cases, ctx, fortnight)
        const parts = days.map((d) => slaCompliance(cases, ctx, d))
        for (const k of ['firstResponse', 'resolution', 'followUp', 'all'] as const) {
          expect(parts.reduce((s, p) => s + p[k].denominator, 0)).toBe(whole[k].denominator)
          expect(parts.reduce((s, p) => s + p[k].numerator, 0)).toBe(whole[k].numerator)
        }
      })
    )
  })

  it('rates are "—" or a number in 0..1, never NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.array(randomCase, { maxLength: 25 }),
        fc.constantFrom(...days, fortnight),
        (cases, range) => {
          const values = [
            missRate(cases, ctx, range),
            ...Object.values(slaCompliance(cases, ctx, range)),
            dissatisfactionRate(answeredFollowUps(cases), range),
            revisitRate(complaintObligations(cases), range, ctx.asOf)
          ]
          for (const v of values) {
            if (v.value === null) expect(v.denominator).toBe(0)
            else {
              expect(Number.isFinite(v.value)).toBe(true)
              expect(v.value).toBeGreaterThanOrEqual(0)
              expect(v.value).toBeLessThanOrEqual(1)
              expect(v.value).toBe(v.numerator / v.denominator)
            }
          }
        }
      )
    )
  })
})
