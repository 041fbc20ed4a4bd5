process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { taskId } from '@shared/domain/revisit'
import { returnFormSchema, emptyReturnForm } from '@shared/domain/returns'
import { registerReturn, changeReturnStatus } from '@/db/returns'
import { createCustomer, updateCustomer } from '@/db/customers'
import { importCustomers } from '@/db/customerImport'
import { generateRevisitTasks } from '@/db/revisitSweep'
import { getRevisitSettings, saveRevisitSettings } from '@/db/revisitSettings'
import { DERIVE_MEASURE } from '@/db/revisitDerive'
import { revisitTasksOfComplaint, revisitTasksOfCustomer, listRevisitQueue } from '@/db/revisitQueue'
import { freshData } from '../helpers'
import { failAddsTo } from '../failWrites'
import { acceptedComplaint, profile } from './fixtures'

const DAY = 86_400_000

describe('tasks derived from writes', () => {
  it('a complaint accepted (待回访) makes its 投诉回访 due within 3 days; a repair plan also 维修回访', async () => {
    const ctx = await freshData()
    const c = await acceptedComplaint(ctx, 'repair')
    const tasks = await revisitTasksOfComplaint(ctx, c.id)
    expect(
      tasks.map((t) => [t.task.rule, t.task.id, t.task.dueAt - (c.resolvedAt as number), t.state.status])
    ).toEqual(
      [
        ['complaint', taskId('complaint', c.id, c.resolvedAt as number), 3 * DAY, 'open'],
        ['repair', taskId('repair', c.id, c.resolvedAt as number), 14 * DAY, 'open']
      ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1))
    )
    expect(tasks.find((t) => t.task.rule === 'complaint')?.task.sourceNo).toBe(c.no)
  })

  it('a 退换货登记 of type 维修 makes 维修回访 when it is done, not before', async () => {
    const ctx = await freshData()
    const r = await registerReturn(
      ctx,
      '1002',
      returnFormSchema.parse({
        ...emptyReturnForm,
        customerPhone: '13900139000',
        customerName: '李四',
        type: 'repair',
        reason: '屏幕坏了'
      })
    )
    await changeReturnStatus(ctx, '1002', r.id, 'processing')
    expect(await revisitTasksOfCustomer(ctx, r.customerId as string)).toEqual([])
    ctx.time.value += DAY
    await changeReturnStatus(ctx, '1002', r.id, 'done')
    const [task] = await revisitTasksOfCustomer(ctx, r.customerId as string)
    expect(task?.task).toMatchObject({
      id: `repair:${r.id}:done`,
      rule: 'repair',
      windowStart: ctx.time.value,
      dueAt: ctx.time.value + 14 * DAY
    })
  })

  it('a customer created at the counter gets 新客户回访 when sampled (all at 100 %), a 大客户 also 大客户回访', async () => {
    const ctx = await freshData()
    const s = await getRevisitSettings(ctx)
    await saveRevisitSettings(ctx, '9001', { ...s, newCustomerSamplePercent: 100 })
    const c = await createCustomer(ctx, '1002', profile({ tier: 'key' }))
    const rules = (await revisitTasksOfCustomer(ctx, c.id)).map((t) => t.task.rule).sort()
    expect(rules).toEqual(['keyAccount', 'newCustomer'])
  })

  it('imported customers are new customers: the sampled ones (here all) get a task in the same transaction', async () => {
    const ctx = await freshData()
    const s = await getRevisitSettings(ctx)
    await saveRevisitSettings(ctx, '9001', { ...s, newCustomerSamplePercent: 100 })
    await importCustomers(ctx, '1002', {
      create: [
        { ...profile(), phone: '13100131000', phones: ['13100131000'] },
        { ...profile(), name: '赵六', phone: '13200132000', phones: ['13200132000'] }
      ],
      update: []
    })
    const rows = await listRevisitQueue(ctx)
    expect(rows.map((r) => [r.task.rule, r.task.customerName]).sort()).toEqual([
      ['newCustomer', '王五'],
      ['newCustomer', '赵六']
    ])
  })

  it('an import rolled back leaves no task either', async () => {
    const ctx = await freshData()
    const s = await getRevisitSettings(ctx)
    await saveRevisitSettings(ctx, '9001', { ...s, newCustomerSamplePercent: 100 })
    failAddsTo(ctx.db.events, 'disk full')
    await expect(
      importCustomers(ctx, '1002', {
        create: [{ ...profile(), phone: '13100131000', phones: ['13100131000'] }],
        update: []
      })
    ).rejects.toThrow('disk full')
    vi.restoreAllMocks()
    expect(await ctx.db.revisitTasks.count()).toBe(0)
  })

  it('a task whose write fails takes the customer and its event with it (written beside them, in one transaction)', async () => {
    const ctx = await freshData()
    const s = await getRevisitSettings(ctx)
    await saveRevisitSettings(ctx, '9001', { ...s, newCustomerSamplePercent: 100 })
    const outbox = await ctx.db.outbox.count()
    failAddsTo(ctx.db.revisitTasks, 'disk full')
    await expect(createCustomer(ctx, '1002', profile())).rejects.toThrow('disk full')
    vi.restoreAllMocks()
    expect([
      await ctx.db.customers.count(),
      await ctx.db.events.count(),
      await ctx.db.outbox.count()
    ]).toEqual([0, 0, outbox])
  })

  it('each customer saved records the derivation’s cost once; one that gets no task reads no settings', async () => {
    const ctx = await freshData()
    const s = await getRevisitSettings(ctx)
    await saveRevisitSettings(ctx, '9001', {
      ...s,
      rules: { ...s.rules, newCustomer: { ...s.rules.newCustomer, enabled: false } }
    })
    await createCustomer(ctx, '1002', profile({ phones: [{ value: '13700137001' }] }))
    performance.clearMeasures(DERIVE_MEASURE)
    const proto = Object.getPrototypeOf(ctx.db.settings) as { get: (...a: unknown[]) => unknown }
    const real = proto.get
    let settingsReads = 0
    vi.spyOn(proto, 'get').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'settings') settingsReads++
      return real.apply(this, args)
    })
    await createCustomer(ctx, '1002', profile({ phones: [{ value: '13700137002' }] }))
    await createCustomer(ctx, '1002', profile({ phones: [{ value: '13700137003' }] }))
    vi.restoreAllMocks()
    expect(settingsReads).toBe(0)
    expect(await ctx.db.revisitTasks.count()).toBe(0)
    const entries = performance.getEntriesByName(DERIVE_MEASURE)
    expect(entries).toHaveLength(2)
    for (const e of entries) expect(e.duration).toBeGreaterThanOrEqual(0)
  })

  it('a customer upgraded to 大客户 gets this period’s 大客户回访, once', async () => {
    const ctx = await freshData()
    const c = await createCustomer(ctx, '1002', profile({ name: '钱七', phones: [{ value: '13600136000' }] }))
    expect((await revisitTasksOfCustomer(ctx, c.id)).filter((t) => t.task.rule === 'keyAccount')).toEqual([])
    await updateCustomer(
      ctx,
      '1002',
      c.id,
      profile({ name: '钱七', phones: [{ value: '13600136000' }], tier: 'key' })
    )
    await updateCustomer(
      ctx,
      '1002',
      c.id,
      profile({ name: '钱七', phones: [{ value: '13600136000' }], tier: 'regular' })
    )
    await updateCustomer(
      ctx,
      '1002',
      c.id,
      profile({ name: '钱七', phones: [{ value: '13600136000' }], tier: 'key' })
    )
    expect(
      (await revisitTasksOfCustomer(ctx, c.id)).filter((t) => t.task.rule === 'keyAccount')
    ).toHaveLength(1)
  })

  it('a rule switched off makes no new task and keeps the ones made; switched on again, the sweep makes the missing ones once', async () => {
    const ctx = await freshData()
    const first = await acceptedComplaint(ctx, 'apology', '13800138000')
    const s = await getRevisitSettings(ctx)
    await saveRevisitSettings(ctx, '9001', {
      ...s,
      rules: { ...s.rules, complaint: { ...s.rules.complaint, enabled: false } }
    })
    const second = await acceptedComplaint(ctx, 'apology', '13900139000')
    expect(await revisitTasksOfComplaint(ctx, first.id)).toHaveLength(1)
    expect(await revisitTasksOfComplaint(ctx, second.id)).toHaveLength(0)
    const switchedOn = await saveRevisitSettings(ctx, '9001', s)
    expect(switchedOn).toEqual(['complaint'])
    expect(await generateRevisitTasks(ctx, switchedOn)).toBe(1)
    expect(await generateRevisitTasks(ctx, switchedOn)).toBe(0)
    expect(await revisitTasksOfComplaint(ctx, second.id)).toHaveLength(1)
  })

  it('the sweep over existing customers: key accounts per period, recent new customers in the sample, with progress', async () => {
    const ctx = await freshData()
    const s = await getRevisitSettings(ctx)
    await saveRevisitSettings(ctx, '9001', {
      ...s,
      rules: {
        ...s.rules,
        keyAccount: { ...s.rules.keyAccount, enabled: false },
        newCustomer: { ...s.rules.newCustomer, enabled: false }
      }
    })
    const key = await createCustomer(ctx, '1002', profile({ tier: 'key' }))
    await saveRevisitSettings(ctx, '9001', { ...s, newCustomerSamplePercent: 100 })
    const progress: number[] = []
    const made = await generateRevisitTasks(ctx, ['keyAccount', 'newCustomer'], (p) => progress.push(p.done))
    expect(made).toBe(2)
    expect(progress.length).toBeGreaterThan(0)
    // 30 days on: a new period for the key account; the customer is no longer new
    ctx.time.value += 31 * DAY
    expect(await generateRevisitTasks(ctx, ['keyAccount', 'newCustomer'])).toBe(1)
    expect((await revisitTasksOfCustomer(ctx, key.id)).map((t) => t.task.rule).sort()).toEqual([
      'keyAccount',
      'keyAccount',
      'newCustomer'
    ])
  })
})
