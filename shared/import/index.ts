// 导入客户: a roster file (its bytes and name) → the guessed header and column mapping and the
// per-row report, or the reason the file cannot be imported. Nothing is written here; the caller
// shows the preview, lets the user correct the mapping (applyMapping) and then writes the rows
// whose status is 'new' (and 'update' if the user chose to update existing customers).
// Pure: runs in a Web Worker and in Node tests.

import { decodeText, type TextEncodingName } from './encoding'
import { checkFileSize, refusalFor, sniffFileKind } from './fileKind'
import {
  findHeader,
  guessMapping,
  likelyHeaderTexts,
  type ColumnMapping,
  type HeaderGuess
} from './headerMapping'
import type { ImportErrorCode, ImportMessage } from './messages'
import { cellText, readCsv, readXlsx, UnreadableWorkbookError, type Cell, type Table } from './readTable'
import { validateRows, type ImportPreview, type LookupExisting } from './validateRows'

export interface ParseOptions {
  /** YYYY-MM-DD (the store's today): later birthdays are refused */
  today: string
  lookupExisting?: LookupExisting
  /** import rows without a usable phone, without one (ValidateOptions.withoutPhone) */
  withoutPhone?: boolean
}

export interface ParsedRoster {
  kind: 'xlsx' | 'csv'
  /** CSV only: what the text was decoded as */
  encoding?: TextEncodingName
  /** xlsx only: the worksheet read (the one whose header names the most fields) */
  sheetName?: string
  /** the cells as read, row i being spreadsheet row i + 1; kept for re-validation with another mapping */
  table: Cell[][]
  /** 1-based row number of the header (for a two-row header, its second row) */
  headerRow: number
  /** column titles, one per column (index 0 = column A) */
  headers: string[]
  mapping: ColumnMapping
  preview: ImportPreview
}

export type ParseRosterResult =
  ({ ok: true } & ParsedRoster) | { ok: false; error: ImportMessage<ImportErrorCode> }

export async function parseRoster(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions
): Promise<ParseRosterResult> {
  const sizeProblem = checkFileSize(bytes.length)
  if (sizeProblem) return { ok: false, error: sizeProblem }
  const kind = sniffFileKind(bytes)
  const refusal = refusalFor(kind, fileName)
  if (refusal || (kind !== 'xlsx' && kind !== 'csv'))
    return { ok: false, error: refusal ?? { code: 'notASpreadsheet', params: { fileName } } }

  let tables: Table[]
  let encoding: TextEncodingName | undefined
  if (kind === 'xlsx') {
    try {
      tables = await readXlsx(bytes)
    } catch (e) {
      if (e instanceof UnreadableWorkbookError)
        return { ok: false, error: { code: 'unreadableXlsx', params: { fileName } } }
      throw e
    }
    // A zip that is a Word document or a plain archive has no worksheets.
    if (tables.length === 0)
      return { ok: false, error: { code: 'notASpreadsheet', params: { fileName, detected: 'archive' } } }
  } else {
    const decoded = decodeText(bytes)
    encoding = decoded.encoding
    tables = [readCsv(decoded.text)]
  }

  const withContent = tables.filter((t) => t.rows.some((r) => r.some((c) => cellText(c).trim() !== '')))
  if (withContent.length === 0) return { ok: false, error: { code: 'emptyFile', params: {} } }

  let best: { table: Table; guess: HeaderGuess; score: number } | undefined
  for (const table of withContent) {
    const guess = findHeader(table.rows)
    if (!guess) continue
    const score = new Set(guess.mapping.filter((f) => f !== null)).size
    if (!best || score > best.score) best = { table, guess, score }
  }
  if (!best) {
    const headers = likelyHeaderTexts((withContent[0] as Table).rows)
    return { ok: false, error: { code: 'noColumns', params: { headers } } }
  }

  const { table, guess } = best
  const roster: ParsedRoster = {
    kind,
    table: table.rows,
    headerRow: guess.headerRow,
    headers: guess.headers,
    mapping: guess.mapping,
    preview: validateRows(table.rows, {
      headerRow: guess.headerRow,
      mapping: guess.mapping,
      fromCsv: kind === 'csv',
      ...options
    })
  }
  if (encoding) roster.encoding = encoding
  if (table.sheetName !== undefined) roster.sheetName = table.sheetName
  return { ok: true, ...roster }
}

/** The roster re-checked with the user's corrections: another column mapping and/or another header row
 *  (a new header row without a mapping gets a fresh guess). Also to re-check after the archive changed. */
export function applyMapping(
  roster: ParsedRoster,
  change: { mapping?: ColumnMapping; headerRow?: number },
  options: ParseOptions
): ParsedRoster {
  const headerRow = change.headerRow ?? roster.headerRow
  const headers =
    headerRow === roster.headerRow
      ? roster.headers
      : (roster.table[headerRow - 1] ?? []).map((c) => cellText(c).trim())
  // A new header row without a mapping: guess again from its titles.
  const mapping = change.mapping ?? (headerRow === roster.headerRow ? roster.mapping : guessMapping(headers))
  const preview = validateRows(roster.table, {
    headerRow,
    mapping,
    fromCsv: roster.kind === 'csv',
    ...options
  })
  return { ...roster, headerRow, headers, mapping, preview }
}

export { checkFileSize, MAX_IMPORT_BYTES, sniffFileKind, type FileKind } from './fileKind'
export { decodeText, detectEncoding, type DecodedText, type TextEncodingName } from './encoding'
export { cellText, readCsv, readXlsx, type Cell, type Table } from './readTable'
export {
  fieldForHeader,
  findHeader,
  guessMapping,
  MULTI_COLUMN_FIELDS,
  normalizeHeader,
  type ColumnMapping,
  type HeaderGuess
} from './headerMapping'
export {
  validateRows,
  type ExistingCustomer,
  type ImportCounts,
  type ImportedCustomer,
  type ImportPreview,
  type LookupExisting,
  type PreviewRow,
  type RowFinding,
  type RowStatus,
  type ValidateOptions
} from './validateRows'
export * from './messages'
export { problemRowsToXlsx, type ProblemRow } from './problemRowsXlsx'
export { customersToXlsx, exportFileName, EXPORT_HEADERS, type ExportOptions } from './exportXlsx'
