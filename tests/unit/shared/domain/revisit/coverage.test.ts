import { describe, expect, it } from 'vitest'
import { coverageOf, isDoneOnTime, measuresOf, statRow, type StatTask } from '@shared/domain/revisit'

const DUE = 1_000
function t(id: string, state: StatTask['state'], over: Partial<StatTask> = {}): StatTask {
  return {
    id,
    rule: 'repair',
    clerk: '1001',
    createdAt: 0,
    windowStart: 0,
    dueAt: DUE,
    samplePercent: 100,
    state,
    ...over
  }
}
const reached = (at: number, satisfaction: 'satisfied' | 'neutral' | 'unsatisfied' = 'satisfied') =>
  ({
    status: 'done',
    endedAt: at,
    final: { id: 'x', at, staffNo: '1', outcome: 'reached', satisfaction }
  }) as const

describe('on time', () => {
  it('done at exactly the due instant is on time, an instant later is not', () => {
    expect(isDoneOnTime(t('a', reached(DUE)))).toBe(true)
    expect(isDoneOnTime(t('a', reached(DUE - 1)))).toBe(true)
    expect(isDoneOnTime(t('a', reached(DUE + 1)))).toBe(false)
    expect(isDoneOnTime(t('a', { status: 'open' }))).toBe(false)
  })
})

describe('coverage (hand-computed fixtures)', () => {
  // 4 repair tasks due in range: 1 on time, 1 late, 1 unreachable, 1 open → 1 / 4 = 25 %
  const repairs = [
    t('a', reached(500, 'satisfied')),
    t('b', reached(1_500, 'unsatisfied')),
    t('c', { status: 'unreachable', endedAt: 900 }),
    t('d', { status: 'open' }),
    // due outside the range: counts nowhere but generated
    t('e', reached(100), { dueAt: 50_000, windowStart: 10, createdAt: 10 })
  ]

  it('counts each measure and the coverage against the target (below 50 % is red)', () => {
    const row = statRow(repairs, 0, 10_000, 50)
    expect(row.counts).toEqual({
      generated: 5,
      due: 4,
      done: 2,
      onTime: 1,
      unreachable: 1,
      refused: 0,
      satisfied: 1,
      neutral: 0,
      unsatisfied: 1
    })
    expect(row.coverage).toBe(25)
    expect(row.belowTarget).toBe(true)
  })

  it('meeting the target exactly is not below it', () => {
    const row = statRow([t('a', reached(10)), t('b', { status: 'open' })], 0, 10_000, 50)
    expect(row.coverage).toBe(50)
    expect(row.belowTarget).toBe(false)
  })

  it('a sampled task stands for 100 ÷ rate customers: 2 of 3 sampled at 10 % on time → 6.7 %', () => {
    const sampled = [t('a', reached(10)), t('b', reached(20)), t('c', { status: 'open' })].map((x) => ({
      ...x,
      samplePercent: 10
    }))
    // population = 3 × 10 = 30 new customers, 2 called on time → 2 / 30 = 6.666… → 6.7
    expect(coverageOf(sampled)).toBe(6.7)
    expect(statRow(sampled, 0, 10_000, 10).belowTarget).toBe(true)
  })

  it('nothing due → no coverage, not below target', () => {
    const row = statRow([], 0, 10, 100)
    expect(row.coverage).toBeNull()
    expect(row.belowTarget).toBe(false)
  })

  it('the range is inclusive at both ends', () => {
    expect(measuresOf(t('a', { status: 'open' }), DUE, DUE)).toContain('due')
    expect(measuresOf(t('a', { status: 'open' }), DUE + 1, DUE + 5)).not.toContain('due')
  })
})
