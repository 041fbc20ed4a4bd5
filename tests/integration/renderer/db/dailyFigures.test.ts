process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { buildComplaint, type Complaint } from '@shared/domain/complaint'
import { customPeriod, type Period } from '@shared/domain/metrics/period'
import { addStaff, updateStaff } from '@/db/staff'
import {
  DailyFiguresRefusedError,
  figuresToReplace,
  getServedFrom,
  importDailyFigures,
  listDailyFigures,
  saveDailyFigure,
  saveServedFrom
} from '@/db/dailyFigures'
import { reportOverview } from '@/db/reports'
import { reportDrillDown } from '@/db/reportDrill'
import { drillDownRows } from '@/db/drillRows'
import { getAnomalySettings, saveAnomalySettings } from '@/db/reportAnomalies'
import { DEFAULT_ANOMALY_SETTINGS } from '@shared/domain/metrics/anomalies'
import { syncOnce } from '@/db/sync/syncOnce'
import { freshData } from './helpers'
import { intake, pc, shareKeeper } from './sync/harness'

// 客流数据 and 服务投诉率's source through the data layer (issue 16, docs/metrics.md §6a): the daily figures
// stored one record per date, entered by hand or imported all or nothing, a stored figure replaced only
// when confirmed, everything a 客服经理's only; 总览 following the setting, its drill-down lists equal
// to its numbers; two PCs' figures of one day merging per field.

const at = (s: string) => Date.parse(`${s}+08:00`)
type Ctx = Awaited<ReturnType<typeof freshData>>
const NOV: Period = (customPeriod('2026-11-01', '2026-11-30') as { ok: true; period: Period }).period

async function store(): Promise<Ctx> {
  const ctx = await freshData({ time: { value: at('2026-12-01T08:00:00') } })
  await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
  await addStaff(ctx, '9001', { staffNo: '5001', name: '李值班', role: 'shiftLeader' })
  await addStaff(ctx, '9001', { staffNo: '1001', name: '张专员', role: 'clerk' })
  return ctx
}

let phones = 0
async function complaint(ctx: Ctx, id: string, received: string): Promise<void> {
  const base = buildComplaint(intake({ customerPhone: `1390013${String(++phones).padStart(4, '0')}` }), {
    id,
    no: `TS-${id}`,
    customerId: `cust-${id}`,
    receivedAt: at(received),
    firstResponder: '1001'
  })
  const over: Partial<Complaint> = { status: 'rejected', firstResponseAt: at(received) + 60_000 }
  await ctx.writer.transact('1001', (tx) => tx.create('complaints', { ...base, ...over }))
}

/** what a refused write must leave alone */
async function stored(ctx: Ctx) {
  return {
    figures: await ctx.db.dailyFigures.toArray(),
    outbox: await ctx.db.outbox.count(),
    settings: await ctx.db.settings.get('reports')
  }
}

describe('每日客流 / 成交笔数 stored', () => {
  it('a manager enters a day; a different figure replaces it only when confirmed; an empty one keeps it; it syncs', async () => {
    const ctx = await store()
    await saveDailyFigure(ctx, '9001', { date: '2026/11/3', footfall: '1,200', transactions: '' }, false)
    expect(await listDailyFigures(ctx, '2026-11-01', '2026-11-30')).toEqual([
      { date: '2026-11-03', footfall: 1200, transactions: null }
    ])
    // 成交笔数 where none was: no replacement, no confirmation needed; the empty 客流 keeps 1200
    await saveDailyFigure(ctx, '9001', { date: '2026-11-03', footfall: '', transactions: '300' }, false)
    expect(await listDailyFigures(ctx, '2026-11-03', '2026-11-03')).toEqual([
      { date: '2026-11-03', footfall: 1200, transactions: 300 }
    ])
    // 1200 → 1250 unconfirmed: refused with the date, nothing written
    const before = await stored(ctx)
    const e = await saveDailyFigure(
      ctx,
      '9001',
      { date: '2026-11-03', footfall: '1250', transactions: '' },
      false
    ).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(DailyFiguresRefusedError)
    expect((e as DailyFiguresRefusedError).message).toBe('reports.figuresPage.unconfirmed')
    expect((e as DailyFiguresRefusedError).dates).toEqual(['2026-11-03'])
    expect(await stored(ctx)).toEqual(before)
    // confirmed: replaced
    expect(
      await saveDailyFigure(ctx, '9001', { date: '2026-11-03', footfall: '1250', transactions: '' }, true)
    ).toEqual({ written: 1, replaced: ['2026-11-03'] })
    expect(await listDailyFigures(ctx, '2026-11-03', '2026-11-03')).toEqual([
      { date: '2026-11-03', footfall: 1250, transactions: 300 }
    ])
    const changes = (await ctx.db.outbox.toArray()).filter((o) => o.table === 'dailyFigures')
    expect(changes.map((c) => [c.recordId, c.field, c.value])).toContainEqual([
      '2026-11-03',
      'footfall',
      1250
    ])
  })

  it('refuses a bad form field by field, writing nothing', async () => {
    const ctx = await store()
    const before = await stored(ctx)
    const e = (await saveDailyFigure(
      ctx,
      '9001',
      { date: '2026-11-31', footfall: '约300', transactions: '-1' },
      false
    ).catch((x: unknown) => x)) as DailyFiguresRefusedError
    expect(e.problems.map((p) => [p.column, p.code])).toEqual([
      ['date', 'reports.figures.badDate'],
      ['footfall', 'reports.figures.notNumber'],
      ['transactions', 'reports.figures.notNumber']
    ])
    expect(await stored(ctx)).toEqual(before)
  })
})

