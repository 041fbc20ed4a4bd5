// The per-row report of a roster import, made before anything is written: for every data row its
// spreadsheet row number, what was found (codes + params, see messages.ts) and its fate —
// 'new' (will be created), 'update' (its phone belongs to an existing customer; applied only if
// the user chooses to update existing customers) or 'skip' (an error). One pass, O(rows × columns).
// Only the key skips a row (姓名, 联系电话; see ROW_CODE_SEVERITY): an optional value that cannot be
// read is reported and left blank. In-file duplicates are found among all data rows, whatever each
// row's fate: a phone repeated after a row that is skipped is still reported (duplicateOfSkippedRow).

import {
  CUSTOMER_LIMITS,
  isRealDate,
  type Customer,
  type CreditGrade,
  type Gender,
  type Tier
} from '@shared/domain/customer'
import { normalizePhone } from '@shared/domain/phone'
import { normalizeDateInput, toHalfWidth } from '@shared/text'
import type { ColumnMapping } from './headerMapping'
import {
  findingFate,
  ROW_CODE_SEVERITY,
  type ImportField,
  type ImportMessage,
  type ImportNoticeCode,
  type MessageParams,
  type RowCode,
  type Severity
} from './messages'
import { cellText, numberText, type Cell } from './readTable'

export interface ExistingCustomer {
  id: string
  name: string
}

/** Finds the customer already holding a normalised phone. Called once per phone per row, so make it a Map lookup. */
export type LookupExisting = (phone: string) => ExistingCustomer | undefined

export interface ValidateOptions {
  /** 1-based row number of the header row; the rows after it are data */
  headerRow: number
  mapping: ColumnMapping
  /** YYYY-MM-DD: birthdays after it are refused */
  today: string
  lookupExisting?: LookupExisting
  /** The cells came from a CSV, where a number cell of Excel has become plain digits: a landline
   *  whose leading 0 Excel dropped is then restored as it is for an xlsx number cell. */
  fromCsv?: boolean
  /** the user chose to import rows that have no usable phone, without a phone (they are skipped otherwise) */
  withoutPhone?: boolean
}

export interface RowFinding extends ImportMessage<RowCode> {
  severity: Severity
}

export type RowStatus = 'new' | 'update' | 'skip'

/** A customer as imported: a Customer without id (and without assignedClerk, which rosters do not carry). */
export type ImportedCustomer = Omit<Customer, 'id'>

export interface PreviewRow {
  /** 1-based, as the spreadsheet numbers it */
  row: number
  status: RowStatus
  /** the record to write; absent for 'skip' */
  record?: ImportedCustomer
  /** the customer this row updates ('update'), or that it matches */
  existing?: ExistingCustomer
  findings: RowFinding[]
}

export interface ImportCounts {
  new: number
  update: number
  skip: number
  /** blank rows between the header and the last data row (rows whose imported columns are all empty) */
  blank: number
  /** data rows: new + update + skip */
  total: number
  /** the rows read below the header, up to the last data row: total + blank (empty rows after the
   *  last data row, which sheets often carry, are not counted anywhere) */
  lines: number
}

export interface ImportPreview {
  rows: PreviewRow[]
  counts: ImportCounts
  /** about the file as a whole: a missing name/phone column, no data, blank rows skipped */
  notices: ImportMessage<ImportNoticeCode>[]
}

/** Values that mean "nothing here" in hand-kept rosters. */
const PLACEHOLDERS = new Set([
  '无',
  '暂无',
  '不详',
  '未知',
  '没有',
  '空',
  '-',
  '--',
  '---',
  '—',
  '——',
  '/',
  '\\',
  'n/a',
  'na',
  'null',
  'none',
  '#n/a'
])

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/
const SCIENTIFIC = /^(\d)(?:\.(\d+))?e\+?(\d{1,2})$/i
const PHONE_SEPARATORS = /[,，、;；/|\n]+|或/
const TAG_SEPARATORS = /[，,、;；/\s]+/
const TIME_OF_DAY = /\s+\d{1,2}:\d{2}(:\d{2})?$/

