import { describe, expect, it } from 'vitest'
import { CUSTOMER_LIMITS } from '@shared/domain/customer'
import type { ColumnMapping } from '@shared/import/headerMapping'
import { findingFate, IMPORT_FIELDS, type ImportField, type RowCode } from '@shared/import/messages'
import type { Cell } from '@shared/import/readTable'
import {
  excelSerialDay,
  readDay,
  validateRows,
  type ExistingCustomer,
  type RowFinding,
  type ValidateOptions
} from '@shared/import/validateRows'

const TODAY = '2026-11-23'
/** One column per field, in IMPORT_FIELDS order; row 1 is the header. */
const MAPPING: ColumnMapping = [...IMPORT_FIELDS]
const row = (values: Partial<Record<ImportField, Cell>>): Cell[] => IMPORT_FIELDS.map((f) => values[f] ?? '')

function run(dataRows: Cell[][], options: Partial<ValidateOptions> = {}) {
  return validateRows([IMPORT_FIELDS.map(String), ...dataRows], {
    headerRow: 1,
    mapping: MAPPING,
    today: TODAY,
    ...options
  })
}

/** The single data row's report. */
function one(values: Partial<Record<ImportField, Cell>>, options: Partial<ValidateOptions> = {}) {
  const preview = run([row({ name: '张三', phone: '13800138000', ...values })], options)
  expect(preview.rows).toHaveLength(1)
  return preview.rows[0] as NonNullable<(typeof preview.rows)[0]>
}

const codes = (r: { findings: { code: RowCode }[] }) => r.findings.map((f) => f.code)

describe('a valid row', () => {
  it('becomes a new customer record', () => {
    const r = one({
      name: ' 张三 ',
      phone: '138 0013 8000',
      gender: '男',
      birthday: '1985/3/12',
      address: '上海市黄浦区南京东路1号',
      memberNo: 'M0001',
      tier: 'VIP',
      credit: 'a',
      tags: '老客户，爱喝茶、怕吵;周末 老客户',
      needs: '腿脚不便',
      source: '门店',
      notes: '备注'
    })
    expect(r).toEqual({
      row: 2,
      status: 'new',
      findings: [],
      record: {
        name: '张三',
        phone: '13800138000',
        phones: ['13800138000'],
        gender: 'male',
        birthday: '1985-03-12',
        address: '上海市黄浦区南京东路1号',
        memberNo: 'M0001',
        tier: 'vip',
        credit: 'A',
        tags: ['老客户', '爱喝茶', '怕吵', '周末'],
        needs: '腿脚不便',
        source: '门店',
        notes: '备注'
      }
    })
  })

  it('defaults the tier to regular and leaves empty fields out', () => {
    expect(one({}).record).toEqual({
      name: '张三',
      phone: '13800138000',
      phones: ['13800138000'],
      tier: 'regular',
      tags: []
    })
  })

  it.each([
    ['普通', 'regular'],
    ['普通客户', 'regular'],
    ['会员', 'member'],
    ['VIP', 'vip'],
    ['vip', 'vip'],
    ['ＶＩＰ', 'vip'],
    ['大客户', 'key']
  ])('tier %s → %s', (text, tier) => {
    expect(one({ tier: text }).record?.tier).toBe(tier)
  })

  it.each([
    ['男', 'male'],
    ['女', 'female'],
    ['男性', 'male'],
    ['F', 'female']
  ])('gender %s → %s', (text, gender) => {
    expect(one({ gender: text }).record?.gender).toBe(gender)
  })

  it('treats placeholders such as 无 and - as empty', () => {
    expect(one({ address: '无', birthday: '-', tier: '/' }).record).toEqual({
      name: '张三',
      phone: '13800138000',
      phones: ['13800138000'],
      tier: 'regular',
      tags: []
    })
  })
})

