import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { emptyReturnForm, returnFormSchema } from '@shared/domain/returns'
import {
  ReturnRefusedError,
  changeReturnStatus,
  complaintNumbers,
  listReturns,
  listReturnsOfComplaint,
  registerReturn
} from '@/db/returns'
import { getTimeline, registerComplaint } from '@/db/complaints'
import { failAddsTo } from './failWrites'
import { freshData } from './helpers'

const intake = complaintIntakeSchema('2026-11-22').parse({
  ...emptyIntakeForm,
  customerPhone: '13800138000',
  customerName: '张三',
  content: '电饭煲不加热'
})
const form = (over: Record<string, string> = {}) =>
  returnFormSchema.parse({
    ...emptyReturnForm,
    customerPhone: '13900139000',
    customerName: '李四',
    type: 'return',
    amount: '199.00',
    refundAccount: '6222021234567890',
    accountName: '李四',
    reason: '不想要了',
    ...over
  })

afterEach(() => vi.restoreAllMocks())

describe('registering a return', () => {
  it('creates the record and a customer, stamped with the 工号 and recorded in the outbox', async () => {
    const ctx = await freshData()
    const r = await registerReturn(ctx, '1001', form())
    expect(r).toMatchObject({
      status: 'pending',
      type: 'return',
      amount: 199,
      complaintId: null,
      customerPhone: '13900139000',
      createdAt: ctx.time.value
    })
    const stored = await ctx.db.returns.get(r.id)
    expect(stored?._created.staffNo).toBe('1001')
    const customer = await ctx.db.customers.get(r.customerId ?? '')
    expect(customer).toMatchObject({ name: '李四', phone: '13900139000' })
    const outbox = (await ctx.db.outbox.toArray()).filter((e) => e.recordId === r.id)
    expect(outbox.map((e) => e.field).sort()).toEqual(
      [
        'accountName',
        'amount',
        'complaintId',
        'createdAt',
        'customerId',
        'customerName',
        'customerPhone',
        'reason',
        'refundAccount',
        'status',
        'type'
      ].sort()
    )
    expect(outbox.every((e) => e.table === 'returns' && e.staffNo === '1001')).toBe(true)
    // not linked to a complaint: the only timeline step is the new archive's own 'customerCreated'
    expect((await ctx.db.events.toArray()).map((e) => [e.subjectId, e.type])).toEqual([
      [r.customerId, 'customerCreated']
    ])
  })

  it('links the existing customer found by phone instead of creating a second archive', async () => {
    const ctx = await freshData()
    const complaint = await registerComplaint(ctx, '1001', intake)
    const r = await registerReturn(
      ctx,
      '1001',
      form({ customerPhone: '138 0013 8000', customerName: '张三' })
    )
    expect(r.customerId).toBe(complaint.customerId)
    expect(await ctx.db.customers.count()).toBe(1)
  })

  it('from a complaint: writes a returnLinked step on its timeline, in the same transaction', async () => {
    const ctx = await freshData()
    const complaint = await registerComplaint(ctx, '1001', intake)
    ctx.time.value += 60_000
    const r = await registerReturn(
      ctx,
      '1002',
      form({
        complaintId: complaint.id,
        customerId: complaint.customerId,
        customerPhone: '13800138000',
        customerName: '张三'
      })
    )
    expect(r.customerId).toBe(complaint.customerId)
    const timeline = await getTimeline(ctx, complaint.id)
    expect(timeline.map((e) => e.type)).toEqual(['registered', 'returnLinked'])
    expect(timeline[1]).toMatchObject({
      staffNo: '1002',
      at: ctx.time.value,
      data: { returnId: r.id, type: 'return', amount: 199 }
    })
    const eventOutbox = (await ctx.db.outbox.toArray()).filter(
      (e) => e.table === 'events' && e.recordId === timeline[1]?.id
    )
    expect(eventOutbox.length).toBeGreaterThan(0)
    expect((await listReturnsOfComplaint(ctx, complaint.id)).map((x) => x.id)).toEqual([r.id])
    expect(await complaintNumbers(ctx, [complaint.id, complaint.id, 'gone'])).toEqual({
      [complaint.id]: complaint.no
    })
  })

  it('is all or nothing: a failed timeline write leaves no return, no customer and no outbox entries', async () => {
    const ctx = await freshData()
    const complaint = await registerComplaint(ctx, '1001', intake)
    const before = {
      outbox: await ctx.db.outbox.count(),
      customers: await ctx.db.customers.count(),
      events: await ctx.db.events.count()
    }
    failAddsTo(ctx.db.events, 'disk full')
    // A new phone, so the customer would be created inside the transaction that fails.
    await expect(registerReturn(ctx, '1001', form({ complaintId: complaint.id }))).rejects.toThrow(
      'disk full'
    )
    expect(await ctx.db.returns.count()).toBe(0)
    expect({
      outbox: await ctx.db.outbox.count(),
      customers: await ctx.db.customers.count(),
      events: await ctx.db.events.count()
    }).toEqual(before)
  })

  it('refuses a link to a complaint that does not exist, writing nothing', async () => {
    const ctx = await freshData()
    const refused = registerReturn(ctx, '1001', form({ complaintId: 'no-such-case' }))
    await expect(refused).rejects.toBeInstanceOf(ReturnRefusedError)
    await expect(refused).rejects.toThrow('returns.complaintNotFound')
    expect(await ctx.db.returns.count()).toBe(0)
    expect(await ctx.db.customers.count()).toBe(0)
    expect(await ctx.db.outbox.count()).toBe(0)
  })
})

