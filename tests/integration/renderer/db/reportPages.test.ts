process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { buildComplaint, type Complaint } from '@shared/domain/complaint'
import { anomalyReport, DEFAULT_ANOMALY_SETTINGS } from '@shared/domain/metrics/anomalies'
import { answeredFollowUps } from '@shared/domain/metrics/rates'
import { customPeriod, type Period } from '@shared/domain/metrics/period'
import { addStaff } from '@/db/staff'
import {
  AnomalySettingsRefusedError,
  getAnomalySettings,
  reportAnomalies,
  saveAnomalySettings
} from '@/db/reportAnomalies'
import { reportFeedback } from '@/db/reportFeedback'
import { drillDownRows } from '@/db/drillRows'
import { freshData } from './helpers'
import { intake } from './sync/harness'

// 质量异常分析日报表 and 部门反馈 through the data layer: the figures read from the day rows equal the
// pure rules on the records themselves and the hand count; every flag's and cell's list is exactly
// the records behind its number; the thresholds are the manager's, refused otherwise, nothing written.

const at = (s: string) => Date.parse(`${s}+08:00`)
type Ctx = Awaited<ReturnType<typeof freshData>>
type Over = Partial<Complaint> & { id: string; receivedAt: number }

let phones = 0
async function complaint(ctx: Ctx, over: Over): Promise<void> {
  const base = buildComplaint(intake({ customerPhone: `1380013${String(++phones).padStart(4, '0')}` }), {
    id: over.id,
    no: `TS-${over.id}`,
    customerId: `cust-${over.customerId ?? over.id}`,
    receivedAt: over.receivedAt,
    firstResponder: '1001'
  })
  await ctx.writer.transact('1001', (tx) =>
    tx.create('complaints', { ...base, ...over, customerId: base.customerId })
  )
}

/** a case dealt with at once (不成立 within 30 minutes): no limit can be missed */
const quiet = (id: string, received: string, customerId?: string): Over => ({
  id,
  receivedAt: at(received),
  status: 'rejected',
  firstResponseAt: at(received) + 1_800_000,
  closedAt: at(received) + 1_800_000,
  ...(customerId ? { customerId } : {})
})

const D = '2026-11-23' // a Monday; baseline 11-16, 11-09, 11-02, 10-26

async function anomalyStore() {
  const ctx = await freshData({ time: { value: at('2026-10-20T08:00:00') } })
  // baseline: one quiet complaint on each of the four Mondays
  for (const [i, d] of ['2026-11-16', '2026-11-09', '2026-11-02', '2026-10-26'].entries())
    await complaint(ctx, quiet(`b${i}`, `${d}T10:00:00`))
  // customer A: 2026-11-01 (22 days before D), and twice on D
  await complaint(ctx, quiet('a0', '2026-11-01T10:00:00', 'A'))
  // D: four complaints; three get no first response (the sunset rule is missed at D's end)
  await complaint(ctx, { id: 'd1', receivedAt: at(`${D}T09:00:00`), customerId: 'A', escalationLevel: 2 })
  await complaint(ctx, { id: 'd2', receivedAt: at(`${D}T10:00:00`), customerId: 'A', escalationLevel: 2 })
  await complaint(ctx, { id: 'd3', receivedAt: at(`${D}T11:00:00`) })
  await complaint(ctx, quiet('d4', `${D}T12:00:00`))
  // customer B: 31 days before D (outside the window) and once on D (quiet): no repeat
  await complaint(ctx, quiet('e0', '2026-10-23T09:00:00', 'B'))
  await complaint(ctx, quiet('e1', `${D}T13:00:00`, 'B'))
  // a case followed up 不满意 on D (received 11-20, result accepted 11-21)
  await complaint(ctx, {
    id: 'u1',
    receivedAt: at('2026-11-20T09:00:00'),
    status: 'closed',
    firstResponseAt: at('2026-11-20T09:30:00'),
    resolvedAt: at('2026-11-21T09:00:00'),
    revisit: { at: at(`${D}T15:00:00`), satisfaction: 'unsatisfied', by: '1001', remark: '' } as never,
    closedAt: at(`${D}T15:10:00`)
  })
  // escalation events: d2 to the manager on D; d1's level 1 on D and level 2 the day before do not count
  await ctx.writer.transact('SYSTEM', async (tx) => {
    await tx.create('events', {
      id: 'ev1',
      subjectId: 'd2',
      type: 'escalated',
      at: at(`${D}T16:00:00`),
      staffNo: 'SYSTEM',
      data: { level: 2 }
    })
    await tx.create('events', {
      id: 'ev3',
      subjectId: 'd1',
      type: 'escalated',
      at: at(`${D}T08:00:00`) - 86_400_000,
      staffNo: 'SYSTEM',
      data: { level: 2 }
    })
    await tx.create('events', {
      id: 'ev2',
      subjectId: 'd1',
      type: 'escalated',
      at: at(`${D}T12:00:00`),
      staffNo: 'SYSTEM',
      data: { level: 1 }
    })
  })
  ctx.time.value = at('2026-11-24T10:00:00')
  return ctx
}

