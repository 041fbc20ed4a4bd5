// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { addStaff } from '@/db/staff'
import { describe, expect, it } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import {
  customerFormSchema,
  emptyCustomerForm,
  profileToRecord,
  type CustomerForm
} from '@shared/domain/customer'
import { emptyReturnForm, returnFormSchema } from '@shared/domain/returns'
import {
  addCustomerNote,
  createCustomer,
  CustomerRefusedError,
  findCustomerByPhone,
  keyAccountsAmong,
  revealPhone,
  updateCustomer
} from '@/db/customers'
import { countCustomers, listCustomers, searchCustomers } from '@/db/customerQuery'
import { getCustomerTimeline } from '@/db/customerTimeline'
import { getUnmaskRoles, saveUnmaskRoles } from '@/db/privacy'
import { registerComplaint } from '@/db/complaints'
import { registerReturn } from '@/db/returns'
import { freshData } from './helpers'

const profile = (over: Partial<CustomerForm>) =>
  profileToRecord(customerFormSchema('2026-11-23').parse({ ...emptyCustomerForm(), ...over }))
const phones = (...values: string[]) => values.map((value) => ({ value }))
const intake = (phone: string, name = '张三') =>
  complaintIntakeSchema('2026-11-23').parse({
    ...emptyIntakeForm,
    customerPhone: phone,
    customerName: name,
    content: '问题'
  })

