import { memo, useCallback, useMemo, useRef, useState } from 'react'
import { Button, Input, Select, Space, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { TIERS, type Tier } from '@shared/domain/customer'
import { isPhoneFragment, maskPhone } from '@shared/domain/phone'
import type { CustomerFilter, CustomerHit, DataReader, StoredCustomer } from '@/db'
import type { SearchMatch } from '@shared/domain/customerSearch'
import { usePageRange, useRowVirtualizer } from '@/ui/pagedRows'
import { useData, useSession } from '@/app/session'
import { keyAccountMark } from './KeyAccountMark'
import { matchHint } from './MatchHint'
import { useCanUnmask } from './usePrivacy'
import { ExportButton } from './import/ExportButton'
import { AssignDialog } from './assignment/AssignDialog'
import { LoadingNote } from '@/features/sync/HistoryLoadingNote'

const ROW_HEIGHT = 40
const PAGE = 50
/** Search results shown as you type: a screenful of the best matches (rendering more cost more than the search). */
const SEARCH_SHOWN = 20
/** One more is asked for, to tell "找到 20 位" from "more than 20". */
const SEARCH_ASKED = SEARCH_SHOWN + 1

/** 客户档案: the whole archive in name order (virtualised), or search results as you type. Phones
 *  are masked for roles without the unmask permission. */
export function CustomerListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const role = useSession((s) => s.staff?.role)
  const canUnmask = useCanUnmask()
  const search = useCustomerSearch()
  const [filter, setFilter] = useState<CustomerFilter>({})
  const [assigning, setAssigning] = useState(false)
  const staff = useLiveQuery(() => data.read.listStaff(), [data])
  const names = useMemo(() => new Map((staff ?? []).map((s) => [s.staffNo, s.name])), [staff])
  const onOpen = useCallback((id: string) => navigate(`/customers/${id}`), [navigate])
  const openAssign = useCallback(() => setAssigning(true), [])
  const { query, found } = search
  const hits = query.trim() ? (found?.hits ?? []) : undefined

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
          defaultValue=""
          onChange={(e) => search.setQuery(e.target.value)}
        />
        {!canUnmask && isPhoneFragment(query) && (
          <Typography.Text type="warning" data-testid="phone-search-hint">
            {t('customer.phoneSearchHint')}
          </Typography.Text>
        )}
        <Toolbar
          filter={filter}
          setFilter={setFilter}
          staff={staff}
          isManager={role === 'manager'}
          onAssign={openAssign}
        />
      </Space>
      <CustomersLoadingNote />
      <ListHead />
      {hits !== undefined && (
        <SearchResults
          hits={hits}
          more={found?.more ?? false}
          shownFor={found?.query ?? ''}
          settled={found?.query === query}
          canUnmask={canUnmask}
          names={names}
          onOpen={onOpen}
        />
      )}
      {/* kept mounted while searching (hidden), so the first keystroke does not tear the list down
          and clearing the box brings it back where it was */}
      <PagedList
        filter={filter}
        canUnmask={canUnmask}
        names={names}
        onOpen={onOpen}
        hidden={hits !== undefined}
      />
      <AssignDialog open={assigning} onClose={() => setAssigning(false)} />
    </div>
  )
}

/** The results of one query: the best SEARCH_SHOWN, and whether there were more. */
type Found = { query: string; hits: CustomerHit[]; more: boolean }

/** Search runs from the keystroke itself (not from an effect after the next paint), and the page
 *  renders once per keystroke, when its results are in: the box is uncontrolled, so typing does
 *  not re-render the page first. A slower answer to an older query never replaces a newer one. */
function useCustomerSearch() {
  const data = useData()
  const [state, setState] = useState<{ query: string; found?: Found }>({ query: '' })
  const latest = useRef('')
  const setQuery = useCallback(
    (q: string) => {
      latest.current = q
      if (!q.trim()) return setState({ query: q })
      void data.read.searchCustomers(q, SEARCH_ASKED).then((hits) => {
        // cut once here, so the rows' props stay the same object until the next results arrive
        const more = hits.length > SEARCH_SHOWN
        if (latest.current === q)
          setState({ query: q, found: { query: q, hits: more ? hits.slice(0, SEARCH_SHOWN) : hits, more } })
      })
    },
    [data]
  )
  return { query: state.query, found: state.found, setQuery }
}

const ListHead = memo(function ListHead() {
  const { t } = useTranslation()
  return (
    <div className="desk-list-row desk-customer-row desk-list-head" style={{ height: ROW_HEIGHT }}>
      <span>{t('customer.name')}</span>
      <span>{t('customer.phone')}</span>
      <span>{t('customer.tier')}</span>
      <span>{t('customer.memberNo')}</span>
      <span>{t('customer.assignedClerk')}</span>
      <span>{t('customer.tags')}</span>
    </div>
  )
})

type ToolbarProps = {
  filter: CustomerFilter
  setFilter: React.Dispatch<React.SetStateAction<CustomerFilter>>
  staff: { staffNo: string; name: string }[] | undefined
  isManager: boolean
  onAssign: () => void
}

