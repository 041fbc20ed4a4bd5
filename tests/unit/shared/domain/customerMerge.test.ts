import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CUSTOMER_LIMITS, TIERS, type Customer } from '@shared/domain/customer'
import { MERGE_LABELS, planMerge } from '@shared/domain/customerMerge'

const customer = (over: Partial<Customer> & { id: string }): Customer => ({
  name: '张三',
  phone: '13812345678',
  phones: ['13812345678'],
  tier: 'regular',
  tags: [],
  ...over
})
const survivor = customer({ id: 's' })
const other = customer({ id: 'o', name: '李四', phone: '13900001111', phones: ['13900001111'] })
const HEADER = '【合并自 李四 (139****1111)】'
const noteLines = (c: Omit<Customer, 'id'>) => (c.notes ?? '').split('\n')

describe('planMerge', () => {
  it('unions the phones, the survivor primary first', () => {
    const { merged } = planMerge(
      { ...survivor, phones: ['13812345678', '021-52345678'] },
      { ...other, phones: ['13900001111', '021-52345678'] }
    )
    expect(merged.phones).toEqual(['13812345678', '021-52345678', '13900001111'])
    expect(merged.phone).toBe('13812345678')
    expect(merged).not.toHaveProperty('id')
  })

  it('puts phones beyond the limit into the notes', () => {
    const s = { ...survivor, phones: ['13800000001', '13800000002', '13800000003', '13800000004'] }
    const o = { ...other, phones: ['13900000001', '13900000002', '13800000001'] }
    const { merged, differences } = planMerge(s, o)
    expect(merged.phones).toHaveLength(CUSTOMER_LIMITS.phones)
    expect(merged.phones).toEqual(['13800000001', '13800000002', '13800000003', '13800000004', '13900000001'])
    expect(noteLines(merged)).toContain(`【合并自 李四 (139****0001)】联系电话：13900000002`)
    expect(differences).toContainEqual({ field: 'phones', survivor: s.phones, other: o.phones })
  })

  it('takes the phone of a record written before `phones` existed', () => {
    const legacy = { ...other, phones: [] as string[] }
    expect(planMerge(survivor, legacy).merged.phones).toEqual(['13812345678', '13900001111'])
  })

  it('unions the tags, the overflow into the notes', () => {
    expect(
      planMerge({ ...survivor, tags: ['老客户', '爱砍价'] }, { ...other, tags: ['爱砍价', '需送货'] }).merged
        .tags
    ).toEqual(['老客户', '爱砍价', '需送货'])
    const many = Array.from({ length: CUSTOMER_LIMITS.tags }, (_, i) => `标签${i}`)
    const { merged, differences } = planMerge(
      { ...survivor, tags: many },
      { ...other, tags: ['额外一', '额外二'] }
    )
    expect(merged.tags).toEqual(many)
    expect(noteLines(merged)).toContain(`${HEADER}标签：额外一、额外二`)
    expect(differences.map((d) => d.field)).toContain('tags')
  })

  it('fills the survivor’s empty fields from the other without calling it a difference', () => {
    const o = {
      ...other,
      name: '张三',
      gender: 'female',
      birthday: '1990-01-02',
      address: '人民路1号',
      memberNo: 'M001',
      credit: 'B',
      source: '门店',
      assignedClerk: 'A001'
    } as const
    const { merged, differences } = planMerge({ ...survivor, address: '  ' }, { ...o })
    expect(merged).toMatchObject({
      gender: 'female',
      birthday: '1990-01-02',
      address: '人民路1号',
      memberNo: 'M001',
      credit: 'B',
      source: '门店',
      assignedClerk: 'A001'
    })
    expect(differences).toEqual([])
    expect(merged.notes).toBeUndefined()
  })

  it('keeps the survivor’s value and writes the other’s into the notes with its label', () => {
    const s = { ...survivor, address: '人民路1号', gender: 'male', credit: 'A', memberNo: 'M001' } as const
    const o = { ...other, address: '上海路2号', gender: 'female', credit: 'C', memberNo: 'M002' } as const
    const { merged, differences } = planMerge(s, o)
    expect(merged).toMatchObject({
      name: '张三',
      address: '人民路1号',
      gender: 'male',
      credit: 'A',
      memberNo: 'M001'
    })
    expect(noteLines(merged)).toEqual([
      `${HEADER}姓名：李四`,
      `${HEADER}性别：女`,
      `${HEADER}地址：上海路2号`,
      `${HEADER}会员卡号：M002`,
      `${HEADER}信用等级：C`
    ])
    expect(differences).toEqual([
      { field: 'name', survivor: '张三', other: '李四' },
      { field: 'gender', survivor: 'male', other: 'female' },
      { field: 'address', survivor: '人民路1号', other: '上海路2号' },
      { field: 'memberNo', survivor: 'M001', other: 'M002' },
      { field: 'credit', survivor: 'A', other: 'C' }
    ])
  })

  it('labels birthday, source and clerk in Chinese', () => {
    const { merged } = planMerge(
      { ...survivor, birthday: '1990-01-01', source: '门店', assignedClerk: 'A001' },
      { ...other, birthday: '1991-02-02', source: '电话', assignedClerk: 'A002' }
    )
    for (const line of ['生日：1991-02-02', '来源：电话', '负责客服：A002'])
      expect(noteLines(merged)).toContain(HEADER + line)
  })

  it('does not call values that differ only in surrounding spaces different', () => {
    expect(
      planMerge({ ...survivor, address: '人民路1号' }, { ...other, name: ' 张三 ', address: '人民路1号 ' })
        .differences
    ).toEqual([])
  })

  it('keeps the higher tier and records the difference', () => {
    const up = planMerge({ ...survivor, tier: 'regular' }, { ...other, name: '张三', tier: 'vip' })
    expect(up.merged.tier).toBe('vip')
    expect(up.differences).toEqual([{ field: 'tier', survivor: 'regular', other: 'vip' }])
    expect(up.merged.notes).toBeUndefined() // nothing of the other's was lost

    const keep = planMerge({ ...survivor, tier: 'key' }, { ...other, name: '张三', tier: 'member' })
    expect(keep.merged.tier).toBe('key')
    expect(keep.differences).toEqual([{ field: 'tier', survivor: 'key', other: 'member' }])
    expect(noteLines(keep.merged)).toEqual(['【合并自 张三 (139****1111)】客户等级：会员'])
  })

  it('concatenates needs and notes, each text once', () => {
    const { merged, differences } = planMerge(
      { ...survivor, needs: '听力不好，请大声', notes: '老客户' },
      { ...other, name: '张三', needs: '只收现金', notes: '老客户' }
    )
    expect(merged.needs).toBe('听力不好，请大声\n只收现金')
    expect(merged.notes).toBe('老客户')
    expect(differences).toEqual([])
  })

  it('puts the other’s needs into the notes when both together are too long for the field', () => {
    const long = '甲'.repeat(CUSTOMER_LIMITS.needs - 5)
    const { merged, differences } = planMerge(
      { ...survivor, needs: long },
      { ...other, name: '张三', needs: '需要轮椅通道' }
    )
    expect(merged.needs).toBe(long)
    expect(noteLines(merged)).toContain('【合并自 张三 (139****1111)】特殊需求：需要轮椅通道')
    // two characters shorter and both fit exactly (493 + newline + 6 = 500)
    expect(
      planMerge({ ...survivor, needs: long.slice(2) }, { ...other, needs: '需要轮椅通道' }).merged.needs
    ).toBe(`${long.slice(2)}\n需要轮椅通道`)
    expect(differences.map((d) => d.field)).toEqual(['needs'])
  })

  it('puts the survivor’s notes, then the other’s, then the kept values', () => {
    const { merged } = planMerge({ ...survivor, notes: '甲' }, { ...other, notes: '乙' })
    expect(merged.notes).toBe(`甲\n乙\n${HEADER}姓名：李四`)
  })

  it('does not carry ids or the tombstone, and does not touch its inputs', () => {
    const s = Object.freeze({
      ...survivor,
      tags: Object.freeze(['a']) as string[],
      phones: Object.freeze(['13812345678']) as string[]
    })
    const o = Object.freeze({ ...other, mergedInto: 'x' })
    const a = planMerge(s, o)
    expect(a.merged).not.toHaveProperty('mergedInto')
    expect(planMerge(s, o)).toEqual(a)
  })
})

