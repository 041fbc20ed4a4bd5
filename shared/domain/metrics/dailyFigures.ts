import { normalizeDateInput, toHalfWidth } from '@shared/text'

// The daily figures (每日客流 / 成交笔数) a manager enters or imports from Excel in 统计报表; they feed
// 服务投诉率 when the setting says customers served come from them (rates.ts). Input: the rows of a
// sheet as read (exceljs / papaparse cells), columns in order: 日期, 客流, 成交笔数. Decisions:
// - Columns by position, not by header text (no header words to match in code). The first non-blank
//   row is a header when its first cell does not read as a date and neither number cell reads as a
//   number; any other row is data. Columns after the third (a 备注, say) are ignored.
// - Row numbers are the sheet's, 1-based, header and blank rows included, so the manager finds them.
// - A blank row (every cell empty) is skipped and counted.
// - 日期: text 'YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD' or 'YYYY年M月D日' (full-width digits
//   too); a date cell (a JS Date: exceljs gives UTC midnight of the shown date, so a Date at exactly
//   UTC midnight is read by its UTC date, any other by its local date); or an Excel serial day
//   number. Years 2000–2099. Anything else: 'reports.figures.badDate'.
// - 客流 and 成交笔数: whole numbers 0–10 000 000; text holding only digits (full-width digits and
//   thousands commas allowed: '1,234') reads as that number. Other text ('约300', '12人') is
//   'reports.figures.notNumber'; a number with a fraction or below 0 is 'reports.figures.notWholeNumber';
//   above the maximum (a typing slip) 'reports.figures.tooLarge'. An empty cell is "not entered": a
//   file may carry only one of the two figures. A row with neither is 'reports.figures.noFigures'.
// - A date on more than one row: EVERY row of that date is refused ('reports.figures.duplicateDate',
//   with the date and all its rows), since nothing says which one is right.
// - ALL OR NOTHING: one problem anywhere and nothing is accepted; every problem is returned at once.
//   Half the month's figures would quietly make 服务投诉率 count only part of the month; the manager
//   fixes the sheet and imports it again.

export interface DailyFigure {
  /** local date 'YYYY-MM-DD' */
  date: string
  /** 客流: visitors that day; null = not entered */
  footfall: number | null
  /** 成交笔数: sales that day; null = not entered */
  transactions: number | null
}

export type Cell = string | number | boolean | Date | null | undefined

export type FigureProblemCode =
  | 'reports.figures.badDate'
  | 'reports.figures.notNumber'
  | 'reports.figures.notWholeNumber'
  | 'reports.figures.tooLarge'
  | 'reports.figures.noFigures'
  | 'reports.figures.duplicateDate'
  | 'reports.figures.noRows'

export type FigureColumn = 'date' | 'footfall' | 'transactions'

export interface FigureProblem {
  /** 1-based sheet row (0 for a problem of the whole file) */
  row: number
  column: FigureColumn | null
  code: FigureProblemCode
  params?: { date?: string; rows?: number[] }
}

export type FiguresParse =
  | { ok: true; figures: DailyFigure[]; headerRow: number | null; blankRows: number }
  | { ok: false; problems: FigureProblem[] }

export const MAX_DAILY_FIGURE = 10_000_000

const ISO = /^(20\d\d)-(\d\d)-(\d\d)$/
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const DAY = 86_400_000

function isDate(text: string): boolean {
  if (!ISO.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text)
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

/** The date a cell names, or null. */
export function readDateCell(cell: Cell): string | null {
  let text: string
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null
    const utcMidnight = cell.getTime() % DAY === 0
    text = utcMidnight
      ? cell.toISOString().slice(0, 10)
      : `${cell.getFullYear()}-${pad(cell.getMonth() + 1)}-${pad(cell.getDate())}`
  } else if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1) return null
    text = new Date(EXCEL_EPOCH + cell * DAY).toISOString().slice(0, 10)
  } else if (typeof cell === 'string') {
    text = normalizeDateInput(cell)
  } else return null
  return isDate(text) ? text : null
}

type NumberRead = { ok: true; value: number | null } | { ok: false; code: FigureProblemCode }

/** The whole number a cell holds, null when empty, or why not. */
export function readNumberCell(cell: Cell): NumberRead {
  if (isBlank(cell)) return { ok: true, value: null }
  let value: number
  if (typeof cell === 'number') value = cell
  else if (typeof cell === 'string') {
    const text = toHalfWidth(cell).trim()
    const plain = /^\d{1,3}(,\d{3})+$/.test(text) ? text.replace(/,/g, '') : text
    if (!/^\d+$/.test(plain)) return { ok: false, code: 'reports.figures.notNumber' }
    value = Number(plain)
  } else return { ok: false, code: 'reports.figures.notNumber' }
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0)
    return { ok: false, code: 'reports.figures.notWholeNumber' }
  if (value > MAX_DAILY_FIGURE) return { ok: false, code: 'reports.figures.tooLarge' }
  return { ok: true, value }
}

function looksLikeHeader(row: readonly Cell[]): boolean {
  if (readDateCell(row[0]) !== null) return false
  return [row[1], row[2]].every((c) => isBlank(c) || !readNumberCell(c).ok)
}

