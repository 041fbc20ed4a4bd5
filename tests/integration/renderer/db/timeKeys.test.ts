// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
// eslint-disable-next-line no-restricted-imports -- builds a database as schema version 1 left it, to test the upgrade
import Dexie from 'dexie'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { availableActions, DEFAULT_WORKFLOW_SETTINGS, type WorkflowAction } from '@shared/domain/workflow'
import { evaluateTime, escalationsToRecord } from '@shared/domain/timeRules'
import { applyWorkflow, WorkflowRefusedError } from '@/db/workflow'
import { countComplaints, countOverdue, listComplaints } from '@/db/complaintQuery'
import { openDataLayer } from '@/db/context'
import { recordDueEscalations } from '@/db/escalations'
import { registerComplaint } from '@/db/complaints'
import { rederiveIfZoneChanged, saveTimeRules } from '@/db/timeRules'
// eslint-disable-next-line no-restricted-imports -- the version-1 schema itself, for the same reason
import { SCHEMA_V1 } from '@/db/schema'
import { random, randomChoices } from '../../../support/randomChoices'
import { device, freshData } from './helpers'

// 已超时 and the escalation sweep are answered from derived index keys (_openAt, _overdueAt,
// _escalateAt). These tests hold the index answers to the rules evaluated case by case.

const H = 3_600_000
const intake = () =>
  complaintIntakeSchema('2026-11-30').parse({
    ...emptyIntakeForm,
    customerPhone: '13800138000',
    customerName: '张三',
    content: '问题'
  })
const manager = { staffNo: '9001', role: 'manager' as const }

function actionFor(type: string, r: () => number): WorkflowAction {
  switch (type) {
    case 'judgeInvalid':
      return { type, explanation: '经核实，商品符合标准，感谢您的理解。' }
    case 'assignDepartment':
      return { type, department: '采购部' }
    case 'proposePlan':
      return { type, resolution: 'refund', amount: 100, text: '为您办理退款' }
    case 'approvePlan':
      return { type, note: '同意' }
    case 'returnPlan':
      return { type, reason: '金额需核实' }
    case 'recordResult':
      return { type, text: '已退款', accepted: r() < 0.8 }
    case 'recordRevisit': {
      const unsatisfied = r() < 0.3
      return {
        type,
        satisfaction: unsatisfied ? 'unsatisfied' : 'satisfied',
        notes: '客户反馈配送时间太长',
        reopen: unsatisfied && r() < 0.5
      }
    }
    case 'closeCase':
      return { type, feedbackDepartments: ['采购部'] }
    case 'urge':
      return { type, note: '请尽快' }
    default:
      return { type: 'judgeValid' }
  }
}

/** What the rules say, case by case, at the data layer's current time. */
async function evaluated(ctx: Awaited<ReturnType<typeof freshData>>) {
  const all = await ctx.db.complaints.toArray()
  const now = ctx.now()
  return {
    overdue: all
      .filter((c) => evaluateTime(c, now, ctx.timeRules).overdue)
      .map((c) => c.id)
      .sort(),
    escalating: all
      .filter((c) => escalationsToRecord(c, now, ctx.timeRules).length > 0)
      .map((c) => c.id)
      .sort()
  }
}

