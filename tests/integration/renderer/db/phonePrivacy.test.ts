// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import {
  customerFormSchema,
  emptyCustomerForm,
  profileToRecord,
  type CustomerForm
} from '@shared/domain/customer'
import { maskPhone } from '@shared/domain/phone'
import { createCustomer, updateCustomer } from '@/db/customers'
import { searchCustomers } from '@/db/customerQuery'
import { countComplaints, listComplaints } from '@/db/complaintQuery'
import { getCustomerTimeline } from '@/db/customerTimeline'
import { deskMaySeePhones, deskMaySeePhonesHeld, saveUnmaskRoles } from '@/db/privacy'
import { registerComplaint } from '@/db/complaints'
import { addStaff, updateStaff } from '@/db/staff'
import { setSessionStaff } from '@/db/prefs'
import { freshData } from './helpers'

// 客户信息不得泄露 in the data layer (issue 17 point 6, docs/security.md §4): whoever sits at the desk
// without the right to full numbers can neither read a corrected number on the timeline nor recover
// the masked digits of 138****5678 by searching phone prefixes.

const profile = (over: Partial<CustomerForm>) =>
  profileToRecord(customerFormSchema('2026-11-23').parse({ ...emptyCustomerForm(), ...over }))
const phones = (...values: string[]) => values.map((value) => ({ value }))
const intake = (phone: string, name: string) =>
  complaintIntakeSchema('2026-11-23').parse({
    ...emptyIntakeForm,
    customerPhone: phone,
    customerName: name,
    content: '问题'
  })

async function store() {
  const ctx = await freshData()
  await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
  await addStaff(ctx, '9001', { staffNo: '1002', name: '赵专员', role: 'clerk' })
  const leader = await addStaff(ctx, '9001', { staffNo: '5001', name: '李值班', role: 'shiftLeader' })
  const zhang = await createCustomer(ctx, '9001', profile({ name: '张三', phones: phones('13812345678') }))
  await createCustomer(ctx, '9001', profile({ name: '李四', phones: phones('021-52341234') }))
  await registerComplaint(ctx, '9001', intake('13812345678', '张三'))
  return { ctx, zhang, leader }
}

const ids = async (ctx: Awaited<ReturnType<typeof store>>['ctx'], q: string) =>
  (await searchCustomers(ctx, q)).map((h) => h.customer.name)

describe('who may see full phones: the person at the desk', () => {
  it('is the session 工号 with a role of the privacy setting; nobody, unknown or retired: no', async () => {
    const { ctx, leader } = await store()
    expect(await deskMaySeePhones(ctx)).toBe(false) // nobody at the desk
    await setSessionStaff(ctx, '1002')
    expect(await deskMaySeePhones(ctx)).toBe(false)
    await setSessionStaff(ctx, '9001')
    expect(await deskMaySeePhones(ctx)).toBe(true)
    await setSessionStaff(ctx, '7777')
    expect(await deskMaySeePhones(ctx)).toBe(false)
    await saveUnmaskRoles(ctx, '9001', ['manager', 'shiftLeader'])
    await setSessionStaff(ctx, '5001')
    expect(await deskMaySeePhones(ctx)).toBe(true)
    await updateStaff(ctx, '9001', leader, { active: false })
    expect(await deskMaySeePhones(ctx)).toBe(false)
  })
})

describe('the right held in memory (customer search during a join, deskRightCache.ts)', () => {
  it('follows every change of who is at the desk, their record and the privacy setting', async () => {
    const { ctx, leader } = await store()
    expect(await deskMaySeePhonesHeld(ctx)).toBe(false)
    await setSessionStaff(ctx, '9001')
    expect(await deskMaySeePhonesHeld(ctx)).toBe(true)
    expect(await deskMaySeePhonesHeld(ctx)).toBe(true) // from memory
    await setSessionStaff(ctx, '5001')
    expect(await deskMaySeePhonesHeld(ctx)).toBe(false)
    await saveUnmaskRoles(ctx, '9001', ['manager', 'shiftLeader'])
    expect(await deskMaySeePhonesHeld(ctx)).toBe(true)
    await updateStaff(ctx, '9001', leader, { active: false })
    expect(await deskMaySeePhonesHeld(ctx)).toBe(false)
    await ctx.db.meta.clear()
    expect(await deskMaySeePhonesHeld(ctx)).toBe(false)
  })
})

