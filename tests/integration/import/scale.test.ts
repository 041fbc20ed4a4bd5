// Scale of a roster import: 50 000 rows straight into validateRows (checks the report stays exact and
// the duplicate check is a map, not a rescan). The timed 50 000-row .xlsx import is in the
// benchmark (bench/customers.bench.ts), in Chromium, not here.

import { describe, expect, it } from 'vitest'
import { validateRows, type Cell } from '@shared/import'

const ROWS = 50_000
const TIERS = ['普通', '会员', 'VIP', '大客户']

/** Row i: a distinct mobile; every 1000th row repeats the phone of the row before it. */
function customerRow(i: number): (string | number | Date)[] {
  const n = i % 1000 === 999 ? i - 1 : i
  return [
    `客户${i}`,
    13_000_000_000 + n,
    `M${String(i).padStart(6, '0')}`,
    new Date(Date.UTC(1960, 0, 1 + (i % 15_000))),
    `上海市某某路${i}号`,
    TIERS[i % 4] as string,
    i % 2 ? '男' : '女',
    '老客户，爱喝茶',
    i % 10 === 0 ? '周末来' : ''
  ]
}
const HEADER = ['姓名', '手机号', '会员卡号', '生日', '地址', '客户等级', '性别', '标签', '备注']
const DUPLICATES = Math.floor(ROWS / 1000)

describe('50 000 rows', () => {
  it('validateRows reports every row, in one pass', () => {
    const rows: Cell[][] = [HEADER]
    for (let i = 0; i < ROWS; i++) {
      rows.push(customerRow(i).map((v) => (v instanceof Date ? { date: v.toISOString().slice(0, 10) } : v)))
    }
    const existing = new Map([['13000000005', { id: 'c-5', name: '客户5' }]])
    const started = performance.now()
    const preview = validateRows(rows, {
      headerRow: 1,
      mapping: ['name', 'phone', 'memberNo', 'birthday', 'address', 'tier', 'gender', 'tags', 'notes'],
      today: '2026-11-23',
      lookupExisting: (p) => existing.get(p)
    })
    console.log(`validateRows, ${ROWS} rows: ${Math.round(performance.now() - started)} ms`)
    expect(preview.counts).toEqual({
      new: ROWS - DUPLICATES - 1,
      update: 1,
      skip: DUPLICATES,
      blank: 0,
      total: ROWS,
      lines: ROWS
    })
    expect(preview.rows[999]).toMatchObject({
      row: 1001,
      status: 'skip',
      findings: [{ code: 'duplicateInFile', params: { firstRow: 1000 } }]
    })
  })
})
