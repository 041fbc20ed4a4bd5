// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { minimalCustomer, type Customer } from '@shared/domain/customer'
import { compareHlc, parseHlc } from '@shared/sync/hlc'
import { countCustomers } from '@/db/customerQuery'
import { ALL_FIELDS, outboxFieldChanges } from '@/db/writer'
import { freshData } from './helpers'

// WriteTx.createMany: the bulk path of the single writer (roster imports) must leave exactly what
// create() leaves, record by record — stamps, per-field clocks, derived keys, tallies — and an outbox
// that says the same per field, packed as one ALL_FIELDS entry per record.

const customer = (id: string, name: string, phone: string, extra: Partial<Customer> = {}): Customer => ({
  ...minimalCustomer(id, name, phone),
  ...extra
})

describe('WriteTx.createMany', () => {
  it('writes the same records as create() one by one, and an outbox saying the same per field', async () => {
    const rows = [
      customer('c1', '张三', '13800138000', { tier: 'vip', memberNo: 'M1' }),
      customer('c2', '单雄信', '13900139000')
    ]
    const one = await freshData()
    await one.writer.transact('1001', async (tx) => {
      for (const r of rows) await tx.create('customers', r)
    })
    const bulk = await freshData()
    await bulk.writer.transact('1001', (tx) => tx.createMany('customers', rows))

    const strip = (r: object) =>
      Object.fromEntries(
        Object.entries(r).filter(([k]) => k !== '_clock' && k !== '_created' && k !== '_updated')
      )
    expect((await bulk.db.customers.toArray()).map(strip)).toEqual(
      (await one.db.customers.toArray()).map(strip)
    )
    const fields = (
      list: { recordId: string; field: string; value: unknown; staffNo: string; device: string }[]
    ) => list.map((e) => [e.recordId, e.field, e.value, e.staffNo, e.device])
    const packed = await bulk.db.outbox.toArray()
    expect(packed.map((e) => [e.recordId, e.field])).toEqual([
      ['c1', ALL_FIELDS],
      ['c2', ALL_FIELDS]
    ])
    expect(fields(packed.flatMap(outboxFieldChanges))).toEqual(fields(await one.db.outbox.toArray()))
    // each record's entry carries that record's own stamp
    const c1 = await bulk.db.customers.get('c1')
    expect(packed[0]).toMatchObject({
      hlc: c1?._created.hlc,
      staffNo: '1001',
      device: 'dev-a',
      table: 'customers'
    })
    expect(outboxFieldChanges(packed[0]!).every((e) => e.hlc === c1?._clock[e.field])).toBe(true)
    // derived search keys are there (name, pinyin of 单 as a surname, last 4)
    const c2 = await bulk.db.customers.get('c2')
    expect(c2?._keys).toEqual(expect.arrayContaining(['t:9000', 'i:sxx']))
    expect(c2?._clerk).toBe('')
  })

  it('gives each record its own stamp and per-field clock, all later than what came before', async () => {
    const ctx = await freshData()
    await ctx.writer.transact('1001', (tx) => tx.create('customers', customer('c0', '李四', '13700137000')))
    await ctx.writer.transact('1002', (tx) =>
      tx.createMany('customers', [
        customer('c1', '张三', '13800138000'),
        customer('c2', '王五', '13900139000')
      ])
    )
    const [c0, c1, c2] = await ctx.db.customers.bulkGet(['c0', 'c1', 'c2'])
    expect(c1?._created).toEqual(c1?._updated)
    expect(c1?._created.staffNo).toBe('1002')
    expect(c1?._created.device).toBe('dev-a')
    expect(Object.keys(c1?._clock ?? {}).sort()).toEqual(['name', 'phone', 'phones', 'tags', 'tier'])
    expect(new Set(Object.values(c1?._clock ?? {}))).toEqual(new Set([c1?._created.hlc]))
    expect(compareHlc(parseHlc(c1!._created.hlc), parseHlc(c0!._created.hlc))).toBe(1)
    expect(compareHlc(parseHlc(c2!._created.hlc), parseHlc(c1!._created.hlc))).toBe(1)
    // the outbox entries carry each record's own stamp
    const outbox = await ctx.db.outbox.toArray()
    expect(outbox.filter((e) => e.recordId === 'c2')).toEqual([
      expect.objectContaining({ hlc: c2?._created.hlc, staffNo: '1002', field: ALL_FIELDS })
    ])
    // and the HLC persisted for the next start is the last one handed out
    expect((await ctx.db.meta.get('hlc'))?.value).toBe(c2?._created.hlc)
  })

  it('keeps the tier tallies (the archive count) exact', async () => {
    const ctx = await freshData()
    await ctx.writer.transact('1001', (tx) =>
      tx.create('customers', customer('c0', '李四', '13700137000', { tier: 'vip' }))
    )
    const many = Array.from({ length: 30 }, (_, i) =>
      customer(`c${i + 1}`, `客户${i}`, `1380000${String(i).padStart(4, '0')}`, {
        tier: i % 3 === 0 ? 'vip' : 'regular'
      })
    )
    await ctx.writer.transact('1001', (tx) => tx.createMany('customers', many))
    expect(await countCustomers(ctx, {})).toBe(31)
    expect(await countCustomers(ctx, { tier: 'vip' })).toBe(11)
    expect(await countCustomers(ctx, { tier: 'regular' })).toBe(20)
    expect(await countCustomers(ctx, { tier: 'key' })).toBe(0)
  })

  it('an id already on file fails the whole transaction: nothing written, no outbox, tallies unchanged', async () => {
    const ctx = await freshData()
    await ctx.writer.transact('1001', (tx) => tx.create('customers', customer('c1', '张三', '13800138000')))
    const outboxBefore = await ctx.db.outbox.count()
    await expect(
      ctx.writer.transact('1001', (tx) =>
        tx.createMany('customers', [
          customer('c2', '李四', '13900139000'),
          customer('c1', '王五', '13700137000')
        ])
      )
    ).rejects.toThrow()
    expect((await ctx.db.customers.toArray()).map((c) => c.id)).toEqual(['c1'])
    expect(await ctx.db.outbox.count()).toBe(outboxBefore)
    expect(await countCustomers(ctx, {})).toBe(1)
  })

  it('a failure after a large createMany still rolls all of it back (the transaction stays open through the bulk path)', async () => {
    const ctx = await freshData()
    const many = Array.from({ length: 3000 }, (_, i) =>
      customer(`c${i}`, `客户${i}`, `1380000${String(i).padStart(4, '0')}`)
    )
    await expect(
      ctx.writer.transact('1001', async (tx) => {
        await tx.createMany('customers', many)
        await tx.create('customers', customer('late', '李四', '13900139000'))
        throw new Error('refused after writing')
      })
    ).rejects.toThrow('refused after writing')
    expect(await ctx.db.customers.count()).toBe(0)
    expect(await ctx.db.outbox.count()).toBe(0)
    expect(await countCustomers(ctx, {})).toBe(0)
  })

  it('an empty list writes nothing', async () => {
    const ctx = await freshData()
    await ctx.writer.transact('1001', (tx) => tx.createMany('customers', []))
    expect(await ctx.db.customers.count()).toBe(0)
    expect(await ctx.db.outbox.count()).toBe(0)
  })
})
