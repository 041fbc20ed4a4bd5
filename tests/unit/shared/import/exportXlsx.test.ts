import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Customer } from '@shared/domain/customer'
import { parseRoster } from '@shared/import'
import { customersToXlsx, EXPORT_HEADERS, exportFileName } from '@shared/import/exportXlsx'

const CUSTOMERS: Customer[] = [
  {
    id: 'c-1',
    name: '张三',
    phone: '13812345678',
    phones: ['13812345678', '021-52345678', '13900139000'],
    gender: 'male',
    birthday: '1985-03-12',
    address: '上海市黄浦区南京东路1号',
    memberNo: '00012345',
    tier: 'vip',
    credit: 'A',
    tags: ['老客户', '爱喝茶'],
    needs: '腿脚不便，需要座位',
    source: '门店',
    assignedClerk: '1001',
    notes: '=1+1 不是公式'
  },
  {
    id: 'c-2',
    name: '李四',
    phone: '010-62345678',
    phones: ['010-62345678'],
    tier: 'regular',
    tags: [],
    assignedClerk: '9999'
  },
  {
    id: 'c-3',
    name: '已合并',
    phone: '13700137000',
    phones: ['13700137000'],
    tier: 'member',
    tags: [],
    mergedInto: 'c-1'
  }
]

async function readBack(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = wb.worksheets[0]
  if (!sheet) throw new Error('no sheet')
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { wb, sheet, rows }
}

describe('customersToXlsx', () => {
  it('writes zh-CN headers and every field, phones in full when not masked', async () => {
    const bytes = await customersToXlsx(CUSTOMERS, {
      masked: false,
      staffName: '王店长',
      clerks: new Map([['1001', '小李']])
    })
    expect(bytes).toBeInstanceOf(Uint8Array)
    const { wb, sheet, rows } = await readBack(bytes)
    expect(sheet.name).toBe('客户档案')
    expect(wb.creator).toBe('王店长')
    expect(rows[0]).toEqual([...EXPORT_HEADERS])
    expect(rows[1]).toEqual([
      '张三',
      '13812345678',
      '021-52345678、13900139000',
      '男',
      '1985-03-12',
      '上海市黄浦区南京东路1号',
      '00012345',
      'VIP',
      'A',
      '老客户、爱喝茶',
      '腿脚不便，需要座位',
      '门店',
      '小李',
      '=1+1 不是公式'
    ])
    // Unknown 工号 as it is; empty fields as empty cells; the merged-away archive left out.
    expect(rows[2]?.slice(0, 3)).toEqual(['李四', '010-62345678', ''])
    expect(rows[2]?.[7]).toBe('普通客户')
    expect(rows[2]?.[12]).toBe('9999')
    expect(rows).toHaveLength(3)
    // Text cells: the phone is not a number (no 1.38E+10, no lost 0).
    expect(typeof sheet.getCell('B2').value).toBe('string')
    expect(sheet.getCell('A1').font?.bold).toBe(true)
  })

  it('masks every phone when asked to', async () => {
    const { rows } = await readBack(await customersToXlsx(CUSTOMERS, { masked: true }))
    expect(rows[1]?.slice(0, 3)).toEqual(['张三', '138****5678', '021-****5678、139****9000'])
    expect(rows[2]?.[1]).toBe('010-****5678')
    const text = JSON.stringify(rows)
    for (const digits of ['13812345678', '52345678', '13900139000', '62345678'])
      expect(text).not.toContain(digits)
  })

  it('can be imported again (unmasked)', async () => {
    const bytes = await customersToXlsx(CUSTOMERS, { masked: false })
    const result = await parseRoster(bytes, exportFileName('2026-11-23'), { today: '2026-11-23' })
    if (!result.ok) throw new Error(result.error.code)
    expect(result.mapping).toEqual([
      'name',
      'phone',
      'phone',
      'gender',
      'birthday',
      'address',
      'memberNo',
      'tier',
      'credit',
      'tags',
      'needs',
      'source',
      null, // 负责客服: a name, not a 工号
      'notes'
    ])
    expect(result.preview.counts).toEqual({ new: 2, update: 0, skip: 0, blank: 0, total: 2, lines: 2 })
    const [first, second] = CUSTOMERS.map(({ id: _id, assignedClerk: _clerk, ...rest }) => rest)
    expect(result.preview.rows.map((r) => r.record)).toEqual([first, second])
  })
})

describe('exportFileName', () => {
  it('names the file after the day', () => {
    expect(exportFileName('2026-11-23')).toBe('客户档案-20261123.xlsx')
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('客户档案-20260105.xlsx')
  })
})
