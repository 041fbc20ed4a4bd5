import type { TFunction } from 'i18next'
// Narrow import: the shared/import index would pull the parsers into the page's chunk.
import {
  findingFate,
  ROW_CODE_SEVERITY,
  type ImportMessage,
  type RowCode,
  type Severity
} from '@shared/import/messages'
import type { ImportRefusedError } from '@/db'

/** A roster message (code + params from shared/import) as a sentence in the UI language; a `field`
 *  param names a column field and is shown by its label. A row's problem is followed by what happens
 *  to the row (its severity as found, or the code's usual one). */
export function importMessageText(t: TFunction, message: ImportMessage & { severity?: Severity }): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(message.params))
    params[name] = Array.isArray(value) ? value.join(t('pattern.listSeparator')) : value
  if (typeof params.field === 'string') params.field = t(`customerImport.field.${params.field}`)
  const problem = t(`customerImport.message.${message.code}`, params)
  if (!(message.code in ROW_CODE_SEVERITY)) return problem
  const code = message.code as RowCode
  const fate = findingFate({
    code,
    params: message.params,
    severity: message.severity ?? ROW_CODE_SEVERITY[code]
  })
  return fate ? t(`customerImport.fate.${fate}`, { problem }) : problem
}

/** Why 确认导入 was refused, naming the phones that reached the archive (each with its holder). */
export function importRefusalText(t: TFunction, error: ImportRefusedError): string {
  const { count, taken } = error.params
  const named = taken
    .map((p) => (p.name ? t('pattern.noted', { text: p.phone, note: p.name }) : p.phone))
    .join(t('pattern.listSeparator'))
  const list = count > taken.length ? t('customerImport.refused.andMore', { list: named }) : named
  return t(error.message, { count, list })
}