const TIER_BY_TEXT: Record<string, Tier> = {
  普通: 'regular',
  普通客户: 'regular',
  一般: 'regular',
  一般客户: 'regular',
  regular: 'regular',
  会员: 'member',
  会员客户: 'member',
  普通会员: 'member',
  member: 'member',
  vip: 'vip',
  vip客户: 'vip',
  vip会员: 'vip',
  贵宾: 'vip',
  大客户: 'key',
  重点客户: 'key',
  关键客户: 'key',
  key: 'key',
  keyaccount: 'key'
}

const GENDER_BY_TEXT: Record<string, Gender> = {
  男: 'male',
  男性: 'male',
  先生: 'male',
  m: 'male',
  male: 'male',
  女: 'female',
  女性: 'female',
  女士: 'female',
  f: 'female',
  female: 'female'
}

const TEXT_LIMITS = {
  name: CUSTOMER_LIMITS.name,
  address: CUSTOMER_LIMITS.address,
  memberNo: CUSTOMER_LIMITS.memberNo,
  needs: CUSTOMER_LIMITS.needs,
  source: CUSTOMER_LIMITS.source,
  notes: CUSTOMER_LIMITS.notes
} as const

/** A value quoted in a message is cut to this many characters. */
const QUOTE_MAX = 40
const quote = (text: string) => (text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text)

const isEmptyText = (text: string) => text === '' || PLACEHOLDERS.has(text.toLowerCase())

function isEmptyCell(cell: Cell | undefined): boolean {
  if (cell === undefined || cell === '') return true
  if (typeof cell !== 'string') return false
  return isEmptyText(cell.trim())
}

/** The cells of one row, grouped by the field their column is mapped to (empty cells left out). */
type RowValues = Partial<Record<ImportField, Cell[]>>

export function validateRows(rows: readonly Cell[][], options: ValidateOptions): ImportPreview {
  const { mapping, headerRow } = options
  const columns: [number, ImportField][] = []
  mapping.forEach((field, c) => {
    if (field) columns.push([c, field])
  })

  const out: PreviewRow[] = []
  const seen: SeenPhones = { first: new Map(), written: new Map() }
  let blank = 0
  let pendingBlank = 0

  for (let i = headerRow; i < rows.length; i++) {
    const cells = rows[i] ?? []
    const values: RowValues = {}
    let any = false
    for (const [c, field] of columns) {
      const cell = cells[c]
      if (isEmptyCell(cell)) continue
      any = true
      ;(values[field] ??= []).push(cell as Cell)
    }
    if (!any) {
      pendingBlank++
      continue
    }
    // Blank rows count once a data row follows them: trailing empty rows of a sheet are not "skipped".
    blank += pendingBlank
    pendingBlank = 0
    out.push(checkRow(i + 1, values, options, seen))
  }

  const counts: ImportCounts = {
    new: 0,
    update: 0,
    skip: 0,
    blank,
    total: out.length,
    lines: out.length + blank
  }
  for (const r of out) counts[r.status]++

  const notices: ImportMessage<ImportNoticeCode>[] = []
  for (const field of ['name', 'phone'] as const) {
    if (!mapping.includes(field)) notices.push({ code: 'missingColumn', params: { field } })
  }
  if (out.length === 0) notices.push({ code: 'noDataRows', params: {} })
  if (blank > 0) notices.push({ code: 'blankRowsSkipped', params: { count: blank } })
  return { rows: out, counts, notices }
}

/** The phones of the rows above, by normalised phone: the first row holding it (whatever its fate)
 *  and the first row that will be written with it. */
interface SeenPhones {
  first: Map<string, number>
  written: Map<string, number>
}

