// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { applyWorkflow } from '@/db/workflow'
import {
  countComplaints,
  isCountCapped,
  listComplaints,
  listUnfedBack,
  type ComplaintFilter
} from '@/db/complaintQuery'
import { recordDueEscalations } from '@/db/escalations'
import { registerComplaint } from '@/db/complaints'
import { openDataLayer } from '@/db/context'
import { TALLIES_BUILT_KEY } from '@/db/tallies'
import { device, freshData } from './helpers'

const H = 3_600_000
const intake = (over: Record<string, string>) =>
  complaintIntakeSchema('2026-11-30').parse({
    ...emptyIntakeForm,
    customerPhone: '13800138000',
    customerName: '张三',
    content: '问题',
    ...over
  })

describe('complaint list filters', () => {
  it('filter by category, urgency, first responder, department, escalation, date range, overdue; sort by age', async () => {
    const ctx = await freshData()
    const t0 = ctx.time.value
    const a = await registerComplaint(ctx, '1001', intake({ category: 'service', urgency: 'urgent' }))
    ctx.time.value = t0 + H
    const b = await registerComplaint(ctx, '1002', intake({ category: 'quality' }))
    ctx.time.value = t0 + 2 * H
    const c = await registerComplaint(ctx, '1001', intake({ category: 'quality' }))
    await applyWorkflow(ctx, { staffNo: '1001', role: 'clerk' }, c.id, { type: 'judgeValid' })
    await applyWorkflow(ctx, { staffNo: '1001', role: 'clerk' }, c.id, {
      type: 'assignDepartment',
      department: '采购部'
    })
    const ids = async (f: Partial<ComplaintFilter>) =>
      (await listComplaints(ctx, { status: 'all', search: '', ...f }, 0, 50)).map((x) => x.id)
    const count = (f: Partial<ComplaintFilter>) => countComplaints(ctx, { status: 'all', search: '', ...f })

    expect(await ids({ category: 'quality' })).toEqual([c.id, b.id])
    expect(await ids({ urgency: 'urgent' })).toEqual([a.id])
    expect(await ids({ firstResponder: '1001' })).toEqual([c.id, a.id])
    expect(await ids({ department: '采购部' })).toEqual([c.id])
    expect(await ids({ from: t0 + H, to: t0 + 2 * H })).toEqual([c.id, b.id])
    expect(await ids({ sort: 'oldest' })).toEqual([a.id, b.id, c.id])
    expect(await ids({ status: 'registered', category: 'quality' })).toEqual([b.id])
    expect(await count({ category: 'quality' })).toBe(2)
    // A category alone is counted exactly (its own tallies); with another criterion, row by row.
    expect(isCountCapped({ status: 'all', search: '', category: 'quality' })).toBe(false)
    expect(isCountCapped({ status: 'all', search: '', category: 'quality', urgency: 'urgent' })).toBe(true)
    expect(isCountCapped({ status: 'closed', search: '' })).toBe(false)

    // 25 h later: a and b (24 h+, never answered) are overdue; c was answered and is 23 h old.
    ctx.time.value = t0 + 25 * H
    expect(await ids({ overdue: true, sort: 'oldest' })).toEqual([a.id, b.id])
    expect(await count({ overdue: true })).toBe(2)
    expect(await ids({ escalation: 1 })).toEqual([])
    await recordDueEscalations(ctx)
    expect(await ids({ escalation: 1 })).toEqual([b.id, a.id])
  })
})

describe('category filter', () => {
  it('reads the category index newest first and counts from tallies that follow tombstones and a recount', async () => {
    const ctx = await freshData()
    const t0 = ctx.time.value
    const made: { id: string }[] = []
    for (let i = 0; i < 5; i++) {
      ctx.time.value = t0 + i * H
      made.push(await registerComplaint(ctx, '1001', intake({ category: i % 2 ? 'quality' : 'price' })))
    }
    const f = (over: Partial<ComplaintFilter>): ComplaintFilter => ({ status: 'all', search: '', ...over })
    const ids = async (over: Partial<ComplaintFilter>) =>
      (await listComplaints(ctx, f(over), 0, 50)).map((x) => x.id)
    expect(await ids({ category: 'price' })).toEqual([made[4]?.id, made[2]?.id, made[0]?.id])
    expect(await ids({ category: 'price', sort: 'oldest' })).toEqual([made[0]?.id, made[2]?.id, made[4]?.id])
    expect(await ids({ category: 'quality', from: t0 + 2 * H })).toEqual([made[3]?.id])
    expect(await countComplaints(ctx, f({ category: 'price' }))).toBe(3)
    // A tombstoned complaint leaves its category's count and the list.
    await ctx.writer.transact('1001', (tx) => tx.remove('complaints', made[2]?.id as string))
    expect(await ids({ category: 'price' })).toEqual([made[4]?.id, made[0]?.id])
    expect(await countComplaints(ctx, f({ category: 'price' }))).toBe(2)
    expect(await ctx.db.tallies.get('complaints.category=price')).toEqual({
      key: 'complaints.category=price',
      n: 2
    })
    // Dropped tallies are recounted on the next open, categories included.
    await ctx.db.tallies.clear()
    await ctx.db.meta.delete(TALLIES_BUILT_KEY)
    ctx.db.close()
    const reopened = await openDataLayer(device(), { dbName: ctx.db.name })
    expect(await countComplaints(reopened, f({ category: 'price' }))).toBe(2)
    expect(await countComplaints(reopened, f({ category: 'quality' }))).toBe(2)
    expect(await countComplaints(reopened, f({}))).toBe(4)
  })
})

describe('unfed-back list (四个不漏: feed every result back)', () => {
  it('lists recent closed cases fed back to no department, newest first', async () => {
    const ctx = await freshData()
    const clerk = { staffNo: '1001', role: 'clerk' as const }
    const leader = { staffNo: '2001', role: 'shiftLeader' as const }
    const close = async (departments: string[]) => {
      const c = await registerComplaint(ctx, '1001', intake({}))
      for (const action of [
        { type: 'judgeValid' },
        { type: 'assignDepartment', department: '采购部' },
        { type: 'proposePlan', resolution: 'repair', amount: null, text: '维修' },
        { type: 'approvePlan', note: '' },
        { type: 'recordResult', text: '已修好', accepted: true },
        { type: 'recordRevisit', satisfaction: 'satisfied', notes: '', reopen: false },
        { type: 'closeCase', feedbackDepartments: departments }
      ] as const)
        await applyWorkflow(ctx, action.type === 'approvePlan' ? leader : clerk, c.id, action)
      return c
    }
    const old = await close([])
    ctx.time.value += 100 * 24 * H
    const fed = await close(['采购部'])
    const unfed = await close([])
    const ids = (await listUnfedBack(ctx)).map((c) => c.id)
    expect(ids).toEqual([unfed.id])
    expect(ids).not.toContain(fed.id)
    expect(ids).not.toContain(old.id)
  })
})
