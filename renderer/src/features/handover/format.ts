import dayjs from 'dayjs'
import type { TFunction } from 'i18next'
import type { NextStep } from '@shared/domain/handoverPrefill'
import { maskPhone } from '@shared/domain/phone'

// Wording shared by the handover screen and the printed sheet, so both say the same thing.

const MIN = 60_000
const H = 60 * MIN
const D = 24 * H

/** '45 分钟', '3 小时 5 分', '2 天 4 小时' */
export function formatAge(ms: number, t: TFunction): string {
  if (ms < H) return t('handover.age.minutes', { m: Math.floor(ms / MIN) })
  if (ms < D) return t('handover.age.hours', { h: Math.floor(ms / H), m: Math.floor((ms % H) / MIN) })
  return t('handover.age.days', { d: Math.floor(ms / D), h: Math.floor((ms % D) / H) })
}

/** '11-23 17:00' */
export function formatWhen(ms: number): string {
  return dayjs(ms).format('MM-DD HH:mm')
}

/** '升级值班长 11-24 09:00', or what the case waits on. */
export function formatNext(next: NextStep, t: TFunction): string {
  const what = t(`handover.next.${next.kind}`)
  return next.at === null ? what : t('handover.nextAt', { what, time: formatWhen(next.at) })
}

/** Phones as the viewer may see them; paper always masked. */
export function shownPhone(phone: string, unmasked: boolean): string {
  if (!phone) return ''
  return unmasked ? phone : maskPhone(phone)
}

/** '08:00–17:00' from a note's own instants (the shift settings may have changed since); midnight ends read 24:00. */
export function slotHours(start: number, end: number): string {
  const e = dayjs(end)
  const endText = e.hour() === 0 && e.minute() === 0 ? '24:00' : e.format('HH:mm')
  return `${dayjs(start).format('HH:mm')}–${endText}`
}