// ----- property: nothing is lost over random combinations of fields -----

const POOLS = {
  name: ['张三', '李四', '王五'],
  gender: ['male', 'female'],
  birthday: ['1990-01-01', '1985-05-05'],
  address: ['人民路1号', '上海路2号', '  '],
  memberNo: ['M001', 'M002'],
  credit: ['A', 'B', 'C', 'D'],
  needs: ['只收现金', '听力不好', ''],
  source: ['门店', '电话'],
  assignedClerk: ['A001', 'A002'],
  notes: ['老客户', '曾投诉', '']
} as const
const PHONES = [
  '13800000001',
  '13800000002',
  '13800000003',
  '13800000004',
  '13800000005',
  '021-52345678',
  '0571-8888888'
]
const TAGS = ['老客户', '爱砍价', '需送货', '孕妇', '残障']
const GENDER_ZH: Record<string, string> = { male: '男', female: '女' }
const TIER_ZH = { regular: '普通客户', member: '会员', vip: 'VIP', key: '大客户' }

/** An archive with some phones and tags, and each optional field filled or not. */
function randomCustomer(id: string): fc.Arbitrary<Customer> {
  const { name, ...optional } = POOLS
  return fc
    .record({
      name: fc.constantFrom(...name),
      phones: fc.subarray(PHONES),
      tier: fc.constantFrom(...TIERS),
      tags: fc.subarray(TAGS),
      fields: fc.record(
        Object.fromEntries(Object.entries(optional).map(([f, values]) => [f, fc.constantFrom(...values)])),
        { requiredKeys: [] }
      )
    })
    .map(({ phones, fields, ...c }) => ({
      id,
      ...c,
      ...fields,
      phone: phones[0] ?? '13999999999',
      phones: phones.length ? phones : ['13999999999']
    }))
}

