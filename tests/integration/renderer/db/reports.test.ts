process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { buildComplaint, type Complaint } from '@shared/domain/complaint'
import { consultationFormSchema, emptyConsultationForm } from '@shared/domain/counter/consultation'
import { customPeriod, type Period } from '@shared/domain/metrics/period'
import {
  OVERVIEW_METRICS,
  overviewFigures,
  type DrillTarget,
  type ReportCase,
  type ReportFilters
} from '@shared/domain/metrics/report'
import { TIME_LIMITS } from '@shared/domain/metrics/timeLimits'
import { registerConsultation } from '@/db/consultations'
import { addStaff } from '@/db/staff'
import { saveClosedDays } from '@/db/closedDays'
import { pauseComplaintClock, resumeComplaintClock } from '@/db/complaintClockWrite'
import { reportOverview, reportPareto, reportStaffReview, reportTimeliness } from '@/db/reports'
import { reportDrillDown, reportDrillPage, reportStaffDrill } from '@/db/reportDrill'
import { drillDownRows } from '@/db/drillRows'
import { decideProblem, logProblem } from '@/db/problems'
import { problemFormSchema, emptyProblemForm } from '@shared/domain/counter/problem'
import { STAFF_LISTS, type StaffList, type StaffRow } from '@shared/domain/metrics/staffReview'
import { freshData } from './helpers'
import { intake } from './sync/harness'

// 统计报表's data layer (reports.ts): the figures read from the day rows equal the pure metric
// dictionary applied to the records themselves, and every drill-down list equals the number it opens.

const at = (s: string) => Date.parse(`${s}+08:00`)
const H = 3_600_000

type Over = Partial<Complaint> & { id: string; receivedAt: number }

/** A complaint written through the writer with the given workflow fields (a hand-made case). */
async function complaint(ctx: Awaited<ReturnType<typeof freshData>>, over: Over): Promise<void> {
  const base = buildComplaint(intake({ customerPhone: `1380013${over.id.padStart(4, '0')}` }), {
    id: over.id,
    no: `TS-${over.id}`,
    customerId: `cust-${over.customerId ?? over.id}`,
    receivedAt: over.receivedAt,
    firstResponder: over.firstResponder ?? '1001'
  })
  await ctx.writer.transact('1001', (tx) =>
    tx.create('complaints', { ...base, ...over, customerId: base.customerId })
  )
}

const NOV: Period = (customPeriod('2026-11-01', '2026-11-30') as { ok: true; period: Period }).period

