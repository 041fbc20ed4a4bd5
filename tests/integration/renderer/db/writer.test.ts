// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { minimalCustomer } from '@shared/domain/customer'
import { describe, expect, it } from 'vitest'
import { compareHlc, parseHlc } from '@shared/sync/hlc'
import { openDataLayer } from '@/db/context'
import { device, freshData } from './helpers'

describe('single writer', () => {
  it('create writes one outbox entry per field, stamped with HLC, device and 工号', async () => {
    const ctx = await freshData()
    await ctx.writer.transact('1001', (tx) =>
      tx.create('customers', minimalCustomer('c1', '张三', '13800138000'))
    )
    const outbox = await ctx.db.outbox.toArray()
    expect(outbox.map((e) => [e.table, e.recordId, e.field, e.value])).toEqual([
      ['customers', 'c1', 'name', '张三'],
      ['customers', 'c1', 'phone', '13800138000'],
      ['customers', 'c1', 'phones', ['13800138000']],
      ['customers', 'c1', 'tier', 'regular'],
      ['customers', 'c1', 'tags', []]
    ])
    expect(new Set(outbox.map((e) => `${e.device}/${e.staffNo}`))).toEqual(new Set(['dev-a/1001']))
    const record = await ctx.db.customers.get('c1')
    expect(record?._created).toEqual({ hlc: outbox[0]?.hlc, device: 'dev-a', staffNo: '1001' })
    const hlc = outbox[0]?.hlc
    expect(record?._clock).toEqual({ name: hlc, phone: hlc, phones: hlc, tier: hlc, tags: hlc })
    // derived search keys are local: on the record, never in the outbox
    expect(record?._keys).toContain('t:8000')
    expect(outbox.some((e) => e.field.startsWith('_'))).toBe(false)
  })

  it('update writes exactly one outbox entry per CHANGED field and none for unchanged ones', async () => {
    const ctx = await freshData()
    await ctx.writer.transact('1001', (tx) =>
      tx.create('customers', minimalCustomer('c1', '张三', '13800138000'))
    )
    await ctx.db.outbox.clear()
    const changed = await ctx.writer.transact('1002', (tx) =>
      tx.update('customers', 'c1', { name: '张三丰', phone: '13800138000' })
    )
    expect(changed).toBe(1)
    const outbox = await ctx.db.outbox.toArray()
    expect(outbox.map((e) => [e.field, e.value, e.staffNo])).toEqual([['name', '张三丰', '1002']])
    const record = await ctx.db.customers.get('c1')
    expect(record?.name).toBe('张三丰')
    expect(record?._updated.staffNo).toBe('1002')
    expect(record?._clock.name).toBe(outbox[0]?.hlc)
    expect(compareHlc(parseHlc(record!._clock.name!), parseHlc(record!._clock.phone!))).toBe(1)
  })

  it('an update that changes nothing writes nothing', async () => {
    const ctx = await freshData()
    await ctx.writer.transact('1001', (tx) =>
      tx.create('customers', minimalCustomer('c1', '张三', '13800138000'))
    )
    const before = await ctx.db.outbox.count()
    expect(await ctx.writer.transact('1001', (tx) => tx.update('customers', 'c1', { name: '张三' }))).toBe(0)
    expect(await ctx.db.outbox.count()).toBe(before)
  })

  it('a failed transaction leaves neither record nor outbox entry', async () => {
    const ctx = await freshData()
    await expect(
      ctx.writer.transact('1001', async (tx) => {
        await tx.create('customers', minimalCustomer('c1', '张三', '13800138000'))
        await tx.create('customers', minimalCustomer('c1', '李四', '13900139000')) // same id: add() fails
      })
    ).rejects.toThrow()
    expect(await ctx.db.customers.count()).toBe(0)
    expect(await ctx.db.outbox.count()).toBe(0)
  })

  it('an error thrown by the caller after writing rolls the writes back', async () => {
    const ctx = await freshData()
    await expect(
      ctx.writer.transact('1001', async (tx) => {
        await tx.create('customers', minimalCustomer('c1', '张三', '13800138000'))
        throw new Error('validation failed later')
      })
    ).rejects.toThrow('validation failed later')
    expect(await ctx.db.customers.count()).toBe(0)
    expect(await ctx.db.outbox.count()).toBe(0)
  })

  it('deletes are tombstones that reach the outbox', async () => {
    const ctx = await freshData()
    await ctx.writer.transact('1001', (tx) =>
      tx.create('customers', minimalCustomer('c1', '张三', '13800138000'))
    )
    await ctx.writer.transact('1001', (tx) => tx.remove('customers', 'c1'))
    expect((await ctx.db.customers.get('c1'))?._deleted).toBe(1)
    expect((await ctx.db.outbox.toArray()).at(-1)).toMatchObject({
      field: '_deleted',
      value: 1,
      recordId: 'c1'
    })
  })

  it('timeline events are immutable', async () => {
    const ctx = await freshData()
    await ctx.writer.transact('1001', (tx) =>
      tx.create('events', { id: 'e1', subjectId: 'x', type: 'registered', at: 1, staffNo: '1001', data: {} })
    )
    await expect(ctx.writer.transact('1001', (tx) => tx.update('events', 'e1', { at: 2 }))).rejects.toThrow(
      /immutable/
    )
    await expect(ctx.writer.transact('1001', (tx) => tx.remove('events', 'e1'))).rejects.toThrow(/immutable/)
  })

  it('refuses a write without a 工号', async () => {
    const ctx = await freshData()
    await expect(ctx.writer.transact('', async () => undefined)).rejects.toThrow()
  })

  it('HLC stamps stay monotonic when the PC clock jumps backwards, also across a restart', async () => {
    const dbName = 'hlc-restart'
    const time = { value: Date.parse('2026-11-22T10:00:00Z') }
    const ctx = await freshData({ dbName, time })
    const write = (c: typeof ctx, i: number) =>
      c.writer.transact('1001', (tx) =>
        tx.create('customers', minimalCustomer(`c${i}`, `n${i}`, '13800138000'))
      )
    await write(ctx, 1)
    time.value -= 3_600_000 // clock set back an hour
    await write(ctx, 2)
    ctx.db.close()
    const reopened = await openDataLayer(device(), { dbName, now: () => time.value - 7_200_000 })
    await reopened.writer.transact('1001', (tx) =>
      tx.create('customers', minimalCustomer('c3', 'n3', '13800138000'))
    )
    const stamps = (await reopened.db.outbox.orderBy('seq').toArray()).map((e) => e.hlc)
    const distinct = [...new Set(stamps)]
    expect(distinct).toHaveLength(3)
    expect([...distinct].sort()).toEqual(distinct)
  })
})