describe('phones', () => {
  it('takes several phones from one cell and from several phone columns, primary first, without repeats', () => {
    const preview = validateRows(
      [
        ['姓名', '手机', '座机'],
        ['张三', '13800138000、13900139000', '010-62345678；13800138000']
      ],
      { headerRow: 1, mapping: ['name', 'phone', 'phone'], today: TODAY }
    )
    expect(preview.rows[0]?.record?.phones).toEqual(['13800138000', '13900139000', '010-62345678'])
    expect(preview.rows[0]?.record?.phone).toBe('13800138000')
  })

  it('splits two mobiles separated by a space', () => {
    expect(one({ phone: '13800138000 13900139000' }).record?.phones).toEqual(['13800138000', '13900139000'])
  })

  it('reads a number cell (13812345678 stored as a number)', () => {
    expect(one({ phone: 13812345678 }).record?.phone).toBe('13812345678')
  })

  it('invalidPhone for a number cell that is not a whole number', () => {
    expect(one({ phone: 1380013.5 }).findings).toEqual([
      { code: 'invalidPhone', severity: 'error', params: { row: 2, value: '1380013.5' } }
    ])
  })

  it('reads scientific notation that still holds every digit', () => {
    expect(one({ phone: '1.3812345678E+10' }).record?.phone).toBe('13812345678')
  })

  it('invalidPhone: a number that is neither a mobile nor a landline', () => {
    const r = one({ phone: '1381234' })
    expect(r.status).toBe('skip')
    expect(r.findings).toEqual([
      { code: 'invalidPhone', severity: 'error', params: { row: 2, value: '1381234' } }
    ])
  })

  it('invalidPhone: also for a second phone', () => {
    expect(codes(one({ phone: '13800138000, 12345' }))).toEqual(['invalidPhone'])
  })

  it('missingPhone: no phone at all', () => {
    const r = one({ phone: '' })
    expect(r.status).toBe('skip')
    expect(r.findings).toEqual([{ code: 'missingPhone', severity: 'error', params: { row: 2 } }])
  })

  it('scientificNotation: Excel showed the phone as 1.38E+10 and the digits are gone', () => {
    const r = one({ phone: '1.38E+10' })
    expect(r.status).toBe('skip')
    expect(r.findings).toEqual([
      { code: 'scientificNotation', severity: 'error', params: { row: 2, field: 'phone', value: '1.38E+10' } }
    ])
  })

  it('tooManyPhones: more than the archive holds', () => {
    const r = one({ phone: '13800138000、13800138001、13800138002、13800138003、13800138004、13800138005' })
    expect(r.findings).toEqual([
      { code: 'tooManyPhones', severity: 'error', params: { row: 2, count: 6, max: CUSTOMER_LIMITS.phones } }
    ])
  })

  it('fullWidthNormalised: full-width digits and spaces, informational', () => {
    const r = one({ phone: '１３８\u3000００１３\u3000８０００' })
    expect(r.status).toBe('new')
    expect(r.record?.phone).toBe('13800138000')
    expect(r.findings).toEqual([
      {
        code: 'fullWidthNormalised',
        severity: 'info',
        params: {
          row: 2,
          field: 'phone',
          value: '１３８\u3000００１３\u3000８０００',
          normalised: '13800138000'
        }
      }
    ])
  })

  it('leadingZeroRestored: a landline stored as a number lost its 0', () => {
    const r = one({ phone: 2152345678 })
    expect(r.status).toBe('new')
    expect(r.record?.phone).toBe('021-52345678')
    expect(r.findings).toEqual([
      {
        code: 'leadingZeroRestored',
        severity: 'info',
        params: { row: 2, value: '2152345678', normalised: '021-52345678' }
      }
    ])
  })

  it('restores the 0 in a CSV (numbers became text there) but not in an xlsx text cell', () => {
    expect(one({ phone: '2152345678' }, { fromCsv: true }).record?.phone).toBe('021-52345678')
    expect(codes(one({ phone: '2152345678' }))).toEqual(['invalidPhone'])
  })
})

describe('name', () => {
  it('missingName', () => {
    const r = one({ name: '' })
    expect(r.status).toBe('skip')
    expect(r.findings).toEqual([{ code: 'missingName', severity: 'error', params: { row: 2 } }])
  })
  it('missingName also for a placeholder', () => {
    expect(codes(one({ name: '无' }))).toEqual(['missingName'])
  })
})

