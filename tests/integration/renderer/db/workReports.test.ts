process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { buildComplaint, type Complaint } from '@shared/domain/complaint'
import { consultationFormSchema, emptyConsultationForm } from '@shared/domain/counter/consultation'
import { registerConsultation } from '@/db/consultations'
import { addStaff } from '@/db/staff'
import { drillDownRows } from '@/db/drillRows'
import { getWorkDay, listWorkDay, submitWorkReport, WorkReportRefusedError } from '@/db/workReports'
import { freshData } from './helpers'
import { intake } from './sync/harness'

// 工作报表 through the data layer: each clerk's figures equal their records of the day (each list
// loads exactly those records); a clerk submits only their own report, a resubmission edits the same
// synced record, the manager sees who has submitted; refusals write nothing.

const at = (s: string) => Date.parse(`${s}+08:00`)
type Ctx = Awaited<ReturnType<typeof freshData>>
const D = '2026-11-23'

let phones = 0
async function complaint(ctx: Ctx, over: Partial<Complaint> & { id: string; receivedAt: number }) {
  const base = buildComplaint(intake({ customerPhone: `1390013${String(++phones).padStart(4, '0')}` }), {
    id: over.id,
    no: `TS-${over.id}`,
    customerId: `cust-${over.id}`,
    receivedAt: over.receivedAt,
    firstResponder: over.firstResponder ?? '1001'
  })
  await ctx.writer.transact('1001', (tx) => tx.create('complaints', { ...base, ...over }))
}

async function store() {
  const ctx = await freshData({ time: { value: at(`${D}T08:00:00`) } })
  await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
  await addStaff(ctx, '9001', { staffNo: '1001', name: '张专员', role: 'clerk' })
  await addStaff(ctx, '9001', { staffNo: '1002', name: '赵专员', role: 'clerk' })
  // 1001: took c1 and c2 on D, judged c1 on D; c3 (taken the day before) resolved on D and c4 followed up on D
  await complaint(ctx, { id: 'c1', receivedAt: at(`${D}T09:00:00`), firstResponseAt: at(`${D}T09:30:00`) })
  await complaint(ctx, { id: 'c2', receivedAt: at(`${D}T10:00:00`) })
  await complaint(ctx, {
    id: 'c3',
    receivedAt: at('2026-11-22T10:00:00'),
    firstResponseAt: at('2026-11-22T10:30:00'),
    resolvedAt: at(`${D}T11:00:00`),
    status: 'awaitingRevisit'
  })
  await complaint(ctx, {
    id: 'c4',
    receivedAt: at('2026-11-20T10:00:00'),
    firstResponseAt: at('2026-11-20T10:30:00'),
    resolvedAt: at('2026-11-21T10:00:00'),
    revisit: { at: at(`${D}T14:00:00`), satisfaction: 'satisfied', by: '1001', remark: '' } as never,
    closedAt: at(`${D}T14:10:00`),
    status: 'closed'
  })
  // 1002: took c5 on D; the day before is not D
  await complaint(ctx, { id: 'c5', receivedAt: at(`${D}T15:00:00`), firstResponder: '1002' })
  await complaint(ctx, { id: 'c6', receivedAt: at('2026-11-22T15:00:00'), firstResponder: '1002' })
  // consultations: two by 1001 on D, one by 1002 the next day
  for (const [staffNo, when] of [
    ['1001', `${D}T10:00:00`],
    ['1001', `${D}T16:00:00`],
    ['1002', '2026-11-24T10:00:00']
  ] as const) {
    ctx.time.value = at(when)
    await registerConsultation(
      ctx,
      staffNo,
      consultationFormSchema.parse({ ...emptyConsultationForm, question: '有货吗' })
    )
  }
  ctx.time.value = at('2026-11-24T18:00:00')
  return ctx
}

