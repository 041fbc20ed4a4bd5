process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { consultationFormSchema, emptyConsultationForm } from '@shared/domain/counter/consultation'
import { emptyProblemForm, problemFormSchema, DEFAULT_REWARD_RULES } from '@shared/domain/counter/problem'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import {
  convertConsultation,
  listConsultations,
  promiseConsultationCallback,
  registerConsultation,
  todayFilter,
  turnConsultationIntoComplaint
} from '@/db/consultations'
import { decideProblem, listProblems, logProblem, saveRewardRules } from '@/db/problems'
import { getTimeline, registerComplaint } from '@/db/complaints'
import { addStaff } from '@/db/staff'
import { getCustomerTimeline } from '@/db/customerTimeline'
import { outboxFieldChanges } from '@/db/writer'
import { failAddsTo } from './failWrites'
import { freshData } from './helpers'

const consult = (over: Record<string, string> = {}) =>
  consultationFormSchema.parse({ ...emptyConsultationForm, question: '这款电饭煲有货吗', ...over })
const problem = (over: Record<string, string> = {}) =>
  problemFormSchema.parse({ ...emptyProblemForm, description: '价签与系统价格不一致', ...over })
const intake = (over: Record<string, string> = {}) =>
  complaintIntakeSchema('2026-11-22').parse({
    ...emptyIntakeForm,
    customerPhone: '13800138000',
    customerName: '张三',
    content: '电饭煲不加热',
    ...over
  })

async function withStaff() {
  const ctx = await freshData()
  await addStaff(ctx, 'SETUP', { staffNo: '1001', name: '李客服', role: 'clerk' })
  await addStaff(ctx, 'SETUP', { staffNo: '2001', name: '王班长', role: 'shiftLeader' })
  await addStaff(ctx, 'SETUP', { staffNo: '9001', name: '赵经理', role: 'manager' })
  return ctx
}

afterEach(() => vi.restoreAllMocks())

describe('咨询登记 writes', () => {
  it('stamps a consultation with the 工号 and puts every field in the outbox', async () => {
    const ctx = await freshData()
    const c = await registerConsultation(ctx, '1001', consult({ outcome: 'converted', orderNo: 'DD1' }))
    const stored = await ctx.db.consultations.get(c.id)
    expect(stored).toMatchObject({ staffNo: '1001', customerId: null, convertedAt: ctx.time.value })
    expect(stored?._created.staffNo).toBe('1001')
    const changes = (await ctx.db.outbox.toArray())
      .flatMap(outboxFieldChanges)
      .filter((e) => e.recordId === c.id)
    expect(changes.every((e) => e.table === 'consultations' && e.staffNo === '1001')).toBe(true)
    expect(new Set(changes.map((e) => e.field))).toEqual(new Set(Object.keys(c).filter((k) => k !== 'id')))
  })

  it('links the archive holding the phone typed, and never creates one for a walk-in', async () => {
    const ctx = await freshData()
    const id = (await registerComplaint(ctx, '1001', intake())).customerId
    const known = await registerConsultation(ctx, '1001', consult({ customerPhone: '138 0013 8000' }))
    expect(known).toMatchObject({ customerId: id, customerName: '张三' })
    const before = await ctx.db.customers.count()
    await registerConsultation(ctx, '1001', consult({ customerPhone: '13900139000' }))
    expect(await ctx.db.customers.count()).toBe(before)
    // the customer page's timeline shows the consultation
    const timeline = await getCustomerTimeline(ctx, id)
    expect(timeline.entries.filter((e) => e.kind === 'consultation')).toHaveLength(1)
  })

  it('takes 考虑中 → callback → 已成交, dated when the sale happened; refuses a date before it', async () => {
    const ctx = await freshData()
    const c = await registerConsultation(ctx, '1001', consult({ outcome: 'considering' }))
    await promiseConsultationCallback(ctx, '1001', c.id, { dueAt: ctx.time.value + 3_600_000, note: '' })
    expect((await ctx.db.consultations.get(c.id))?.callback?.dueAt).toBe(ctx.time.value + 3_600_000)
    const outbox = await ctx.db.outbox.count()
    await expect(
      convertConsultation(ctx, '1001', c.id, { orderNo: 'DD7', convertedAt: c.createdAt - 1 })
    ).rejects.toMatchObject({ message: 'counter.convertedBeforeConsultation', field: 'convertedAt' })
    expect(await ctx.db.outbox.count()).toBe(outbox)
    ctx.time.value += 2 * 86_400_000
    await convertConsultation(ctx, '1002', c.id, { orderNo: 'DD7', convertedAt: ctx.time.value })
    expect(await ctx.db.consultations.get(c.id)).toMatchObject({
      outcome: 'converted',
      orderNo: 'DD7',
      convertedAt: ctx.time.value,
      callback: null
    })
    await expect(
      promiseConsultationCallback(ctx, '1001', c.id, { dueAt: ctx.time.value + 60_000, note: '' })
    ).rejects.toThrow('counter.refused.noCallback')
  })
})

