// 客流数据 import (issue 16): a file of daily 客流 / 成交笔数 as the rows the pure parser reads
// (shared/domain/metrics/dailyFigures.ts). The file is read exactly as 导入客户 reads a roster: the
// size checked first, the kind judged by its bytes, .xlsx through exceljs (loaded on first use), CSV
// in any of the encodings of encoding.ts. The first worksheet with content is used. A date cell
// (exceljs: UTC midnight) becomes its 'YYYY-MM-DD' text, so the parser reads it like a typed date.

import { decodeText } from './encoding'
import { checkFileSize, refusalFor, sniffFileKind } from './fileKind'
import type { ImportErrorCode, ImportMessage } from './messages'
import { cellText, readCsv, readXlsx, UnreadableWorkbookError, type Table } from './readTable'

export type FiguresFile =
  | { ok: true; rows: (string | number)[][]; sheetName?: string }
  | { ok: false; error: ImportMessage<ImportErrorCode> }

export async function readFiguresFile(bytes: Uint8Array, fileName: string): Promise<FiguresFile> {
  const sizeProblem = checkFileSize(bytes.length)
  if (sizeProblem) return { ok: false, error: sizeProblem }
  const kind = sniffFileKind(bytes)
  const refusal = refusalFor(kind, fileName)
  if (refusal || (kind !== 'xlsx' && kind !== 'csv'))
    return { ok: false, error: refusal ?? { code: 'notASpreadsheet', params: { fileName } } }
  let tables: Table[]
  if (kind === 'xlsx') {
    try {
      tables = await readXlsx(bytes)
    } catch (e) {
      if (e instanceof UnreadableWorkbookError)
        return { ok: false, error: { code: 'unreadableXlsx', params: { fileName } } }
      throw e
    }
    if (tables.length === 0)
      return { ok: false, error: { code: 'notASpreadsheet', params: { fileName, detected: 'archive' } } }
  } else tables = [readCsv(decodeText(bytes).text)]
  const table = tables.find((t) => t.rows.some((r) => r.some((c) => cellText(c).trim() !== '')))
  if (!table) return { ok: false, error: { code: 'emptyFile', params: {} } }
  const rows = table.rows.map((r) => r.map((c) => (typeof c === 'object' ? c.date : c)))
  return table.sheetName !== undefined ? { ok: true, rows, sheetName: table.sheetName } : { ok: true, rows }
}