/** The month of November 2026, seen on 5 December (a finished period: no "so far" cut). */
async function november() {
  const ctx = await freshData({ time: { value: at('2026-11-01T08:00:00') } })
  // 1: received 10:00, judged 11:00, result accepted next day 09:00 (< 24 h), follow-up 2 days later, closed
  await complaint(ctx, {
    id: '1',
    receivedAt: at('2026-11-03T10:00:00'),
    status: 'closed',
    category: 'quality',
    department: '家电部',
    product: '电饭煲',
    firstResponseAt: at('2026-11-03T11:00:00'),
    resolvedAt: at('2026-11-04T09:00:00'),
    revisit: { at: at('2026-11-06T09:00:00'), satisfaction: 'satisfied', by: '1001', remark: '' } as never,
    closedAt: at('2026-11-06T10:00:00')
  })
  // 2: no first response on its day (sunset missed), resolved after 30 h (24 h missed), follow-up unsatisfied
  await complaint(ctx, {
    id: '2',
    customerId: '1',
    receivedAt: at('2026-11-10T15:00:00'),
    status: 'closed',
    category: 'quality',
    department: '家电部',
    product: '电饭煲',
    firstResponseAt: at('2026-11-11T09:00:00'),
    resolvedAt: at('2026-11-11T21:00:00'),
    revisit: { at: at('2026-11-12T10:00:00'), satisfaction: 'unsatisfied', by: '1002', remark: '' } as never,
    closedAt: at('2026-11-12T11:00:00'),
    firstResponder: '1002'
  })
  // 3: rejected (不成立) within the hour
  await complaint(ctx, {
    id: '3',
    receivedAt: at('2026-11-20T09:00:00'),
    status: 'rejected',
    category: 'service',
    department: '',
    firstResponseAt: at('2026-11-20T09:30:00'),
    closedAt: at('2026-11-20T09:30:00'),
    channel: 'phone'
  })
  // 4: still open, judged at once, nothing since (24 h missed)
  await complaint(ctx, {
    id: '4',
    receivedAt: at('2026-11-29T10:00:00'),
    status: 'inProgress',
    category: 'other',
    department: '服装部',
    product: '外套',
    firstResponseAt: at('2026-11-29T10:10:00')
  })
  // 5: October, resolved in November without a follow-up (follow-up limit due 3 Nov, missed)
  await complaint(ctx, {
    id: '5',
    receivedAt: at('2026-10-30T10:00:00'),
    status: 'awaitingRevisit',
    category: 'price',
    department: '家电部',
    firstResponseAt: at('2026-10-30T10:30:00'),
    resolvedAt: at('2026-10-31T09:00:00')
  })
  // consultations: 2 with an outcome (1 sale), 1 without, one by the customer of complaints 1 and 2
  for (const [day, phone, outcome] of [
    ['2026-11-05T10:00:00', '13800130001', 'converted'],
    ['2026-11-06T10:00:00', '13900000002', 'notConverted'],
    ['2026-11-07T10:00:00', '', '']
  ] as const) {
    ctx.time.value = at(day)
    await registerConsultation(
      ctx,
      '1001',
      consultationFormSchema.parse({
        ...emptyConsultationForm,
        question: '有货吗',
        customerPhone: phone,
        outcome,
        orderNo: outcome === 'converted' ? 'DD1' : ''
      })
    )
  }
  ctx.time.value = at('2026-12-05T10:00:00')
  return ctx
}

/** The records as the pure functions take them, read straight from the complaint table. */
async function recordsAsCases(ctx: Awaited<ReturnType<typeof freshData>>): Promise<ReportCase[]> {
  return (await ctx.db.complaints.toArray()).map((c) => ({
    id: c.id,
    no: c.no,
    customerId: c.customerId,
    status: c.status,
    receivedAt: c.receivedAt,
    firstResponseAt: c.firstResponseAt,
    resolvedAt: c.resolvedAt,
    closedAt: c.closedAt,
    revisit: c.revisit ? { at: c.revisit.at, satisfaction: c.revisit.satisfaction } : null,
    escalationLevel: c.escalationLevel,
    category: c.category,
    department: c.department,
    firstResponder: c.firstResponder,
    channel: c.channel,
    product: c.product
  }))
}

const TARGETS: DrillTarget[] = [
  { metric: 'complaints' },
  ...OVERVIEW_METRICS.filter((m) => m !== 'slaCompliance').flatMap((metric) =>
    (['numerator', 'denominator'] as const).map((part) => ({ metric, part }) as DrillTarget)
  ),
  ...[...TIME_LIMITS, 'all' as const].flatMap((limit) =>
    (['numerator', 'denominator'] as const).map((part): DrillTarget => ({
      metric: 'slaCompliance',
      part,
      limit
    }))
  )
]

