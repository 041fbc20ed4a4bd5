process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_REWARD_RULES,
  buildProblem,
  decisionPatch,
  emptyProblemForm,
  problemFormSchema,
  readRewardRules,
  rewardFor,
  type Problem
} from '@shared/domain/counter/problem'
import { weeklySummary } from '@shared/domain/counter/weeklySummary'
import { periodRange } from '@shared/domain/counter/week'

const at = (s: string) => Date.parse(`${s}+08:00`)

describe('reward rules', () => {
  it('gives the handbook’s defaults: 50 元 a confirmed data error, 100 元 an adopted suggestion', () => {
    expect(rewardFor('dataError', 'handled', DEFAULT_REWARD_RULES)).toBe(50)
    expect(rewardFor('dataError', 'adopted', DEFAULT_REWARD_RULES)).toBe(50)
    expect(rewardFor('suggestion', 'adopted', DEFAULT_REWARD_RULES)).toBe(100)
    expect(rewardFor('suggestion', 'handled', DEFAULT_REWARD_RULES)).toBe(0)
    expect(rewardFor('process', 'adopted', DEFAULT_REWARD_RULES)).toBe(0)
  })

  it('never rewards a declined problem, whatever the settings say', () => {
    const rules = readRewardRules({ dataError: { declined: 30 } })
    expect(rewardFor('dataError', 'declined', rules)).toBe(0)
  })

  it('reads stored settings, with defaults for missing or bad amounts', () => {
    const rules = readRewardRules({ suggestion: { adopted: 200 }, dataError: { handled: -5, adopted: 'x' } })
    expect(rules.suggestion.adopted).toBe(200)
    expect(rules.dataError).toEqual(DEFAULT_REWARD_RULES.dataError)
    expect(readRewardRules(undefined)).toEqual(DEFAULT_REWARD_RULES)
  })
})

describe('deciding a problem', () => {
  const open = { kind: 'suggestion' as const, status: 'open' as const }
  const now = at('2026-11-23T10:00:00')

  it('fixes the reward on the record when a 值班长 or 客服经理 decides', () => {
    const r = decisionPatch(
      open,
      { decision: 'adopted', note: '好主意' },
      { staffNo: '9001', role: 'manager' },
      DEFAULT_REWARD_RULES,
      now
    )
    expect(r).toEqual({
      ok: true,
      patch: { status: 'adopted', decidedBy: '9001', decidedAt: now, decisionNote: '好主意', reward: 100 }
    })
    const leader = decisionPatch(
      open,
      { decision: 'declined', note: '' },
      { staffNo: '2001', role: 'shiftLeader' },
      DEFAULT_REWARD_RULES,
      now
    )
    expect(leader).toMatchObject({ ok: true, patch: { status: 'declined', reward: 0 } })
  })

  it('refuses a clerk, an unknown person, and a second decision', () => {
    const who = { staffNo: '1001', role: 'clerk' as const }
    expect(decisionPatch(open, { decision: 'adopted', note: '' }, who, DEFAULT_REWARD_RULES, now)).toEqual({
      ok: false,
      message: 'counter.refused.notDecider'
    })
    expect(
      decisionPatch(
        open,
        { decision: 'adopted', note: '' },
        { staffNo: 'x', role: undefined },
        DEFAULT_REWARD_RULES,
        now
      )
    ).toMatchObject({ ok: false })
    expect(
      decisionPatch(
        { ...open, status: 'adopted' },
        { decision: 'declined', note: '' },
        { staffNo: '9001', role: 'manager' },
        DEFAULT_REWARD_RULES,
        now
      )
    ).toEqual({ ok: false, message: 'counter.refused.alreadyDecided' })
  })
})

describe('the problem form', () => {
  it('needs a description of at most 2 000 characters', () => {
    const empty = problemFormSchema.safeParse({ ...emptyProblemForm, description: '   ' })
    expect(empty.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['description', 'counter.descriptionRequired']
    ])
    const long = problemFormSchema.safeParse({ ...emptyProblemForm, description: '长'.repeat(2001) })
    expect(long.error?.issues.map((i) => i.message)).toEqual(['validation.tooLong'])
    expect(problemFormSchema.parse({ ...emptyProblemForm, description: '价签错了' })).toMatchObject({
      kind: 'dataError',
      complaintId: null
    })
  })
})

describe('每周汇总 (hand-computed)', () => {
  const week = periodRange('week', at('2026-11-18T12:00:00')) // Mon 16 – Sun 22 Nov
  const p = (id: string, over: Partial<Problem>): Problem => ({
    ...buildProblem(
      { kind: 'dataError', description: id, product: '', itemNo: '', complaintId: null },
      { id, staffNo: '1001', createdAt: at('2026-11-17T09:00:00') }
    ),
    ...over
  })
  const problems = [
    p('a', { status: 'handled', reward: 50, decidedAt: at('2026-11-18T09:00:00'), decidedBy: '9001' }),
    p('b', {
      kind: 'suggestion',
      staffNo: '1002',
      status: 'adopted',
      reward: 100,
      decidedAt: at('2026-11-22T23:59:00')
    }),
    p('c', { kind: 'process', staffNo: '1002' }), // open, 5 days old at the week's end
    // logged the week before, adopted this week: this week's reward, not this week's log
    p('d', {
      kind: 'suggestion',
      createdAt: at('2026-11-10T09:00:00'),
      status: 'adopted',
      reward: 100,
      decidedAt: at('2026-11-16T00:00:00')
    }),
    // open since 8 Nov: 14 days at Sunday 23:59 → stale
    p('e', { kind: 'other', createdAt: at('2026-11-08T09:00:00') }),
    // decided Monday 00:00 of the NEXT week: not this week's
    p('f', { status: 'handled', reward: 50, decidedAt: at('2026-11-23T00:00:00') })
  ]
  const s = weeklySummary(problems, [], week)

  it('counts the week’s problems by kind and status, and per clerk', () => {
    expect(s.logged).toBe(4) // a, b, c, f
    expect(s.byKindStatus.dataError).toEqual({ open: 0, handled: 2, adopted: 0, declined: 0 })
    expect(s.byKindStatus.suggestion.adopted).toBe(1)
    expect(s.byKindStatus.process.open).toBe(1)
    expect(s.byClerk).toEqual([
      { staffNo: '1001', byKind: { dataError: 2, process: 0, suggestion: 0, other: 0 }, total: 2 },
      { staffNo: '1002', byKind: { dataError: 0, process: 1, suggestion: 1, other: 0 }, total: 2 }
    ])
  })

  it('sums rewards of the decisions made in the week per clerk who logged them', () => {
    expect(s.adoptedSuggestions.map((x) => x.id)).toEqual(['d', 'b'])
    expect(s.rewards).toEqual([
      { staffNo: '1001', amount: 150, count: 2 }, // a 50 + d 100
      { staffNo: '1002', amount: 100, count: 1 }
    ])
    expect(s.rewardTotal).toBe(250)
  })

  it('lists problems open 14 days or more at the week’s end', () => {
    expect(s.staleOpen.map((x) => x.id)).toEqual(['e'])
  })
})
