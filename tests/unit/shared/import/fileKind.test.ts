import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { checkFileSize, MAX_IMPORT_BYTES, refusalFor, sniffFileKind } from '@shared/import/fileKind'

const bytes = (...values: number[]) => new Uint8Array(values)
const text = (s: string) => new TextEncoder().encode(s)

describe('sniffFileKind', () => {
  it.each([
    ['xlsx (zip)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), 'xlsx'],
    ['.xls (OLE)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), 'xls'],
    ['PDF', text('%PDF-1.7\n'), 'pdf'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image'],
    ['GIF', text('GIF89a'), 'image'],
    ['WebP', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50), 'image'],
    ['gzip', bytes(0x1f, 0x8b, 8, 0), 'archive'],
    ['other binary (NUL bytes)', bytes(0x41, 0x42, 0x00, 0x43), 'binary'],
    ['control characters', bytes(...Array(50).fill(0x01), ...text('姓名,电话')), 'binary'],
    ['UTF-8 CSV', text('姓名,电话\n张三,13800138000\n'), 'csv'],
    ['GBK CSV', new Uint8Array(iconv.encode('姓名,电话\r\n张三,13800138000\r\n', 'gbk')), 'csv'],
    [
      'UTF-16LE text (has NUL bytes)',
      new Uint8Array(iconv.encode('姓名\t电话', 'utf-16le', { addBOM: true })),
      'csv'
    ],
    ['HTML saved as .xls', text('<html xmlns:o="urn:schemas-microsoft-com:office:office"><table>'), 'markup'],
    ['Excel 2003 XML', text('\uFEFF<?xml version="1.0"?>\n<Workbook>'), 'markup'],
    ['nothing', bytes(), 'empty']
  ])('%s', (_name, input, kind) => {
    expect(sniffFileKind(input)).toBe(kind)
  })
})

describe('checkFileSize', () => {
  it('refuses an empty file', () => {
    expect(checkFileSize(0)).toEqual({ code: 'emptyFile', params: {} })
  })
  it('accepts up to the limit', () => {
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024)
    expect(checkFileSize(1)).toBeUndefined()
    expect(checkFileSize(MAX_IMPORT_BYTES)).toBeUndefined()
  })
  it('refuses a larger file, saying how large it is', () => {
    expect(checkFileSize(MAX_IMPORT_BYTES + 1)).toEqual({
      code: 'fileTooLarge',
      params: { sizeMb: 50, maxMb: 50 }
    })
    expect(checkFileSize(200 * 1024 * 1024)).toEqual({
      code: 'fileTooLarge',
      params: { sizeMb: 200, maxMb: 50 }
    })
  })
})

describe('refusalFor', () => {
  it('reads xlsx and csv', () => {
    expect(refusalFor('xlsx', 'a.xlsx')).toBeUndefined()
    expect(refusalFor('csv', 'a.csv')).toBeUndefined()
  })
  it('asks for .xls to be saved as .xlsx', () => {
    expect(refusalFor('xls', '花名册.xls')).toEqual({ code: 'legacyXls', params: { fileName: '花名册.xls' } })
    expect(refusalFor('markup', '导出.xls')).toEqual({ code: 'legacyXls', params: { fileName: '导出.xls' } })
  })
  it('calls anything else not a spreadsheet', () => {
    expect(refusalFor('pdf', 'scan.xlsx')).toEqual({
      code: 'notASpreadsheet',
      params: { fileName: 'scan.xlsx', detected: 'pdf' }
    })
    expect(refusalFor('image', 'a.png')).toEqual({
      code: 'notASpreadsheet',
      params: { fileName: 'a.png', detected: 'image' }
    })
    expect(refusalFor('markup', 'page.html')).toEqual({
      code: 'notASpreadsheet',
      params: { fileName: 'page.html', detected: 'markup' }
    })
  })
})
