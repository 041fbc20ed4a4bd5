import { memo, useCallback, useState } from 'react'
import { Button, Input, Space, Typography } from 'antd'
import { PlusOutlined, SearchOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { maskPhone } from '@shared/domain/phone'
import { COUNT_CAP, isClockPaused, isCountCapped, type ComplaintFilter, type Data, type Stored } from '@/db'
import type { Complaint } from '@shared/domain/complaint'
import { usePageRange, useRowVirtualizer } from '@/ui/pagedRows'
import { useData } from '@/app/session'
import { ComplaintFilters } from './ComplaintFilters'
import { OverdueMark } from './OverdueTag'
import { KeyAccountMark } from '@/features/customers/KeyAccountMark'
import { useNow } from '@/ui/useNow'
import { HistoryLoadingNote } from '@/features/sync/HistoryLoadingNote'

const ROW_HEIGHT = 40
/** Rows are fetched a page at a time around what is visible, so 200 000 complaints cost one small read. */
const PAGE = 50

export function ComplaintListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const [filter, setFilter] = useState<ComplaintFilter>({ status: 'all', search: '' })
  const now = useNow(data, 60_000)
  const patchFilter = useCallback(
    (patch: Partial<ComplaintFilter>) => setFilter((f) => ({ ...f, ...patch })),
    []
  )
  const { range, follow } = usePageRange(PAGE)
  const page = useLiveQuery(
    async () => ({
      filter,
      rows: await data.read.listComplaints(filter, range.start, range.end - range.start)
    }),
    [data, filter, range]
  )
  const rows = page?.rows
  const keyAccounts = useLiveQuery(
    () => data.read.keyAccountsAmong((rows ?? []).map((c) => c.customerId)),
    [data, rows]
  )
  // Counting can read far more than one page, so it starts only once this filter's first page is
  // on screen (the two would otherwise compete for IndexedDB); the total (scrollbar length) follows.
  const pageShown = page?.filter === filter
  const total = useLiveQuery(
    () => (pageShown ? data.read.countComplaints(filter) : undefined),
    [data, filter, pageShown]
  )
  const count = total ?? (rows ? range.start + rows.length : 0)
  const { scroller, virtualizer } = useRowVirtualizer(count, ROW_HEIGHT, follow)
  const items = virtualizer.getVirtualItems()
  const start = range.start

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <HistoryLoadingNote />
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/complaints/new')}>
          {t('action.newComplaint')}
        </Button>
        <Input.Search
          allowClear
          className="desk-complaint-search"
          placeholder={t('complaint.searchPlaceholder')}
          aria-label={t('complaint.searchPlaceholder')}
          // the button shows only an icon: its name comes from the catalogue
          enterButton={<Button icon={<SearchOutlined />} aria-label={t('action.search')} />}
          onChange={(e) => patchFilter({ search: e.target.value })}
        />
        <ComplaintFilters filter={filter} onPatch={patchFilter} />
        <Typography.Text type="secondary" data-testid="complaint-count">
          {total === undefined
            ? '…'
            : isCountCapped(filter) && total > COUNT_CAP
              ? t('complaint.countCapped', { count: COUNT_CAP })
              : t('complaint.count', { count: total })}
        </Typography.Text>
      </Space>
      <div className="desk-list-row desk-complaint-row desk-list-head" style={{ height: ROW_HEIGHT }}>
        <span>{t('complaint.complaintNo')}</span>
        <span>{t('complaint.receivedAt')}</span>
        <span>{t('complaint.customerName')}</span>
        <span>{t('complaint.customerPhone')}</span>
        <span>{t('complaint.content')}</span>
        <span>{t('complaint.category')}</span>
        <span>{t('complaint.urgency')}</span>
        <span>{t('complaint.status')}</span>
      </div>
      <div
        ref={scroller}
        style={{ flex: 1, minHeight: 300, overflow: 'auto', background: '#fff' }}
        data-testid="complaint-list"
      >
        {total === 0 && (
          <Typography.Paragraph type="secondary" style={{ padding: 16 }}>
            {t('complaint.empty')}
          </Typography.Paragraph>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const c = rows?.[item.index - start]
            return (
              <div
                key={item.key}
                role="row"
                className="desk-list-row desk-complaint-row"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`
                }}
                onClick={() => c && navigate(`/complaints/${c.id}`)}
              >
                {c ? (
                  <ComplaintRowCells
                    c={c}
                    timeOf={data.timeOf}
                    now={now}
                    keyAccount={!!keyAccounts?.has(c.customerId)}
                  />
                ) : (
                  <span style={{ color: '#bbb' }}>…</span>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

/** One row's cells; memoised so re-rendering the list (scrolling, count arriving) skips unchanged rows. */
const ComplaintRowCells = memo(function ComplaintRowCells({
  c,
  timeOf,
  now,
  keyAccount
}: {
  c: Stored<Complaint>
  timeOf: Data['timeOf']
  now: number
  keyAccount: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      <span>{c.no}</span>
      <span>{dayjs(c.receivedAt).format('MM-DD HH:mm')}</span>
      <span>
        {c.customerName} {keyAccount && <KeyAccountMark tier="key" />}
      </span>
      <span>{maskPhone(c.customerPhone)}</span>
      <span>{c.content}</span>
      <span>{t(`complaint.categoryOption.${c.category}`)}</span>
      <span>
        {c.urgency === 'normal' ? (
          t('complaint.urgencyOption.normal')
        ) : (
          <span className="desk-tag desk-tag-red">{t(`complaint.urgencyOption.${c.urgency}`)}</span>
        )}
      </span>
      <span>
        <span className="desk-tag">{t(`complaint.statusOption.${c.status}`)}</span>
        <OverdueMark complaint={c} timeOf={timeOf} now={now} />
        {isClockPaused(c) && (
          <span className="desk-tag" data-testid="paused-mark">
            {t('reports.paused')}
          </span>
        )}
      </span>
    </>
  )
})
