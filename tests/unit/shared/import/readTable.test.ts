import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  cellText,
  guessDelimiter,
  numberText,
  readCsv,
  readXlsx,
  UnreadableWorkbookError
} from '@shared/import/readTable'

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe('readCsv', () => {
  it('keeps quoted commas and line breaks in one cell, and row numbers as records', () => {
    expect(readCsv('姓名,地址\r\n张三,"上海,3楼"\r\n李四,"第一行\r\n第二行"\r\n王五,杭州\r\n').rows).toEqual([
      ['姓名', '地址'],
      ['张三', '上海,3楼'],
      ['李四', '第一行\r\n第二行'],
      ['王五', '杭州']
    ])
  })

  it('guesses tab and semicolon delimiters', () => {
    expect(readCsv('姓名\t电话\n张三\t13800138000').rows).toEqual([
      ['姓名', '电话'],
      ['张三', '13800138000']
    ])
    expect(readCsv('姓名;电话\n张三;13800138000\n').rows).toEqual([
      ['姓名', '电话'],
      ['张三', '13800138000']
    ])
  })

  it('keeps blank lines in the middle (they have row numbers) but not the final newline', () => {
    expect(readCsv('a,b\n\n,\nc,d\n').rows).toEqual([['a', 'b'], [''], ['', ''], ['c', 'd']])
  })
})

describe('readXlsx', () => {
  it('reads text, numbers, dates, rich text, formulas and hyperlinks', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S')
      ws.getCell('A1').value = '张三'
      ws.getCell('B1').value = 13800138000
      ws.getCell('C1').value = new Date(Date.UTC(1990, 0, 31))
      ws.getCell('C1').numFmt = 'yyyy-mm-dd'
      ws.getCell('D1').value = { richText: [{ text: '李' }, { text: '四', font: { bold: true } }] }
      ws.getCell('E1').value = { formula: 'B1+1', result: 13800138001 }
      ws.getCell('F1').value = { text: '官网', hyperlink: 'https://example.com' }
      ws.getCell('G1').value = true
      ws.getCell('H1').value = 1.5
    })
    const [table] = await readXlsx(bytes)
    expect(table).toEqual({
      sheetName: 'S',
      rows: [['张三', 13800138000, { date: '1990-01-31' }, '李四', 13800138001, '官网', 'TRUE', 1.5]]
    })
  })

  it('numbers rows as the sheet does, leaving empty rows empty', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S')
      ws.getCell('B3').value = 'x'
      ws.getCell('A5').value = 'y'
    })
    const [table] = await readXlsx(bytes)
    expect(table?.rows).toEqual([[], [], ['', 'x'], [], ['y']])
  })

  it('reads every cell of a merged range as its top-left value', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S')
      ws.getCell('A1').value = '某某店客户花名册'
      ws.mergeCells('A1:C1')
      ws.getCell('A2').value = '姓名'
      ws.getCell('B2').value = '电话'
      ws.mergeCells('B2:C2')
    })
    const [table] = await readXlsx(bytes)
    expect(table?.rows).toEqual([
      ['某某店客户花名册', '某某店客户花名册', '某某店客户花名册'],
      ['姓名', '电话', '电话']
    ])
  })

  it('leaves hidden worksheets out', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'h'
      wb.addWorksheet('客户').getCell('A1').value = 'v'
    })
    expect((await readXlsx(bytes)).map((t) => t.sheetName)).toEqual(['客户'])
  })

  it('throws UnreadableWorkbookError for a damaged zip', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet('S').getCell('A1').value = 'x'
    })
    await expect(readXlsx(bytes.slice(0, 200))).rejects.toBeInstanceOf(UnreadableWorkbookError)
  })
})

describe('cellText', () => {
  it('shows numbers without exponent and dates as days', () => {
    expect(cellText(13812345678)).toBe('13812345678')
    expect(numberText(1.38e10)).toBe('13800000000')
    expect(numberText(0.5)).toBe('0.5')
    expect(cellText({ date: '1990-01-31' })).toBe('1990-01-31')
    expect(cellText(undefined)).toBe('')
  })
})

describe('guessDelimiter', () => {
  it.each([
    ['姓名,电话\n张三,13800138000\n', ','],
    ['姓名\t电话\n张三\t13800138000', '\t'],
    ['姓名;电话\n\n张三;13800138000\n', ';'],
    ['姓名|电话|地址\n张三|13800138000|上海,浦东\n', '|'],
    ['只有一列\n张三\n', ',']
  ])('%j → %j', (text, delimiter) => {
    expect(guessDelimiter(text)).toBe(delimiter)
  })
})
