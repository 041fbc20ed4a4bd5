import type { TFunction } from 'i18next'
import { CATEGORIES, CHANNELS, EMOTIONS, URGENCIES } from '@shared/domain/complaint'

/** Radio options with their glossary labels. */
export function complaintOptions(t: TFunction) {
  const opts = <T extends string>(values: readonly T[], group: string) =>
    values.map((value) => ({ value, label: t(`complaint.${group}.${value}`) }))
  return {
    channel: opts(CHANNELS, 'channelOption'),
    category: opts(CATEGORIES, 'categoryOption'),
    emotion: opts(EMOTIONS, 'emotionOption'),
    urgency: opts(URGENCIES, 'urgencyOption')
  }
}
