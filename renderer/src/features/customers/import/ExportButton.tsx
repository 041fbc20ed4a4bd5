import type { CustomerFilter } from '../../../db'

/** 导出Excel for the filtered list (placeholder until export lands). */
export function ExportButton(_props: { filter: CustomerFilter }) {
  return null
}
