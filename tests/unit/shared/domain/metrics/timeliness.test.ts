process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { drillDown } from '@shared/domain/metrics/report'
import { histogram, timeliness } from '@shared/domain/metrics/timeliness'
import { CTX, H, NOVEMBER, PAGE_INPUT } from './pagesFixture'

// 时效分析 (timeliness.ts) on the hand-made November of pagesFixture.ts.

describe('时效分析', () => {
  it('histogram bins are left-closed, the last one open; durations on an edge go up', () => {
    expect(histogram([0, H - 1, H, 47 * H, 48 * H, 500 * H], [0, 1, 24, 48]).map((b) => b.count)).toEqual([
      2, // 0, 1 h − 1 ms
      1, // 1 h
      1, // 47 h
      2 // 48 h, 500 h (open bin)
    ])
    expect(histogram([], [0, 1]).at(-1)?.toMs).toBe(Infinity)
  })

  it('the distributions and their medians, by hand', () => {
    const t = timeliness(PAGE_INPUT, CTX, NOVEMBER, 'week')
    // 首次响应时长: a 0.5 h, b 3 h, c 24 h (d has none) → median 3 h, sum 27.5 h
    expect(t.firstResponseTime.metric).toMatchObject({ value: 3 * H, numerator: 27.5 * H, denominator: 3 })
    // bins <1, 1–2, 2–4, 4–8, 8–24, 24–48, ≥48 h
    expect(t.firstResponseTime.bins.map((b) => b.count)).toEqual([1, 0, 1, 0, 0, 1, 0])
    // d received, still without a first response
    expect(t.firstResponseTime.pending).toBe(1)
    // 结案时长: a 23 h, b 49 h → median (23 + 49) / 2 = 36 h
    expect(t.closeTime.metric).toMatchObject({ value: 36 * H, denominator: 2 })
    // bins <1 d, 1–2, 2–3, 3–7, 7–14, ≥14 d
    expect(t.closeTime.bins.map((b) => b.count)).toEqual([1, 0, 1, 0, 0, 0])
  })

  it('时效达标率 per limit for the period and per week, by hand', () => {
    const t = timeliness(PAGE_INPUT, CTX, NOVEMBER, 'week')
    // sunset: a met, b met, c missed, d missed → 2/4; 24 h: a met, b (27 h), c, d missed → 1/4;
    // follow-up: a (11-03 ≤ 11-05 20:00), b (11-05 ≤ 11-07 12:00) met → 2/2; all 5/10
    expect(t.compliance.firstResponse).toMatchObject({ numerator: 2, denominator: 4 })
    expect(t.compliance.resolution).toMatchObject({ numerator: 1, denominator: 4 })
    expect(t.compliance.followUp).toMatchObject({ numerator: 2, denominator: 2 })
    expect(t.compliance.all).toMatchObject({ numerator: 5, denominator: 10, value: 0.5 })
    const week = (key: string) => t.trend.find((p) => p.key === key)
    // week of 11-02: a's three limits and b's three (b's 24 h missed on 11-04) → 5/6
    expect(week('2026-11-02')?.all).toMatchObject({ numerator: 5, denominator: 6 })
    expect(week('2026-11-02')?.resolution).toMatchObject({ numerator: 1, denominator: 2 })
    // week of 11-09: c and d, sunset and 24 h all missed → 0/4; no follow-up due: "—"
    expect(week('2026-11-09')?.all).toMatchObject({ numerator: 0, denominator: 4, value: 0 })
    expect(week('2026-11-09')?.followUp).toMatchObject({ value: null, denominator: 0 })
    // the weeks add up to the period
    expect(t.trend.reduce((s, p) => s + p.all.denominator, 0)).toBe(10)
    expect(t.trend.map((p) => p.key)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30'
    ])
  })

  it('each bin opens exactly its cases', () => {
    const t = timeliness(PAGE_INPUT, CTX, NOVEMBER, 'day')
    for (const of of ['firstResponseTime', 'closeTime'] as const)
      for (const b of t[of].bins) {
        const refs = drillDown(PAGE_INPUT, CTX, NOVEMBER, {
          metric: 'durationBin',
          of,
          fromMs: b.fromMs,
          toMs: b.toMs
        })
        expect(refs.length).toBe(b.count)
      }
    const third = t.firstResponseTime.bins[2]!
    expect(
      drillDown(PAGE_INPUT, CTX, NOVEMBER, { metric: 'durationBin', of: 'firstResponseTime', ...third }).map(
        (r) => r.id
      )
    ).toEqual(['b'])
  })
})
