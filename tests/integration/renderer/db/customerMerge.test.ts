// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import {
  customerFormSchema,
  emptyCustomerForm,
  minimalCustomer,
  profileToRecord,
  type CustomerForm
} from '@shared/domain/customer'
import { emptyReturnForm, returnFormSchema } from '@shared/domain/returns'
import { addCustomerNote, createCustomer, getCustomer, getLiveCustomer, updateCustomer } from '@/db/customers'
import { countCustomers, listCustomers, searchCustomers } from '@/db/customerQuery'
import { describeDuplicates, findPossibleDuplicates } from '@/db/customerDuplicates'
import { getCustomerTimeline } from '@/db/customerTimeline'
import { mergeCustomers, MergeRefusedError, type CustomerMergedData } from '@/db/customerMerge'
import { registerComplaint } from '@/db/complaints'
import { registerReturn } from '@/db/returns'
import type { DataContext } from '@/db/context'
import { freshData } from './helpers'

const profile = (over: Partial<CustomerForm>) =>
  profileToRecord(customerFormSchema('2026-11-23').parse({ ...emptyCustomerForm(), ...over }))
const phones = (...values: string[]) => values.map((value) => ({ value }))
const intake = (phone: string, name: string, content = '问题') =>
  complaintIntakeSchema('2026-11-23').parse({
    ...emptyIntakeForm,
    customerPhone: phone,
    customerName: name,
    content
  })
const aReturn = (phone: string, name: string, customerId: string) =>
  returnFormSchema.parse({
    ...emptyReturnForm,
    customerId,
    customerPhone: phone,
    customerName: name,
    type: 'exchange',
    reason: '尺码不对'
  })

/** An archive as sync or an import can leave it: the same phone as another one (the form would refuse). */
async function rawArchive(ctx: DataContext, id: string, name: string, ...nums: string[]) {
  await ctx.writer.transact('1001', (tx) =>
    tx.create('customers', { ...minimalCustomer(id, name, nums[0] as string), phones: nums })
  )
}

/** Everything a refusal must leave untouched. */
async function snapshot(ctx: DataContext) {
  return {
    outbox: await ctx.db.outbox.count(),
    events: await ctx.db.events.count(),
    customers: JSON.stringify(await ctx.db.customers.toArray())
  }
}

describe('possible duplicates', () => {
  it('finds archives sharing any phone, and same-name archives with alike phones — not unrelated ones', async () => {
    const ctx = await freshData()
    await rawArchive(ctx, 'a1', '张三', '13812345678')
    await rawArchive(ctx, 'a2', '张叁', '13900001111', '13812345678') // same phone (its second one), other name
    await rawArchive(ctx, 'b1', '李四', '13700001234')
    await rawArchive(ctx, 'b2', '李四', '13700001235') // one digit different
    await rawArchive(ctx, 'c1', '王五', '13600002345')
    await rawArchive(ctx, 'c2', '王 五', '13600003245') // adjacent digits swapped (and the name typed with a space)
    await rawArchive(ctx, 'd1', '赵六', '13511118888')
    await rawArchive(ctx, 'd2', '赵六', '15922228888') // same 尾号
    // not suspicious: same name with unrelated phones; alike phones with different names; a landline's
    // local number shared across area codes (different lines)
    await rawArchive(ctx, 'e1', '孙七', '13100000001')
    await rawArchive(ctx, 'e2', '孙七', '18655559999')
    await rawArchive(ctx, 'f1', '周八', '13300004444')
    await rawArchive(ctx, 'f2', '吴九', '13300004445')
    await rawArchive(ctx, 'g1', '郑十', '010-52345678')
    await rawArchive(ctx, 'g2', '冯十一', '021-52345678')

    const { pairs, total } = await findPossibleDuplicates(ctx)
    expect(total).toBe(4)
    expect(pairs).toEqual([
      { a: 'a1', b: 'a2', reason: 'samePhone', likeness: 'same' },
      { a: 'b1', b: 'b2', reason: 'similarPhone', likeness: 'oneDigit' },
      { a: 'c1', b: 'c2', reason: 'similarPhone', likeness: 'swapped' },
      { a: 'd1', b: 'd2', reason: 'similarPhone', likeness: 'last4' }
    ])
    expect((await findPossibleDuplicates(ctx, 2)).pairs).toHaveLength(2)

    // side by side, with what each holds; a pair whose archive is merged away meanwhile is dropped
    await registerComplaint(ctx, '1001', intake('13700001235', '李四'))
    const described = await describeDuplicates(ctx, pairs)
    const b = described.find((d) => d.pair.a === 'b1')
    expect(b?.sides.map((s) => [s.customer.id, s.complaints, s.returns])).toEqual([
      ['b1', 0, 0],
      ['b2', 1, 0]
    ])
    await mergeCustomers(ctx, '1001', 'a1', 'a2')
    expect((await describeDuplicates(ctx, pairs)).map((d) => d.pair.a)).toEqual(['b1', 'c1', 'd1'])
    // a merged (tombstoned) archive is no longer a suspect
    expect((await findPossibleDuplicates(ctx)).pairs.map((p) => p.a)).toEqual(['b1', 'c1', 'd1'])
  })

  it('two archives sharing two phones are one pair', async () => {
    const ctx = await freshData()
    await rawArchive(ctx, 'x', '甲', '13800000001', '13800000002')
    await rawArchive(ctx, 'y', '甲', '13800000002', '13800000001')
    expect((await findPossibleDuplicates(ctx)).pairs).toEqual([
      { a: 'x', b: 'y', reason: 'samePhone', likeness: 'same' }
    ])
  })
})