describe('fieldTooLong: never truncated; a name that does not fit skips the row, another field is left blank', () => {
  it('name over the limit: the row is skipped', () => {
    const max = CUSTOMER_LIMITS.name
    expect(one({ name: 'x'.repeat(max) }).status).toBe('new')
    const r = one({ name: 'x'.repeat(max + 1) })
    expect(r.status).toBe('skip')
    expect(r.record).toBeUndefined()
    expect(r.findings).toEqual([
      { code: 'fieldTooLong', severity: 'error', params: { row: 2, field: 'name', length: max + 1, max } }
    ])
  })

  it.each([
    ['address', CUSTOMER_LIMITS.address],
    ['memberNo', CUSTOMER_LIMITS.memberNo],
    ['needs', CUSTOMER_LIMITS.needs],
    ['source', CUSTOMER_LIMITS.source],
    ['notes', CUSTOMER_LIMITS.notes]
  ] as const)('%s over %i characters', (field, max) => {
    expect(one({ [field]: 'x'.repeat(max) }).status).toBe('new')
    const r = one({ [field]: 'x'.repeat(max + 1) })
    expect(r.status).toBe('new')
    expect(r.record?.name).toBe('张三')
    expect(r.record?.[field]).toBeUndefined()
    expect(r.findings).toEqual([
      { code: 'fieldTooLong', severity: 'warning', params: { row: 2, field, length: max + 1, max } }
    ])
  })

  it('a 10 000-character note', () => {
    expect(one({ notes: '长'.repeat(10_000) }).findings).toEqual([
      {
        code: 'fieldTooLong',
        severity: 'warning',
        params: { row: 2, field: 'notes', length: 10_000, max: 2000 }
      }
    ])
  })

  it('a tag over the tag limit', () => {
    expect(one({ tags: `短,${'标'.repeat(21)}` }).findings).toEqual([
      {
        code: 'fieldTooLong',
        severity: 'warning',
        params: { row: 2, field: 'tags', length: 21, max: CUSTOMER_LIMITS.tag }
      }
    ])
  })
})

describe('tooManyTags', () => {
  it('more tags than a customer may have', () => {
    const tags = Array.from({ length: 21 }, (_, i) => `标签${i}`).join('、')
    expect(one({ tags }).findings).toEqual([
      { code: 'tooManyTags', severity: 'warning', params: { row: 2, count: 21, max: 20 } }
    ])
  })
})

describe('dates', () => {
  it.each([
    [{ date: '1990-01-31' }, '1990-01-31'],
    [32874, '1990-01-01'],
    [19900131, '1990-01-31'],
    ['1990/1/31', '1990-01-31'],
    ['1990年1月31日', '1990-01-31'],
    ['1990/1/31 0:00', '1990-01-31'],
    ['１９９０－０１－３１', '1990-01-31']
  ] as [Cell, string][])('reads %j', (cell, day) => {
    expect(readDay(cell)).toBe(day)
    expect(one({ birthday: cell }).record?.birthday).toBe(day)
  })

  it('knows Excel day numbers, including the 29 Feb 1900 that never was', () => {
    expect(excelSerialDay(1)).toBe('1900-01-01')
    expect(excelSerialDay(59)).toBe('1900-02-28')
    expect(excelSerialDay(60)).toBeUndefined()
    expect(excelSerialDay(61)).toBe('1900-03-01')
    expect(excelSerialDay(46349)).toBe('2026-11-23')
  })

  it('badDate', () => {
    const r = one({ birthday: '1990-02-30' })
    expect(r.status).toBe('new')
    expect(r.record?.birthday).toBeUndefined()
    expect(r.findings).toEqual([
      { code: 'badDate', severity: 'warning', params: { row: 2, field: 'birthday', value: '1990-02-30' } }
    ])
    expect(codes(one({ birthday: '3月5日' }))).toEqual(['badDate'])
  })

  it('futureDate', () => {
    expect(one({ birthday: TODAY }).status).toBe('new')
    const r = one({ birthday: '2026-11-24' })
    expect(r.status).toBe('new')
    expect(r.record?.birthday).toBeUndefined()
    expect(r.findings).toEqual([
      { code: 'futureDate', severity: 'warning', params: { row: 2, field: 'birthday', value: '2026-11-24' } }
    ])
  })

  it('fullWidthNormalised for a birthday', () => {
    expect(one({ birthday: '１９９０－０１－３１' }).findings).toEqual([
      {
        code: 'fullWidthNormalised',
        severity: 'info',
        params: { row: 2, field: 'birthday', value: '１９９０－０１－３１', normalised: '1990-01-31' }
      }
    ])
  })
})