describe('客流 file import', () => {
  const GOOD = [
    ['日期', '客流', '成交笔数'],
    ['2026-11-01', 1000, 200],
    ['2026-11-02', 900, ''],
    ['2026-11-03', '800', '150']
  ]

  it('is all or nothing: text in a number column or a duplicate date refuses the file, nothing stored changes', async () => {
    const ctx = await store()
    await importDailyFigures(ctx, '9001', [['2026-11-02', 10, 1]], [])
    const before = await stored(ctx)
    const bad = [
      ['日期', '客流', '成交笔数'],
      ['2026-11-01', 1000, 200],
      ['2026-11-02', '约900', 100],
      ['2026-11-03', 800, 150],
      ['2026-11-03', 810, 150]
    ]
    const e = (await importDailyFigures(ctx, '9001', bad, []).catch(
      (x: unknown) => x
    )) as DailyFiguresRefusedError
    expect(e).toBeInstanceOf(DailyFiguresRefusedError)
    expect(e.message).toBe('reports.figuresPage.fileRefused')
    expect(e.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'footfall', 'reports.figures.notNumber'],
      [4, 'date', 'reports.figures.duplicateDate'],
      [5, 'date', 'reports.figures.duplicateDate']
    ])
    expect(await stored(ctx)).toEqual(before)
  })

  it('replaces a stored day only when it is confirmed; the preview names it', async () => {
    const ctx = await store()
    await importDailyFigures(ctx, '9001', [['2026-11-02', 10, 1]], [])
    expect(await figuresToReplace(ctx, [{ date: '2026-11-02', footfall: 900, transactions: null }])).toEqual([
      '2026-11-02'
    ])
    const before = await stored(ctx)
    const e = (await importDailyFigures(ctx, '9001', GOOD, []).catch(
      (x: unknown) => x
    )) as DailyFiguresRefusedError
    expect([e.message, e.dates]).toEqual(['reports.figuresPage.unconfirmed', ['2026-11-02']])
    expect(await stored(ctx)).toEqual(before)
    expect(await importDailyFigures(ctx, '9001', GOOD, ['2026-11-02'])).toEqual({
      written: 3,
      replaced: ['2026-11-02']
    })
    expect(await listDailyFigures(ctx, '2026-11-01', '2026-11-30')).toEqual([
      { date: '2026-11-01', footfall: 1000, transactions: 200 },
      // 成交笔数 empty in the file: the stored 1 stays
      { date: '2026-11-02', footfall: 900, transactions: 1 },
      { date: '2026-11-03', footfall: 800, transactions: 150 }
    ])
  })
})

describe('only a 客服经理', () => {
  it('enters, imports and sets the source; anyone else is refused in the data layer, nothing written', async () => {
    const ctx = await store()
    // a manager no longer active
    const former = await addStaff(ctx, '9001', { staffNo: '9002', name: '前经理', role: 'manager' })
    await updateStaff(ctx, '9001', former, { active: false })
    const before = await stored(ctx)
    for (const who of ['5001', '1001', '9002', '7777']) {
      const refusals = await Promise.all([
        saveDailyFigure(ctx, who, { date: '2026-11-01', footfall: '1', transactions: '' }, true).catch(
          (x: unknown) => x
        ),
        importDailyFigures(ctx, who, GOOD_ROWS, ['2026-11-01']).catch((x: unknown) => x),
        saveServedFrom(ctx, who, 'footfall').catch((x: unknown) => x)
      ])
      for (const e of refusals) expect((e as Error).message).toBe('reports.figuresPage.managerOnly')
    }
    expect(await stored(ctx)).toEqual(before)
    expect(await getServedFrom(ctx)).toBe('counterLog')
    await saveServedFrom(ctx, '9001', 'transactions')
    expect(await getServedFrom(ctx)).toBe('transactions')
    const bad = await saveServedFrom(ctx, '9001', 'visitors' as never).catch((x: unknown) => x)
    expect((bad as Error).message).toBe('reports.figuresPage.badSource')
  })

  it('shares the settings record with the anomaly thresholds, each field kept', async () => {
    const ctx = await store()
    await saveServedFrom(ctx, '9001', 'footfall')
    // a record with only the source: the thresholds are still the defaults
    expect(await getAnomalySettings(ctx)).toEqual(DEFAULT_ANOMALY_SETTINGS)
    const mine = { spikePercent: 200, spikeMinCount: 5, repeatWindowDays: 14 }
    await saveAnomalySettings(ctx, '9001', mine)
    expect(await getServedFrom(ctx)).toBe('footfall')
    await saveServedFrom(ctx, '9001', 'counterLog')
    expect(await getAnomalySettings(ctx)).toEqual(mine)
  })
})

