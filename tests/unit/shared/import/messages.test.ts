import { describe, expect, it } from 'vitest'
import {
  formatImportMessage,
  IMPORT_ERROR_CODES,
  IMPORT_FIELD_LABELS_EN,
  IMPORT_FIELD_LABELS_ZH,
  IMPORT_FIELDS,
  IMPORT_MESSAGES_EN,
  IMPORT_MESSAGES_ZH,
  IMPORT_NOTICE_CODES,
  ROW_CODE_SEVERITY
} from '@shared/import/messages'

const ALL_CODES = [...IMPORT_ERROR_CODES, ...IMPORT_NOTICE_CODES, ...Object.keys(ROW_CODE_SEVERITY)].sort()
const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('message tables', () => {
  it('use the same placeholders in both languages', () => {
    for (const code of ALL_CODES as (keyof typeof IMPORT_MESSAGES_ZH)[]) {
      expect(placeholders(IMPORT_MESSAGES_EN[code]), code).toEqual(placeholders(IMPORT_MESSAGES_ZH[code]))
    }
  })

  it('say which row, for every row code', () => {
    for (const code of Object.keys(ROW_CODE_SEVERITY) as (keyof typeof ROW_CODE_SEVERITY)[]) {
      expect(IMPORT_MESSAGES_ZH[code], code).toMatch(/^第 \{\{row\}\} 行：/)
      expect(IMPORT_MESSAGES_EN[code], code).toMatch(/^Row \{\{row\}\}: /)
    }
  })

  it('give every field its own label in each language (the column mapping lists them side by side)', () => {
    for (const labels of [IMPORT_FIELD_LABELS_ZH, IMPORT_FIELD_LABELS_EN]) {
      const texts = IMPORT_FIELDS.map((f) => labels[f].trim())
      expect(texts.filter((t) => t === '')).toEqual([])
      expect(new Set(texts).size).toBe(IMPORT_FIELDS.length)
    }
  })
})

describe('formatImportMessage', () => {
  it('reads clearly for store staff', () => {
    expect(formatImportMessage({ code: 'invalidPhone', params: { row: 12, value: '1381234' } })).toBe(
      '第 12 行：电话“1381234”不是有效的手机号或座机号，本行不导入。'
    )
    expect(
      formatImportMessage({ code: 'duplicateInFile', params: { row: 9, phone: '13800138000', firstRow: 3 } })
    ).toBe('第 9 行：电话 13800138000 与第 3 行重复，本行不导入。')
  })

  it('puts the field label in place of the field key', () => {
    const message = {
      code: 'fieldTooLong' as const,
      params: { row: 5, field: 'notes', length: 10000, max: 2000 }
    }
    expect(formatImportMessage(message)).toBe(
      '第 5 行：备注有 10000 个字，最多只能有 2000 个字，本行不导入。'
    )
    expect(formatImportMessage(message, 'en')).toBe(
      'Row 5: Notes has 10000 characters; at most 2000 are allowed. The row will not be imported.'
    )
  })

  it('lists the headers found when no column is recognised', () => {
    expect(formatImportMessage({ code: 'noColumns', params: { headers: '序号、商品名称' } })).toBe(
      '没有找到可识别的列。文件里的表头是：序号、商品名称。表头需要有“姓名”“电话”等列名。'
    )
  })
})
