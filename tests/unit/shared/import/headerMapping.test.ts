import { describe, expect, it } from 'vitest'
import {
  fieldForHeader,
  findHeader,
  guessMapping,
  likelyHeaderTexts,
  normalizeHeader
} from '@shared/import/headerMapping'
import type { Cell } from '@shared/import/readTable'

describe('fieldForHeader', () => {
  it.each([
    ['姓名', 'name'],
    ['客户姓名', 'name'],
    ['名字', 'name'],
    ['电话', 'phone'],
    ['手机', 'phone'],
    ['手机号', 'phone'],
    ['联系电话', 'phone'],
    ['联系方式', 'phone'],
    ['其他电话', 'phone'],
    ['会员卡号', 'memberNo'],
    ['卡号', 'memberNo'],
    ['会员号', 'memberNo'],
    ['生日', 'birthday'],
    ['出生日期', 'birthday'],
    ['地址', 'address'],
    ['住址', 'address'],
    ['联系地址', 'address'],
    ['等级', 'tier'],
    ['客户等级', 'tier'],
    ['会员等级', 'tier'],
    ['性别', 'gender'],
    ['信用等级', 'credit'],
    ['标签', 'tags'],
    ['特殊需求', 'needs'],
    ['备注需求', 'needs'],
    ['来源', 'source'],
    ['备注', 'notes']
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field)
  })

  it.each([
    ['姓　名', 'name'], // ideographic space
    [' 手机号码（必填）* ', 'phone'],
    ['*姓名', 'name'],
    ['生日(yyyy-mm-dd)', 'birthday'],
    ['电话2', 'phone'],
    ['备注：', 'notes'],
    ['Phone', 'phone']
  ])('tolerates %j', (header, field) => {
    expect(fieldForHeader(header)).toBe(field)
  })

  it.each(['序号', '负责客服', '消费金额', '', 'XX店客户花名册'])('does not map %j', (header) => {
    expect(fieldForHeader(header)).toBeNull()
  })

  it('normalises for comparison only', () => {
    expect(normalizeHeader(' 手机号码（必填）* ')).toBe('手机号码')
    expect(normalizeHeader('ＴＥＬ')).toBe('tel')
  })
})

describe('guessMapping', () => {
  it('maps each column; a second phone column is another phone', () => {
    expect(guessMapping(['序号', '姓名', '手机', '座机', '生日', '负责客服'])).toEqual([
      null,
      'name',
      'phone',
      'phone',
      'birthday',
      null
    ])
  })
  it('gives a single-value field to its first column only', () => {
    expect(guessMapping(['姓名', '客户姓名', '生日', '出生日期'])).toEqual(['name', null, 'birthday', null])
  })
  it('lets text fields and tags come from several columns', () => {
    expect(guessMapping(['地址', '地址', '标签', '客户标签', '备注', '说明'])).toEqual([
      'address',
      'address',
      'tags',
      'tags',
      'notes',
      'notes'
    ])
  })
})

describe('findHeader', () => {
  it('takes the first row when it is the header', () => {
    expect(
      findHeader([
        ['姓名', '电话'],
        ['张三', '13800138000']
      ])
    ).toEqual({
      headerRow: 1,
      headers: ['姓名', '电话'],
      mapping: ['name', 'phone']
    })
  })

  it('skips blank rows and a title merged across the table', () => {
    const rows: Cell[][] = [
      [],
      ['', ''],
      ['XX店客户花名册', 'XX店客户花名册', 'XX店客户花名册'],
      ['姓名', '手机号', '备注'],
      ['张三', 13800138000, '']
    ]
    expect(findHeader(rows)).toEqual({
      headerRow: 4,
      headers: ['姓名', '手机号', '备注'],
      mapping: ['name', 'phone', 'notes']
    })
  })

  it('reads a two-row header whose cells were merged (xlsx: merged cells repeat the top value)', () => {
    const rows: Cell[][] = [
      ['序号', '姓名', '联系方式', '联系方式', '地址'],
      ['序号', '姓名', '手机', '座机', '地址'],
      [1, '张三', 13800138000, '010-62345678', '上海']
    ]
    expect(findHeader(rows)).toEqual({
      headerRow: 2,
      headers: ['序号', '姓名', '手机', '座机', '地址'],
      mapping: [null, 'name', 'phone', 'phone', 'address']
    })
  })

  it('reads a two-row header from a CSV (merged cells are empty there)', () => {
    const rows: Cell[][] = [
      ['姓名', '联系方式', '', '生日'],
      ['', '手机', '座机', ''],
      ['张三', '13800138000', '', '1990-01-31']
    ]
    expect(findHeader(rows)).toEqual({
      headerRow: 2,
      headers: ['姓名', '手机', '座机', '生日'],
      mapping: ['name', 'phone', 'phone', 'birthday']
    })
  })

  it('does not take a data row for a sub-header', () => {
    const rows: Cell[][] = [
      ['姓名', '电话', '客户等级'],
      ['张三', '13800138000', '会员']
    ]
    expect(findHeader(rows)?.headerRow).toBe(1)
  })

  it('prefers the row naming the most fields', () => {
    const rows: Cell[][] = [['备注：本表仅供内部使用'], ['备注'], ['姓名', '电话', '备注']]
    expect(findHeader(rows)?.headerRow).toBe(3)
  })

  it('finds nothing when no row names a field', () => {
    expect(
      findHeader([
        ['序号', '商品', '数量'],
        ['1', '洗衣液', '2']
      ])
    ).toBeUndefined()
    expect(findHeader([])).toBeUndefined()
  })
})

describe('likelyHeaderTexts', () => {
  it('lists the distinct texts of the fullest of the first rows', () => {
    const rows: Cell[][] = [
      ['库存表', '库存表', '库存表'],
      ['序号', '商品', '数量'],
      [1, '洗衣液', 2]
    ]
    expect(likelyHeaderTexts(rows)).toEqual(['序号', '商品', '数量'])
  })
})
