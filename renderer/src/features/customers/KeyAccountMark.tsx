import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { Tier } from '@shared/domain/customer'

/** 大客户 are marked wherever a customer appears (lists, pages, search, pickers). */
export function KeyAccountMark({ tier }: { tier: Tier | undefined }) {
  const { t } = useTranslation()
  return keyAccountMark(t, tier)
}

/** The same without a hook, for long lists. */
export function keyAccountMark(t: TFunction, tier: Tier | undefined) {
  if (tier !== 'key') return null
  return (
    <span className="desk-tag desk-tag-gold" data-testid="key-account">
      {t('customer.tierOption.key')}
    </span>
  )
}