describe('return status', () => {
  it('moves pending → processing → done, each change stamped and in the outbox', async () => {
    const ctx = await freshData()
    const r = await registerReturn(ctx, '1001', form())
    expect((await changeReturnStatus(ctx, '1002', r.id, 'processing')).status).toBe('processing')
    expect((await changeReturnStatus(ctx, '1003', r.id, 'done')).status).toBe('done')
    const stored = await ctx.db.returns.get(r.id)
    expect(stored?.status).toBe('done')
    expect(stored?._updated.staffNo).toBe('1003')
    const statusChanges = (await ctx.db.outbox.toArray())
      .filter((e) => e.recordId === r.id && e.field === 'status')
      .map((e) => [e.value, e.staffNo])
    expect(statusChanges).toEqual([
      ['pending', '1001'],
      ['processing', '1002'],
      ['done', '1003']
    ])
  })

  it('refuses impossible transitions and leaves the record and outbox untouched', async () => {
    const ctx = await freshData()
    const r = await registerReturn(ctx, '1001', form())
    await expect(changeReturnStatus(ctx, '1001', r.id, 'done')).rejects.toThrow('returns.transitionRefused')
    await changeReturnStatus(ctx, '1001', r.id, 'cancelled')
    const outbox = await ctx.db.outbox.count()
    for (const to of ['pending', 'processing', 'done'] as const)
      await expect(changeReturnStatus(ctx, '1001', r.id, to)).rejects.toBeInstanceOf(ReturnRefusedError)
    expect((await ctx.db.returns.get(r.id))?.status).toBe('cancelled')
    expect(await ctx.db.outbox.count()).toBe(outbox)
    await expect(changeReturnStatus(ctx, '1001', 'missing', 'processing')).rejects.toThrow('returns.notFound')
  })
})

describe('listing returns', () => {
  it('lists newest first and filters by status', async () => {
    const ctx = await freshData()
    const a = await registerReturn(ctx, '1001', form())
    ctx.time.value += 60_000
    const b = await registerReturn(ctx, '1001', form({ type: 'exchange', amount: '' }))
    ctx.time.value += 60_000
    const c = await registerReturn(ctx, '1001', form({ type: 'invoice', amount: '' }))
    await changeReturnStatus(ctx, '1001', b.id, 'processing')
    expect((await listReturns(ctx)).map((r) => r.id)).toEqual([c.id, b.id, a.id])
    expect((await listReturns(ctx, { status: 'pending' })).map((r) => r.id)).toEqual([c.id, a.id])
    expect((await listReturns(ctx, { status: 'processing' })).map((r) => r.id)).toEqual([b.id])
    expect(await listReturns(ctx, { status: 'done' })).toEqual([])
    expect((await listReturns(ctx, { status: 'all' }, 2)).map((r) => r.id)).toEqual([c.id, b.id])
  })
})