describe('derived time keys', () => {
  it('random workflows over days: the indexes always agree with the rules evaluated case by case', () =>
    fc.assert(
      fc.asyncProperty(randomChoices(), async (choices) => {
        const ctx = await freshData()
        const r = random(choices).next
        const ids: string[] = []
        for (let step = 0; step < 400; step++) {
          ctx.time.value += Math.floor(r() * 6 * H)
          if (r() < 0.25 || ids.length === 0) ids.push((await registerComplaint(ctx, '1001', intake())).id)
          else {
            const id = ids[Math.floor(r() * ids.length)] as string
            const c = await ctx.db.complaints.get(id)
            const options = c ? availableActions(c, manager, DEFAULT_WORKFLOW_SETTINGS) : []
            // proposePlan is offered before a department is set (to say why it is needed): refusals are fine here
            if (options.length)
              await applyWorkflow(
                ctx,
                manager,
                id,
                actionFor(options[Math.floor(r() * options.length)] as string, r)
              ).catch((e: unknown) => expect(e).toBeInstanceOf(WorkflowRefusedError))
          }
          if (r() < 0.2) await recordDueEscalations(ctx)
          if (step % 20 === 0) {
            const truth = await evaluated(ctx)
            const viaIndex = (
              await ctx.db.complaints.where('_overdueAt').belowOrEqual(ctx.now()).primaryKeys()
            ).sort()
            const escalating = (
              await ctx.db.complaints.where('_escalateAt').belowOrEqual(ctx.now()).primaryKeys()
            ).sort()
            expect(viaIndex).toEqual(truth.overdue)
            expect(escalating).toEqual(truth.escalating)
            expect(await countOverdue(ctx)).toBe(truth.overdue.length)
            expect(await countComplaints(ctx, { status: 'all', search: '', overdue: true })).toBe(
              truth.overdue.length
            )
          }
        }
        expect(ids.length).toBeGreaterThan(50)
      }),
      { seed: 2026, numRuns: 1, endOnFailure: true }
    ))

  it('ended cases leave the open index; the sweep moves a case on to its next deadline', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1001', intake())
    expect((await ctx.db.complaints.get(c.id))?._openAt).toBe(c.receivedAt)
    ctx.time.value += 25 * H
    expect(await recordDueEscalations(ctx)).toBe(1)
    const after = await ctx.db.complaints.get(c.id)
    expect(after?._escalateAt).toBe(c.receivedAt + 48 * H)
    expect(await recordDueEscalations(ctx)).toBe(0)
    await applyWorkflow(ctx, manager, c.id, {
      type: 'judgeInvalid',
      explanation: '经核实，商品符合标准，感谢您的理解。'
    })
    const ended = await ctx.db.complaints.get(c.id)
    expect(ended && ['_openAt', '_overdueAt', '_escalateAt'].filter((k) => k in ended)).toEqual([])
    expect(await countOverdue(ctx)).toBe(0)
  })

  it('changing the time rules recomputes the keys of open cases', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1001', intake())
    await applyWorkflow(ctx, manager, c.id, { type: 'judgeValid' }) // answered: only the 24 h rule is left
    ctx.time.value += 3 * H
    expect(await countOverdue(ctx)).toBe(0)
    await saveTimeRules(ctx, '9001', { ...ctx.timeRules, escalateToLeaderAfterHours: 2 })
    expect((await ctx.db.complaints.get(c.id))?._escalateAt).toBe(c.receivedAt + 2 * H)
    expect(await countOverdue(ctx)).toBe(1)
    expect(
      (await listComplaints(ctx, { status: 'all', search: '', overdue: true }, 0, 10)).map((x) => x.id)
    ).toEqual([c.id])
    expect(await recordDueEscalations(ctx)).toBe(1)
  })

  it('a database from before the keys existed gets them on upgrade', async () => {
    const dbName = `upgrade-${Math.random()}`
    const receivedAt = Date.parse('2026-11-20T10:00:00+08:00')
    const old = new Dexie(dbName)
    old.version(1).stores(SCHEMA_V1)
    const stamp = { hlc: '000000000000000-0000-dev-a', device: 'dev-a', staffNo: '1001' }
    await old.table('complaints').bulkAdd([
      {
        id: 'open',
        no: 'TS-20261120-A3-001',
        status: 'registered',
        receivedAt,
        firstResponseAt: null,
        resolvedAt: null,
        revisit: null,
        escalationLevel: 0,
        _clock: {},
        _created: stamp,
        _updated: stamp
      },
      {
        id: 'done',
        no: 'TS-20261120-A3-002',
        status: 'closed',
        receivedAt,
        firstResponseAt: receivedAt,
        resolvedAt: receivedAt,
        revisit: null,
        escalationLevel: 0,
        _clock: {},
        _created: stamp,
        _updated: stamp
      }
    ])
    old.close()
    const ctx = await openDataLayer(device(), { dbName, now: () => receivedAt + 50 * H })
    expect(await countOverdue(ctx)).toBe(1)
    expect((await ctx.db.complaints.get('done'))?._openAt).toBeUndefined()
    expect(await recordDueEscalations(ctx)).toBe(2)
  })

  it('a change of the PC time zone recomputes the keys (store days end at local midnight)', async () => {
    const saved = process.env.TZ
    try {
      process.env.TZ = 'Asia/Shanghai'
      const ctx = await freshData({ time: { value: Date.parse('2026-11-22T23:55:00+08:00') } })
      await rederiveIfZoneChanged(ctx, 'Asia/Shanghai')
      const c = await registerComplaint(ctx, '1001', intake())
      expect((await ctx.db.complaints.get(c.id))?._overdueAt).toBe(Date.parse('2026-11-23T00:00:00+08:00'))
      expect(await rederiveIfZoneChanged(ctx, 'Asia/Shanghai')).toBe(false)
      process.env.TZ = 'UTC'
      expect(await rederiveIfZoneChanged(ctx, 'UTC')).toBe(true)
      expect((await ctx.db.complaints.get(c.id))?._overdueAt).toBe(Date.parse('2026-11-23T00:00:00Z'))
    } finally {
      process.env.TZ = saved
    }
  })
})