describe('planMerge keeps every value (random archives)', () => {
  // One test per pair (fast-check draws them, reproducibly from the seed), so a failure names its case.
  const cases = fc
    .sample(fc.tuple(randomCustomer('s'), randomCustomer('o')), { seed: 20261123, numRuns: 300 })
    .map(([s, o], i) => [i, s, o] as const)

  it.each(cases)('case %i', (_, s, o) => {
    const { merged, differences } = planMerge(s, o)
    const notes = merged.notes ?? ''
    const hasLine = (label: string, value: string) =>
      notes.split('\n').some((l) => l.startsWith('【合并自') && l.endsWith(`】${label}：${value}`))
    const present = (v: string | undefined): v is string => (v ?? '').trim() !== ''

    for (const field of [
      'name',
      'gender',
      'birthday',
      'address',
      'memberNo',
      'credit',
      'source',
      'assignedClerk'
    ] as const) {
      const sv = s[field]
      const ov = o[field]
      if (present(sv)) expect(merged[field]).toBe(sv)
      else if (present(ov)) expect(merged[field]).toBe(ov)
      const differs = present(sv) && present(ov) && sv.trim() !== ov.trim()
      expect(differences.some((d) => d.field === field)).toBe(differs)
      if (differs) {
        expect(hasLine(MERGE_LABELS[field], field === 'gender' ? (GENDER_ZH[ov] as string) : ov)).toBe(true)
        expect(differences).toContainEqual({ field, survivor: sv, other: ov })
      }
    }

    for (const p of [...s.phones, ...o.phones])
      expect(merged.phones.includes(p) || notes.includes(p)).toBe(true)
    expect(merged.phones.length).toBeLessThanOrEqual(CUSTOMER_LIMITS.phones)
    expect(merged.phones[0]).toBe(s.phones[0])
    expect(merged.phone).toBe(merged.phones[0])
    for (const t of [...s.tags, ...o.tags]) expect(merged.tags).toContain(t)

    expect(TIERS.indexOf(merged.tier)).toBe(Math.max(TIERS.indexOf(s.tier), TIERS.indexOf(o.tier)))
    expect(differences.some((d) => d.field === 'tier')).toBe(s.tier !== o.tier)
    if (merged.tier !== o.tier) expect(hasLine('客户等级', TIER_ZH[o.tier])).toBe(true)

    for (const text of [s.needs, o.needs]) if (present(text)) expect(merged.needs ?? '').toContain(text)
    for (const text of [s.notes, o.notes]) if (present(text)) expect(notes).toContain(text)

    expect(planMerge(s, o)).toEqual({ merged, differences })
  })
})
