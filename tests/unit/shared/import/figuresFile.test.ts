process.env.TZ = 'Asia/Shanghai'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readFiguresFile } from '@shared/import/figuresFile'
import { parseDailyFigures } from '@shared/domain/metrics/dailyFigures'

// 客流数据 import: the file read as 导入客户 reads one, then the pure parser.

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('空白')
  const sheet = wb.addWorksheet('11月')
  for (const r of rows) sheet.addRow(r)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe('客流 file', () => {
  it('reads the first sheet with content; a date cell becomes its date, numbers stay numbers', async () => {
    const bytes = await xlsx([
      ['日期', '客流', '成交笔数'],
      [new Date(Date.UTC(2026, 10, 1)), 1200, 300],
      ['2026-11-02', '1,100', '']
    ])
    const file = await readFiguresFile(bytes, '客流.xlsx')
    expect(file).toEqual({
      ok: true,
      sheetName: '11月',
      rows: [
        ['日期', '客流', '成交笔数'],
        ['2026-11-01', 1200, 300],
        ['2026-11-02', '1,100', '']
      ]
    })
    if (!file.ok) return
    expect(parseDailyFigures(file.rows)).toMatchObject({
      ok: true,
      figures: [
        { date: '2026-11-01', footfall: 1200, transactions: 300 },
        { date: '2026-11-02', footfall: 1100, transactions: null }
      ]
    })
  })

  it('a CSV reads the same; an empty file, a PDF and a broken workbook are refused with the import’s codes', async () => {
    const csv = new TextEncoder().encode('日期,客流\n2026-11-01,12\n')
    expect(await readFiguresFile(csv, '客流.csv')).toEqual({
      ok: true,
      rows: [
        ['日期', '客流'],
        ['2026-11-01', '12']
      ]
    })
    expect(await readFiguresFile(new Uint8Array(), 'a.xlsx')).toMatchObject({
      ok: false,
      error: { code: 'emptyFile' }
    })
    const pdf = new TextEncoder().encode('%PDF-1.4 ...')
    expect(await readFiguresFile(pdf, 'a.xlsx')).toMatchObject({
      ok: false,
      error: { code: 'notASpreadsheet' }
    })
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])
    expect(await readFiguresFile(brokenZip, 'a.xlsx')).toMatchObject({
      ok: false,
      error: { code: 'unreadableXlsx' }
    })
  })
})
