process.env.TZ = 'Asia/Shanghai'
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

function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomCase(r: () => number): ComplaintClock {
  const receivedAt = BASE + Math.floor((r() - 0.5) * 96 * H)
  const maybe = (p: number, span: number) => (r() < p ? receivedAt + Math.floor(r() * span) : null)
  const resolvedAt = maybe(0.5, 120 * H)
  return {
    id: 'c',
    status: STATUSES[Math.floor(r() * STATUSES.length)] ?? 'registered',
    receivedAt,
    firstResponseAt: maybe(0.7, 40 * H),
    resolvedAt,
    revisit: resolvedAt !== null && r() < 0.4 ? { at: resolvedAt + Math.floor(r() * 100 * H) } : null,
    escalationLevel: Math.floor(r() * 3) as 0 | 1 | 2
  }
}

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
function probes(r: () => number, c: ComplaintClock, keys: (number | null)[]): number[] {
  const out = Array.from({ length: 12 }, () => c.receivedAt + Math.floor((r() - 0.3) * 200 * H))
  for (const k of keys) if (k !== null && Number.isFinite(k)) out.push(k - 1, k, k + 1)
  return out
}

describe('time-rule instants used as index keys', () => {
  for (const [i, rules] of RULES.entries()) {
    it(`overdueAt agrees with evaluateTime at every instant (rules #${i})`, () => {
      const r = rng(7 + i)
      for (let n = 0; n < 3000; n++) {
        const c = randomCase(r)
        const key = overdueAt(c, rules)
        for (const now of probes(r, c, [key])) {
          expect(key !== null && now >= key, JSON.stringify({ c, now, key })).toBe(
            evaluateTime(c, now, rules).overdue
          )
        }
      }
    })

    it(`nextEscalationAt agrees with escalationsToRecord at every instant (rules #${i})`, () => {
      const r = rng(99 + i)
      for (let n = 0; n < 3000; n++) {
        const c = randomCase(r)
        const key = nextEscalationAt(c, rules)
        for (const now of probes(r, c, [key])) {
          expect(key !== null && now >= key, JSON.stringify({ c, now, key })).toBe(
            escalationsToRecord(c, now, rules).length > 0
          )
        }
      }
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