export function parseDailyFigures(rows: readonly (readonly Cell[])[]): FiguresParse {
  const problems: FigureProblem[] = []
  const figures: { row: number; figure: DailyFigure }[] = []
  let headerRow: number | null = null
  let blankRows = 0
  let seenData = false
  rows.forEach((cells, i) => {
    const row = i + 1
    const used = [cells[0], cells[1], cells[2]]
    if (used.every(isBlank) && cells.every(isBlank)) {
      blankRows++
      return
    }
    if (!seenData && headerRow === null && looksLikeHeader(used)) {
      headerRow = row
      return
    }
    seenData = true
    const date = readDateCell(used[0])
    if (date === null) problems.push({ row, column: 'date', code: 'reports.figures.badDate' })
    const footfall = readNumberCell(used[1])
    if (!footfall.ok) problems.push({ row, column: 'footfall', code: footfall.code })
    const transactions = readNumberCell(used[2])
    if (!transactions.ok) problems.push({ row, column: 'transactions', code: transactions.code })
    if (footfall.ok && transactions.ok && footfall.value === null && transactions.value === null)
      problems.push({ row, column: null, code: 'reports.figures.noFigures' })
    if (date !== null && footfall.ok && transactions.ok)
      figures.push({ row, figure: { date, footfall: footfall.value, transactions: transactions.value } })
  })
  // Duplicates among every row whose date could be read (whatever else is wrong with them).
  const rowsByDate = new Map<string, number[]>()
  rows.forEach((cells, i) => {
    if (i + 1 === headerRow) return
    const date = readDateCell(cells[0])
    if (date !== null) rowsByDate.set(date, [...(rowsByDate.get(date) ?? []), i + 1])
  })
  for (const [date, list] of rowsByDate)
    if (list.length > 1)
      for (const row of list)
        problems.push({
          row,
          column: 'date',
          code: 'reports.figures.duplicateDate',
          params: { date, rows: list }
        })
  if (!seenData && problems.length === 0)
    problems.push({ row: 0, column: null, code: 'reports.figures.noRows' })
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) }
  return {
    ok: true,
    figures: figures.map((f) => f.figure).sort((a, b) => (a.date < b.date ? -1 : 1)),
    headerRow,
    blankRows
  }
}

// ---- entry by hand and storing -------------------------------------------------------------------
// One day's figures typed on the 客流数据 page are read with the same cell rules as the file (a
// date as text, digit-only numbers), so a figure means the same whichever way it came in. An empty
// number field is "not entered" — it leaves a stored figure of that day as it is; a figure is
// replaced only by another number, and only when the user confirmed it (figuresReplaced).

export interface DailyFigureForm {
  date: string
  footfall: string
  transactions: string
}

export type FigureCheck =
  | { ok: true; figure: DailyFigure }
  | { ok: false; problems: { column: FigureColumn | null; code: FigureProblemCode }[] }

/** One day typed by hand: the same reading as a file row. */
export function checkDailyFigure(form: DailyFigureForm): FigureCheck {
  const problems: { column: FigureColumn | null; code: FigureProblemCode }[] = []
  const date = form.date.trim() === '' ? null : readDateCell(form.date)
  if (date === null) problems.push({ column: 'date', code: 'reports.figures.badDate' })
  const footfall = readNumberCell(form.footfall)
  if (!footfall.ok) problems.push({ column: 'footfall', code: footfall.code })
  const transactions = readNumberCell(form.transactions)
  if (!transactions.ok) problems.push({ column: 'transactions', code: transactions.code })
  if (footfall.ok && transactions.ok && footfall.value === null && transactions.value === null)
    problems.push({ column: null, code: 'reports.figures.noFigures' })
  if (problems.length > 0 || date === null || !footfall.ok || !transactions.ok) return { ok: false, problems }
  return { ok: true, figure: { date, footfall: footfall.value, transactions: transactions.value } }
}

/** The stored figure of a day after writing `incoming`: an entered number replaces, an empty one keeps. */
export function mergeFigure(stored: DailyFigure | undefined, incoming: DailyFigure): DailyFigure {
  return {
    date: incoming.date,
    footfall: incoming.footfall ?? stored?.footfall ?? null,
    transactions: incoming.transactions ?? stored?.transactions ?? null
  }
}

/** The dates whose stored figure a write would change: a stored number replaced by a different one
 *  (the same number again, or a figure where none was stored, replaces nothing). Sorted. */
export function figuresReplaced(stored: readonly DailyFigure[], incoming: readonly DailyFigure[]): string[] {
  const byDate = new Map(stored.map((f) => [f.date, f]))
  const out = new Set<string>()
  for (const f of incoming) {
    const s = byDate.get(f.date)
    if (!s) continue
    for (const key of ['footfall', 'transactions'] as const)
      if (f[key] !== null && s[key] !== null && f[key] !== s[key]) out.add(f.date)
  }
  return [...out].sort()
}

/** A figure as stored and synced is valid (a record from another PC is checked before it counts). */
export function isValidFigure(f: { date?: unknown; footfall?: unknown; transactions?: unknown }): boolean {
  const ok = (v: unknown) =>
    v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_DAILY_FIGURE)
  return typeof f.date === 'string' && isDate(f.date) && ok(f.footfall) && ok(f.transactions)
}