function checkRow(row: number, values: RowValues, options: ValidateOptions, seen: SeenPhones): PreviewRow {
  const findings: RowFinding[] = []
  const add = (code: RowCode, params: MessageParams = {}, severity: Severity = ROW_CODE_SEVERITY[code]) =>
    findings.push({ code, severity, params: { row, ...params } })
  const record: ImportedCustomer = { name: '', phone: '', phones: [], tier: 'regular', tags: [] }

  const text = (field: keyof typeof TEXT_LIMITS, joiner?: string): string | undefined => {
    const cells = values[field]
    if (!cells) return undefined
    // CSV keeps the CRLF of a multi-line cell; store plain line feeds.
    const texts = cells.map((c) => cellText(c).trim().replace(/\r\n?/g, '\n'))
    const value = joiner === undefined ? (texts[0] as string) : [...new Set(texts)].join(joiner)
    if (value.length > TEXT_LIMITS[field]) {
      // A name that does not fit is a missing key; any other field is left blank.
      add(
        'fieldTooLong',
        { field, length: value.length, max: TEXT_LIMITS[field] },
        field === 'name' ? 'error' : 'warning'
      )
      return undefined
    }
    return value
  }
  const first = (field: ImportField) => values[field]?.[0]

  // 姓名
  const name = text('name')
  if (name !== undefined) record.name = name
  else if (!values.name) add('missingName')

  // 电话
  const phones = readPhones(values.phone ?? [], options.fromCsv === true, add)
  if (
    phones.length === 0 &&
    !findings.some((f) => f.code === 'invalidPhone' || f.code === 'scientificNotation')
  ) {
    add('missingPhone')
  }
  if (phones.length === 0 && options.withoutPhone) {
    // The user chose to import such rows: the phone findings no longer skip the row.
    for (const f of findings) if (findingFate(f) === 'skipRow' && isPhoneProblem(f)) f.severity = 'warning'
  }
  if (phones.length > CUSTOMER_LIMITS.phones)
    add('tooManyPhones', { count: phones.length, max: CUSTOMER_LIMITS.phones })
  record.phones = phones
  record.phone = phones[0] ?? ''

  // 性别
  const genderCell = first('gender')
  if (genderCell !== undefined) {
    const raw = cellText(genderCell).trim()
    const gender = GENDER_BY_TEXT[toHalfWidth(raw).trim().toLowerCase()]
    if (gender) record.gender = gender
    else add('badGender', { value: quote(raw) })
  }

  // 生日
  const birthdayCell = first('birthday')
  if (birthdayCell !== undefined) {
    const day = readDay(birthdayCell)
    const shown = quote(cellText(birthdayCell).trim())
    if (day === undefined) add('badDate', { field: 'birthday', value: shown })
    else if (day > options.today) add('futureDate', { field: 'birthday', value: shown })
    else {
      record.birthday = day
      if (typeof birthdayCell === 'string' && FULL_WIDTH.test(birthdayCell)) {
        add('fullWidthNormalised', { field: 'birthday', value: shown, normalised: day })
      }
    }
  }

  // 地址
  const address = text('address', ' ')
  if (address) record.address = address

  // 会员卡号
  const memberCell = first('memberNo')
  if (memberCell !== undefined) {
    const memberNo = readMemberNo(memberCell, add)
    if (memberNo !== undefined) {
      if (memberNo.length > CUSTOMER_LIMITS.memberNo) {
        add('fieldTooLong', { field: 'memberNo', length: memberNo.length, max: CUSTOMER_LIMITS.memberNo })
      } else record.memberNo = memberNo
    }
  }

  // 客户等级
  const tierCell = first('tier')
  if (tierCell !== undefined) {
    const raw = cellText(tierCell).trim()
    const tier = TIER_BY_TEXT[toHalfWidth(raw).toLowerCase().replace(/\s+/g, '')]
    if (tier) record.tier = tier
    else add('badTier', { value: quote(raw) })
  }

  // 信用等级
  const creditCell = first('credit')
  if (creditCell !== undefined) {
    const raw = cellText(creditCell).trim()
    const grade = toHalfWidth(raw).toUpperCase().replace(/\s+/g, '').replace(/级$/, '')
    if (grade === 'A' || grade === 'B' || grade === 'C' || grade === 'D') record.credit = grade as CreditGrade
    else add('badCredit', { value: quote(raw) })
  }

  // 标签
  if (values.tags) {
    const tags = new Set<string>()
    for (const cell of values.tags) {
      for (const tag of cellText(cell).split(TAG_SEPARATORS)) {
        const t = tag.trim()
        if (t && !isEmptyText(t)) tags.add(t)
      }
    }
    const tooLong = [...tags].find((t) => t.length > CUSTOMER_LIMITS.tag)
    if (tooLong !== undefined)
      add('fieldTooLong', { field: 'tags', length: tooLong.length, max: CUSTOMER_LIMITS.tag })
    else if (tags.size > CUSTOMER_LIMITS.tags)
      add('tooManyTags', { count: tags.size, max: CUSTOMER_LIMITS.tags })
    else record.tags = [...tags]
  }

  // 特殊需求, 来源, 备注
  const needs = text('needs', ' ')
  if (needs) record.needs = needs
  const source = text('source')
  if (source) record.source = source
  const notes = text('notes', '\n')
  if (notes) record.notes = notes

  // Against the archive, then against the rows above.
  let existing: ExistingCustomer | undefined
  let existingPhone = ''
  if (options.lookupExisting) {
    for (const phone of phones) {
      const match = options.lookupExisting(phone)
      if (!match) continue
      if (!existing) {
        existing = match
        existingPhone = phone
      } else if (match.id !== existing.id) {
        add('conflictingCustomers', {
          phone: existingPhone,
          name: existing.name,
          otherPhone: phone,
          otherName: match.name
        })
        break
      }
    }
    if (existing && !findings.some((f) => f.code === 'conflictingCustomers')) {
      add('existingCustomer', { phone: existingPhone, name: existing.name })
    }
  }
  // A row written with this phone wins; a repeat of a phone whose earlier rows are all skipped is
  // imported, and still reported.
  const written = phones.find((p) => seen.written.has(p))
  if (written !== undefined)
    add('duplicateInFile', { phone: written, firstRow: seen.written.get(written) as number })
  else {
    const again = phones.find((p) => seen.first.has(p))
    if (again !== undefined)
      add('duplicateOfSkippedRow', { phone: again, firstRow: seen.first.get(again) as number })
  }

  const skip = findings.some((f) => f.severity === 'error')
  for (const phone of phones) {
    if (!seen.first.has(phone)) seen.first.set(phone, row)
    if (!skip && !seen.written.has(phone)) seen.written.set(phone, row)
  }
  const status: RowStatus = skip ? 'skip' : existing ? 'update' : 'new'
  const result: PreviewRow = { row, status, findings }
  if (!skip) result.record = record
  if (existing) result.existing = existing
  return result
}

