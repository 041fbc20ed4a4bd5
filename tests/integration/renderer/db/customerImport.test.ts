import 'fake-indexeddb/auto'
import { addStaff } from '@/db/staff'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { minimalCustomer, type Customer } from '@shared/domain/customer'
import { countCustomers, searchCustomers } from '@/db/customerQuery'
import { createCustomer, findCustomerByPhone, revealPhone } from '@/db/customers'
import {
  customersHoldingPhones,
  ImportRefusedError,
  importCustomers,
  listAuditEvents,
  recordExport
} from '@/db/customerImport'
import { mergeCustomers } from '@/db/customerMerge'
import { outboxFieldChanges } from '@/db/writer'
import { failAddsTo } from './failWrites'
import { freshData } from './helpers'

// 导入客户 in the data layer: all-or-nothing, phones re-checked inside the transaction, updates that
// never lose what the archive holds, and the import/export audit trail.

afterEach(() => vi.restoreAllMocks())

const row = (name: string, phone: string, extra: Partial<Customer> = {}): Omit<Customer, 'id'> => {
  const { id: _id, ...rest } = { ...minimalCustomer('x', name, phone), ...extra }
  return rest
}
const profile = (name: string, phones: string[], extra: Partial<Customer> = {}) => ({
  name,
  phone: phones[0] as string,
  phones,
  tier: 'regular' as const,
  tags: [],
  ...extra
})