describe('codes with a fixed list of values', () => {
  it('badTier', () => {
    const r = one({ tier: '金卡' })
    expect(r.status).toBe('new')
    expect(r.record?.tier).toBe('regular')
    expect(r.findings).toEqual([{ code: 'badTier', severity: 'warning', params: { row: 2, value: '金卡' } }])
  })
  it('badGender', () => {
    const r = one({ gender: '中' })
    expect(r.record?.gender).toBeUndefined()
    expect(r.findings).toEqual([{ code: 'badGender', severity: 'warning', params: { row: 2, value: '中' } }])
  })
  it('badCredit', () => {
    expect(one({ credit: 'A级' }).record?.credit).toBe('A')
    expect(one({ credit: 'E' }).findings).toEqual([
      { code: 'badCredit', severity: 'warning', params: { row: 2, value: 'E' } }
    ])
  })
})

describe('member card numbers', () => {
  it('reads number cells and full-width text', () => {
    expect(one({ memberNo: 100001 }).record?.memberNo).toBe('100001')
    const r = one({ memberNo: 'Ｍ０００１' })
    expect(r.record?.memberNo).toBe('M0001')
    expect(codes(r)).toEqual(['fullWidthNormalised'])
  })
  it('scientificNotation for a card number Excel shortened', () => {
    expect(one({ memberNo: '6.22848E+18' }).findings).toEqual([
      {
        code: 'scientificNotation',
        severity: 'warning',
        params: { row: 2, field: 'memberNo', value: '6.22848E+18' }
      }
    ])
    expect(codes(one({ memberNo: 6228480000000000000 }))).toEqual(['scientificNotation'])
  })
})

describe('duplicates and the existing archive', () => {
  const existing = new Map<string, ExistingCustomer>([
    ['13900139000', { id: 'c-1', name: '李四' }],
    ['010-62345678', { id: 'c-2', name: '王五' }]
  ])
  const lookupExisting = (p: string) => existing.get(p)

  it('duplicateInFile: the same normalised phone as an earlier row, naming that row', () => {
    const preview = run([
      row({ name: '张三', phone: '13800138000' }),
      row({ name: '张三丰', phone: '+86 138-0013-8000' })
    ])
    expect(preview.rows.map((r) => r.status)).toEqual(['new', 'skip'])
    expect(preview.rows[1]?.findings).toEqual([
      { code: 'duplicateInFile', severity: 'error', params: { row: 3, phone: '13800138000', firstRow: 2 } }
    ])
  })

  it('a repeat of a skipped row is imported and still reported (issue 13.2)', () => {
    const preview = run([
      row({ name: '', phone: '13800138000' }),
      row({ name: '张三', phone: '13800138000' }),
      row({ name: '张三丰', phone: '138 0013 8000' })
    ])
    expect(preview.rows.map((r) => r.status)).toEqual(['skip', 'new', 'skip'])
    expect(preview.rows[1]?.findings).toEqual([
      {
        code: 'duplicateOfSkippedRow',
        severity: 'warning',
        params: { row: 3, phone: '13800138000', firstRow: 2 }
      }
    ])
    // The third row repeats the one that is written: that one is named.
    expect(preview.rows[2]?.findings).toEqual([
      { code: 'duplicateInFile', severity: 'error', params: { row: 4, phone: '13800138000', firstRow: 3 } }
    ])
  })

  it('duplicates are found among all rows, whatever happens to each (issue 13.2)', () => {
    const preview = run([
      row({ name: '张三', phone: '1381234' }),
      row({ name: '李四', phone: '13900139000', birthday: '不详' }),
      row({ name: '', phone: '13700137000' }),
      row({ name: '', phone: '13700137000' }),
      row({ name: '王五', phone: '13900139000' })
    ])
    expect(preview.rows.map((r) => [r.status, codes(r)])).toEqual([
      ['skip', ['invalidPhone']],
      ['new', []],
      ['skip', ['missingName']],
      ['skip', ['missingName', 'duplicateOfSkippedRow']],
      ['skip', ['duplicateInFile']]
    ])
  })

  it('existingCustomer: the row updates the customer holding its phone', () => {
    const r = one({ name: '李四', phone: '13900139000' }, { lookupExisting })
    expect(r.status).toBe('update')
    expect(r.existing).toEqual({ id: 'c-1', name: '李四' })
    expect(r.record?.phone).toBe('13900139000')
    expect(r.findings).toEqual([
      {
        code: 'existingCustomer',
        severity: 'warning',
        params: { row: 2, phone: '13900139000', name: '李四' }
      }
    ])
  })

  it('existingCustomer: matched by a second phone too', () => {
    const r = one({ phone: '13700137000, 010-62345678' }, { lookupExisting })
    expect(r.status).toBe('update')
    expect(r.existing?.id).toBe('c-2')
  })

  it('conflictingCustomers: the phones belong to two different customers', () => {
    const r = one({ phone: '13900139000、010-62345678' }, { lookupExisting })
    expect(r.status).toBe('skip')
    expect(r.findings).toEqual([
      {
        code: 'conflictingCustomers',
        severity: 'error',
        params: { row: 2, phone: '13900139000', name: '李四', otherPhone: '010-62345678', otherName: '王五' }
      }
    ])
  })

  it('an error wins over the match: the row is skipped', () => {
    const r = one({ phone: '13900139000', name: '' }, { lookupExisting })
    expect(r.status).toBe('skip')
    expect(codes(r)).toEqual(['missingName', 'existingCustomer'])
  })
})

