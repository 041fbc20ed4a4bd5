import { memo, useRef, useState } from 'react'
import { Button, Input, Select, Space, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { useVirtualizer } from '@tanstack/react-virtual'
import { TIERS, type Tier } from '../../../../shared/domain/customer'
import { maskPhone } from '../../../../shared/domain/phone'
import { countCustomers, listCustomers, listStaff, searchCustomers, type CustomerFilter, type StoredCustomer } from '../../db'
import { useData, useSession } from '../../app/session'
import { KeyAccountMark } from './KeyAccountMark'
import { MatchHint } from './MatchHint'
import { useCanUnmask } from './usePrivacy'
import { ExportButton } from './import/ExportButton'
import { AssignDialog } from './assignment/AssignDialog'

const ROW_HEIGHT = 40
const PAGE = 50

/** 客户档案: the whole archive in name order (virtualised), or search results as you type. Phones
 *  are masked for roles without the unmask permission. */
export function CustomerListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const role = useSession((s) => s.staff?.role)
  const canUnmask = useCanUnmask()
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState<CustomerFilter>({})
  const [assigning, setAssigning] = useState(false)
  const staff = useLiveQuery(() => listStaff(data), [data]) ?? []
  const names = new Map(staff.map((s) => [s.staffNo, s.name]))
  const found = useLiveQuery(async () => (query.trim() ? { query, hits: await searchCustomers(data, query, 50) } : undefined), [data, query])
  const hits = query.trim() ? found?.hits : undefined

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
          {t('action.newCustomer')}
        </Button>
        <Input
          allowClear
          autoFocus
          style={{ width: 420 }}
          placeholder={t('customer.searchPlaceholder')}
          aria-label={t('customer.searchPlaceholder')}
          data-testid="customer-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Select allowClear virtual={false} style={{ width: 120 }} placeholder={t('customer.tier')} value={filter.tier} data-testid="tier-filter"
          onChange={(tier: Tier | undefined) => setFilter((f) => ({ ...f, tier }))} options={TIERS.map((v) => ({ value: v, label: t(`customer.tierOption.${v}`) }))} />
        <Select allowClear style={{ width: 150 }} placeholder={t('customer.assignedClerk')} value={filter.clerk} data-testid="clerk-filter"
          onChange={(clerk: string | undefined) => setFilter((f) => ({ ...f, clerk }))}
          options={[{ value: '', label: t('customer.unassigned') }, ...staff.map((s) => ({ value: s.staffNo, label: `${s.staffNo} ${s.name}` }))]} />
        <Button onClick={() => navigate('/customers/import')}>{t('action.importCustomers')}</Button>
        <ExportButton filter={filter} />
        <Button onClick={() => navigate('/customers/duplicates')}>{t('customer.duplicates')}</Button>
        {role === 'manager' && <Button onClick={() => setAssigning(true)}>{t('customer.assign')}</Button>}
      </Space>
      <div className="desk-list-row desk-customer-row desk-list-head" style={{ height: ROW_HEIGHT }}>
        <span>{t('customer.name')}</span>
        <span>{t('customer.phone')}</span>
        <span>{t('customer.tier')}</span>
        <span>{t('customer.memberNo')}</span>
        <span>{t('customer.assignedClerk')}</span>
        <span>{t('customer.tags')}</span>
      </div>
      {hits !== undefined ? (
        <SearchResults hits={hits} shownFor={found?.query ?? ''} canUnmask={canUnmask} names={names} onOpen={(id) => navigate(`/customers/${id}`)} />
      ) : (
        <PagedList filter={filter} canUnmask={canUnmask} names={names} onOpen={(id) => navigate(`/customers/${id}`)} />
      )}
      <AssignDialog open={assigning} onClose={() => setAssigning(false)} />
    </div>
  )
}

type RowProps = { canUnmask: boolean; names: Map<string, string>; onOpen: (id: string) => void }

function SearchResults({ hits, shownFor, ...row }: RowProps & { hits: Awaited<ReturnType<typeof searchCustomers>>; shownFor: string }) {
  const { t } = useTranslation()
  return (
    // data-query: which query these results answer (results arrive after the keystroke)
    <div style={{ flex: 1, overflow: 'auto', background: '#fff' }} data-testid="customer-list" data-query={shownFor}>
      {hits.length === 0 && <Typography.Paragraph type="secondary" style={{ padding: 16 }}>{t('customer.noMatch')}</Typography.Paragraph>}
      {hits.map((h) => (
        <div key={h.customer.id} role="row" className="desk-list-row desk-customer-row" style={{ height: ROW_HEIGHT }} onClick={() => row.onOpen(h.customer.id)}>
          <CustomerCells c={h.customer} {...row} hint={<MatchHint match={h.match} canUnmask={row.canUnmask} />} />
        </div>
      ))}
    </div>
  )
}

function PagedList({ filter, ...row }: RowProps & { filter: CustomerFilter }) {
  const { t } = useTranslation()
  const data = useData()
  const [range, setRange] = useState({ start: 0, end: PAGE })
  const page = useLiveQuery(async () => ({ filter, rows: await listCustomers(data, filter, range.start, range.end - range.start) }), [data, filter, range])
  const total = useLiveQuery(() => countCustomers(data, filter), [data, filter])
  const rows = page?.rows
  const count = total ?? (rows ? range.start + rows.length : 0)
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    onChange: (v) => {
      const items = v.getVirtualItems()
      const start = Math.floor((items[0]?.index ?? 0) / PAGE) * PAGE
      const end = (Math.floor((items.at(-1)?.index ?? 0) / PAGE) + 1) * PAGE
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }))
    }
  })
  return (
    <>
      <div ref={scroller} style={{ flex: 1, minHeight: 300, overflow: 'auto', background: '#fff' }} data-testid="customer-list">
        {total === 0 && <Typography.Paragraph type="secondary" style={{ padding: 16 }}>{t('customer.empty')}</Typography.Paragraph>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const c = rows?.[item.index - range.start]
            return (
              <div key={item.key} role="row" className="desk-list-row desk-customer-row" onClick={() => c && row.onOpen(c.id)}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                {c ? <CustomerCells c={c} {...row} /> : <span style={{ color: '#bbb' }}>…</span>}
              </div>
            )
          })}
        </div>
      </div>
      <Typography.Text type="secondary" data-testid="customer-count" style={{ paddingTop: 6 }}>
        {total === undefined ? '…' : t('customer.count', { count: total })}
      </Typography.Text>
    </>
  )
}

const CustomerCells = memo(function CustomerCells({ c, canUnmask, names, hint }: RowProps & { c: StoredCustomer; hint?: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <span>
        {c.name} <KeyAccountMark tier={c.tier} />
      </span>
      <span>{canUnmask ? c.phone : maskPhone(c.phone)}{(c.phones?.length ?? 1) > 1 ? ` +${c.phones.length - 1}` : ''}</span>
      <span>{t(`customer.tierOption.${c.tier ?? 'regular'}`)}</span>
      <span>{c.memberNo ?? ''}</span>
      <span>{c.assignedClerk ? `${c.assignedClerk} ${names.get(c.assignedClerk) ?? ''}` : t('customer.unassigned')}</span>
      <span>{hint ?? (c.tags ?? []).join('、')}</span>
    </>
  )
})