type Add = (code: RowCode, params?: MessageParams, severity?: Severity) => void

const isPhoneProblem = (f: RowFinding) =>
  f.code === 'missingPhone' ||
  f.code === 'invalidPhone' ||
  (f.code === 'scientificNotation' && f.params.field === 'phone')

/** Every phone in the phone columns, normalised, without repeats. A cell may hold several
 *  ("13800138000、010-62345678"); a number cell is a phone Excel took for a number. */
function readPhones(cells: readonly Cell[], fromCsv: boolean, add: Add): string[] {
  const phones: string[] = []
  const push = (p: string) => {
    if (!phones.includes(p)) phones.push(p)
  }
  for (const cell of cells) {
    let parts: string[]
    let fromNumber = false
    if (typeof cell === 'number') {
      if (Number.isInteger(cell) && !Number.isSafeInteger(cell)) {
        add('scientificNotation', { field: 'phone', value: cell.toExponential(5).toUpperCase() })
        continue
      }
      parts = [numberText(cell)]
      fromNumber = true
    } else {
      parts = cellText(cell).split(PHONE_SEPARATORS)
    }
    for (const part of parts) {
      const raw = part.trim()
      if (isEmptyText(raw)) continue
      const phone = readPhone(raw, fromNumber || fromCsv, add)
      if (phone) for (const p of phone) push(p)
    }
  }
  return phones
}