describe('质量异常分析日报表 through the data layer', () => {
  it('the hand count of the day, equal to the pure rules on the records', async () => {
    const ctx = await anomalyStore()
    const r = await reportAnomalies(ctx, D)
    expect(r.baselineDays).toEqual(['2026-11-16', '2026-11-09', '2026-11-02', '2026-10-26'])
    // d1 d2 d3 d4 e1 = 5 vs 1,1,1,1: 5·4·100 = 2000 ≥ 150·4 = 600, and 5 ≥ 3
    expect(r.complaints).toEqual({ today: 5, baseline: [1, 1, 1, 1] })
    // d1 d2 d3 missed the sunset rule on D; nothing missed on the baseline days
    expect(r.overdue).toEqual({ today: 3, baseline: [0, 0, 0, 0] })
    expect(r.flags).toEqual([
      { rule: 'complaintSpike', today: 5, baseline: [1, 1, 1, 1], caseIds: ['d1', 'd2', 'd3', 'd4', 'e1'] },
      { rule: 'overdueSpike', today: 3, baseline: [0, 0, 0, 0], caseIds: ['d1', 'd2', 'd3'] },
      { rule: 'repeatCustomer', customerId: 'cust-A', caseIds: ['a0', 'd1', 'd2'] },
      { rule: 'managerEscalation', caseIds: ['d2'] },
      { rule: 'unsatisfiedFollowUp', caseIds: ['u1'] }
    ])
    // the same as the pure rules on the complaint records themselves
    const records = await ctx.db.complaints.toArray()
    const pure = anomalyReport(
      D,
      {
        cases: records,
        escalations: [{ caseId: 'd2', level: 2, at: at(`${D}T16:00:00`) }],
        followUps: answeredFollowUps(records)
      },
      { rules: ctx.timeRules, closedDays: [], asOf: ctx.now() },
      DEFAULT_ANOMALY_SETTINGS
    )
    expect(r.flags).toEqual(pure.flags)
  })

  it('each flag’s list is exactly its records (the drill-down loads every one of them)', async () => {
    const ctx = await anomalyStore()
    const r = await reportAnomalies(ctx, D)
    for (const f of r.flags) {
      const rows = await drillDownRows(
        ctx,
        f.caseIds.map((id) => ({ kind: 'complaint' as const, id }))
      )
      expect(rows.map((x) => x.ref.id)).toEqual(f.caseIds)
      if (f.rule === 'complaintSpike' || f.rule === 'overdueSpike') expect(rows).toHaveLength(f.today)
    }
  })

  it('uses the stored thresholds: a manager raises the minimum to 6 and the volume spike goes', async () => {
    const ctx = await anomalyStore()
    await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
    await saveAnomalySettings(ctx, '9001', { spikePercent: 150, spikeMinCount: 6, repeatWindowDays: 30 })
    expect(await getAnomalySettings(ctx)).toEqual({
      spikePercent: 150,
      spikeMinCount: 6,
      repeatWindowDays: 30
    })
    const r = await reportAnomalies(ctx, D)
    expect(r.flags.map((f) => f.rule)).toEqual(['repeatCustomer', 'managerEscalation', 'unsatisfiedFollowUp'])
    // a repeat window of 21 days leaves a0 (22 days before) out: A's two complaints of D remain
    await saveAnomalySettings(ctx, '9001', { spikePercent: 150, spikeMinCount: 6, repeatWindowDays: 21 })
    const narrow = await reportAnomalies(ctx, D)
    expect(narrow.flags.find((f) => f.rule === 'repeatCustomer')?.caseIds).toEqual(['d1', 'd2'])
    // the record syncs: it is in the outbox
    expect(
      (await ctx.db.outbox.toArray()).filter((o) => o.table === 'settings' && o.recordId === 'reports').length
    ).toBeGreaterThan(0)
  })

  it('refuses bad thresholds (each field named) and anyone but an active 客服经理, writing nothing', async () => {
    const ctx = await anomalyStore()
    await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
    await addStaff(ctx, '9001', { staffNo: '5001', name: '李值班', role: 'shiftLeader' })
    const outbox = await ctx.db.outbox.count()
    const bad = await saveAnomalySettings(ctx, '9001', {
      spikePercent: 100,
      spikeMinCount: 1.5,
      repeatWindowDays: 366
    }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(AnomalySettingsRefusedError)
    expect((bad as AnomalySettingsRefusedError).issues).toEqual([
      { path: 'spikePercent', message: 'reports.anomalyPage.bad.spikePercent' },
      { path: 'spikeMinCount', message: 'reports.anomalyPage.bad.spikeMinCount' },
      { path: 'repeatWindowDays', message: 'reports.anomalyPage.bad.repeatWindowDays' }
    ])
    for (const who of ['5001', '1001']) {
      const e = await saveAnomalySettings(ctx, who, DEFAULT_ANOMALY_SETTINGS).catch((x: unknown) => x)
      expect((e as Error).message).toBe('reports.anomalyPage.managerOnly')
    }
    expect(await ctx.db.outbox.count()).toBe(outbox)
    expect(await ctx.db.settings.get('reports')).toBeUndefined()
    expect(await getAnomalySettings(ctx)).toEqual(DEFAULT_ANOMALY_SETTINGS)
  })
})

const NOV: Period = (customPeriod('2026-11-01', '2026-11-30') as { ok: true; period: Period }).period

describe('部门反馈 through the data layer', () => {
  it('per 责任部门, from the day rows and the closings; each cell’s list is its number', async () => {
    const ctx = await freshData({ time: { value: at('2026-11-01T08:00:00') } })
    const closed = (id: string, department: string, feedbackDepartments: string[], day = '2026-11-10') =>
      complaint(ctx, {
        id,
        receivedAt: at(`${day}T09:00:00`),
        status: 'closed',
        department,
        category: id === '4' ? 'service' : 'quality',
        firstResponseAt: at(`${day}T09:30:00`),
        resolvedAt: at(`${day}T10:00:00`),
        closedAt: at(`${day}T11:00:00`),
        feedbackDepartments
      })
    await closed('1', '家电部', ['家电部'])
    await closed('2', '家电部', ['采购部', '家电部'])
    await closed('3', '家电部', [])
    await closed('4', '服装部', [])
    await closed('5', '家电部', [], '2026-12-02') // closed after November
    await complaint(ctx, { id: '6', receivedAt: at('2026-11-12T09:00:00'), department: '家电部' }) // open
    ctx.time.value = at('2026-12-05T10:00:00')
    const r = await reportFeedback(ctx, { period: NOV, filters: {} })
    const rows = Object.fromEntries(r.rows.map((x) => [x.department, x]))
    expect(rows['家电部']).toMatchObject({ closed: ['1', '2', '3'], fedBack: ['1', '2'], unfedBack: ['3'] })
    expect(rows['服装部']).toMatchObject({ closed: ['4'], fedBack: [], unfedBack: ['4'], rate: 0 })
    expect(rows['采购部']).toMatchObject({ closed: [], received: ['2'], rate: null })
    expect(r.total).toMatchObject({
      closed: ['1', '2', '3', '4'],
      fedBack: ['1', '2'],
      unfedBack: ['3', '4'],
      rate: 0.5
    })
    for (const row of [...r.rows, r.total])
      for (const list of [row.closed, row.fedBack, row.unfedBack, row.received]) {
        const loaded = await drillDownRows(
          ctx,
          list.map((id) => ({ kind: 'complaint' as const, id }))
        )
        expect(loaded.map((x) => x.ref.id)).toEqual(list)
      }
    // the filter bar: 投诉类别 服务 leaves case 4 only
    const service = await reportFeedback(ctx, { period: NOV, filters: { category: 'service' } })
    expect(service.total.closed).toEqual(['4'])
    expect(service.rows.map((x) => x.department)).toEqual(['服装部'])
  })
})
