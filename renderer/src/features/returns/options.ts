import type { TFunction } from 'i18next'
import { RETURN_STATUSES, RETURN_TYPES, type ReturnStatus } from '@shared/domain/returns'

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
