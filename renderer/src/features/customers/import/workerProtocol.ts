import type { Customer } from '@shared/domain/customer'
import type {
  ColumnMapping,
  ExistingCustomer,
  ExportOptions,
  ImportErrorCode,
  ImportMessage,
  ImportPreview,
  ParsedRoster
} from '@shared/import'

// What the page and the import worker say to each other. The worker keeps the parsed table (it can
// be large) and answers with what the page shows; the page looks phones up in the archive (only the
// data layer reads IndexedDB) and hands the owners back for the next check.

/** The roster as the page sees it: everything but the raw table. */
export type RosterView = Omit<ParsedRoster, 'table' | 'preview'> & {
  /** data rows below the header (blank rows not included): dataRows + blankRows = linesRead */
  dataRows: number
  blankRows: number
  /** the rows read below the header, up to the last data row */
  linesRead: number
  /** per column: the first filled value below the header, to help the user judge the mapping */
  samples: string[]
  /** every phone the rows to write hold: the page looks them up and sends back their owners */
  phones: string[]
  /** absent until the rows are checked against the archive */
  preview?: ImportPreview
}

export type WorkerRequest =
  | { kind: 'parse'; bytes: ArrayBuffer; fileName: string; today: string }
  /** re-check the parsed roster: another mapping/header row, and/or newly looked-up owners */
  | {
      kind: 'validate'
      mapping?: ColumnMapping
      headerRow?: number
      existing: [string, ExistingCustomer][]
      today: string
      /** import rows without a usable phone, without one */
      withoutPhone: boolean
    }
  /** the workbook and its file name (客户档案-YYYYMMDD.xlsx for `day`) */
  | { kind: 'export'; rows: Customer[]; options: ExportOptions; day: string }
  /** 下载问题行: the loaded roster's rows listed (spreadsheet row number → reason), as an .xlsx */
  | { kind: 'problemRows'; reasons: [number, string][]; reasonHeader: string }

export interface WorkerResults {
  parse: { ok: true; roster: RosterView } | { ok: false; error: ImportMessage<ImportErrorCode> }
  validate: RosterView
  export: { bytes: Uint8Array; fileName: string }
  problemRows: { bytes: Uint8Array }
}

export type WorkerResponse =
  | { id: number; ok: true; result: WorkerResults[keyof WorkerResults] }
  | { id: number; ok: false; error: string }
