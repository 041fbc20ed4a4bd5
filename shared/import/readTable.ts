// A roster file as a plain table of cells, row i of `rows` being spreadsheet row i + 1.
// Cells keep what matters for validation: text, numbers (an Excel number cell holding a phone lost
// its leading 0, or is shown as 1.38E+10) and dates (Excel date cells, as YYYY-MM-DD).
// Merged cells: every cell of a merged range reads as the range's top-left value, so a title
// merged across the table reads as the title in each column and a header merged across two
// columns names both of them.

import Papa from 'papaparse'
import type { CellValue, Workbook } from 'exceljs'

/** '' for an empty cell. */
export type Cell = string | number | { date: string }

export interface Table {
  rows: Cell[][]
  /** the worksheet's name (xlsx only) */
  sheetName?: string
}

/** The cell as text, as the UI shows it. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return numberText(cell)
  return cell.date
}

/** Integers without exponent or ".0" (13812345678, not 1.3812345678e+10). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0)
  return String(n)
}

// --- CSV -----------------------------------------------------------------------------------------

/** Quoted fields may span lines. The delimiter is guessed (comma, tab, semicolon, |). */
export function readCsv(text: string): Table {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: guessDelimiter(text) })
  const rows = result.data
  // A file that ends with a newline yields one last row with a single empty field.
  const last = rows[rows.length - 1]
  if (last && last.length === 1 && last[0] === '') rows.pop()
  return { rows }
}

const DELIMITERS = [',', '\t', ';', '|'] as const

/** The candidate that splits the most of the first 20 non-blank lines into the same number of
 *  fields (comma on a tie or when nothing splits). Papa Parse's own guess is thrown off by blank
 *  lines in short files. */
export function guessDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20)
  let best: string = ','
  let bestScore = 0
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>()
    for (const line of lines) {
      const n = line.split(d).length - 1
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1)
    }
    const score = Math.max(0, ...counts.values())
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

// --- xlsx ----------------------------------------------------------------------------------------

type ExcelJsModule = typeof import('exceljs')

/** exceljs is large (~1 MB): it is loaded on first use, so CSV imports and the app's start do not pay for it. */
export async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule }
  return mod.default ?? mod
}

/** Thrown when the bytes are a zip but not a workbook exceljs can read. */
export class UnreadableWorkbookError extends Error {
  constructor(cause: unknown) {
    super(`unreadable workbook: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'UnreadableWorkbookError'
  }
}

/** Every visible worksheet, in workbook order. */
export async function readXlsx(bytes: Uint8Array): Promise<Table[]> {
  const ExcelJS = await loadExcelJs()
  const workbook: Workbook = new ExcelJS.Workbook()
  try {
    // exceljs declares `Buffer` as an ArrayBuffer; at run time it hands the bytes to JSZip, which takes a Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (e) {
    throw new UnreadableWorkbookError(e)
  }
  const tables: Table[] = []
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue
    const rows: Cell[][] = []
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as CellValue[]
      const cells: Cell[] = []
      for (let c = 1; c < values.length; c++) cells.push(toCell(values[c]))
      rows[rowNumber - 1] = cells
    })
    // eachRow leaves holes for empty rows; fill them so every index is a row.
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = []
    tables.push({ rows, sheetName: sheet.name })
  }
  return tables
}

function toCell(value: CellValue | undefined): Cell {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : ''
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : { date: utcDay(value) }
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('error' in value) return String(value.error)
  if ('formula' in value || 'sharedFormula' in value) {
    return toCell((value as { result?: CellValue }).result ?? null)
  }
  if ('text' in value) {
    const text = (value as { text: unknown }).text
    if (typeof text === 'string') return text
    if (text && typeof text === 'object' && 'richText' in text) return toCell(text as CellValue)
    return ''
  }
  return ''
}

/** exceljs turns date serials into Dates at UTC midnight (plus the time of day, if any). */
function utcDay(d: Date): string {
  const y = d.getUTCFullYear()
  const m = String(d.getUTCMonth() + 1).padStart(2, '0')
  const day = String(d.getUTCDate()).padStart(2, '0')
  return `${String(y).padStart(4, '0')}-${m}-${day}`
}
