import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { SearchMatch } from '@shared/domain/customerSearch'
import { maskPhone } from '@shared/domain/phone'

/** Why a search result matched: 尾号 5678, 拼音 zs, 会员卡 …; a phone hint is masked for roles that need it. */
export function MatchHint({ match, canUnmask }: { match: SearchMatch; canUnmask: boolean }) {
  const { t } = useTranslation()
  return matchHint(t, match, canUnmask)
}

/** The same without a hook, for long result lists (one useTranslation per row adds up per keystroke). */
export function matchHint(t: TFunction, match: SearchMatch, canUnmask: boolean) {
  const source =
    match.kind === 'phone' || match.kind === 'phonePrefix'
      ? canUnmask
        ? match.source
        : maskPhone(match.source)
      : match.source
  const text =
    match.kind === 'last4'
      ? t('customer.match.last4', { value: match.matched })
      : match.kind === 'initials' || match.kind === 'initialsPrefix' || match.kind === 'pinyinPrefix'
        ? t('customer.match.pinyin', { value: match.matched })
        : match.kind === 'card' || match.kind === 'cardPrefix'
          ? t('customer.match.card', { value: match.source })
          : match.kind === 'phone' || match.kind === 'phonePrefix'
            ? t('customer.match.phone', { value: source })
            : t('customer.match.name')
  return (
    <span className="desk-tag" data-testid="match-hint">
      {text}
    </span>
  )
}
