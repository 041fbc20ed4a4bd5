import { useState } from 'react'
import { AutoComplete, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { maskPhone } from '@shared/domain/phone'
import { useData } from '@/app/session'
import { KeyAccountMark } from '../KeyAccountMark'
import { MatchHint } from '../MatchHint'

/** Finds the archive to merge with: the archive search (name, pinyin initials, phone, 尾号, card),
 *  without the archive already chosen. */
export function ArchivePicker({
  exclude,
  onPick,
  canUnmask
}: {
  exclude?: string
  onPick: (id: string) => void
  canUnmask: boolean
}) {
  const { t } = useTranslation()
  const data = useData()
  const [query, setQuery] = useState('')
  const hits =
    useLiveQuery(
      async () =>
        query.trim()
          ? (await data.read.searchCustomers(query, 11)).filter((h) => h.customer.id !== exclude).slice(0, 10)
          : [],
      [data, query, exclude]
    ) ?? []
  return (
    <AutoComplete
      value={query}
      style={{ width: '100%' }}
      onChange={setQuery}
      onSelect={(id: string) => {
        onPick(id)
        setQuery('')
      }}
      options={hits.map((h) => ({
        value: h.customer.id,
        label: (
          <span data-testid="merge-picker-option">
            {h.customer.name} <KeyAccountMark tier={h.customer.tier} />{' '}
            {canUnmask ? h.customer.phone : maskPhone(h.customer.phone)}{' '}
            <MatchHint match={h.match} canUnmask={canUnmask} />
          </span>
        )
      }))}
    >
      <Input
        autoFocus
        placeholder={t('customer.pickerPlaceholder')}
        aria-label={t('customer.picker')}
        data-testid="merge-picker"
      />
    </AutoComplete>
  )
}
