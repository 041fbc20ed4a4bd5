// Finding the header row of a roster and guessing which column is which customer field.
// Rosters kept by hand start with blank rows or a title ("XX店客户花名册", often merged across
// the table), and some have a two-row header ("联系方式" over "手机" and "座机"). The guess is
// returned to the UI, which lets the user correct it; validateRows() takes the corrected mapping.

import { toHalfWidth } from '@shared/text'
import type { ImportField } from './messages'
import { cellText, type Cell } from './readTable'

/** For each column (index 0 = column A) the field it holds, or null for a column that is not imported. */
export type ColumnMapping = (ImportField | null)[]

const SYNONYMS: Record<ImportField, string[]> = {
  name: ['姓名', '客户姓名', '名字', '客户名称', '客户名', '顾客姓名', '会员姓名', 'name'],
  phone: [
    '电话',
    '手机',
    '手机号',
    '联系电话',
    '联系方式',
    '手机号码',
    '电话号码',
    '移动电话',
    '联系手机',
    '其他电话',
    '备用电话',
    '座机',
    '固定电话',
    '固话',
    'phone',
    'mobile',
    'tel'
  ],
  memberNo: ['会员卡号', '卡号', '会员号', '会员编号', '会员卡', 'memberno'],
  birthday: ['生日', '出生日期', '出生年月日', 'birthday'],
  address: ['地址', '住址', '联系地址', '家庭住址', '家庭地址', '详细地址', 'address'],
  tier: ['等级', '客户等级', '会员等级', '客户类型', '客户类别', 'tier'],
  gender: ['性别', 'gender'],
  credit: ['信用等级', '信用', '信用评级', 'credit'],
  tags: ['标签', '客户标签', 'tags'],
  needs: ['特殊需求', '备注需求', '特别需求', '需求', 'needs'],
  source: ['来源', '客户来源', 'source'],
  notes: ['备注', '说明', '备注信息', 'notes']
}

const FIELD_BY_HEADER = new Map<string, ImportField>()
for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  for (const name of names) FIELD_BY_HEADER.set(name, field)
}

/** Fields that may come from several columns: every phone column adds phones (the first is the
 *  primary one), tags are merged, and text is joined. Any other field is guessed for its first column only. */
export const MULTI_COLUMN_FIELDS: ReadonlySet<ImportField> = new Set([
  'phone',
  'tags',
  'address',
  'needs',
  'notes'
])

/** The header as compared with the synonyms: half-width, lower case, no spaces, without a trailing
 *  "*" or "：", "(必填)" notes, or a number ("电话2"). */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/^[*※]+|[*※:：]+$/g, '')
    .replace(/(?<=\D)\d{1,2}$/, '')
}

export function fieldForHeader(header: string): ImportField | null {
  return FIELD_BY_HEADER.get(normalizeHeader(header)) ?? null
}

/** One field per column; a single-column field goes to the first column that names it. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>()
  return headers.map((header) => {
    const field = fieldForHeader(header)
    if (!field) return null
    if (!MULTI_COLUMN_FIELDS.has(field)) {
      if (taken.has(field)) return null
      taken.add(field)
    }
    return field
  })
}

/** The header row is looked for among the first rows only. */
export const HEADER_SEARCH_ROWS = 30

export interface HeaderGuess {
  /** 1-based row number of the (last) header row; data starts on the next row */
  headerRow: number
  /** the column titles, one per column (for a two-row header, the more specific of the two) */
  headers: string[]
  mapping: ColumnMapping
}

const distinctFields = (cells: readonly Cell[]) => {
  const fields = new Set<ImportField>()
  for (const cell of cells) {
    const f = fieldForHeader(cellText(cell))
    if (f) fields.add(f)
  }
  return fields.size
}

const isBlankRow = (cells: readonly Cell[] | undefined) =>
  !cells || cells.every((c) => cellText(c).trim() === '')

/**
 * The row naming the most fields among the first HEADER_SEARCH_ROWS rows (the first such row on a
 * tie). If the next row is a sub-header — every non-empty cell is a known header, or repeats the
 * cell above because the two are merged vertically — the header is the two rows together.
 * Undefined when no row names any field.
 */
export function findHeader(rows: readonly Cell[][]): HeaderGuess | undefined {
  let best = -1
  let bestScore = 0
  const end = Math.min(rows.length, HEADER_SEARCH_ROWS)
  for (let i = 0; i < end; i++) {
    const score = distinctFields(rows[i] ?? [])
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  }
  if (best < 0) return undefined
  const top = (rows[best] ?? []).map((c) => cellText(c).trim())
  const next = rows[best + 1]
  if (
    next &&
    !isBlankRow(next) &&
    isSubHeader(
      top,
      next.map((c) => cellText(c).trim())
    )
  ) {
    const sub = next.map((c) => cellText(c).trim())
    const width = Math.max(top.length, sub.length)
    const headers: string[] = []
    for (let c = 0; c < width; c++) {
      const upper = top[c] ?? ''
      const lower = sub[c] ?? ''
      headers.push(lower && (fieldForHeader(lower) || !fieldForHeader(upper)) ? lower : upper)
    }
    return { headerRow: best + 2, headers, mapping: guessMapping(headers) }
  }
  return { headerRow: best + 1, headers: top, mapping: guessMapping(top) }
}

function isSubHeader(top: readonly string[], sub: readonly string[]): boolean {
  let named = 0
  for (let c = 0; c < sub.length; c++) {
    const text = sub[c] as string
    if (!text) continue
    if (fieldForHeader(text)) named++
    else if (text !== top[c]) return false
  }
  return named > 0
}

/** What looks most like the header when none was recognised, for the "no recognisable columns"
 *  message: the distinct texts of the row with the most of them among the first rows (a title
 *  merged across the table counts once). */
export function likelyHeaderTexts(rows: readonly Cell[][], limit = 20): string[] {
  let best: string[] = []
  const end = Math.min(rows.length, HEADER_SEARCH_ROWS)
  for (let i = 0; i < end; i++) {
    const texts: string[] = []
    for (const cell of rows[i] ?? []) {
      const t = cellText(cell).trim()
      if (t && !texts.includes(t)) texts.push(t)
    }
    if (texts.length > best.length) best = texts
  }
  return best.slice(0, limit)
}
