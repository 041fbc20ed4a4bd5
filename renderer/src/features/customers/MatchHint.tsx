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
  // Small secondary text beside the name, not a tag: it says why the row was found, it is not one of
  // the customer's 标签 (issue 13.6).
  return (
    <span className="desk-match-hint" data-testid="match-hint">
      {text}
    </span>
  )
}
