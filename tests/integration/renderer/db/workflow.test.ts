// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { applyWorkflow, WorkflowRefusedError } from '@/db/workflow'
import { editComplaint, getTimeline, registerComplaint } from '@/db/complaints'
import { recordDueEscalations } from '@/db/escalations'
import { freshData } from './helpers'

const intake = () =>
  complaintIntakeSchema('2026-11-22').parse({
    ...emptyIntakeForm,
    customerPhone: '13800138000',
    customerName: '张三',
    content: '不加热'
  })
const clerk = { staffNo: '1002', role: 'clerk' as const }

describe('workflow persistence', () => {
  it('writes the change and its timeline event together; a refusal writes nothing and the next step still works', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1002', intake())
    await applyWorkflow(ctx, clerk, c.id, { type: 'judgeValid' })
    await applyWorkflow(ctx, clerk, c.id, { type: 'assignDepartment', department: '售后服务部' })
    const outboxBefore = await ctx.db.outbox.count()
    await expect(
      applyWorkflow(ctx, clerk, c.id, {
        type: 'proposePlan',
        resolution: 'compensation',
        amount: -5,
        text: 'x'
      })
    ).rejects.toBeInstanceOf(WorkflowRefusedError)
    expect(await ctx.db.outbox.count()).toBe(outboxBefore)
    const after = await applyWorkflow(ctx, clerk, c.id, {
      type: 'proposePlan',
      resolution: 'compensation',
      amount: 800,
      text: '补偿'
    })
    expect(after.status).toBe('awaitingApproval')
    const types = (await getTimeline(ctx, c.id)).map((e) => e.type)
    expect(types).toEqual(['registered', 'judgedValid', 'departmentAssigned', 'planProposed'])
    expect((await ctx.db.complaints.get(c.id))?.plan?.amount).toBe(800)
  })
})

describe('escalation sweep', () => {
  it('records due escalations once, dated when due, even when evaluated again later', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1002', intake())
    ctx.time.value += 72 * 3_600_000 // the app was closed for three days
    expect(await recordDueEscalations(ctx)).toBe(2)
    expect(await recordDueEscalations(ctx)).toBe(0)
    const escalations = (await getTimeline(ctx, c.id)).filter((e) => e.type === 'escalated')
    expect(escalations.map((e) => [e.data.level, e.at - c.receivedAt])).toEqual([
      [1, 24 * 3_600_000],
      [2, 48 * 3_600_000]
    ])
    expect((await ctx.db.complaints.get(c.id))?.escalationLevel).toBe(2)
  })
})

describe('editing intake fields', () => {
  it('records every changed field with old and new value, and nothing when unchanged', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1002', intake())
    const edited = complaintIntakeSchema('2026-11-22').parse({
      ...emptyIntakeForm,
      customerPhone: '13800138000',
      customerName: '张三',
      content: '不加热，有焦味',
      urgency: 'urgent'
    })
    expect(await editComplaint(ctx, '1003', c.id, edited)).toBe(2)
    expect(await editComplaint(ctx, '1003', c.id, edited)).toBe(0)
    const edits = (await getTimeline(ctx, c.id))
      .filter((e) => e.type === 'fieldEdited')
      .map((e) => [e.staffNo, e.data])
    expect(edits).toEqual([
      ['1003', { field: 'content', from: '不加热', to: '不加热，有焦味' }],
      ['1003', { field: 'urgency', from: 'normal', to: 'urgent' }]
    ])
    expect((await ctx.db.complaints.get(c.id))?.urgency).toBe('urgent')
  })
})

describe('escalation sweep in batches', () => {
  it('records every due escalation when more cases are due than fit in one batch', async () => {
    const ctx = await freshData()
    for (let i = 0; i < 260; i++) await registerComplaint(ctx, '1002', intake())
    ctx.time.value += 30 * 3_600_000
    expect(await recordDueEscalations(ctx)).toBe(260)
    expect(await ctx.db.complaints.filter((c) => c.escalationLevel === 1).count()).toBe(260)
    expect(await recordDueEscalations(ctx)).toBe(0)
  })
})
