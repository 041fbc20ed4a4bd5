import type { TFunction } from 'i18next'
import dayjs from 'dayjs'
import { loadExcelJs } from '@shared/import/readTable'
import type { AuditRow } from '@/db'
import { auditDetail } from './auditText'

/** 操作日志 as a workbook: one row per entry, headers in the UI's language, plus the chain fields
 *  (电脑, number, hash) so a printed copy can still be checked. */
export async function auditXlsx(t: TFunction, rows: readonly AuditRow[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs()
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet(t('audit.sheet'))
  sheet.addRow([
    t('audit.at'),
    t('audit.staffNo'),
    t('audit.device'),
    t('audit.what'),
    t('audit.detail'),
    '#',
    'SHA-256'
  ]).font = { bold: true }
  for (const r of rows)
    sheet.addRow([
      dayjs(r.at).format('YYYY-MM-DD HH:mm:ss'),
      r.staffNo,
      r.deviceName,
      t(`audit.kinds.${r.kind}`),
      auditDetail(t, r),
      r.seq,
      r.hash
    ])
  sheet.columns.forEach((c, i) => (c.width = [20, 10, 14, 16, 40, 8, 66][i] ?? 14))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
