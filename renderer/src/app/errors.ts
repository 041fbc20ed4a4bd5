import type { TFunction } from 'i18next'
import { DeskCallError } from '@/ipc/desk'

/** A user-facing sentence for any error: typed main-process errors are translated, others summarised. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof DeskCallError) return t(error.error.message)
  const reason = error instanceof Error ? error.message : String(error)
  return t('error.unexpected', { reason })
}
