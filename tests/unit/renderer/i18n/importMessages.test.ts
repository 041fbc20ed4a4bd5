import { describe, expect, it } from 'vitest'
import {
  IMPORT_ERROR_CODES,
  IMPORT_FIELDS,
  IMPORT_NOTICE_CODES,
  ROW_CODE_SEVERITY,
  type ImportMessage
} from '@shared/import/messages'
import {
  importFieldsEn,
  importFieldsZh,
  importMessagesEn,
  importMessagesZh
} from '@/i18n/sections/importMessages'
import { customerImportZh } from '@/i18n/sections/customerImport'
import { i18n } from '@/i18n'
import { importMessageText, importRefusalText } from '@/features/customers/import/importText'
import { ImportRefusedError } from '@/db/customerImport'

// The roster import reports codes + params (shared/import); the catalogue words them in both languages.

const ALL_CODES = [...IMPORT_ERROR_CODES, ...IMPORT_NOTICE_CODES, ...Object.keys(ROW_CODE_SEVERITY)].sort()
const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
const zh = i18n.getFixedT('zh-CN')
const en = i18n.getFixedT('en')
const inZh = (message: ImportMessage) => importMessageText(zh, message)

describe('message tables', () => {
  it('use the same placeholders in both languages', () => {
    for (const code of ALL_CODES as (keyof typeof importMessagesZh)[]) {
      expect(placeholders(importMessagesEn[code]), code).toEqual(placeholders(importMessagesZh[code]))
    }
  })

  it('say which row, for every row code', () => {
    for (const code of Object.keys(ROW_CODE_SEVERITY) as (keyof typeof ROW_CODE_SEVERITY)[]) {
      expect(importMessagesZh[code], code).toMatch(/^第 \{\{row\}\} 行：/)
      expect(importMessagesEn[code], code).toMatch(/^Row \{\{row\}\}: /)
    }
  })

  it('give every field its own label in each language (the column mapping lists them side by side)', () => {
    for (const labels of [importFieldsZh, importFieldsEn]) {
      const texts = IMPORT_FIELDS.map((f) => labels[f].trim())
      expect(texts.filter((t) => t === '')).toEqual([])
      expect(new Set(texts).size).toBe(IMPORT_FIELDS.length)
    }
  })

  it('say nothing in Chinese in English', () => {
    for (const text of [...Object.values(importMessagesEn), ...Object.values(importFieldsEn)])
      expect(text).not.toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('importMessageText', () => {
  it('reads clearly for store staff', () => {
    expect(inZh({ code: 'invalidPhone', params: { row: 12, value: '1381234' } })).toBe(
      '第 12 行：联系电话“1381234”不是有效的手机号或座机号，本行不导入。'
    )
    expect(inZh({ code: 'duplicateInFile', params: { row: 9, phone: '13800138000', firstRow: 3 } })).toBe(
      '第 9 行：联系电话 13800138000 与第 3 行重复，本行不导入。'
    )
  })

  it('says what happens to the row after its problem: skipped, a field left blank, or no phone (issue 13.1)', () => {
    const badDate = { code: 'badDate' as const, params: { row: 4, field: 'birthday', value: '1990-13-45' } }
    expect(inZh({ ...badDate, severity: 'warning' } as ImportMessage)).toBe(
      '第 4 行：生日“1990-13-45”不是有效的日期（应写成 1990-01-31 这样），该项留空，本行其余信息照常导入。'
    )
    expect(importMessageText(en, { ...badDate, severity: 'warning' } as ImportMessage)).toBe(
      'Row 4: Birthday "1990-13-45" is not a valid date (write it like 1990-01-31). That field is left blank; the rest of the row is imported.'
    )
    const missing = { code: 'missingPhone' as const, params: { row: 6 } }
    expect(inZh({ ...missing, severity: 'error' } as ImportMessage)).toBe(
      '第 6 行：没有填写联系电话，本行不导入。'
    )
    expect(inZh({ ...missing, severity: 'warning' } as ImportMessage)).toBe(
      '第 6 行：没有填写联系电话，本行导入为没有联系电话的客户。'
    )
  })

  it('names the phone column 联系电话 in every message, as the column mapping does (issue 13.2)', () => {
    const texts = [...Object.values(importMessagesZh), ...Object.values(customerImportZh.options)]
    for (const text of texts) expect(text.replace(/联系电话/g, '')).not.toMatch(/电话/)
    expect(importFieldsZh.phone).toBe('联系电话')
  })

  it('puts the field label in place of the field key', () => {
    const message = {
      code: 'fieldTooLong' as const,
      params: { row: 5, field: 'notes', length: 10000, max: 2000 }
    }
    expect(inZh(message)).toBe(
      '第 5 行：备注有 10000 个字，最多只能有 2000 个字，该项留空，本行其余信息照常导入。'
    )
    expect(importMessageText(en, message)).toBe(
      'Row 5: Notes has 10000 characters; at most 2000 are allowed. That field is left blank; the rest of the row is imported.'
    )
  })

  it('lists the headers found when no column is recognised', () => {
    expect(inZh({ code: 'noColumns', params: { headers: ['序号', '商品名称'] } })).toBe(
      '没有找到可识别的列。文件里的表头是：序号、商品名称。表头需要有“姓名”“联系电话”等列名。'
    )
  })
})

describe('importRefusalText', () => {
  const taken = (count: number, names: number) =>
    new ImportRefusedError('phonesTaken', {
      count,
      taken: [{ phone: '13900139000', name: '张叁' }, { phone: '13700137000' }].slice(0, names)
    })

  it('names each phone with its holder, in the language’s own punctuation', () => {
    expect(importRefusalText(zh, taken(2, 2))).toContain('：13900139000（张叁）、13700137000。')
    expect(importRefusalText(en, taken(2, 2))).toContain(': 13900139000 (张叁), 13700137000. ')
  })

  it('says there are more when it names only some', () => {
    expect(importRefusalText(zh, taken(7, 2))).toContain('13700137000 等。')
    expect(importRefusalText(en, taken(7, 2))).toContain('13700137000 and more. ')
  })
})
