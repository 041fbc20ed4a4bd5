process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  anomalyReport,
  anomalySettingsSchema,
  DEFAULT_ANOMALY_SETTINGS,
  isSpike,
  type AnomalyFlag
} from '@shared/domain/metrics/anomalies'
import type { MetricCase, MetricContext } from '@shared/domain/metrics/timeLimits'
import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'

// The report day is Monday 2026-11-30; its baseline is Mondays 11-23, 11-16, 11-09, 11-02.
const at = (date: string, hhmm: string, extraMs = 0) => Date.parse(`${date}T${hhmm}:00+08:00`) + extraMs
const DAY = '2026-11-30'
const BASELINE = ['2026-11-23', '2026-11-16', '2026-11-09', '2026-11-02']
const CTX: MetricContext = { rules: DEFAULT_TIME_RULES, closedDays: [], asOf: at('2026-12-01', '00:00') }
const S = DEFAULT_ANOMALY_SETTINGS

let n = 0
/** A case received at `receivedAt` and answered in 10 min (no limit missed on the day), unless `late`. */
function kase(receivedAt: number, over: Partial<MetricCase> = {}): MetricCase {
  n++
  return {
    id: `k${String(n).padStart(3, '0')}`,
    customerId: `cust${n}`,
    status: 'inProgress',
    receivedAt,
    firstResponseAt: receivedAt + 600_000,
    resolvedAt: receivedAt + 3_600_000,
    closedAt: null,
    revisit: null,
    escalationLevel: 0,
    ...over
  }
}
const onDay = (date: string, count: number, over: Partial<MetricCase> = {}) =>
  Array.from({ length: count }, (_, i) => kase(at(date, `${String(9 + i).padStart(2, '0')}:00`), over))
const unanswered = { firstResponseAt: null, resolvedAt: null }
const rules = (flags: AnomalyFlag[]) => flags.map((f) => f.rule)
const EMPTY = { escalations: [], followUps: [] }

describe('the spike rule at its edges (150 %, at least 3)', () => {
  it('baseline 2,2,2,2 (mean 2): 3 = 150 % is a spike, 2 is not', () => {
    expect(isSpike(3, [2, 2, 2, 2], S)).toBe(true) // 3 × 4 × 100 = 1200 ≥ 150 × 8 = 1200
    expect(isSpike(2, [2, 2, 2, 2], S)).toBe(false)
  })

  it('an empty baseline: 3 is a spike, 2 is below the minimum count', () => {
    expect(isSpike(3, [0, 0, 0, 0], S)).toBe(true)
    expect(isSpike(2, [0, 0, 0, 0], S)).toBe(false)
  })

  it('baseline 4,4,4,5 (mean 4.25): 150 % is 6.375 → 7 is a spike, 6 is not', () => {
    expect(isSpike(7, [4, 4, 4, 5], S)).toBe(true) // 2800 ≥ 2550
    expect(isSpike(6, [4, 4, 4, 5], S)).toBe(false) // 2400 < 2550
  })

  it('a setting of 130 % with baseline 3,3,4,3 (130 % of 3.25 = 4.225): exact in integers, 5 yes, 4 no', () => {
    const s = { ...S, spikePercent: 130 }
    expect(isSpike(5, [3, 3, 4, 3], s)).toBe(true) // 2000 ≥ 1690
    expect(isSpike(4, [3, 3, 4, 3], s)).toBe(false) // 1600 < 1690
  })

  it('validates its settings', () => {
    expect(
      anomalySettingsSchema.safeParse({ spikePercent: 100, spikeMinCount: 3, repeatWindowDays: 30 }).success
    ).toBe(false)
    expect(anomalySettingsSchema.parse(S)).toEqual(S)
  })
})

