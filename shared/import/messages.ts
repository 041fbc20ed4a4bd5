// What the roster import says, as codes plus params (never finished sentences). The sentences are the
// i18n catalogue's (customerImport.message.<code>, renderer/src/i18n/sections/importMessages.ts); a
// `field` param holds an ImportField key ('phone', 'notes', …) that the UI words as
// customerImport.field.<field>.

/** The customer fields a roster column can be mapped to. */
export const IMPORT_FIELDS = [
  'name',
  'phone',
  'gender',
  'birthday',
  'address',
  'memberNo',
  'tier',
  'credit',
  'tags',
  'needs',
  'source',
  'notes'
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** The file cannot be imported at all. */
export const IMPORT_ERROR_CODES = [
  'emptyFile',
  'fileTooLarge',
  'legacyXls',
  'notASpreadsheet',
  'unreadableXlsx',
  'noColumns'
] as const
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number]

/** About the file as a whole, shown above the row report; the import can go on. */
export const IMPORT_NOTICE_CODES = ['missingColumn', 'noDataRows', 'blankRowsSkipped'] as const
export type ImportNoticeCode = (typeof IMPORT_NOTICE_CODES)[number]

/** About one data row. Severity decides the row's fate: one 'error' and the row is skipped. */
export const ROW_CODE_SEVERITY = {
  missingName: 'error',
  missingPhone: 'error',
  invalidPhone: 'error',
  scientificNotation: 'error',
  tooManyPhones: 'error',
  duplicateInFile: 'error',
  conflictingCustomers: 'error',
  badDate: 'error',
  futureDate: 'error',
  badTier: 'error',
  badGender: 'error',
  badCredit: 'error',
  fieldTooLong: 'error',
  tooManyTags: 'error',
  existingCustomer: 'warning',
  fullWidthNormalised: 'info',
  leadingZeroRestored: 'info'
} as const
export type RowCode = keyof typeof ROW_CODE_SEVERITY
export type Severity = 'error' | 'warning' | 'info'

export type ImportCode = ImportErrorCode | ImportNoticeCode | RowCode
/** a list (e.g. the headers found) is worded by the UI with the language's list separator */
export type MessageParams = Record<string, string | number | string[]>

export interface ImportMessage<C extends ImportCode = ImportCode> {
  code: C
  params: MessageParams
}

export type Templates = Record<ImportCode, string>
