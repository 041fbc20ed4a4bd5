process.env.TZ = 'Asia/Shanghai'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TIME_RULES,
  escalationsToRecord,
  evaluateTime,
  nextEscalationAt,
  overdueAt,
  type ComplaintClock,
  type TimeRuleSettings
} from '@shared/domain/timeRules'
import { STATUSES } from '@shared/domain/complaint'

// overdueAt / nextEscalationAt are index keys standing in for evaluateTime / escalationsToRecord:
// for every `now`, "now ≥ key" must give exactly the same answer as evaluating the case.

const H = 3_600_000
const BASE = Date.parse('2026-11-22T10:00:00+08:00')

/** A time `after` 0…`span` ms later, present with probability `p` (else null). */
const maybeAfter = (p: number, span: number) =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: Math.round((1 - p) * 10) },
    { arbitrary: fc.integer({ min: 0, max: span }), weight: Math.round(p * 10) }
  )

const randomCase: fc.Arbitrary<ComplaintClock> = fc
  .record({
    status: fc.constantFrom(...STATUSES),
    receivedAt: fc.integer({ min: BASE - 48 * H, max: BASE + 48 * H }),
    firstResponse: maybeAfter(0.7, 40 * H),
    resolved: maybeAfter(0.5, 120 * H),
    revisit: maybeAfter(0.4, 100 * H),
    escalationLevel: fc.constantFrom(0, 1, 2)
  })
  .map(({ status, receivedAt, firstResponse, resolved, revisit, escalationLevel }) => {
    const resolvedAt = resolved === null ? null : receivedAt + resolved
    return {
      id: 'c',
      status,
      receivedAt,
      firstResponseAt: firstResponse === null ? null : receivedAt + firstResponse,
      resolvedAt,
      revisit: resolvedAt !== null && revisit !== null ? { at: resolvedAt + revisit } : null,
      escalationLevel
    }
  })

/** Twelve random instants around the case, as offsets from its receipt. */
const randomOffsets = fc.array(fc.integer({ min: -60 * H, max: 140 * H }), { minLength: 12, maxLength: 12 })

const RULES: TimeRuleSettings[] = [
  DEFAULT_TIME_RULES,
  {
    storeDayEndsAt: '22:00',
    escalateToLeaderAfterHours: 12,
    escalateToManagerAfterHours: 6,
    revisitWithinDays: 1
  },
  {
    storeDayEndsAt: '02:00',
    escalateToLeaderAfterHours: 48,
    escalateToManagerAfterHours: 24,
    revisitWithinDays: 7
  }
]

/** Instants worth probing: random ones plus each key and its neighbours (the boundaries). */
function probes(offsets: number[], c: ComplaintClock, keys: (number | null)[]): number[] {
  const out = offsets.map((o) => c.receivedAt + o)
  for (const k of keys) if (k !== null && Number.isFinite(k)) out.push(k - 1, k, k + 1)
  return out
}

describe('time-rule instants used as index keys', () => {
  for (const [i, rules] of RULES.entries()) {
    it(`overdueAt agrees with evaluateTime at every instant (rules #${i})`, () => {
      fc.assert(
        fc.property(randomCase, randomOffsets, (c, offsets) => {
          const key = overdueAt(c, rules)
          for (const now of probes(offsets, c, [key])) {
            expect(key !== null && now >= key, JSON.stringify({ c, now, key })).toBe(
              evaluateTime(c, now, rules).overdue
            )
          }
        }),
        { seed: 7 + i, numRuns: 3000 }
      )
    })

    it(`nextEscalationAt agrees with escalationsToRecord at every instant (rules #${i})`, () => {
      fc.assert(
        fc.property(randomCase, randomOffsets, (c, offsets) => {
          const key = nextEscalationAt(c, rules)
          for (const now of probes(offsets, c, [key])) {
            expect(key !== null && now >= key, JSON.stringify({ c, now, key })).toBe(
              escalationsToRecord(c, now, rules).length > 0
            )
          }
        }),
        { seed: 99 + i, numRuns: 3000 }
      )
    })
  }

  it('ended cases have no keys; an open case with nothing pending has no overdue key', () => {
    const settled: ComplaintClock = {
      id: 'c',
      status: 'awaitingRevisit',
      receivedAt: BASE,
      firstResponseAt: BASE + H,
      resolvedAt: BASE + 2 * H,
      revisit: { at: BASE + 3 * H },
      escalationLevel: 0
    }
    expect(overdueAt(settled, DEFAULT_TIME_RULES)).toBeNull()
    expect(nextEscalationAt(settled, DEFAULT_TIME_RULES)).toBeNull()
    for (const status of ['closed', 'rejected'] as const) {
      const c = { ...settled, status, resolvedAt: null, revisit: null }
      expect(overdueAt(c, DEFAULT_TIME_RULES)).toBeNull()
      expect(nextEscalationAt(c, DEFAULT_TIME_RULES)).toBeNull()
    }
  })

  it('a case resolved exactly at the leader deadline still has that escalation due (and no manager one)', () => {
    const leader = BASE + 24 * H
    const c: ComplaintClock = {
      id: 'c',
      status: 'awaitingRevisit',
      receivedAt: BASE,
      firstResponseAt: BASE + H,
      resolvedAt: leader,
      revisit: null,
      escalationLevel: 0
    }
    expect(nextEscalationAt(c, DEFAULT_TIME_RULES)).toBe(leader)
    expect(escalationsToRecord(c, leader, DEFAULT_TIME_RULES).map((e) => e.level)).toEqual([1])
    expect(nextEscalationAt({ ...c, escalationLevel: 1 }, DEFAULT_TIME_RULES)).toBeNull()
  })
})
