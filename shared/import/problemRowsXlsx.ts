// 下载问题行: the rows of a roster that were skipped or had a value left blank, as an .xlsx the staff
// can fix and import again. Row 1 is the roster's header (its titles as read), then each problem row
// with its cells as read (text stays text, a number stays a number, so the re-import reads them as the
// first import did) and the reason in one more column. The reason texts and that column's title come
// from the UI (words are the i18n catalogue's); the title must be one the import does not recognise
// (问题说明), so re-importing the file leaves that column out.

import { loadExcelJs, type Cell } from './readTable'

export interface ProblemRow {
  cells: readonly Cell[]
  reason: string
}

const REASON_WIDTH = 60
const WIDTH = 16

export async function problemRowsToXlsx(
  headers: readonly string[],
  rows: readonly ProblemRow[],
  reasonHeader: string
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] })
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length))
  const titles = Array.from({ length: width }, (_, c) => headers[c] ?? '')
  sheet.columns = [...titles, reasonHeader].map((header, c) => ({
    header,
    width: c === width ? REASON_WIDTH : WIDTH
  }))
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) {
    const values = Array.from({ length: width }, (_, c) => cellValue(r.cells[c]))
    const added = sheet.addRow([...values, r.reason])
    // Text cells stay text in Excel: a phone typed as text is not turned into 1.38E+10 on saving.
    values.forEach((v, c) => {
      if (typeof v === 'string') added.getCell(c + 1).numFmt = '@'
    })
    added.getCell(width + 1).alignment = { wrapText: true, vertical: 'top' }
  }
  const out = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer
  return out instanceof Uint8Array
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out)
}

/** A date cell is written as its YYYY-MM-DD text, which the import reads back as the same day. */
function cellValue(cell: Cell | undefined): string | number {
  if (cell === undefined) return ''
  if (typeof cell === 'object') return cell.date
  return cell
}