describe('phone-prefix probing (issue 17.6: masked digits recovered in ≤ 40 searches)', () => {
  it('a clerk cannot recover 138****5678 by searching prefixes: 40 probes find nothing', async () => {
    const { ctx } = await store()
    await setSessionStaff(ctx, '1002')
    // The probe of the review: the visible 138, then each hidden digit in turn.
    const found: string[] = []
    for (let position = 3; position < 7; position++)
      for (let d = 0; d <= 9; d++) {
        const probe = `${'13812345678'.slice(0, position)}${d}`
        if ((await ids(ctx, probe)).includes('张三')) found.push(probe)
      }
    expect(found).toEqual([])
    // nor by the longer prefixes, nor through the complaint list's search
    expect(await ids(ctx, '1381234567')).toEqual([])
    expect(await listComplaints(ctx, { status: 'all', search: '1381234' }, 0, 10)).toEqual([])
    expect(await countComplaints(ctx, { status: 'all', search: '138123456' })).toBe(0)
    // a landline's local number by prefix neither
    expect(await ids(ctx, '1234')).toEqual(['李四']) // its last 4: allowed
    expect(await ids(ctx, '523412')).toEqual([])
  })

  it('a clerk still finds a customer by the full number and by the last 4 digits (尾号)', async () => {
    const { ctx } = await store()
    await setSessionStaff(ctx, '1002')
    expect(await ids(ctx, '13812345678')).toEqual(['张三'])
    expect(await ids(ctx, '138 1234 5678')).toEqual(['张三'])
    expect(await ids(ctx, '5678')).toEqual(['张三'])
    expect(await ids(ctx, '02152341234')).toEqual(['李四'])
    expect(await ids(ctx, '52341234')).toEqual(['李四'])
    expect(await ids(ctx, 'zs')).toEqual(['张三'])
    expect(
      (await listComplaints(ctx, { status: 'all', search: '13812345678' }, 0, 10)).map((c) => c.customerName)
    ).toEqual(['张三'])
    expect(await countComplaints(ctx, { status: 'all', search: '138 1234 5678' })).toBe(1)
  })

  it('a manager (the right to full numbers) keeps prefix search', async () => {
    const { ctx } = await store()
    await setSessionStaff(ctx, '9001')
    expect(await ids(ctx, '1381')).toEqual(['张三'])
    expect(await ids(ctx, '1381234')).toEqual(['张三'])
    expect(await listComplaints(ctx, { status: 'all', search: '1381234' }, 0, 10)).toHaveLength(1)
  })
})

describe("the customer timeline's phone corrections", () => {
  it('are stored in full and read masked by a clerk, in full by a manager', async () => {
    const { ctx, zhang } = await store()
    await updateCustomer(
      ctx,
      '9001',
      zhang.id,
      profile({ name: '张三', phones: phones('13900001111', '13812345678') })
    )
    const stored = (await ctx.db.events.toArray()).find((e) => e.type === 'customerEdited')
    expect(stored?.data.changes).toEqual([
      { field: 'phones', from: ['13812345678'], to: ['13900001111', '13812345678'] }
    ])
    const edits = async () =>
      (await getCustomerTimeline(ctx, zhang.id)).entries.flatMap((e) =>
        e.kind === 'event' && e.event.type === 'customerEdited' ? [e.event.data.changes] : []
      )

    await setSessionStaff(ctx, '1002')
    expect(await edits()).toEqual([
      [{ field: 'phones', from: [maskPhone('13812345678')], to: ['139****1111', '138****5678'] }]
    ])
    const events = (await getCustomerTimeline(ctx, zhang.id)).entries.filter((e) => e.kind === 'event')
    expect(JSON.stringify(events)).not.toMatch(/13900001111|13812345678/)

    await setSessionStaff(ctx, '9001')
    expect(await edits()).toEqual([
      [{ field: 'phones', from: ['13812345678'], to: ['13900001111', '13812345678'] }]
    ])
  })
})
