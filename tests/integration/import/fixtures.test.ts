// parseRoster on every file in tests/fixtures/import (made by scripts/make-import-fixtures.mjs),
// with the exact report expected: header, mapping, row numbers, findings and counts.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { customerFormSchema, profileToRecord, recordToForm } from '@shared/domain/customer'
import {
  parseRoster,
  ROW_CODE_SEVERITY,
  type ExistingCustomer,
  type ImportPreview,
  type MessageParams,
  type ParsedRoster,
  type ParseRosterResult,
  type RowCode
} from '@shared/import'

const TODAY = '2026-11-23'
const EXISTING = new Map<string, ExistingCustomer>([
  ['15900159000', { id: 'c-13', name: '陈十三' }],
  ['13100131000', { id: 'c-a', name: '王老板' }],
  ['0755-88889999', { id: 'c-b', name: '王太太' }]
])

async function parseFixture(name: string): Promise<ParseRosterResult> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)))
  return parseRoster(bytes, name, { today: TODAY, lookupExisting: (p) => EXISTING.get(p) })
}

async function parsed(name: string): Promise<ParsedRoster> {
  const result = await parseFixture(name)
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`)
  return result
}

/** A finding as the report holds it. */
const finding = (row: number, code: RowCode, params: MessageParams = {}) => ({
  code,
  severity: ROW_CODE_SEVERITY[code],
  params: { row, ...params }
})

const statuses = (preview: ImportPreview) => preview.rows.map((r) => [r.row, r.status])
const findings = (preview: ImportPreview) =>
  preview.rows.filter((r) => r.findings.length > 0).map((r) => r.findings)

/** Every record the import would write passes the customer form's own schema, unchanged. */
function expectRecordsValid(preview: ImportPreview) {
  const schema = customerFormSchema(TODAY)
  for (const r of preview.rows) {
    if (r.status === 'skip') {
      expect(r.record).toBeUndefined()
      continue
    }
    const record = r.record
    if (!record) throw new Error(`row ${r.row} has no record`)
    const form = recordToForm({ id: 'x', ...record })
    // normalizePhone does not accept its own output for a landline with an extension
    // ('0571-88888888-123'), so the form is given the number as typed at the counter.
    form.phones = form.phones.map(({ value }) => ({
      value: value.replace(/^(0\d{2,3}-\d{7,8})-(\d+)$/, '$1 转 $2')
    }))
    const checked = schema.safeParse(form)
    expect(checked.success, `row ${r.row}: ${JSON.stringify(checked.error?.issues)}`).toBe(true)
    if (checked.success) expect(profileToRecord(checked.data)).toEqual(record)
  }
}

describe('roster.xlsx (tidy)', () => {
  it('maps the synonyms of row 1 and imports every row', async () => {
    const r = await parsed('roster.xlsx')
    expect(r.kind).toBe('xlsx')
    expect(r.encoding).toBeUndefined()
    expect(r.sheetName).toBe('花名册')
    expect(r.headerRow).toBe(1)
    expect(r.mapping).toEqual([
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
      'notes'
    ])
    expect(r.preview.counts).toEqual({ new: 7, update: 1, skip: 0, blank: 0, total: 8, lines: 8 })
    expect(r.preview.notices).toEqual([])
    expect(statuses(r.preview)).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'new'],
      [5, 'update'],
      [6, 'new'],
      [7, 'new'],
      [8, 'new'],
      [9, 'new']
    ])
    expect(findings(r.preview)).toEqual([
      [finding(5, 'existingCustomer', { phone: '15900159000', name: '陈十三' })]
    ])
    expect(r.preview.rows[3]?.existing).toEqual({ id: 'c-13', name: '陈十三' })
    expect(r.preview.rows[0]?.record).toEqual({
      name: '张三',
      phone: '13800138000',
      phones: ['13800138000'],
      gender: 'male',
      birthday: '1985-03-12',
      address: '上海市黄浦区南京东路1号',
      memberNo: 'M0001',
      tier: 'vip',
      credit: 'A',
      tags: ['老客户', '爱喝茶'],
      needs: '腿脚不便，需要座位',
      source: '门店'
    })
    // 其他电话 is a second phone column; a landline can be the primary phone.
    expect(r.preview.rows[1]?.record?.phones).toEqual(['13900139000', '010-62345678'])
    expect(r.preview.rows[5]?.record?.phones).toEqual(['0571-88888888', '13600136000'])
    expect(r.preview.rows.map((x) => x.record?.tier)).toEqual([
      'vip',
      'member',
      'regular',
      'key',
      'regular',
      'vip',
      'regular',
      'member'
    ])
    expectRecordsValid(r.preview)
  })
})

describe.each([
  ['roster-utf8.csv', 'utf-8'],
  ['roster-utf8-bom.csv', 'utf-8-bom']
])('%s', (file, encoding) => {
  it(`is read as ${encoding}, with quoted commas and line breaks`, async () => {
    const r = await parsed(file)
    expect(r.kind).toBe('csv')
    expect(r.encoding).toBe(encoding)
    expect(r.headerRow).toBe(1)
    expect(r.headers[0]).toBe('姓名') // no BOM left in the first header
    expect(r.mapping).toEqual([
      'name',
      'phone',
      'memberNo',
      'birthday',
      'address',
      'tier',
      'gender',
      'credit',
      'tags',
      'needs',
      'source',
      'notes'
    ])
    expect(r.preview.counts).toEqual({ new: 4, update: 1, skip: 1, blank: 0, total: 6, lines: 6 })
    // Row numbers are records, as Excel numbers them: 李四's two-line note is all row 3.
    expect(statuses(r.preview)).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'new'],
      [5, 'update'],
      [6, 'skip'],
      [7, 'new']
    ])
    expect(findings(r.preview)).toEqual([
      [finding(5, 'existingCustomer', { phone: '15900159000', name: '陈十三' })],
      [finding(6, 'duplicateInFile', { phone: '13800138000', firstRow: 2 })]
    ])
    const [zhang, li, wang, , , sun] = r.preview.rows
    expect(zhang?.record?.address).toBe('上海市黄浦区南京东路1号,3楼')
    expect(li?.record).toMatchObject({
      phone: '13900139000',
      birthday: '1990-01-31',
      notes: '第一行\n第二行'
    })
    expect(wang?.record?.phone).toBe('13700137000') // "+86 137 0013 7000"
    expect(sun?.record?.phones).toEqual(['0571-88888888-123']) // "0571-88888888 转 123"
    expect(r.preview.rows[3]?.record).toMatchObject({ birthday: '1978-12-01', tags: ['团购', '企业'] })
    expectRecordsValid(r.preview)
  })
})

describe('roster-gbk.csv (Chinese Excel "CSV (逗号分隔)")', () => {
  it('is detected as GB18030 and decodes the names', async () => {
    const r = await parsed('roster-gbk.csv')
    expect(r.encoding).toBe('gb18030')
    expect(r.headers).toEqual([
      '姓名',
      '联系电话',
      '卡号',
      '出生日期',
      '联系地址',
      '客户等级',
      '性别',
      '标签',
      '备注'
    ])
    expect(r.mapping).toEqual([
      'name',
      'phone',
      'memberNo',
      'birthday',
      'address',
      'tier',
      'gender',
      'tags',
      'notes'
    ])
    expect(r.preview.rows.map((x) => x.record?.name ?? null)).toEqual([
      '张三',
      '单雄信',
      '曾国藩',
      null,
      null
    ])
  })

  it('normalises full-width digits, restores a lost leading 0, skips blank rows', async () => {
    const r = await parsed('roster-gbk.csv')
    // Row 4 is blank; the blank last row (9) is not counted.
    expect(r.preview.counts).toEqual({ new: 3, update: 0, skip: 2, blank: 1, total: 5, lines: 6 })
    expect(r.preview.notices).toEqual([{ code: 'blankRowsSkipped', params: { count: 1 } }])
    expect(statuses(r.preview)).toEqual([
      [2, 'new'],
      [3, 'new'],
      [5, 'new'],
      [6, 'skip'],
      [7, 'skip']
    ])
    expect(findings(r.preview)).toEqual([
      [
        finding(2, 'fullWidthNormalised', {
          field: 'phone',
          value: '１３８００１３８０００',
          normalised: '13800138000'
        }),
        finding(2, 'fullWidthNormalised', { field: 'memberNo', value: 'Ｍ０００１', normalised: 'M0001' })
      ],
      [finding(5, 'leadingZeroRestored', { value: '2152345678', normalised: '021-52345678' })],
      [
        finding(6, 'fullWidthNormalised', {
          field: 'phone',
          value: '０２１－５２３４５６７８',
          normalised: '021-52345678'
        }),
        finding(6, 'duplicateInFile', { phone: '021-52345678', firstRow: 5 })
      ],
      [finding(7, 'invalidPhone', { value: '1381234' })]
    ])
    expect(r.preview.rows[0]?.record).toEqual({
      name: '张三',
      phone: '13800138000',
      phones: ['13800138000'],
      memberNo: 'M0001',
      birthday: '1985-03-12',
      address: '上海市黄浦区南京东路1号',
      tier: 'vip',
      gender: 'male',
      tags: ['老客户', '爱喝茶', '怕吵']
    })
    expectRecordsValid(r.preview)
  })
})

describe('messy.xlsx', () => {
  it('skips blank rows and the merged title, and reads the two-row merged header', async () => {
    const r = await parsed('messy.xlsx')
    expect(r.sheetName).toBe('客户')
    expect(r.headerRow).toBe(4)
    expect(r.headers).toEqual([
      '序号',
      '姓名',
      '手机',
      '座机',
      '性别',
      '生日',
      '客户等级',
      '会员卡号',
      '地址',
      '标签',
      '备注'
    ])
    expect(r.mapping).toEqual([
      null,
      'name',
      'phone',
      'phone',
      'gender',
      'birthday',
      'tier',
      'memberNo',
      'address',
      'tags',
      'notes'
    ])
    // The title merged across A2:K2 reads as the title in every column.
    expect(r.table[1]).toEqual(Array(11).fill('XX店客户花名册'))
  })

  it('reports every row exactly', async () => {
    const { preview } = await parsed('messy.xlsx')
    // Rows 7 and 23 are blank; row 8 holds only its 序号 (not imported), so it is blank too: 17 data
    // rows + 3 blank = the 20 lines read under the header. Only the key (name, phone) skips a row; an
    // unreadable birthday, tier or an over-long note is flagged and left blank (issue 13.1).
    expect(preview.counts).toEqual({ new: 10, update: 1, skip: 6, blank: 3, total: 17, lines: 20 })
    expect(preview.notices).toEqual([{ code: 'blankRowsSkipped', params: { count: 3 } }])
    expect(preview.rows.map((x) => [x.row, x.status, x.findings])).toEqual([
      [5, 'new', []],
      [
        6,
        'new',
        [
          finding(6, 'fullWidthNormalised', {
            field: 'phone',
            value: '１３９ ００１３ ９０００',
            normalised: '13900139000'
          })
        ]
      ],
      [9, 'skip', [finding(9, 'invalidPhone', { value: '1381234' })]],
      [10, 'skip', [finding(10, 'duplicateInFile', { phone: '13800138000', firstRow: 5 })]],
      [11, 'new', [finding(11, 'badDate', { field: 'birthday', value: '1990-02-30' })]],
      [12, 'new', [finding(12, 'fieldTooLong', { field: 'notes', length: 10000, max: 2000 })]],
      [13, 'skip', [finding(13, 'missingName')]],
      [14, 'skip', [finding(14, 'missingPhone')]],
      [15, 'new', [finding(15, 'badTier', { value: '金卡' })]],
      [16, 'new', [finding(16, 'leadingZeroRestored', { value: '2152345678', normalised: '021-52345678' })]],
      [17, 'skip', [finding(17, 'scientificNotation', { field: 'phone', value: '1.38123E+10' })]],
      [18, 'update', [finding(18, 'existingCustomer', { phone: '15900159000', name: '陈十三' })]],
      [19, 'new', []],
      // 未知 reads as blank (issue 13.1), not as a gender it cannot read
      [20, 'new', []],
      [21, 'new', [finding(21, 'futureDate', { field: 'birthday', value: '2030-01-01' })]],
      [
        22,
        'skip',
        [
          finding(22, 'conflictingCustomers', {
            phone: '13100131000',
            name: '王老板',
            otherPhone: '0755-88889999',
            otherName: '王太太'
          })
        ]
      ],
      [24, 'new', []]
    ])
    expectRecordsValid(preview)
  })

  it('reads number cells as phones and date cells / day numbers as birthdays', async () => {
    const { preview } = await parsed('messy.xlsx')
    const byRow = new Map(preview.rows.map((x) => [x.row, x]))
    expect(byRow.get(5)?.record).toEqual({
      name: '张三',
      phone: '13800138000', // a number cell
      phones: ['13800138000', '010-62345678'],
      gender: 'male',
      birthday: '1985-03-12', // a date cell formatted yyyy"年"m"月"d"日"
      memberNo: 'M0001',
      tier: 'vip',
      address: '上海市黄浦区南京东路1号',
      tags: ['老客户', '爱喝茶']
    })
    expect(byRow.get(16)?.record?.phones).toEqual(['13200132000', '021-52345678'])
    expect(byRow.get(19)?.record?.birthday).toBe('1990-01-01') // 32874, a day number without date format
    expect(byRow.get(18)?.existing).toEqual({ id: 'c-13', name: '陈十三' })
    expect(byRow.get(24)?.record?.tier).toBe('key')
  })
})

describe('files that are refused', () => {
  it.each([
    ['empty.csv', { code: 'emptyFile', params: {} }],
    ['legacy.xls', { code: 'legacyXls', params: { fileName: 'legacy.xls' } }],
    [
      'not-a-sheet.pdf',
      { code: 'notASpreadsheet', params: { fileName: 'not-a-sheet.pdf', detected: 'pdf' } }
    ],
    ['no-columns.csv', { code: 'noColumns', params: { headers: ['序号', '商品名称', '数量', '单价'] } }]
  ])('%s', async (file, error) => {
    expect(await parseFixture(file)).toEqual({ ok: false, error })
  })

  it('a PDF renamed to .xlsx is still refused', async () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('../../fixtures/import/not-a-sheet.pdf', import.meta.url))
    )
    expect(await parseRoster(bytes, '花名册.xlsx', { today: TODAY })).toEqual({
      ok: false,
      error: { code: 'notASpreadsheet', params: { fileName: '花名册.xlsx', detected: 'pdf' } }
    })
  })

  it('an .xlsx renamed to .csv is read as a workbook', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/import/roster.xlsx', import.meta.url)))
    const result = await parseRoster(bytes, '花名册.csv', { today: TODAY })
    expect(result.ok && result.kind).toBe('xlsx')
  })

  it('a 200 MB file is refused before it is parsed', async () => {
    // All zeros: sniffing would call it binary (notASpreadsheet), so fileTooLarge shows the size comes first.
    const bytes = new Uint8Array(200 * 1024 * 1024)
    expect(await parseRoster(bytes, 'huge.csv', { today: TODAY })).toEqual({
      ok: false,
      error: { code: 'fileTooLarge', params: { sizeMb: 200, maxMb: 50 } }
    })
  })
})
