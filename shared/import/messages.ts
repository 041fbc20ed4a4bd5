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

/** About one data row. Severity decides the row's fate: one 'error' and the row is skipped. The
 *  severity given here is the usual one; validateRows sets another where the case differs (see below).
 *  Only the key decides whether a row is imported: no 姓名, or no usable 联系电话, or a 联系电话 that
 *  another row or two archives claim. A value of an optional field that cannot be read is a 'warning':
 *  the field is left blank and the customer is imported (fieldTooLong and scientificNotation are
 *  errors only for 姓名 / 联系电话). A row without a usable phone is imported without one when the
 *  user asks for it (ValidateOptions.withoutPhone): its phone findings are then warnings. */
export const ROW_CODE_SEVERITY = {
  missingName: 'error',
  missingPhone: 'error',
  invalidPhone: 'error',
  scientificNotation: 'error',
  tooManyPhones: 'error',
  duplicateInFile: 'error',
  conflictingCustomers: 'error',
  badDate: 'warning',
  futureDate: 'warning',
  badTier: 'warning',
  badGender: 'warning',
  badCredit: 'warning',
  fieldTooLong: 'warning',
  tooManyTags: 'warning',
  existingCustomer: 'warning',
  duplicateOfSkippedRow: 'warning',
  fullWidthNormalised: 'info',
  leadingZeroRestored: 'info'
} as const satisfies Record<string, Severity>
export type RowCode = keyof typeof ROW_CODE_SEVERITY
export type Severity = 'error' | 'warning' | 'info'

/** What a problem does to its row, said after the problem (customerImport.fate.<fate>):
 *  'skipRow' the row is not imported; 'leaveBlank' that field is left blank, the rest is imported;
 *  'noPhone' the row is imported without a phone. The templates of these codes describe only the
 *  problem; a finding of another code (a note such as existingCustomer) has no fate. */
export type Fate = 'skipRow' | 'leaveBlank' | 'noPhone'

const PROBLEM_CODES: ReadonlySet<RowCode> = new Set<RowCode>([
  'missingName',
  'missingPhone',
  'invalidPhone',
  'scientificNotation',
  'tooManyPhones',
  'duplicateInFile',
  'conflictingCustomers',
  'badDate',
  'futureDate',
  'badTier',
  'badGender',
  'badCredit',
  'fieldTooLong',
  'tooManyTags'
])

const PHONE_PROBLEMS: ReadonlySet<RowCode> = new Set<RowCode>(['missingPhone', 'invalidPhone'])

export function findingFate(finding: {
  code: RowCode
  severity: Severity
  params: MessageParams
}): Fate | undefined {
  if (!PROBLEM_CODES.has(finding.code)) return undefined
  if (finding.severity === 'error') return 'skipRow'
  const aboutPhone =
    PHONE_PROBLEMS.has(finding.code) ||
    (finding.code === 'scientificNotation' && finding.params.field === 'phone')
  return aboutPhone ? 'noPhone' : 'leaveBlank'
}

export type ImportCode = ImportErrorCode | ImportNoticeCode | RowCode
/** a list (e.g. the headers found) is worded by the UI with the language's list separator */
export type MessageParams = Record<string, string | number | string[]>

export interface ImportMessage<C extends ImportCode = ImportCode> {
  code: C
  params: MessageParams
}

export type Templates = Record<ImportCode, string>
