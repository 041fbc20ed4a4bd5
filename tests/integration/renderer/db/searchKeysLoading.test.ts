// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { customerFormSchema, emptyCustomerForm, profileToRecord } from '@shared/domain/customer'
import { createCustomer } from '@/db/customers'
import { searchCustomers } from '@/db/customerQuery'
import { customerKeys, searchKeysReady } from '@/db/derived'
import { freshData } from './helpers'

// Customer search (pinyin-pro) loads in its own chunk, off the start-up path (derived.ts). The
// writer must load it before a transaction that derives a customer's keys. The tests run in order
// on this file's own module state: nothing has loaded customer search before the first one.

describe('customer search keys, loaded lazily', () => {
  it('are not derived before customer search has loaded (no silent archive without keys)', () => {
    expect(searchKeysReady()).toBe(false)
    expect(() =>
      customerKeys({
        id: 'c1',
        name: '单雄信',
        phone: '13812345678',
        phones: ['13812345678'],
        tier: 'regular',
        tags: []
      })
    ).toThrow(/not loaded/)
  })

  it('the first customer written loads them: the archive has its keys and is found by pinyin at once', async () => {
    const ctx = await freshData()
    const record = profileToRecord(
      customerFormSchema('2026-11-23').parse({
        ...emptyCustomerForm(),
        name: '单雄信',
        phones: [{ value: '13812345678' }]
      })
    )
    const c = await createCustomer(ctx, '1001', record)
    expect(searchKeysReady()).toBe(true)
    const stored = await ctx.db.customers.get(c.id)
    expect(stored?._keys).toEqual(expect.arrayContaining(['n:单雄信', 'i:sxx', 'f:shanxiongxin', 't:5678']))
    expect((await searchCustomers(ctx, 'sxx')).map((h) => h.customer.id)).toEqual([c.id])
  })
})