describe('blank rows and the report', () => {
  it('counts blank rows between data rows, not those at the end', () => {
    const preview = run([
      [],
      row({ name: '张三', phone: '13800138000' }),
      row({}),
      row({ address: '无' }),
      row({ name: '李四', phone: '13900139000' }),
      [],
      row({})
    ])
    expect(preview.rows.map((r) => r.row)).toEqual([3, 6])
    expect(preview.counts).toEqual({ new: 2, update: 0, skip: 0, blank: 3, total: 2, lines: 5 })
    expect(preview.notices).toEqual([{ code: 'blankRowsSkipped', params: { count: 3 } }])
  })

  it('a row with values only in columns that are not imported is blank (pre-numbered 序号)', () => {
    const preview = validateRows(
      [
        ['序号', '姓名', '电话'],
        [1, '张三', '13800138000'],
        [2, '', ''],
        [3, '', '']
      ],
      { headerRow: 1, mapping: [null, 'name', 'phone'], today: TODAY }
    )
    expect(preview.counts).toEqual({ new: 1, update: 0, skip: 0, blank: 0, total: 1, lines: 1 })
  })

  it('says when the name or phone column is not mapped, and when there is no data', () => {
    const preview = validateRows([['姓名', '地址']], {
      headerRow: 1,
      mapping: ['name', 'address'],
      today: TODAY
    })
    expect(preview.notices).toEqual([
      { code: 'missingColumn', params: { field: 'phone' } },
      { code: 'noDataRows', params: {} }
    ])
  })

  it('uses the mapping it is given (a user correction)', () => {
    const rows: Cell[][] = [
      ['客户', '号码'],
      ['张三', '13800138000']
    ]
    expect(validateRows(rows, { headerRow: 1, mapping: [null, null], today: TODAY }).counts.total).toBe(0)
    expect(
      validateRows(rows, { headerRow: 1, mapping: ['name', 'phone'], today: TODAY }).rows[0]?.record?.name
    ).toBe('张三')
  })

  it('joins text from several columns mapped to one field', () => {
    const preview = validateRows(
      [
        ['姓名', '电话', '省市', '详细地址'],
        ['张三', '13800138000', '上海市', '南京东路1号']
      ],
      { headerRow: 1, mapping: ['name', 'phone', 'address', 'address'], today: TODAY }
    )
    expect(preview.rows[0]?.record?.address).toBe('上海市 南京东路1号')
  })

  it('cuts long values quoted in messages', () => {
    const r = one({ phone: '1'.repeat(100) })
    expect(r.findings[0]?.params.value).toBe(`${'1'.repeat(40)}…`)
  })
})

