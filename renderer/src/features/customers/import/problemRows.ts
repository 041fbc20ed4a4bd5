import type { TFunction } from 'i18next'
import { findingFate } from '@shared/import/messages'
import type { PreviewRow } from '@shared/import/validateRows'
import { importMessageText } from './importText'

/** 下载问题行 lists the rows with a problem: skipped, or imported with a value left blank or without
 *  a phone (a finding with a fate). Each with its problems as sentences, one per line. */
export function problemReasons(t: TFunction, rows: readonly PreviewRow[]): [number, string][] {
  const out: [number, string][] = []
  for (const row of rows) {
    const problems = row.findings.filter((f) => findingFate(f) !== undefined)
    if (problems.length) out.push([row.row, problems.map((f) => importMessageText(t, f)).join('\n')])
  }
  return out
}

/** 花名册.csv → 花名册-问题行.xlsx */
export function problemFileName(t: TFunction, fileName: string): string {
  return t('customerImport.report.fileName', { name: fileName.replace(/\.[^.]*$/, '') || fileName })
}