/** Filters and actions; memoised so typing in the search box does not re-render them. */
const Toolbar = memo(function Toolbar({ filter, setFilter, staff, isManager, onAssign }: ToolbarProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <>
      <Select
        allowClear
        virtual={false}
        style={{ width: 120 }}
        placeholder={t('customer.tier')}
        value={filter.tier}
        data-testid="tier-filter"
        onChange={(tier: Tier | undefined) => setFilter((f) => ({ ...f, tier }))}
        options={TIERS.map((v) => ({ value: v, label: t(`customer.tierOption.${v}`) }))}
      />
      <Select
        allowClear
        style={{ width: 150 }}
        placeholder={t('customer.assignedClerk')}
        value={filter.clerk}
        data-testid="clerk-filter"
        onChange={(clerk: string | undefined) => setFilter((f) => ({ ...f, clerk }))}
        options={[
          { value: '', label: t('customer.unassigned') },
          ...(staff ?? []).map((s) => ({ value: s.staffNo, label: `${s.staffNo} ${s.name}` }))
        ]}
      />
      <Button onClick={() => navigate('/customers/import')}>{t('action.importCustomers')}</Button>
      <ExportButton filter={filter} />
      <Button onClick={() => navigate('/customers/duplicates')}>{t('customer.duplicates')}</Button>
      {isManager && <Button onClick={onAssign}>{t('customer.assign')}</Button>}
    </>
  )
})

type RowProps = { canUnmask: boolean; names: Map<string, string>; onOpen: (id: string) => void }

function SearchResults({
  hits,
  more,
  shownFor,
  settled,
  ...row
}: RowProps & {
  hits: Awaited<ReturnType<DataReader['searchCustomers']>>
  more: boolean
  shownFor: string
  settled: boolean
}) {
  const { t } = useTranslation()
  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      {/* data-query: which query these results answer (results arrive after the keystroke) */}
      <div
        style={{ flex: 1, overflow: 'auto', background: '#fff' }}
        data-testid="customer-list"
        data-query={shownFor}
      >
        {settled && hits.length === 0 && (
          <Typography.Paragraph type="secondary" style={{ padding: 16 }}>
            {t('customer.noMatch')}
          </Typography.Paragraph>
        )}
        <ResultRows hits={hits} {...row} />
      </div>
      {/* in the place of 共 N 位客户, for the results on screen */}
      <Typography.Text type="secondary" data-testid="customer-count" style={{ paddingTop: 6 }}>
        {more ? t('customer.foundMore', { count: hits.length }) : t('customer.found', { count: hits.length })}
      </Typography.Text>
    </div>
  )
}

/** The result rows, memoised: the keystroke's own render (before its results arrive) skips them. */
const ResultRows = memo(function ResultRows({ hits, ...row }: RowProps & { hits: CustomerHit[] }) {
  return hits.map((h) => (
    <div
      key={h.customer.id}
      role="row"
      className="desk-list-row desk-customer-row"
      style={{ height: ROW_HEIGHT }}
      onClick={() => row.onOpen(h.customer.id)}
    >
      <CustomerCells c={h.customer} {...row} match={h.match} />
    </div>
  ))
})

const PagedList = memo(function PagedList({
  filter,
  hidden,
  ...row
}: RowProps & { filter: CustomerFilter; hidden: boolean }) {
  const { t } = useTranslation()
  const data = useData()
  const { range, follow } = usePageRange(PAGE)
  const page = useLiveQuery(
    async () => ({
      filter,
      rows: await data.read.listCustomers(filter, range.start, range.end - range.start)
    }),
    [data, filter, range]
  )
  const total = useLiveQuery(() => data.read.countCustomers(filter), [data, filter])
  const rows = page?.rows
  const count = total ?? (rows ? range.start + rows.length : 0)
  const { scroller, virtualizer } = useRowVirtualizer(count, ROW_HEIGHT, follow)
  return (
    <div style={{ display: hidden ? 'none' : 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <div
        ref={scroller}
        style={{ flex: 1, minHeight: 300, overflow: 'auto', background: '#fff' }}
        data-testid={hidden ? undefined : 'customer-list'}
      >
        {total === 0 && (
          <Typography.Paragraph type="secondary" style={{ padding: 16 }}>
            {t('customer.empty')}
          </Typography.Paragraph>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const c = rows?.[item.index - range.start]
            return (
              <div
                key={item.key}
                role="row"
                className="desk-list-row desk-customer-row"
                onClick={() => c && row.onOpen(c.id)}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`
                }}
              >
                {c ? <CustomerCells c={c} {...row} /> : <span style={{ color: '#bbb' }}>…</span>}
              </div>
            )
          })}
        </div>
      </div>
      <Typography.Text
        type="secondary"
        data-testid={hidden ? undefined : 'customer-count'}
        style={{ paddingTop: 6 }}
      >
        {total === undefined ? '…' : t('customer.count', { count: total })}
      </Typography.Text>
    </div>
  )
})

const CustomerCells = memo(function CustomerCells({
  c,
  canUnmask,
  names,
  match
}: RowProps & { c: StoredCustomer; match?: SearchMatch }) {
  const { t } = useTranslation()
  return (
    <>
      <span>
        {c.name} {keyAccountMark(t, c.tier)}
        {match && matchHint(t, match, canUnmask)}
      </span>
      <span>
        {canUnmask ? c.phone : maskPhone(c.phone)}
        {(c.phones?.length ?? 1) > 1 ? ` +${c.phones.length - 1}` : ''}
      </span>
      <span>{t(`customer.tierOption.${c.tier ?? 'regular'}`)}</span>
      <span>{c.memberNo ?? ''}</span>
      <span>
        {c.assignedClerk
          ? `${c.assignedClerk} ${names.get(c.assignedClerk) ?? ''}`
          : t('customer.unassigned')}
      </span>
      <span>{(c.tags ?? []).join(t('pattern.listSeparator'))}</span>
    </>
  )
})

/** While a new PC is still storing the store's customers (issue 18): the list and counts are not whole
 *  yet, search already finds everyone. Follows the load's progress (a live query of it). */
function CustomersLoadingNote() {
  const { t } = useTranslation()
  const data = useData()
  const loading = useLiveQuery(() => data.read.customersStillLoading(), [data])
  if (!loading) return null
  return <LoadingNote testId="customers-loading-note" message={t('customer.loadingHint')} />
}
