import iconv from 'iconv-lite'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { findingFate, parseRoster, problemRowsToXlsx, type ParsedRoster } from '@shared/import'

// 下载问题行 (issue 13.1): the skipped and flagged rows of a messy GBK roster, as they were, with a
// reason column — and the file imports again once the staff have fixed it.

const TODAY = '2026-11-23'

const CSV = [
  '姓名,手机,生日,会员卡号,备注',
  '张三,13800138000,1985/3/12,00012,',
  '李四,13900139000,不详,,',
  '王五,13700137000,2099-01-01,,生日写错了',
  '',
  ',13600136000,1990-01-01,,没写名字',
  '赵六,,1991-02-03,,没留电话',
  '钱七,13600136000,1992-13-40,,'
].join('\r\n')

async function parse(bytes: Uint8Array, name: string): Promise<ParsedRoster> {
  const parsed = await parseRoster(bytes, name, { today: TODAY })
  if (!parsed.ok) throw new Error(parsed.error.code)
  return parsed
}

/** The rows with a problem and their codes as the reason (the UI writes sentences there). */
function reasons(roster: ParsedRoster): [number, string][] {
  return roster.preview.rows
    .filter((r) => r.findings.some((f) => findingFate(f)))
    .map((r) => [r.row, r.findings.map((f) => f.code).join(' ')])
}

async function sheetValues(bytes: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const out: unknown[][] = []
  workbook.worksheets[0]?.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
  return out
}

describe('problemRowsToXlsx', () => {
  it('lists the problem rows with their original cells and the reason in a last column', async () => {
    const roster = await parse(iconv.encode(CSV, 'gbk'), '花名册.csv')
    const listed = reasons(roster)
    expect(listed).toEqual([
      [4, 'futureDate'],
      [6, 'missingName'],
      [7, 'missingPhone'],
      [8, 'badDate duplicateOfSkippedRow']
    ])
    const bytes = await problemRowsToXlsx(
      roster.headers,
      listed.map(([row, reason]) => ({ cells: roster.table[row - 1] ?? [], reason })),
      '问题说明'
    )
    expect(await sheetValues(bytes)).toEqual([
      ['姓名', '手机', '生日', '会员卡号', '备注', '问题说明'],
      ['王五', '13700137000', '2099-01-01', '', '生日写错了', 'futureDate'],
      ['', '13600136000', '1990-01-01', '', '没写名字', 'missingName'],
      ['赵六', '', '1991-02-03', '', '没留电话', 'missingPhone'],
      ['钱七', '13600136000', '1992-13-40', '', '', 'badDate duplicateOfSkippedRow']
    ])
  })

  it('imports again: the reason column is left out, the fixed rows are imported', async () => {
    const roster = await parse(iconv.encode(CSV, 'gbk'), '花名册.csv')
    const listed = reasons(roster)
    const cells = listed.map(([row]) => [...(roster.table[row - 1] ?? [])])
    // The staff fix the file: a real birthday, the missing name and phone.
    cells[0]![2] = '1979-01-01'
    cells[1]![0] = '孙八'
    cells[2]![1] = '13500135000'
    const bytes = await problemRowsToXlsx(
      roster.headers,
      cells.map((c, i) => ({ cells: c, reason: listed[i]![1] })),
      '问题说明'
    )
    const again = await parse(bytes, '花名册-问题行.xlsx')
    expect(again.headerRow).toBe(1)
    expect(again.mapping).toEqual(['name', 'phone', 'birthday', 'memberNo', 'notes', null])
    expect(again.preview.rows.map((r) => [r.status, r.record?.name, r.record?.birthday])).toEqual([
      ['new', '王五', '1979-01-01'],
      ['new', '孙八', '1990-01-01'],
      ['new', '赵六', '1991-02-03'],
      // 钱七 shares 孙八's phone: now that 孙八 is imported, 钱七 is the duplicate (a skipped row has no record).
      ['skip', undefined, undefined]
    ])
    expect(again.preview.rows[3]?.findings.map((f) => f.code)).toEqual(['badDate', 'duplicateInFile'])
  })
})
