import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import {
  CallbackRefusedError,
  completeCallback,
  listPromisedCallbacks,
  promiseCallback
} from '@/db/callbacks'
import { applyWorkflow } from '@/db/workflow'
import { getComplaint, getTimeline, registerComplaint } from '@/db/complaints'
import { freshData } from './helpers'

const H = 3_600_000
const intake = (phone: string) =>
  complaintIntakeSchema('2026-11-22').parse({
    ...emptyIntakeForm,
    customerPhone: phone,
    customerName: '张三',
    content: '电饭煲不加热'
  })

describe('约定回电', () => {
  it('records the promise on the case and its timeline in one go, and in the outbox', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1001', intake('13800138000'))
    await promiseCallback(ctx, '1001', c.id, { dueAt: ctx.time.value + 2 * H, note: '下午方便' })
    expect((await getComplaint(ctx, c.id))?.callback).toEqual({
      dueAt: ctx.time.value + 2 * H,
      note: '下午方便',
      promisedBy: '1001',
      promisedAt: ctx.time.value
    })
    const events = (await getTimeline(ctx, c.id)).filter((e) => e.type === 'callbackPromised')
    expect(events.map((e) => e.data)).toEqual([{ dueAt: ctx.time.value + 2 * H, note: '下午方便' }])
    expect(await ctx.db.outbox.filter((e) => e.recordId === c.id && e.field === 'callback').count()).toBe(1)
  })

  it('replaces an earlier promise (saying so), then 已回电 clears it', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1001', intake('13800138000'))
    await promiseCallback(ctx, '1001', c.id, { dueAt: ctx.time.value + H, note: '' })
    ctx.time.value += 10 * 60_000
    await promiseCallback(ctx, '1002', c.id, { dueAt: ctx.time.value + 3 * H, note: '改到晚上' })
    expect((await getComplaint(ctx, c.id))?.callback?.promisedBy).toBe('1002')
    await completeCallback(ctx, '1002', c.id, '已联系，客户同意换货')
    expect((await getComplaint(ctx, c.id))?.callback).toBeNull()
    const steps = (await getTimeline(ctx, c.id)).filter((e) => e.type.startsWith('callback'))
    expect(steps.map((e) => [e.type, e.data.replaced ?? null])).toEqual([
      ['callbackPromised', null],
      ['callbackPromised', ctx.time.value - 10 * 60_000 + H],
      ['callbackDone', null]
    ])
  })

  it('refuses ended cases, a missing case, and 已回电 with nothing pending — writing nothing', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1001', intake('13800138000'))
    await expect(completeCallback(ctx, '1001', c.id, '')).rejects.toThrow(
      new CallbackRefusedError('callback.refused.nonePending')
    )
    await expect(
      promiseCallback(ctx, '1001', 'nope', { dueAt: ctx.time.value + H, note: '' })
    ).rejects.toThrow(new CallbackRefusedError('callback.refused.notFound'))
    await applyWorkflow(ctx, { staffNo: '1001', role: 'clerk' }, c.id, {
      type: 'judgeInvalid',
      explanation: '经核实不属于质量问题，已向客户解释清楚'
    })
    const before = await ctx.db.outbox.count()
    await expect(promiseCallback(ctx, '1001', c.id, { dueAt: ctx.time.value + H, note: '' })).rejects.toThrow(
      new CallbackRefusedError('callback.refused.ended')
    )
    expect(await ctx.db.outbox.count()).toBe(before)
    await expect(
      promiseCallback(ctx, '1001', c.id, { dueAt: ctx.time.value - 2 * H, note: '' })
    ).rejects.toThrow() // past: schema
  })

  it('lists open cases with a promise, soonest first; ended ones drop out', async () => {
    const ctx = await freshData()
    const a = await registerComplaint(ctx, '1001', intake('13800138001'))
    const b = await registerComplaint(ctx, '1001', intake('13800138002'))
    const none = await registerComplaint(ctx, '1001', intake('13800138003'))
    await promiseCallback(ctx, '1001', a.id, { dueAt: ctx.time.value + 5 * H, note: '' })
    await promiseCallback(ctx, '1001', b.id, { dueAt: ctx.time.value + H, note: '' })
    expect((await listPromisedCallbacks(ctx)).map((c) => c.id)).toEqual([b.id, a.id])
    await applyWorkflow(ctx, { staffNo: '1001', role: 'clerk' }, b.id, {
      type: 'judgeInvalid',
      explanation: '经核实不属于质量问题，已向客户解释清楚'
    })
    expect((await listPromisedCallbacks(ctx)).map((c) => c.id)).toEqual([a.id])
    expect((await listPromisedCallbacks(ctx)).some((c) => c.id === none.id)).toBe(false)
  })
})