describe('统计报表 data layer', () => {
  it('总览 for a hand-made month: the figures from the day rows equal the pure metrics on the records, and the hand count', async () => {
    const ctx = await november()
    const o = await reportOverview(ctx, { period: NOV, filters: {} }, 'week')
    const consultations = (await ctx.db.consultations.toArray()).map((c) => ({
      kind: 'consultation' as const,
      id: c.id,
      at: c.createdAt,
      staffNo: c.staffNo,
      customerKey: c._svc?.[2] as string,
      outcome: c.outcome ?? null
    }))
    const expected = overviewFigures(
      { cases: await recordsAsCases(ctx), services: consultations, tasks: [] },
      { rules: ctx.timeRules, closedDays: [], asOf: ctx.now() },
      o.current
    )
    expect(o.figures).toEqual(expected)
    // the hand count: complaints 1–4 received; customers: cust-1 (complaints 1, 2), cust-3, cust-4, and
    // the consultations' 3 customers, one of whom (13800130001) has no archive → 'p:' key: 6 in all
    expect(o.figures.complaints).toBe(4)
    expect(o.figures.complaintRate).toMatchObject({ numerator: 4, denominator: 6 })
    // limits due in November: 1 (sunset met, 24 h met, follow-up met), 2 (sunset missed, 24 h
    // missed, follow-up met), 3 (sunset met; rejected before 24 h: no resolution limit), 4 (sunset met,
    // 24 h missed on 30 Nov), 5 (follow-up due 3 Nov, missed) → missed cases 2, 4, 5 of 5
    expect(o.figures.missRate).toMatchObject({ numerator: 3, denominator: 5 })
    expect(o.figures.slaCompliance.firstResponse).toMatchObject({ numerator: 3, denominator: 4 })
    expect(o.figures.slaCompliance.resolution).toMatchObject({ numerator: 1, denominator: 3 })
    expect(o.figures.slaCompliance.followUp).toMatchObject({ numerator: 2, denominator: 3 })
    expect(o.figures.slaCompliance.all).toMatchObject({ numerator: 6, denominator: 10 })
    expect(o.figures.dissatisfactionRate).toMatchObject({ numerator: 1, denominator: 2 })
    // owed from a result accepted in November: 1 and 2, both followed up (5's arose in October)
    expect(o.figures.revisitRate).toMatchObject({ numerator: 2, denominator: 2 })
    expect(o.figures.conversionRate).toMatchObject({ numerator: 1, denominator: 2 })
    // first response: 1 h, 18 h, 0.5 h, 10 min → median (0.5 h + 1 h) / 2
    expect(o.figures.firstResponseTime).toMatchObject({ denominator: 4, value: 0.75 * H })
    // closed (not rejected): 1 (3 d 0 h) and 2 (1 d 20 h)
    expect(o.figures.closeTime).toMatchObject({ denominator: 2, numerator: 72 * H + 44 * H })
    // 较上期: October — complaint 5 alone, with 0 customers served besides it
    expect(o.cards.find((c) => c.metric === 'complaintRate')?.previous).toMatchObject({
      numerator: 1,
      denominator: 1
    })
    // the trend's weeks add up to the month's complaints
    expect(o.trend.reduce((s, p) => s + p.complaints, 0)).toBe(4)
    expect(o.trend[0]?.key).toBe('2026-10-26')
  })

  it('every drill-down list equals the number it opens (whole store and filtered)', async () => {
    const ctx = await november()
    const filters: ReportFilters[] = [
      {},
      { department: '家电部' },
      { clerk: '1002' },
      { category: 'service', channel: 'phone' }
    ]
    const customerOf = new Map((await ctx.db.complaints.toArray()).map((c) => [c.id, `c:${c.customerId}`]))
    for (const f of filters) {
      const o = await reportOverview(ctx, { period: NOV, filters: f }, 'day')
      for (const range of [o.current, o.previous]) {
        const figures = range === o.current ? o.figures : o.previousFigures
        for (const target of TARGETS) {
          const refs = await reportDrillDown(ctx, f, range, target, o.asOf)
          const label = `${JSON.stringify(f)} ${JSON.stringify(target)}`
          // from the report's own kept input (nothing read again): the same list
          expect(await reportDrillDown(ctx, f, range, target, o.asOf, o.inputId), label).toEqual(refs)
          // and page by page (the drawer's way): each page is that slice of it, with its length
          for (const offset of [0, 2])
            expect(await reportDrillPage(ctx, f, range, target, o.asOf, o.inputId, offset, 2), label).toEqual(
              {
                total: refs.length,
                refs: refs.slice(offset, offset + 2)
              }
            )
          if (target.metric === 'complaints') {
            expect(refs.length, label).toBe(figures.complaints)
            continue
          }
          if (target.metric === 'durationBin') continue // 时效分析's test below
          const metric =
            target.metric === 'slaCompliance' ? figures.slaCompliance[target.limit] : figures[target.metric]
          if (target.metric === 'complaintRate' && target.part === 'denominator') {
            const people = new Set(
              refs.map((r) =>
                r.kind === 'complaint' ? customerOf.get(r.id) : 'customerKey' in r ? r.customerKey : r.id
              )
            )
            expect(people.size, label).toBe(metric.denominator)
          } else if (target.metric === 'firstResponseTime' || target.metric === 'closeTime') {
            expect(refs.length, label).toBe(metric.denominator)
            expect(
              refs.reduce((s, r) => s + ('durationMs' in r ? (r.durationMs ?? 0) : 0), 0),
              label
            ).toBe(metric.numerator)
          } else {
            expect(refs.length, label).toBe(metric[target.part])
          }
        }
      }
    }
  })

  it('a drill-down from the report’s kept input lists what its number counted; a forgotten input is read afresh', async () => {
    const ctx = await november()
    const o = await reportOverview(ctx, { period: NOV, filters: {} }, 'day')
    const target: DrillTarget = { metric: 'complaints' }
    const before = await reportDrillDown(ctx, {}, o.current, target, o.asOf, o.inputId)
    expect(before).toHaveLength(o.figures.complaints)
    // three newer reports push the first input out (two are kept); its id then reads the range again
    for (const by of ['week', 'month', 'day'] as const)
      await reportOverview(ctx, { period: NOV, filters: {} }, by)
    expect(await reportDrillDown(ctx, {}, o.current, target, o.asOf, o.inputId)).toEqual(before)
    expect(await reportDrillDown(ctx, {}, o.current, target, o.asOf, 'no-such-input')).toEqual(before)
    expect(await reportDrillPage(ctx, {}, o.current, target, o.asOf, o.inputId, 1, 3)).toEqual({
      total: before.length,
      refs: before.slice(1, 4)
    })
  })

  it('a trend bucket opens the complaints received in it, and a page of rows loads their records', async () => {
    const ctx = await november()
    const o = await reportOverview(ctx, { period: NOV, filters: {} }, 'day')
    const bar = o.trend.find((p) => p.key === '2026-11-10')
    expect(bar?.complaints).toBe(1)
    const refs = await reportDrillDown(ctx, {}, bar!.range, { metric: 'complaints' }, o.asOf)
    const rows = await drillDownRows(ctx, refs)
    expect(rows.map((r) => [r.no, r.department, r.staffNo])).toEqual([['TS-2', '家电部', '1002']])
  })

  it('停业日 do not count toward the limits in the reports: 11-11 closed, case 2’s result in 30 h meets 24 h', async () => {
    const ctx = await november()
    const before = await reportOverview(ctx, { period: NOV, filters: {} }, 'week')
    expect(before.figures.slaCompliance.resolution).toMatchObject({ numerator: 1, denominator: 3 })
    await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
    await saveClosedDays(ctx, '9001', ['2026-11-11'])
    const after = await reportOverview(ctx, { period: NOV, filters: {} }, 'week')
    // case 2: received 11-10 15:00, result 11-11 21:00; the closed store day 11-11 is not counted
    expect(after.figures.slaCompliance.resolution).toMatchObject({ numerator: 2, denominator: 3 })
  })

  it('a case’s own pauses do not count toward its limits in the reports: paused 8 h, its result in 30 h meets 24 h', async () => {
    const ctx = await november()
    // 6: received 11-16 09:00, judged at once; 暂停计时 10:00 → 恢复计时 18:00 (8 h); result accepted
    // 11-17 15:00 — 30 h after receipt, 30 − 8 = 22 counted hours: the 24 h limit is met
    ctx.time.value = at('2026-11-16T09:00:00')
    await complaint(ctx, {
      id: '6',
      receivedAt: at('2026-11-16T09:00:00'),
      status: 'inProgress',
      category: 'service',
      firstResponseAt: at('2026-11-16T09:05:00')
    })
    ctx.time.value = at('2026-11-16T10:00:00')
    await pauseComplaintClock(ctx, '1001', '6', 'parts')
    ctx.time.value = at('2026-11-16T18:00:00')
    await resumeComplaintClock(ctx, '1001', '6')
    ctx.time.value = at('2026-11-17T15:00:00')
    await ctx.writer.transact('1001', (tx) =>
      tx.update('complaints', '6', { status: 'awaitingRevisit', resolvedAt: at('2026-11-17T15:00:00') })
    )
    ctx.time.value = at('2026-12-05T10:00:00')
    const o = await reportOverview(ctx, { period: NOV, filters: {} }, 'week')
    // 24 h limits in November: 1 met, 2 missed, 4 missed (hand count above) + 6 met → 2 of 4
    expect(o.figures.slaCompliance.resolution).toMatchObject({ numerator: 2, denominator: 4 })
    const met = await reportDrillDown(
      ctx,
      {},
      o.current,
      { metric: 'slaCompliance', part: 'numerator', limit: 'resolution' },
      o.asOf
    )
    expect(met.map((r) => r.id)).toEqual(['1', '6'])
    // the case's line carries its pauses: the day rows equal the pure metrics on the records with them
    const cases = (await recordsAsCases(ctx)).map((c) =>
      c.id === '6'
        ? { ...c, pauses: [{ from: at('2026-11-16T10:00:00'), to: at('2026-11-16T18:00:00') }] }
        : c
    )
    expect(
      overviewFigures(
        { cases, services: [], tasks: [] },
        { rules: ctx.timeRules, closedDays: [], asOf: ctx.now() },
        o.current
      ).slaCompliance
    ).toEqual(o.figures.slaCompliance)
    // 首次响应时长 of case 6 is 5 min either way; 结案时长 unchanged (6 is not closed)
  })

  it('原因分析: the Pareto bars add up to the complaints, each bar lists its cases, 其他 over 10 % warned', async () => {
    const ctx = await november()
    const byCategory = await reportPareto(ctx, { period: NOV, filters: {} }, 'category')
    expect(byCategory.bars.map((b) => [b.key, b.count, b.cumulative])).toEqual([
      ['quality', 2, 0.5],
      ['other', 1, 0.75],
      ['service', 1, 1]
    ])
    expect(byCategory.bars[0]?.ids).toEqual(['1', '2'])
    // each bar opens exactly its complaints
    for (const bar of byCategory.bars) {
      const refs = await reportDrillDown(
        ctx,
        { cause: { by: 'category', key: bar.key } },
        byCategory.range,
        { metric: 'complaints' },
        byCategory.asOf
      )
      expect(refs.map((r) => r.id)).toEqual(bar.ids)
    }
    expect(byCategory.otherShare).toBe(0.25)
    expect(byCategory.otherWarning).toBe(true)
    const byDepartment = await reportPareto(
      ctx,
      { period: NOV, filters: { category: 'quality' } },
      'department'
    )
    expect(byDepartment.bars.map((b) => [b.key, b.count])).toEqual([['家电部', 2]])
    expect(byDepartment.otherWarning).toBe(false)
  })

  it('时效分析: every histogram bin and every compliance point opens exactly its cases (whole store and filtered)', async () => {
    const ctx = await november()
    for (const f of [{}, { department: '家电部' }, { clerk: '1002' }] as ReportFilters[]) {
      const t = await reportTimeliness(ctx, { period: NOV, filters: f }, 'week')
      const label = JSON.stringify(f)
      for (const of of ['firstResponseTime', 'closeTime'] as const) {
        expect(
          t[of].bins.reduce((s, b) => s + b.count, 0),
          label
        ).toBe(t[of].metric.denominator)
        for (const b of t[of].bins) {
          const refs = await reportDrillDown(
            ctx,
            f,
            t.current,
            { metric: 'durationBin', of, fromMs: b.fromMs, toMs: b.toMs },
            t.asOf
          )
          expect(refs.length, `${label} ${of} ${b.fromMs}`).toBe(b.count)
        }
      }
      for (const p of [t.compliance, ...t.trend])
        for (const limit of [...TIME_LIMITS, 'all' as const])
          for (const part of ['numerator', 'denominator'] as const) {
            const refs = await reportDrillDown(
              ctx,
              f,
              p.range,
              { metric: 'slaCompliance', part, limit },
              t.asOf
            )
            expect(refs.length, `${label} ${p.key} ${limit} ${part}`).toBe(p[limit][part])
          }
    }
    // by hand (whole store): first responses 1 h, 18 h, 0.5 h, 10 min → median 0.75 h; bins <1 h: 2
    // (0.5 h, 10 min), 1–2 h: 1 (1 h: bins are left-closed), 8–24 h: 1; closed 1 (72 h) and 2 (44 h) → bins 1–2 d: 1, 3–7 d: 1
    const t = await reportTimeliness(ctx, { period: NOV, filters: {} }, 'week')
    expect(t.firstResponseTime.metric.value).toBe(0.75 * H)
    expect(t.firstResponseTime.bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 1, 0, 0])
    expect(t.closeTime.bins.map((b) => b.count)).toEqual([0, 1, 0, 1, 0, 0])
    expect(t.compliance.all).toMatchObject({ numerator: 6, denominator: 10 })
  })

  it('客服考核: every figure of every clerk opens exactly its records; problems logged and adopted', async () => {
    const ctx = await november()
    await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
    ctx.time.value = at('2026-11-15T10:00:00')
    const problem = (description: string) =>
      logProblem(
        ctx,
        '1002',
        problemFormSchema.parse({ ...emptyProblemForm, kind: 'suggestion', description })
      )
    const p1 = await problem('价签与系统价格不一致')
    await problem('退货流程太长')
    await decideProblem(ctx, '9001', p1.id, { decision: 'adopted', note: '' } as never)
    ctx.time.value = at('2026-12-05T10:00:00')
    const value = (r: StaffRow, list: StaffList): number => {
      switch (list) {
        case 'onTimeMet':
          return r.onTime.numerator
        case 'onTimeDue':
          return r.onTime.denominator
        case 'unsatisfied':
          return r.dissatisfaction.numerator
        case 'answered':
          return r.dissatisfaction.denominator
        case 'converted':
          return r.conversion.numerator
        case 'withOutcome':
          return r.conversion.denominator
        default:
          return r[list]
      }
    }
    for (const f of [{}, { clerk: '1002' }, { department: '家电部' }] as ReportFilters[]) {
      const s = await reportStaffReview(ctx, { period: NOV, filters: f })
      for (const r of s.rows)
        for (const list of STAFF_LISTS) {
          const refs = await reportStaffDrill(ctx, f, s.range, r.clerk, list, s.asOf)
          expect(refs.length, `${JSON.stringify(f)} ${r.clerk} ${list}`).toBe(value(r, list))
        }
    }
    // by hand: 1001 took 1, 3, 4 (1 handled and closed; 3 rejected is not 结案); 1002 took 2, followed
    // it up, logged two problems, one adopted; 1001 followed up 1; consultations by 1001: 1 of 2 成交
    const s = await reportStaffReview(ctx, { period: NOV, filters: {} })
    const row = (clerk: string) => s.rows.find((r) => r.clerk === clerk)
    expect(row('1001')).toMatchObject({ taken: 3, handled: 1, closed: 1, followUps: 1, consultations: 3 })
    expect(row('1001')?.conversion).toMatchObject({ numerator: 1, denominator: 2 })
    expect(row('1002')).toMatchObject({
      taken: 1,
      handled: 1,
      closed: 1,
      followUps: 1,
      problems: 2,
      adopted: 1
    })
    expect(row('1002')?.dissatisfaction).toMatchObject({ numerator: 1, denominator: 1 })
    const refs = await reportStaffDrill(ctx, {}, s.range, '1002', 'adopted', s.asOf)
    expect((await drillDownRows(ctx, refs)).map((r) => [r.status, r.staffNo])).toEqual([['adopted', '1002']])
  })
})
