import type { TFunction } from 'i18next'
import type { ImportMessage } from '@shared/import'

/** A roster message (code + params from shared/import) as a sentence in the UI language; a `field`
 *  param names a column field and is shown by its label. */
export function importMessageText(t: TFunction, message: ImportMessage): string {
  const params: Record<string, string | number> = { ...message.params }
  if (typeof params.field === 'string') params.field = t(`customerImport.field.${params.field}`)
  return t(`customerImport.message.${message.code}`, params)
}
