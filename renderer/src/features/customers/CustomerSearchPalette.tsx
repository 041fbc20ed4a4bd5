import { useEffect, useState } from 'react'
import { Input, List, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { maskPhone } from '@shared/domain/phone'
import { useData } from '@/app/session'
import { KeyAccountMark } from './KeyAccountMark'
import { MatchHint } from './MatchHint'
import { useCanUnmask } from './usePrivacy'

/** Ctrl+K: search customers from anywhere; ↑/↓ choose, Enter opens the customer, Esc closes. */
export function CustomerSearchPalette() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const canUnmask = useCanUnmask()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const hits =
    useLiveQuery(
      () => (open && query.trim() ? data.read.searchCustomers(query, 12) : []),
      [data, query, open]
    ) ?? []

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        setOpen(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const close = () => {
    setOpen(false)
    setQuery('')
    setActive(0)
  }
  const go = (id: string | undefined) => {
    if (!id) return
    close()
    navigate(`/customers/${id}`)
  }

  return (
    <Modal
      open={open}
      onCancel={close}
      footer={null}
      closable={false}
      title={t('customer.paletteTitle')}
      destroyOnHidden
      width={620}
    >
      <Input
        autoFocus
        value={query}
        placeholder={t('customer.searchPlaceholder')}
        aria-label={t('customer.searchPlaceholder')}
        data-testid="palette-input"
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1))
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0))
          else if (e.key === 'Enter') go(hits[active]?.customer.id)
          else return
          e.preventDefault()
        }}
      />
      <List
        style={{ marginTop: 8 }}
        size="small"
        data-testid="palette-results"
        dataSource={hits}
        locale={{ emptyText: query.trim() ? t('customer.noMatch') : t('customer.paletteHint') }}
        renderItem={(h, i) => (
          <List.Item
            style={{ cursor: 'pointer', background: i === active ? '#e6f4ff' : undefined, paddingInline: 8 }}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(h.customer.id)}
          >
            <span>
              {h.customer.name} <KeyAccountMark tier={h.customer.tier} />
            </span>
            <Typography.Text type="secondary">
              {canUnmask ? h.customer.phone : maskPhone(h.customer.phone)}
            </Typography.Text>
            <MatchHint match={h.match} canUnmask={canUnmask} />
          </List.Item>
        )}
      />
    </Modal>
  )
}