describe('importCustomers', () => {
  it('writes rows imported without a phone (issue 13.1); an empty phone never finds them', async () => {
    const ctx = await freshData()
    const outcome = await importCustomers(ctx, '1001', {
      // as validateRows makes a row imported without a phone
      create: [
        { ...profile('刘洋', []), phone: '' },
        { ...profile('孙丽', []), phone: '' },
        row('张三', '13800138000')
      ],
      update: []
    })
    expect(outcome).toEqual({ created: 3, updated: 0 })
    expect(await countCustomers(ctx, {})).toBe(3)
    expect((await searchCustomers(ctx, 'ly')).map((h) => [h.customer.name, h.customer.phone])).toEqual([
      ['刘洋', '']
    ])
    // Intake looks customers up by phone: a blank phone must not attach a case to 刘洋 or 孙丽.
    expect(await findCustomerByPhone(ctx, '')).toBeUndefined()
  })

  it('creates every row in one go: searchable, counted, stamped with the 工号, recorded once for the audit', async () => {
    const ctx = await freshData()
    const progress: [number, number][] = []
    const outcome = await importCustomers(
      ctx,
      '1001',
      {
        create: [row('张三', '13800138000', { tier: 'vip' }), row('曾国藩', '021-52345678')],
        update: [],
        fileName: '花名册.xlsx',
        skipped: 2
      },
      (done, total) => progress.push([done, total])
    )
    expect(outcome).toEqual({ created: 2, updated: 0 })
    expect(progress.at(-1)).toEqual([2, 2])
    expect(await countCustomers(ctx, {})).toBe(2)
    expect(await countCustomers(ctx, { tier: 'vip' })).toBe(1)
    const zeng = await findCustomerByPhone(ctx, '021-52345678')
    expect(zeng).toMatchObject({ name: '曾国藩', tier: 'regular' })
    expect(zeng?._created.staffNo).toBe('1001')
    expect((await searchCustomers(ctx, 'zgf')).map((h) => h.customer.name)).toEqual(['曾国藩'])
    const outbox = (await ctx.db.outbox.toArray())
      .filter((e) => e.recordId === zeng?.id)
      .flatMap(outboxFieldChanges)
    expect(outbox.map((e) => e.field).sort()).toEqual(['name', 'phone', 'phones', 'tags', 'tier'])
    expect(outbox.every((e) => e.staffNo === '1001' && e.hlc === zeng?._created.hlc)).toBe(true)
    const audit = await listAuditEvents(ctx, 10)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      type: 'customersImported',
      subjectId: 'audit',
      staffNo: '1001',
      at: ctx.time.value,
      data: { created: 2, updated: 0, skipped: 2, fileName: '花名册.xlsx', mode: 'fill' }
    })
  })

  it('is all-or-nothing: a failure midway (the audit event cannot be written) leaves no customer, no outbox entry, no tally change', async () => {
    const ctx = await freshData()
    await createCustomer(ctx, '1001', profile('老客户', ['13700137000'], { notes: '原备注' }))
    const existing = await findCustomerByPhone(ctx, '13700137000')
    const before = { outbox: await ctx.db.outbox.count(), events: await ctx.db.events.count() }
    failAddsTo(ctx.db.events, 'disk full')
    const batch = {
      create: Array.from({ length: 6000 }, (_, i) => row(`客户${i}`, `1380000${String(i).padStart(4, '0')}`)),
      update: [{ id: existing!.id, patch: { phones: ['13700137000', '13600136000'], notes: '新备注' } }],
      mode: 'overwrite' as const
    }
    await expect(importCustomers(ctx, '1001', batch)).rejects.toThrow('disk full')
    vi.restoreAllMocks()
    expect(await ctx.db.customers.count()).toBe(1)
    expect(await countCustomers(ctx, {})).toBe(1)
    expect(await ctx.db.outbox.count()).toBe(before.outbox)
    expect(await ctx.db.events.count()).toBe(before.events)
    expect(await findCustomerByPhone(ctx, '13700137000')).toMatchObject({
      phones: ['13700137000'],
      notes: '原备注'
    })
    // and the same batch goes through once the fault is gone
    expect(await importCustomers(ctx, '1001', batch)).toEqual({ created: 6000, updated: 1 })
    expect(await countCustomers(ctx, {})).toBe(6001)
  })

  it('re-checks phones inside the transaction: a phone that reached the archive since the preview refuses the whole batch', async () => {
    const ctx = await freshData()
    // The preview saw no owner for these phones…
    expect(await customersHoldingPhones(ctx, ['13800138000', '13900139000'])).toEqual([])
    // …then another PC's change is synced in (here: typed at the counter) before 确认导入.
    await createCustomer(ctx, '1002', profile('张叁', ['13900139000']))
    const error = await importCustomers(ctx, '1001', {
      create: [row('张三', '13800138000'), row('李四', '13900139000')],
      update: []
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRefusedError)
    expect(error).toMatchObject({
      code: 'phonesTaken',
      message: 'customerImport.refused.phonesTaken',
      params: { count: 1, taken: [{ phone: '13900139000', name: '张叁' }] }
    })
    expect(await findCustomerByPhone(ctx, '13800138000')).toBeUndefined()
    expect(await ctx.db.customers.count()).toBe(1)
    expect(await listAuditEvents(ctx, 10)).toEqual([])
    // The preview's lookup now names the owner, so a re-check turns the row into an update.
    expect(await customersHoldingPhones(ctx, ['13800138000', '13900139000'])).toEqual([
      ['13900139000', { id: expect.any(String), name: '张叁' }]
    ])
  })

  it('finds owners the same way for a large file (one walk over the phone keys instead of a read per phone)', async () => {
    const ctx = await freshData()
    await createCustomer(ctx, '1002', profile('张叁', ['021-52345678', '13900139000']))
    const many = Array.from({ length: 2500 }, (_, i) => `1380000${String(i).padStart(4, '0')}`)
    expect(await customersHoldingPhones(ctx, [...many, '13900139000'])).toEqual([
      ['13900139000', { id: expect.any(String), name: '张叁' }]
    ])
    expect(await customersHoldingPhones(ctx, [...many, '021-52345678'])).toEqual([
      ['021-52345678', { id: expect.any(String), name: '张叁' }]
    ])
    const batch = {
      create: [...many.map((p, i) => row(`客户${i}`, p)), row('李四', '021-52345678')],
      update: []
    }
    await expect(importCustomers(ctx, '1001', batch)).rejects.toMatchObject({
      code: 'phonesTaken',
      params: { count: 1, taken: [{ phone: '021-52345678', name: '张叁' }] }
    })
    expect(await ctx.db.customers.count()).toBe(1)
  })

  it('refuses an update that would give an archive a phone another archive holds', async () => {
    const ctx = await freshData()
    const a = await createCustomer(ctx, '1001', profile('张三', ['13800138000']))
    await createCustomer(ctx, '1001', profile('李四', ['13900139000']))
    await expect(
      importCustomers(ctx, '1001', {
        create: [],
        update: [{ id: a.id, patch: { phones: ['13800138000', '13900139000'] } }]
      })
    ).rejects.toMatchObject({
      code: 'phonesTaken',
      params: { count: 1, taken: [{ phone: '13900139000', name: '李四' }] }
    })
    expect((await ctx.db.customers.get(a.id))?.phones).toEqual(['13800138000'])
  })

  it('refuses an update of an archive deleted since the preview; follows one merged since to its survivor', async () => {
    const ctx = await freshData()
    const a = await createCustomer(ctx, '1001', profile('张三', ['13800138000']))
    const b = await createCustomer(ctx, '1001', profile('张三', ['13800138001']))
    await mergeCustomers(ctx, '8001', a.id, b.id)
    const outcome = await importCustomers(ctx, '1001', {
      create: [],
      update: [{ id: b.id, patch: { phones: ['13800138001'], address: '上海市' } }]
    })
    expect(outcome.updated).toBe(1)
    expect((await ctx.db.customers.get(a.id))?.address).toBe('上海市')
    await ctx.writer.transact('1001', (tx) => tx.remove('customers', a.id))
    await expect(
      importCustomers(ctx, '1001', { create: [], update: [{ id: a.id, patch: { address: '北京市' } }] })
    ).rejects.toMatchObject({ code: 'customerGone' })
  })

  it('updates union phones and tags, fill empty fields only, never overwrite and never clear (default)', async () => {
    const ctx = await freshData()
    const c = await createCustomer(
      ctx,
      '1001',
      profile('张三', ['13800138000', '021-52345678'], {
        tier: 'vip',
        tags: ['老客户'],
        address: '上海市黄浦区',
        notes: '喜欢安静'
      })
    )
    const outcome = await importCustomers(ctx, '1002', {
      create: [],
      update: [
        {
          id: c.id,
          patch: {
            name: '张三丰',
            phones: ['13900139000', '13800138000'],
            tags: ['爱喝茶', '老客户'],
            address: '北京市',
            memberNo: 'M0001',
            tier: 'regular',
            gender: 'male',
            notes: '周末来店'
          }
        }
      ]
    })
    expect(outcome).toEqual({ created: 0, updated: 1 })
    const after = await ctx.db.customers.get(c.id)
    expect(after).toMatchObject({
      name: '张三', // filled already: kept
      phone: '13800138000', // the primary stays primary
      phones: ['13800138000', '021-52345678', '13900139000'],
      tags: ['老客户', '爱喝茶'],
      address: '上海市黄浦区',
      memberNo: 'M0001', // was empty: filled
      gender: 'male',
      tier: 'vip', // 普通客户 from a file never lowers a tier
      notes: '喜欢安静\n周末来店'
    })
    expect(after?._updated.staffNo).toBe('1002')
    // the new phone finds the archive
    expect((await findCustomerByPhone(ctx, '13900139000'))?.id).toBe(c.id)
    const audit = await listAuditEvents(ctx, 5)
    expect(audit[0]?.data).toMatchObject({ created: 0, updated: 1 })
  })

  it('"overwrite" replaces filled fields with the file\'s filled values, but still never clears one or drops a phone', async () => {
    const ctx = await freshData()
    const c = await createCustomer(
      ctx,
      '1001',
      profile('张三', ['13800138000'], {
        tier: 'member',
        address: '上海市',
        needs: '需要轮椅',
        tags: ['老客户']
      })
    )
    await importCustomers(ctx, '1001', {
      create: [],
      update: [
        {
          id: c.id,
          patch: { name: '张三丰', phones: ['13900139000'], address: '北京市', tier: 'vip', tags: [] }
        }
      ],
      mode: 'overwrite'
    })
    expect(await ctx.db.customers.get(c.id)).toMatchObject({
      name: '张三丰',
      address: '北京市',
      tier: 'vip',
      needs: '需要轮椅',
      phones: ['13800138000', '13900139000'],
      tags: ['老客户']
    })
  })

  it('an update that brings nothing new is not counted and writes nothing for that archive', async () => {
    const ctx = await freshData()
    const c = await createCustomer(ctx, '1001', profile('张三', ['13800138000'], { address: '上海市' }))
    const before = await ctx.db.outbox.count()
    expect(
      await importCustomers(ctx, '1001', {
        create: [],
        update: [{ id: c.id, patch: { name: '张三', phones: ['13800138000'], address: '' } }]
      })
    ).toEqual({ created: 0, updated: 0 })
    // only the audit event reached the outbox
    expect((await ctx.db.outbox.toArray()).slice(before).every((e) => e.table === 'events')).toBe(true)
  })

  it('phones beyond the limit of 5 are kept in 备注 rather than dropped', async () => {
    const ctx = await freshData()
    const phones = ['13800138001', '13800138002', '13800138003', '13800138004']
    const c = await createCustomer(ctx, '1001', profile('张三', phones))
    await importCustomers(ctx, '1001', {
      create: [],
      update: [{ id: c.id, patch: { phones: ['13900139001', '13900139002'] } }]
    })
    expect(await ctx.db.customers.get(c.id)).toMatchObject({
      phones: [...phones, '13900139001'],
      notes: '导入的其他电话：13900139002'
    })
  })
})