describe('merging two archives', () => {
  async function twoArchives() {
    const ctx = await freshData()
    const kept = await createCustomer(
      ctx,
      '1001',
      profile({
        name: '张三',
        phones: phones('13812345678'),
        address: '幸福路 1 号',
        tier: 'member',
        tags: ['老客户'],
        needs: '爱喝茶',
        assignedClerk: '1001'
      })
    )
    const other = await createCustomer(
      ctx,
      '1002',
      profile({
        name: '张叁',
        phones: phones('13812345679'),
        address: '幸福路 9 号',
        tier: 'key',
        memberNo: 'VIP-0088',
        tags: ['需送货上门'],
        needs: '行动不便',
        notes: '周末来店',
        gender: 'male'
      })
    )
    ctx.time.value += 60_000
    const c1 = await registerComplaint(ctx, '1001', intake('13812345678', '张三', '电饭煲不加热'))
    ctx.time.value += 60_000
    const c2 = await registerComplaint(ctx, '1002', intake('13812345679', '张叁', '送货晚了'))
    ctx.time.value += 60_000
    const r2 = await registerReturn(ctx, '1002', aReturn('13812345679', '张叁', other.id))
    ctx.time.value += 60_000
    await addCustomerNote(ctx, '1002', other.id, '只接受下午电话')
    await updateCustomer(ctx, '1001', kept.id, { ...kept, credit: 'A' })
    ctx.time.value += 60_000
    return { ctx, kept, other, c1, c2, r2 }
  }

  it('keeps every linked record and every value; the other archive is retired but readable', async () => {
    const { ctx, kept, other, c1, c2, r2 } = await twoArchives()
    const survivor = await mergeCustomers(ctx, '8001', kept.id, other.id)

    // merged profile: survivor's values win, the other fills gaps, the higher tier, both phones/tags/needs
    expect(survivor).toMatchObject({
      name: '张三',
      phones: ['13812345678', '13812345679'],
      address: '幸福路 1 号',
      tier: 'key',
      memberNo: 'VIP-0088',
      gender: 'male',
      credit: 'A',
      tags: ['老客户', '需送货上门'],
      needs: '爱喝茶\n行动不便',
      assignedClerk: '1001',
      mergedFrom: [other.id]
    })
    // every differing value of the other archive is kept in 备注, labelled, phone masked
    expect(survivor.notes).toContain('周末来店')
    expect(survivor.notes).toContain('【合并自 张叁 (138****5679)】姓名：张叁')
    expect(survivor.notes).toContain('【合并自 张叁 (138****5679)】地址：幸福路 9 号')

    // complaints and returns follow, keeping the name and phone recorded at intake
    expect(await ctx.db.complaints.get(c2.id)).toMatchObject({
      customerId: kept.id,
      customerName: '张叁',
      customerPhone: '13812345679'
    })
    expect((await ctx.db.complaints.get(c1.id))?.customerId).toBe(kept.id)
    expect((await ctx.db.returns.get(r2.id))?.customerId).toBe(kept.id)

    // the other archive: tombstoned, pointing at the survivor, gone from search and lists, readable by id
    const retired = await getCustomer(ctx, other.id)
    expect(retired).toMatchObject({ mergedInto: kept.id, _deleted: 1, name: '张叁' })
    expect(retired?._keys).toBeUndefined()
    expect((await getLiveCustomer(ctx, other.id))?.id).toBe(kept.id)
    expect((await searchCustomers(ctx, '张叁')).map((h) => h.customer.id)).toEqual([])
    expect((await searchCustomers(ctx, '13812345679')).map((h) => h.customer.id)).toEqual([kept.id])
    expect((await listCustomers(ctx, {}, 0, 10)).map((c) => c.id)).toEqual([kept.id])
    expect(await countCustomers(ctx, {})).toBe(1)
    expect(await countCustomers(ctx, { tier: 'key' })).toBe(1)

    // one timeline on the survivor: both complaints, the return, the other's note and creation, the merge
    const timeline = await getCustomerTimeline(ctx, kept.id)
    const kinds = timeline.entries.map((e) =>
      e.kind === 'event' ? `${e.event.type}@${e.event.subjectId === kept.id ? 'kept' : 'other'}` : e.kind
    )
    expect(kinds).toEqual(
      expect.arrayContaining([
        'complaint',
        'return',
        'customerNote@other',
        'customerCreated@other',
        'customerCreated@kept',
        'customerEdited@kept',
        'customerMerged@kept',
        'mergedInto@other'
      ])
    )
    expect(timeline.entries.filter((e) => e.kind === 'complaint')).toHaveLength(2)
    expect(timeline.open.map((e) => e.kind).sort()).toEqual(['complaint', 'complaint', 'return'])

    // the merge explains itself: what came from where, phones masked
    const merged = timeline.entries.find((e) => e.kind === 'event' && e.event.type === 'customerMerged')
    const data = (merged?.kind === 'event' ? merged.event.data : {}) as unknown as CustomerMergedData
    expect(merged?.kind === 'event' && merged.event.staffNo).toBe('8001')
    expect(data).toMatchObject({
      otherId: other.id,
      otherName: '张叁',
      otherPhones: ['138****5679'],
      complaints: 1,
      returns: 1
    })
    expect(data.filled).toEqual(
      expect.arrayContaining([
        { field: 'phones', value: ['138****5679'] },
        { field: 'memberNo', value: 'VIP-0088' },
        { field: 'tier', value: 'key' },
        { field: 'tags', value: ['需送货上门'] },
        { field: 'needs', value: '行动不便' },
        { field: 'gender', value: 'male' }
      ])
    )
    expect(data.differences.map((d) => d.field)).toEqual(['name', 'address', 'tier'])
    expect(JSON.stringify(data)).not.toContain('13812345679')
    const into = (await ctx.db.events.toArray()).find((e) => e.type === 'mergedInto')
    expect(into).toMatchObject({ subjectId: other.id, data: { survivorId: kept.id, survivorName: '张三' } })

    // synced: the survivor's fields, the moved links and the tombstone are all in the outbox
    const outbox = await ctx.db.outbox.toArray()
    expect(
      outbox.filter(
        (e) =>
          e.table === 'complaints' && e.recordId === c2.id && e.field === 'customerId' && e.value === kept.id
      )
    ).toHaveLength(1)
    expect(
      outbox.some((e) => e.table === 'customers' && e.recordId === other.id && e.field === '_deleted')
    ).toBe(true)
    expect(
      outbox.some((e) => e.table === 'customers' && e.recordId === other.id && e.field === 'mergedInto')
    ).toBe(true)
    expect(
      outbox.some((e) => e.table === 'customers' && e.recordId === kept.id && e.field === 'mergedFrom')
    ).toBe(true)

    // the next complaint with the other's phone lands on the survivor
    expect((await registerComplaint(ctx, '1001', intake('13812345679', '张叁'))).customerId).toBe(kept.id)
  })

  it('merges chains: an archive that absorbed another brings that one’s history along', async () => {
    const ctx = await freshData()
    const a = await createCustomer(ctx, '1001', profile({ name: '李四', phones: phones('13900000001') }))
    const b = await createCustomer(ctx, '1001', profile({ name: '李四', phones: phones('13900000002') }))
    const c = await createCustomer(ctx, '1001', profile({ name: '李四', phones: phones('13900000003') }))
    await addCustomerNote(ctx, '1001', c.id, '来自 C 的备注')
    await mergeCustomers(ctx, '1001', b.id, c.id)
    const kept = await mergeCustomers(ctx, '1001', a.id, b.id)
    expect(kept.mergedFrom).toEqual([b.id, c.id])
    expect(kept.phones).toEqual(['13900000001', '13900000002', '13900000003'])
    const notes = (await getCustomerTimeline(ctx, a.id)).entries.flatMap((e) =>
      e.kind === 'event' && e.event.type === 'customerNote' ? [e.event.data.text] : []
    )
    expect(notes).toEqual(['来自 C 的备注'])
    expect((await getLiveCustomer(ctx, c.id))?.id).toBe(a.id)
  })

  it('refuses merging an archive into itself, a missing one or an already merged one — writing nothing', async () => {
    const { ctx, kept, other } = await twoArchives()
    const refused = async (survivorId: string, otherId: string, key: string) => {
      const before = await snapshot(ctx)
      const attempt = mergeCustomers(ctx, '1001', survivorId, otherId)
      await expect(attempt).rejects.toBeInstanceOf(MergeRefusedError)
      await expect(attempt).rejects.toThrow(key)
      expect(await snapshot(ctx)).toEqual(before)
    }
    await refused(kept.id, kept.id, 'customerMerge.refused.self')
    await refused(kept.id, 'nobody', 'customerMerge.refused.notFound')
    await refused('nobody', kept.id, 'customerMerge.refused.notFound')
    await mergeCustomers(ctx, '1001', kept.id, other.id)
    await refused(kept.id, other.id, 'customerMerge.refused.alreadyMerged')
    await refused(other.id, kept.id, 'customerMerge.refused.alreadyMerged')
  })
})
