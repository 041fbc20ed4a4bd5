// 导出Excel: the customer archive as an .xlsx with zh-CN headers. Phones are masked (138****5678)
// unless the exporting role may see them (docs/design.md §3.2; the caller checks the permission and audits).
// The headers are ones the import recognises, so an unmasked export can be imported again.

import { GENDER_LABELS_ZH, TIER_LABELS_ZH, type Customer } from '@shared/domain/customer'
import { maskPhone } from '@shared/domain/phone'
import { loadExcelJs } from './readTable'

export interface ExportOptions {
  /** mask every phone with maskPhone */
  masked: boolean
  /** who exported: written to the workbook's author and the printed footer */
  staffName?: string
  /** 工号 → name, for the 负责客服 column (an unknown 工号 is written as it is) */
  clerks?: ReadonlyMap<string, string>
}

export const EXPORT_HEADERS = [
  '姓名',
  '联系电话',
  '其他电话',
  '性别',
  '生日',
  '地址',
  '会员卡号',
  '客户等级',
  '信用等级',
  '标签',
  '特殊需求',
  '来源',
  '负责客服',
  '备注'
] as const

const WIDTHS = [12, 16, 24, 6, 12, 36, 16, 10, 10, 24, 36, 12, 12, 40]
const TIER_LABELS = TIER_LABELS_ZH
const GENDER_LABELS = GENDER_LABELS_ZH
/** Several phones or tags in one cell; the import splits on it. */
const LIST_SEPARATOR = '、'

/** Merged-away archives (tombstones) are left out. Every cell is text, so Excel shows phones and
 *  card numbers as they are (no 1.38E+10, no lost leading 0). */
export async function customersToXlsx(
  rows: readonly Customer[],
  options: ExportOptions
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const workbook = new ExcelJS.Workbook()
  if (options.staffName) {
    workbook.creator = options.staffName
    workbook.lastModifiedBy = options.staffName
  }
  const sheet = workbook.addWorksheet('客户档案', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = EXPORT_HEADERS.map((header, i) => ({ header, width: WIDTHS[i], style: { numFmt: '@' } }))
  sheet.getRow(1).font = { bold: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_HEADERS.length } }
  if (options.staffName) {
    sheet.headerFooter.oddFooter = `&L导出人：${options.staffName.replace(/&/g, '&&')}&R第 &P 页，共 &N 页`
  }

  const phone = (p: string) => (options.masked ? maskPhone(p) : p)
  for (const c of rows) {
    if (c.mergedInto) continue
    const phones = c.phones?.length ? c.phones : [c.phone]
    sheet.addRow([
      c.name,
      phone(phones[0] ?? c.phone),
      phones.slice(1).map(phone).join(LIST_SEPARATOR),
      c.gender ? GENDER_LABELS[c.gender] : '',
      c.birthday ?? '',
      c.address ?? '',
      c.memberNo ?? '',
      TIER_LABELS[c.tier ?? 'regular'],
      c.credit ?? '',
      (c.tags ?? []).join(LIST_SEPARATOR),
      c.needs ?? '',
      c.source ?? '',
      c.assignedClerk ? (options.clerks?.get(c.assignedClerk) ?? c.assignedClerk) : '',
      c.notes ?? ''
    ])
  }

  const out = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer
  return out instanceof Uint8Array
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out)
}

/** 客户档案-20261123.xlsx; `date` is a YYYY-MM-DD day or a Date (its local day). */
export function exportFileName(date: Date | string): string {
  const day =
    typeof date === 'string'
      ? date.slice(0, 10)
      : `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  return `客户档案-${day.replace(/-/g, '')}.xlsx`
}