describe('转为投诉', () => {
  it('registers the complaint and links both records', async () => {
    const ctx = await freshData()
    const c = await registerConsultation(ctx, '1001', consult())
    const complaint = await turnConsultationIntoComplaint(ctx, '1001', c.id, intake())
    expect((await ctx.db.consultations.get(c.id))?.complaintId).toBe(complaint.id)
    const steps = await getTimeline(ctx, complaint.id)
    expect(steps.map((s) => s.type)).toEqual(['registered', 'fromConsultation'])
    expect(steps[1]?.data).toMatchObject({ consultationId: c.id })
    await expect(turnConsultationIntoComplaint(ctx, '1001', c.id, intake())).rejects.toThrow(
      'counter.refused.alreadyComplaint'
    )
  })

  it('writes neither the complaint nor the link when any part fails (one transaction)', async () => {
    const ctx = await freshData()
    const c = await registerConsultation(ctx, '1001', consult())
    const outbox = await ctx.db.outbox.count()
    failAddsTo(ctx.db.events, 'disk full')
    await expect(turnConsultationIntoComplaint(ctx, '1001', c.id, intake())).rejects.toThrow('disk full')
    expect(await ctx.db.complaints.count()).toBe(0)
    expect((await ctx.db.consultations.get(c.id))?.complaintId).toBeNull()
    expect(await ctx.db.outbox.count()).toBe(outbox)
  })
})

describe('问题登记 and its rewards', () => {
  it('lets a 客服经理 adopt a suggestion and fixes the reward on the record', async () => {
    const ctx = await withStaff()
    const p = await logProblem(ctx, '1001', problem({ kind: 'suggestion' }))
    const decided = await decideProblem(ctx, '9001', p.id, { decision: 'adopted', note: '下周起执行' })
    expect(decided).toMatchObject({ status: 'adopted', reward: 100, decidedBy: '9001' })
    // a later change of the amounts does not rewrite what was granted
    await saveRewardRules(ctx, '9001', {
      ...DEFAULT_REWARD_RULES,
      suggestion: { handled: 0, adopted: 300, declined: 0 }
    })
    expect((await ctx.db.problems.get(p.id))?.reward).toBe(100)
    const leader = await logProblem(ctx, '1001', problem())
    expect(await decideProblem(ctx, '2001', leader.id, { decision: 'handled', note: '' })).toMatchObject({
      reward: 50
    })
  })

  it('refuses a clerk (and an unknown 工号) in the data layer, writing nothing', async () => {
    const ctx = await withStaff()
    const p = await logProblem(ctx, '1001', problem())
    const outbox = await ctx.db.outbox.count()
    const before = await ctx.db.problems.get(p.id)
    await expect(decideProblem(ctx, '1001', p.id, { decision: 'handled', note: '' })).rejects.toThrow(
      'counter.refused.notDecider'
    )
    await expect(decideProblem(ctx, 'X9', p.id, { decision: 'handled', note: '' })).rejects.toThrow(
      'counter.refused.notDecider'
    )
    await expect(saveRewardRules(ctx, '1001', DEFAULT_REWARD_RULES)).rejects.toThrow(
      'counter.refused.notDecider'
    )
    expect(await ctx.db.problems.get(p.id)).toEqual(before)
    expect(await ctx.db.outbox.count()).toBe(outbox)
  })

  it('decides once: a second decision is refused', async () => {
    const ctx = await withStaff()
    const p = await logProblem(ctx, '1001', problem())
    await decideProblem(ctx, '2001', p.id, { decision: 'declined', note: '价签正确' })
    await expect(decideProblem(ctx, '9001', p.id, { decision: 'adopted', note: '' })).rejects.toThrow(
      'counter.refused.alreadyDecided'
    )
    expect(await listProblems(ctx, { status: 'open' })).toEqual([])
    expect((await listProblems(ctx, { status: 'declined' })).map((x) => x.reward)).toEqual([0])
  })
})

describe('the consultation list', () => {
  it('is today’s by default, newest first, and filters by clerk, outcome, topic and text', async () => {
    const ctx = await freshData()
    const yesterday = await registerConsultation(ctx, '1001', consult({ question: '昨天的' }))
    await ctx.db.consultations.update(yesterday.id, { createdAt: ctx.time.value - 86_400_000 })
    const a = await registerConsultation(ctx, '1001', consult({ topic: 'price', outcome: 'considering' }))
    ctx.time.value += 60_000
    const b = await registerConsultation(
      ctx,
      '1002',
      consult({ question: '有没有蓝色的', customerName: '王五' })
    )
    const today = todayFilter(ctx.time.value)
    expect((await listConsultations(ctx, today)).map((c) => c.id)).toEqual([b.id, a.id])
    expect((await listConsultations(ctx, { ...today, staffNo: '1001' })).map((c) => c.id)).toEqual([a.id])
    expect((await listConsultations(ctx, { ...today, outcome: 'considering' })).map((c) => c.id)).toEqual([
      a.id
    ])
    expect((await listConsultations(ctx, { ...today, outcome: 'none' })).map((c) => c.id)).toEqual([b.id])
    expect((await listConsultations(ctx, { ...today, topic: 'price' })).map((c) => c.id)).toEqual([a.id])
    expect((await listConsultations(ctx, { ...today, text: '王五' })).map((c) => c.id)).toEqual([b.id])
    expect((await listConsultations(ctx, { ...today, text: '蓝色' })).map((c) => c.id)).toEqual([b.id])
  })
})