describe('质量异常分析日报表', () => {
  it('compares the day with the same weekday of the previous four weeks', () => {
    const r = anomalyReport(DAY, { cases: [], ...EMPTY }, CTX)
    expect(r.baselineDays).toEqual(BASELINE)
    expect(r.flags).toEqual([])
  })

  it('complaint volume: 2 on each baseline Monday, 3 today → flagged with today’s cases; 2 today → not', () => {
    const base = BASELINE.flatMap((d) => onDay(d, 2))
    const today = onDay(DAY, 3)
    const other = onDay('2026-11-29', 9) // a busy Sunday is neither today nor a baseline day
    const r = anomalyReport(DAY, { cases: [...base, ...today, ...other], ...EMPTY }, CTX)
    expect(r.complaints).toEqual({ today: 3, baseline: [2, 2, 2, 2] })
    expect(r.flags).toEqual([
      { rule: 'complaintSpike', today: 3, baseline: [2, 2, 2, 2], caseIds: today.map((c) => c.id) }
    ])
    const quieter = anomalyReport(DAY, { cases: [...base, ...today.slice(0, 2)], ...EMPTY }, CTX)
    expect(rules(quieter.flags)).toEqual([])
  })

  it('overdue: cases missing a limit due that day; 1 per baseline Monday, 3 today → flagged; 2 → not', () => {
    const base = BASELINE.flatMap((d) => [...onDay(d, 1, unanswered), ...onDay(d, 3)])
    const late = onDay(DAY, 3, unanswered) // no first response: each misses the sunset rule today
    const fine = onDay(DAY, 1)
    const r = anomalyReport(DAY, { cases: [...base, ...late, ...fine], ...EMPTY }, CTX)
    expect(r.overdue).toEqual({ today: 3, baseline: [1, 1, 1, 1] })
    expect(r.flags.find((f) => f.rule === 'overdueSpike')).toEqual({
      rule: 'overdueSpike',
      today: 3,
      baseline: [1, 1, 1, 1],
      caseIds: late.map((c) => c.id)
    })
    const fewer = anomalyReport(DAY, { cases: [...base, ...late.slice(1), ...fine], ...EMPTY }, CTX)
    expect(rules(fewer.flags)).not.toContain('overdueSpike')
  })

  it('a report for a day still running counts only limits already final (asOf noon: today’s sunsets are open)', () => {
    const late = onDay(DAY, 3, unanswered)
    const noon = { ...CTX, asOf: at(DAY, '12:00') }
    expect(anomalyReport(DAY, { cases: late, ...EMPTY }, noon).overdue.today).toBe(0)
    expect(anomalyReport(DAY, { cases: late, ...EMPTY }, CTX).overdue.today).toBe(3)
  })

  it('repeat complaints: exactly 30 days before counts, 30 days + 1 ms does not; two the same day count', () => {
    const p1 = kase(at('2026-10-31', '10:00'), { customerId: 'P' }) // 30 × 24 h before p2
    const p2 = kase(at(DAY, '10:00'), { customerId: 'P' })
    const q1 = kase(at('2026-10-31', '11:00', -1), { customerId: 'Q' }) // 30 days + 1 ms before q2
    const q2 = kase(at(DAY, '11:00'), { customerId: 'Q' })
    const r1 = kase(at(DAY, '09:00'), { customerId: 'R' })
    const r2 = kase(at(DAY, '16:00'), { customerId: 'R' })
    const later = kase(at('2026-12-01', '09:00'), { customerId: 'R' }) // after the day: not listed
    const r = anomalyReport(DAY, { cases: [p1, p2, q1, q2, r1, r2, later], ...EMPTY }, CTX)
    expect(r.flags.filter((f) => f.rule === 'repeatCustomer')).toEqual([
      { rule: 'repeatCustomer', customerId: 'P', caseIds: [p1.id, p2.id] },
      { rule: 'repeatCustomer', customerId: 'R', caseIds: [r1.id, r2.id] }
    ])
  })

  it('escalated to the manager that day (level 2, dated on the day) and 不满意 follow-ups that day', () => {
    const r = anomalyReport(
      DAY,
      {
        cases: [],
        escalations: [
          { caseId: 'X', level: 2, at: at(DAY, '09:00') },
          { caseId: 'Y', level: 1, at: at(DAY, '09:00') }, // only the shift leader
          { caseId: 'Z', level: 2, at: at(DAY, '00:00', -1) } // the day before, 1 ms before midnight
        ],
        followUps: [
          { caseId: 'U', at: at(DAY, '23:59', 59_999), satisfaction: 'unsatisfied' },
          { caseId: 'V', at: at(DAY, '10:00'), satisfaction: 'neutral' },
          { caseId: 'W', at: at('2026-12-01', '00:00'), satisfaction: 'unsatisfied' } // next day
        ]
      },
      CTX
    )
    expect(r.flags).toEqual([
      { rule: 'managerEscalation', caseIds: ['X'] },
      { rule: 'unsatisfiedFollowUp', caseIds: ['U'] }
    ])
  })
})