const GOOD_ROWS = [['2026-11-01', 5, 5]]

describe('总览 follows the setting', () => {
  it('counter log by default, then 客流, then 成交笔数; the drill-down lists equal the numbers', async () => {
    const ctx = await store()
    await complaint(ctx, 'a', '2026-11-10T09:00:00')
    await complaint(ctx, 'b', '2026-11-10T15:00:00')
    await complaint(ctx, 'c', '2026-11-12T09:00:00')
    await importDailyFigures(
      ctx,
      '9001',
      [
        ['2026-11-10', 100, 40],
        ['2026-11-11', 80, ''],
        ['2026-11-12', '', 20]
      ],
      []
    )
    const rate = async () =>
      (await reportOverview(ctx, { period: NOV, filters: {} }, 'day')).figures.complaintRate
    // counter log: 3 complaints, 3 distinct customers
    expect(await rate()).toMatchObject({ numerator: 3, denominator: 3, daysWithoutFigure: 0 })

    await saveServedFrom(ctx, '9001', 'footfall')
    // 客流 on the 10th and 11th = 180; complaints of those days: a, b (c is on the 12th, no 客流)
    const o = await reportOverview(ctx, { period: NOV, filters: {} }, 'day')
    expect(o.servedFrom).toBe('footfall')
    expect(o.figures.complaintRate).toMatchObject({ numerator: 2, denominator: 180, daysWithoutFigure: 28 })
    const num = await reportDrillDown(
      ctx,
      {},
      o.current,
      { metric: 'complaintRate', part: 'numerator' },
      o.asOf
    )
    expect(num.map((r) => r.id)).toEqual(['a', 'b'])
    const den = await reportDrillDown(
      ctx,
      {},
      o.current,
      { metric: 'complaintRate', part: 'denominator' },
      o.asOf
    )
    expect(den).toEqual([
      { kind: 'dailyFigure', id: '2026-11-10', value: 100 },
      { kind: 'dailyFigure', id: '2026-11-11', value: 80 }
    ])
    const rows = await drillDownRows(ctx, den)
    expect(rows.map((r) => [r.ref.id, r.at])).toEqual([
      ['2026-11-10', at('2026-11-10T00:00:00')],
      ['2026-11-11', at('2026-11-11T00:00:00')]
    ])
    // the previous period (October) has no figure: "—" with the reason
    expect(o.previousFigures.complaintRate).toMatchObject({
      value: null,
      reason: 'reports.noData.dailyFigures'
    })

    await saveServedFrom(ctx, '9001', 'transactions')
    // 成交笔数 on the 10th (40) and 12th (20) = 60; complaints a, b, c
    expect(await rate()).toMatchObject({ numerator: 3, denominator: 60, daysWithoutFigure: 28 })
  })
})

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

describe('between two PCs', () => {
  it('one day’s 客流 from PC A and 成交笔数 from PC B both stay; the setting reaches both', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    await addStaff(a, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
    await syncOnce(a, share)
    await syncOnce(b, share)
    await saveDailyFigure(a, '9001', { date: '2026-11-20', footfall: '500', transactions: '' }, false)
    await saveDailyFigure(b, '9001', { date: '2026-11-20', footfall: '', transactions: '120' }, false)
    await saveServedFrom(b, '9001', 'footfall')
    await syncOnce(a, share)
    await syncOnce(b, share)
    await syncOnce(a, share)
    for (const ctx of [a, b]) {
      expect(await listDailyFigures(ctx, '2026-11-20', '2026-11-20')).toEqual([
        { date: '2026-11-20', footfall: 500, transactions: 120 }
      ])
      expect(await getServedFrom(ctx)).toBe('footfall')
    }
  })
})