describe('only the key skips a row (issue 13.1)', () => {
  it.each(['不详', '未知', '无', '暂无', '-'])(
    'a birthday of %s is blank: no finding, the customer is imported',
    (v) => {
      const r = one({ birthday: v })
      expect(r.status).toBe('new')
      expect(r.findings).toEqual([])
      expect(r.record?.birthday).toBeUndefined()
    }
  )

  it('a birthday that cannot be read, or in the future, is reported and left blank; the rest is imported', () => {
    const preview = run([
      row({ name: '张三', phone: '13800138000', birthday: '1990-13-45', address: '南京路1号' }),
      row({ name: '李四', phone: '13900139000', birthday: '2099-05-01', gender: '女' }),
      row({ name: '王五', phone: '13700137000', birthday: '八十年代', tier: '金卡', credit: 'Z' })
    ])
    expect(preview.rows.map((r) => r.status)).toEqual(['new', 'new', 'new'])
    expect(preview.rows.map(codes)).toEqual([
      ['badDate'],
      ['futureDate'],
      ['badDate', 'badTier', 'badCredit']
    ])
    expect(preview.rows[0]?.record).toMatchObject({ name: '张三', address: '南京路1号' })
    expect(preview.rows[1]?.record).toMatchObject({ name: '李四', gender: 'female' })
    expect(preview.rows.every((r) => r.record?.birthday === undefined)).toBe(true)
    expect(preview.rows.flatMap((r) => r.findings.map(findingFate))).toEqual([
      'leaveBlank',
      'leaveBlank',
      'leaveBlank',
      'leaveBlank',
      'leaveBlank'
    ])
  })

  it('a row without a usable phone is skipped, or imported without a phone when the user chooses so', () => {
    const rows = [
      row({ name: '张三' }),
      row({ name: '李四', phone: '1381234' }),
      row({ name: '王五', phone: '1.38E+10' }),
      row({ name: '赵六', phone: '1381234、13900139000' }),
      row({ phone: '13700137000' })
    ]
    const off = run(rows)
    expect(off.rows.map((r) => r.status)).toEqual(['skip', 'skip', 'skip', 'skip', 'skip'])
    expect(off.rows.flatMap((r) => r.findings.map(findingFate))).toEqual([
      'skipRow',
      'skipRow',
      'skipRow',
      'skipRow',
      'skipRow'
    ])

    const on = run(rows, { withoutPhone: true })
    // A row with one valid and one broken phone still waits for the broken one to be fixed; a missing
    // name still skips the row.
    expect(on.rows.map((r) => r.status)).toEqual(['new', 'new', 'new', 'skip', 'skip'])
    expect(
      on.rows.slice(0, 3).map((r) => r.record && [r.record.name, r.record.phone, r.record.phones])
    ).toEqual([
      ['张三', '', []],
      ['李四', '', []],
      ['王五', '', []]
    ])
    expect(on.rows.slice(0, 3).flatMap((r) => r.findings.map(findingFate))).toEqual([
      'noPhone',
      'noPhone',
      'noPhone'
    ])
    expect(on.counts).toMatchObject({ new: 3, skip: 2, total: 5 })
  })

  it('a card number Excel shortened is left blank, a phone Excel shortened is not', () => {
    expect(findingFate(one({ memberNo: '6.22848E+18' }).findings[0] as RowFinding)).toBe('leaveBlank')
    expect(findingFate(one({ phone: '1.38E+10' }).findings[0] as RowFinding)).toBe('skipRow')
  })
})

describe('counts add up (issue 13.2)', () => {
  it('data rows + blank rows = rows read below the header, up to the last data row', () => {
    const preview = run([
      [],
      row({ name: '张三', phone: '13800138000' }),
      row({ name: '', phone: '13900139000' }),
      row({ address: '不详' }),
      [],
      row({ name: '李四', phone: '13900139000', birthday: '不详' }),
      [],
      []
    ])
    const { new: created, update, skip, blank, total, lines } = preview.counts
    expect({ created, update, skip, blank, total, lines }).toEqual({
      created: 2,
      update: 0,
      skip: 1,
      blank: 3,
      total: 3,
      lines: 6
    })
    expect(created + update + skip).toBe(total)
    expect(total + blank).toBe(lines)
  })
})