function readPhone(raw: string, mayHaveLostZero: boolean, add: Add): string[] | undefined {
  const half = toHalfWidth(raw).trim()
  const sci = SCIENTIFIC.exec(half)
  let text = raw
  if (sci) {
    // 1.3812345678E+10 still holds every digit; 1.38123E+10 does not.
    const digits = (sci[1] as string) + (sci[2] ?? '')
    const exponent = Number(sci[3])
    if (digits.length !== exponent + 1) {
      add('scientificNotation', { field: 'phone', value: quote(raw) })
      return undefined
    }
    text = digits
  }
  const check = normalizePhone(text)
  if (check.ok) {
    if (FULL_WIDTH.test(raw))
      add('fullWidthNormalised', { field: 'phone', value: quote(raw), normalised: check.value })
    return [check.value]
  }
  const digits = half.replace(/[\s-]/g, '')
  if (mayHaveLostZero && /^[1-9]\d{8,10}$/.test(digits)) {
    const restored = normalizePhone(`0${digits}`)
    if (restored.ok && restored.kind === 'landline') {
      add('leadingZeroRestored', { value: quote(raw), normalised: restored.value })
      return [restored.value]
    }
  }
  // "13800138000 13900139000": two numbers in one cell, separated by a space.
  const pieces = half.split(/\s+/)
  if (pieces.length > 1) {
    const checks = pieces.map((p) => normalizePhone(p))
    if (checks.every((c) => c.ok)) return checks.map((c) => (c.ok ? c.value : ''))
  }
  add('invalidPhone', { value: quote(raw) })
  return undefined
}

function readMemberNo(cell: Cell, add: Add): string | undefined {
  if (typeof cell === 'number') {
    // Past 2^53 Excel kept only about 15 digits of a long card number.
    if (Number.isInteger(cell) && !Number.isSafeInteger(cell)) {
      add('scientificNotation', { field: 'memberNo', value: cell.toExponential(5).toUpperCase() }, 'warning')
      return undefined
    }
    return numberText(cell)
  }
  const raw = cellText(cell).trim()
  const value = toHalfWidth(raw).trim()
  const sci = SCIENTIFIC.exec(value)
  if (sci) {
    const digits = (sci[1] as string) + (sci[2] ?? '')
    if (digits.length !== Number(sci[3]) + 1) {
      add('scientificNotation', { field: 'memberNo', value: quote(raw) }, 'warning')
      return undefined
    }
    return digits
  }
  if (value !== raw) add('fullWidthNormalised', { field: 'memberNo', value: quote(raw), normalised: value })
  return value
}

/** YYYY-MM-DD of a date cell, an Excel day number, 19900131, 1990/1/31, 1990年1月31日, "1990/1/31 0:00". */
export function readDay(cell: Cell): string | undefined {
  if (typeof cell === 'object') return isRealDate(cell.date) ? cell.date : undefined
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 10000101 && cell <= 99991231)
      return realOrUndefined(normalizeDateInput(String(cell)))
    return excelSerialDay(cell)
  }
  const text = toHalfWidth(cell).trim().replace(TIME_OF_DAY, '')
  return realOrUndefined(normalizeDateInput(text))
}

const realOrUndefined = (day: string) => (isRealDate(day) ? day : undefined)

const DAY_MS = 24 * 60 * 60 * 1000

/** A day number of Excel's 1900 date system (1 = 1900-01-01; 60 is the 29 Feb 1900 that never was). */
export function excelSerialDay(serial: number): string | undefined {
  const whole = Math.floor(serial)
  if (whole < 1 || whole > 2958465 || whole === 60) return undefined
  const days = whole > 60 ? whole - 25569 : whole - 25568
  return new Date(days * DAY_MS).toISOString().slice(0, 10)
}
