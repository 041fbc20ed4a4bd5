import { useState } from 'react'
import { AutoComplete, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { maskPhone } from '@shared/domain/phone'
import { type StoredCustomer } from '@/db'
import { useData } from '@/app/session'
import { KeyAccountMark } from './KeyAccountMark'
import { MatchHint } from './MatchHint'
import { useCanUnmask } from './usePrivacy'

const LIMIT = 10

/** 查找客户 in any form: the same search as Ctrl+K (name, pinyin initials, phone, last 4, card);
 *  picking one hands the archive to the form. `exclude`: an archive not to offer (the merge dialog's
 *  other side). */
export function CustomerPicker({
  onPick,
  autoFocus,
  exclude,
  testIds = { input: 'customer-picker', option: 'picker-option' },
  id,
  ariaLabel
}: {
  onPick: (c: StoredCustomer) => void
  autoFocus?: boolean
  exclude?: string
  testIds?: { input: string; option: string }
  /** the input's id, for a <label htmlFor> */
  id?: string
  /** the accessible name, where a screen has more than one picker (default 客户 search) */
  ariaLabel?: string
}) {
  const { t } = useTranslation()
  const data = useData()
  const canUnmask = useCanUnmask()
  const [query, setQuery] = useState('')
  const hits =
    useLiveQuery(
      async () =>
        query.trim()
          ? (await data.read.searchCustomers(query, exclude ? LIMIT + 1 : LIMIT))
              .filter((h) => h.customer.id !== exclude)
              .slice(0, LIMIT)
          : [],
      [data, query, exclude]
    ) ?? []
  return (
    <AutoComplete
      value={query}
      style={{ width: '100%' }}
      onChange={setQuery}
      onSelect={(id: string) => {
        const hit = hits.find((h) => h.customer.id === id)
        if (hit) onPick(hit.customer)
        setQuery('')
      }}
      options={hits.map((h) => ({
        value: h.customer.id,
        label: (
          <span data-testid={testIds.option}>
            {h.customer.name} <KeyAccountMark tier={h.customer.tier} />{' '}
            {canUnmask ? h.customer.phone : maskPhone(h.customer.phone)}{' '}
            <MatchHint match={h.match} canUnmask={canUnmask} />
          </span>
        )
      }))}
    >
      <Input
        placeholder={t('customer.pickerPlaceholder')}
        id={id}
        aria-label={ariaLabel ?? t('customer.picker')}
        data-testid={testIds.input}
        autoFocus={autoFocus}
      />
    </AutoComplete>
  )
}