describe('audit of imports and exports', () => {
  it('records exports (count, masked) and lists imports and exports newest first, without assignments or reveals', async () => {
    const ctx = await freshData()
    // issue 17: a reveal or an export needs an active 工号 (any role for masked numbers; full numbers
    // for the roles of the privacy setting: the manager by default)
    await addStaff(ctx, '8001', { staffNo: '8001', name: '王经理', role: 'manager' })
    await addStaff(ctx, '8001', { staffNo: '1002', name: '李专员', role: 'clerk' })
    await importCustomers(ctx, '1001', { create: [row('张三', '13800138000')], update: [] })
    ctx.time.value += 60_000
    await recordExport(ctx, '1002', { count: 1, masked: true })
    ctx.time.value += 60_000
    const c = await findCustomerByPhone(ctx, '13800138000')
    await revealPhone(ctx, '1002', c!.id, '13800138000')
    await ctx.writer.transact('8001', (tx) =>
      tx.create('events', {
        id: 'assign-1',
        subjectId: 'audit',
        type: 'customerAssigned',
        at: ctx.time.value,
        staffNo: '8001',
        data: {}
      })
    )
    ctx.time.value += 60_000
    await recordExport(ctx, '8001', { count: 1, masked: false })
    const audit = await listAuditEvents(ctx, 10)
    expect(audit.map((e) => [e.type, e.staffNo, e.data])).toEqual([
      ['customersExported', '8001', { count: 1, masked: false }],
      ['customersExported', '1002', { count: 1, masked: true }],
      ['customersImported', '1001', { created: 1, updated: 0, skipped: 0, fileName: '', mode: 'fill' }]
    ])
    expect(await listAuditEvents(ctx, 2)).toHaveLength(2)
    // recorded through the single writer: it syncs
    expect(
      (await ctx.db.outbox.toArray()).some(
        (e) => e.table === 'events' && e.field === 'type' && e.value === 'customersExported'
      )
    ).toBe(true)
  })
})
