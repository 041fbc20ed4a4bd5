import type { TFunction } from 'i18next'
import type { ImportMessage } from '@shared/import'
import type { ImportRefusedError } from '@/db'

/** A roster message (code + params from shared/import) as a sentence in the UI language; a `field`
 *  param names a column field and is shown by its label. */
export function importMessageText(t: TFunction, message: ImportMessage): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(message.params))
    params[name] = Array.isArray(value) ? value.join(t('pattern.listSeparator')) : value
  if (typeof params.field === 'string') params.field = t(`customerImport.field.${params.field}`)
  return t(`customerImport.message.${message.code}`, params)
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