describe('customer archive', () => {
  it('creates a full profile with search keys, a timeline step and an outbox entry per field', async () => {
    const ctx = await freshData()
    const c = await createCustomer(
      ctx,
      '1001',
      profile({
        name: '单雄信',
        phones: phones('138 1234 5678', '021-52345678'),
        tier: 'key',
        memberNo: 'VIP-0088',
        tags: ['老客户']
      })
    )
    expect(c).toMatchObject({
      name: '单雄信',
      phone: '13812345678',
      phones: ['13812345678', '021-52345678'],
      tier: 'key',
      tags: ['老客户']
    })
    expect(c._keys).toEqual(
      expect.arrayContaining(['i:sxx', 'f:shanxiongxin', 't:5678', 'p:13812345678', 'm:vip0088'])
    )
    expect((await ctx.db.events.toArray()).map((e) => [e.subjectId, e.type])).toEqual([
      [c.id, 'customerCreated']
    ])
    const fields = (await ctx.db.outbox.toArray()).filter((e) => e.recordId === c.id).map((e) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['name', 'phone', 'phones', 'tier', 'tags', 'memberNo']))
    expect(fields.some((f) => f.startsWith('_'))).toBe(false)
    expect(await keyAccountsAmong(ctx, [c.id, 'nobody'])).toEqual(new Set([c.id]))
  })

  it('refuses a phone already on file (any of its numbers) and names the archive that has it', async () => {
    const ctx = await freshData()
    const first = await createCustomer(
      ctx,
      '1001',
      profile({ name: '张三', phones: phones('13812345678', '13900001111') })
    )
    const refused = createCustomer(ctx, '1001', profile({ name: '张叁', phones: phones('13900001111') }))
    await expect(refused).rejects.toBeInstanceOf(CustomerRefusedError)
    await expect(refused).rejects.toMatchObject({ message: 'customer.phoneExists', existingId: first.id })
    expect(await countCustomers(ctx, {})).toBe(1)
    expect((await findCustomerByPhone(ctx, '13900001111'))?.id).toBe(first.id)
  })

  it('records each corrected field old → new; unchanged saves record nothing', async () => {
    const ctx = await freshData()
    const c = await createCustomer(ctx, '1001', profile({ name: '张三', phones: phones('13812345678') }))
    expect(
      await updateCustomer(ctx, '1002', c.id, profile({ name: '张三', phones: phones('13812345678') }))
    ).toBe(0)
    expect(
      await updateCustomer(
        ctx,
        '1002',
        c.id,
        profile({
          name: '张三',
          phones: phones('13812345678', '13700001234'),
          address: '幸福路 1 号',
          tier: 'vip'
        })
      )
    ).toBe(3)
    const edited = (await ctx.db.events.toArray()).find((e) => e.type === 'customerEdited')
    expect(edited?.staffNo).toBe('1002')
    expect(edited?.data.changes).toEqual([
      { field: 'phones', from: ['13812345678'], to: ['13812345678', '13700001234'] },
      { field: 'address', from: null, to: '幸福路 1 号' },
      { field: 'tier', from: 'regular', to: 'vip' }
    ])
    // the new number is searchable at once (keys derived on update)
    expect((await searchCustomers(ctx, '1234')).map((h) => h.customer.id)).toEqual([c.id])
  })

  it('search: initials, full pinyin, polyphonic surnames, last 4, card; exact phone ranks first', async () => {
    const ctx = await freshData()
    const zhang = await createCustomer(ctx, '1001', profile({ name: '张三', phones: phones('13812345678') }))
    const zeng = await createCustomer(
      ctx,
      '1001',
      profile({ name: '曾小贤', phones: phones('13955556666'), memberNo: 'M5678' })
    )
    const xie = await createCustomer(ctx, '1001', profile({ name: '解晓东', phones: phones('13700005678') }))
    const ids = async (q: string) => (await searchCustomers(ctx, q)).map((h) => h.customer.id)
    expect(await ids('zs')).toEqual([zhang.id])
    expect(await ids('zhangs')).toEqual([zhang.id])
    expect(await ids('zxx')).toEqual([zeng.id])
    expect(await ids('xxd')).toEqual([xie.id])
    expect(await ids('曾')).toEqual([zeng.id])
    // 5678: two phones end in it (last 4) and one card starts with M5678 only by prefix — not matched by digits alone
    expect(new Set(await ids('5678'))).toEqual(new Set([zhang.id, xie.id]))
    expect(await ids('m5678')).toEqual([zeng.id])
    expect(await ids('１３９５５５５６６６６')).toEqual([zeng.id])
    expect((await searchCustomers(ctx, '13812345678'))[0]?.match.kind).toBe('phone')
    expect(await ids('')).toEqual([])
  })

  it('intake finds the archive by any of its phones; a new phone makes a minimal archive', async () => {
    const ctx = await freshData()
    const c = await createCustomer(
      ctx,
      '1001',
      profile({ name: '张三', phones: phones('13812345678', '13900001111') })
    )
    const complaint = await registerComplaint(ctx, '1001', intake('13900001111'))
    expect(complaint.customerId).toBe(c.id)
    const other = await registerComplaint(ctx, '1001', intake('13600002222', '王五'))
    const created = await ctx.db.customers.get(other.customerId)
    expect(created).toMatchObject({ name: '王五', phones: ['13600002222'], tier: 'regular', tags: [] })
    expect(created?._keys).toContain('i:ww')
  })

  it('one timeline: complaints, returns and notes newest first, open items on top', async () => {
    const ctx = await freshData()
    // issue 17: a reveal needs an active 工号
    await addStaff(ctx, '1002', { staffNo: '1002', name: '李专员', role: 'clerk' })
    const c = await createCustomer(ctx, '1001', profile({ name: '李四', phones: phones('13900139000') }))
    ctx.time.value += 60_000
    const complaint = await registerComplaint(ctx, '1001', intake('13900139000', '李四'))
    ctx.time.value += 60_000
    await registerReturn(
      ctx,
      '1001',
      returnFormSchema.parse({
        ...emptyReturnForm,
        customerPhone: '13900139000',
        customerName: '李四',
        type: 'return',
        amount: '99',
        refundAccount: '6222',
        accountName: '李四',
        reason: '不合适'
      })
    )
    ctx.time.value += 60_000
    await addCustomerNote(ctx, '1002', c.id, '喜欢下午来店')
    ctx.time.value += 60_000
    await revealPhone(ctx, '1002', c.id, '13900139000')
    const timeline = await getCustomerTimeline(ctx, c.id)
    expect(timeline.entries.map((e) => (e.kind === 'event' ? e.event.type : e.kind))).toEqual([
      'phoneRevealed',
      'customerNote',
      'return',
      'complaint',
      'customerCreated'
    ])
    expect(timeline.open.map((e) => e.kind).sort()).toEqual(['complaint', 'return'])
    expect(timeline.open.find((e) => e.kind === 'complaint')?.kind === 'complaint' && complaint.id).toBe(
      complaint.id
    )
    // the reveal is recorded with who, and the number itself stays masked in the record
    const reveal = timeline.entries.find((e) => e.kind === 'event' && e.event.type === 'phoneRevealed')
    expect(reveal?.kind === 'event' && [reveal.event.staffNo, reveal.event.data.phone]).toEqual([
      '1002',
      '139****9000'
    ])
    await expect(addCustomerNote(ctx, '1002', c.id, '   ')).rejects.toThrow('validation.required')
  })

  it('lists in name order, filters by tier and clerk (unassigned too) and counts from tallies', async () => {
    const ctx = await freshData()
    await createCustomer(
      ctx,
      '1001',
      profile({ name: '乙', phones: phones('13800000001'), tier: 'key', assignedClerk: '1001' })
    )
    await createCustomer(ctx, '1001', profile({ name: '甲', phones: phones('13800000002') }))
    await createCustomer(ctx, '1001', profile({ name: '丙', phones: phones('13800000003'), tier: 'key' }))
    const names = async (f: Parameters<typeof listCustomers>[1]) =>
      (await listCustomers(ctx, f, 0, 10)).map((c) => c.name)
    expect(await names({})).toEqual(['丙', '乙', '甲'])
    expect(await names({ tier: 'key' })).toEqual(['丙', '乙'])
    expect((await names({ clerk: '' })).sort()).toEqual(['丙', '甲'])
    expect(await names({ clerk: '1001' })).toEqual(['乙'])
    expect(await countCustomers(ctx, {})).toBe(3)
    expect(await countCustomers(ctx, { tier: 'key' })).toBe(2)
    expect(await countCustomers(ctx, { clerk: '' })).toBe(2)
  })

  it('only managers see full numbers by default; the store can change who does', async () => {
    const ctx = await freshData()
    expect(await getUnmaskRoles(ctx)).toEqual(['manager'])
    await saveUnmaskRoles(ctx, '9001', ['shiftLeader', 'manager'])
    expect(await getUnmaskRoles(ctx)).toEqual(['shiftLeader', 'manager'])
  })
})