describe('工作报表: figures from the records', () => {
  it('each clerk’s day, counted by hand, and each list loads exactly its records', async () => {
    const ctx = await store()
    const mine = await getWorkDay(ctx, '1001', D)
    expect(mine.figures.taken).toEqual(['c1', 'c2'])
    // c1 judged, c3 resolved, c4 closed on D
    expect(mine.figures.handled).toEqual(['c1', 'c3', 'c4'])
    expect(mine.figures.followUps).toEqual(['c4'])
    expect(mine.figures.consultations).toHaveLength(2)
    expect(mine.figures.returns).toEqual([])
    expect(mine.figures.handovers).toEqual([])
    const consultations = await ctx.db.consultations.where('staffNo').equals('1001').primaryKeys()
    expect(mine.figures.consultations).toEqual([...consultations].sort())
    const other = await getWorkDay(ctx, '1002', D)
    expect(other.figures.taken).toEqual(['c5'])
    expect(other.figures.consultations).toEqual([])
    for (const ids of [mine.figures.taken, mine.figures.handled, mine.figures.followUps]) {
      const rows = await drillDownRows(
        ctx,
        ids.map((id) => ({ kind: 'complaint' as const, id }))
      )
      expect(rows.map((r) => r.ref.id)).toEqual(ids)
      expect(rows.every((r) => r.staffNo === '1001')).toBe(true)
    }
  })
})

describe('工作报表: who submits', () => {
  it('a clerk submits their own; again edits the same record; the manager sees who has submitted', async () => {
    const ctx = await store()
    let day = await listWorkDay(ctx, D)
    expect(day.rows.map((r) => [r.staffNo, r.submitted])).toEqual([
      ['1001', null],
      ['1002', null],
      ['9001', null]
    ])
    await submitWorkReport(ctx, '1001', { staffNo: '1001', day: D, remark: ' 处理了电饭煲投诉 ' })
    ctx.time.value += 60_000
    await submitWorkReport(ctx, '1001', { staffNo: '1001', day: D, remark: '处理了电饭煲投诉，已回访' })
    expect(await ctx.db.workReports.count()).toBe(1)
    const record = await ctx.db.workReports.get(`1001:${D}`)
    expect(record).toMatchObject({
      staffNo: '1001',
      day: D,
      remark: '处理了电饭煲投诉，已回访',
      submittedAt: ctx.now()
    })
    expect((await ctx.db.outbox.toArray()).some((o) => o.table === 'workReports')).toBe(true)
    day = await listWorkDay(ctx, D)
    expect(day.rows.filter((r) => r.submitted).map((r) => r.staffNo)).toEqual(['1001'])
    expect((await getWorkDay(ctx, '1001', D)).submitted?.remark).toBe('处理了电饭煲投诉，已回访')
  })

  it('refuses another clerk’s report (even for the manager), an inactive clerk, a bad day, a long remark — writing nothing', async () => {
    const ctx = await store()
    const outbox = await ctx.db.outbox.count()
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e
      )
    for (const [by, input, code] of [
      ['1002', { staffNo: '1001', day: D, remark: '' }, 'reports.workPage.ownOnly'],
      ['9001', { staffNo: '1001', day: D, remark: '' }, 'reports.workPage.ownOnly'],
      ['7777', { staffNo: '7777', day: D, remark: '' }, 'reports.workPage.ownOnly'],
      ['1001', { staffNo: '1001', day: '2026-11-31', remark: '' }, 'reports.period.badDate'],
      ['1001', { staffNo: '1001', day: D, remark: '长'.repeat(501) }, 'reports.workPage.remarkTooLong']
    ] as const) {
      const e = await refusal(submitWorkReport(ctx, by, input))
      expect(e).toBeInstanceOf(WorkReportRefusedError)
      expect((e as Error).message).toBe(code)
    }
    expect(await ctx.db.workReports.count()).toBe(0)
    expect(await ctx.db.outbox.count()).toBe(outbox)
    // 500 characters is allowed
    await submitWorkReport(ctx, '1001', { staffNo: '1001', day: D, remark: '长'.repeat(500) })
    expect(await ctx.db.workReports.count()).toBe(1)
  })
})
