import type { TFunction } from 'i18next'
import { RETURN_STATUSES, RETURN_TYPES, type ReturnStatus } from '@shared/domain/returns'
import { ReturnRefusedError } from '@/db'
import { describeError } from '@/app/errors'

/** Radio options with their glossary labels (退货 / 换货 / 补寄发票 / 其他 …). */
export function returnOptions(t: TFunction) {
  return {
    type: RETURN_TYPES.map((value) => ({ value, label: t(`returns.typeOption.${value}`) })),
    status: RETURN_STATUSES.map((value) => ({ value, label: t(`returns.statusOption.${value}`) }))
  }
}

export const STATUS_COLOR: Record<ReturnStatus, string> = {
  pending: 'orange',
  processing: 'blue',
  done: 'green',
  cancelled: 'default'
}

/** The data layer's refusals carry their own i18n key; anything else is summarised. */
export function returnErrorText(error: unknown, t: TFunction): string {
  return error instanceof ReturnRefusedError ? t(error.message) : describeError(error, t)
}
