import { memo, useState } from 'react'
import { Button, Checkbox, Empty, Select, Space, Table, Tag, Typography } from 'antd'
import { PhoneOutlined, PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { maskPhone } from '@shared/domain/phone'
import { REVISIT_RULES, type QueueBucket, type RevisitRule } from '@shared/domain/revisit'
import { TIERS, type Tier } from '@shared/domain/customer'
import type { QueueFilter, QueueRow } from '@/db'
import { useData, useSession } from '@/app/session'
import { useCanUnmask } from '@/features/customers/usePrivacy'
import { useNow } from '@/ui/useNow'
import { CallDialog } from './CallDialog'
import { dateTime, taskReason } from './labels'

const BUCKET_COLOR: Record<QueueBucket, string> = { overdue: 'red', today: 'orange', upcoming: 'default' }

/** 今日回访: overdue first, then due today, then upcoming; filters; 开始回访 opens the call. */
export function QueueTab() {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const staff = useSession((s) => s.staff)
  const canUnmask = useCanUnmask()
  const now = useNow(data, 30_000)
  const [rule, setRule] = useState<RevisitRule | undefined>()
  const [tier, setTier] = useState<Tier | undefined>()
  const [bucket, setBucket] = useState<QueueBucket | undefined>()
  const [mine, setMine] = useState(false)
  const [calling, setCalling] = useState<string | null>(null)
  const filter: QueueFilter = { rule, tier, bucket, ...(mine && staff ? { clerk: staff.staffNo } : {}) }
  // The first page alone first (on screen sooner), then the rest of the queue's first 100 tasks.
  const [limit, setLimit] = useState(PAGE_SIZE)
  const rows = useLiveQuery(
    () => data.read.listRevisitQueue(filter, limit),
    [data, rule, tier, bucket, mine, staff, now, limit]
  )
  // (Set while rendering, React's pattern for state from a previous result: the memo table keeps its
  // rows, and the longer read starts once the first page is committed.)
  if (rows !== undefined && limit < QUEUE_SIZE) setLimit(QUEUE_SIZE)

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={t('revisit.filter.rule')}
          style={{ width: 150 }}
          value={rule ?? ''}
          onChange={(v) => setRule(v === '' ? undefined : (v as RevisitRule))}
          options={[
            { value: '', label: t('revisit.filter.allRules') },
            ...REVISIT_RULES.map((r) => ({ value: r, label: t(`revisit.rule.${r}`) }))
          ]}
        />
        <Select
          aria-label={t('revisit.filter.tier')}
          style={{ width: 130 }}
          value={tier ?? ''}
          onChange={(v) => setTier(v === '' ? undefined : (v as Tier))}
          options={[
            { value: '', label: t('revisit.filter.allTiers') },
            ...TIERS.map((x) => ({ value: x, label: t(`customer.tierOption.${x}`) }))
          ]}
        />
        <Select
          aria-label={t('revisit.filter.bucket')}
          style={{ width: 130 }}
          value={bucket ?? ''}
          onChange={(v) => setBucket(v === '' ? undefined : (v as QueueBucket))}
          options={[
            { value: '', label: t('revisit.filter.allBuckets') },
            ...(['overdue', 'today', 'upcoming'] as const).map((b) => ({
              value: b,
              label: t(`revisit.bucket.${b}`)
            }))
          ]}
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          {t('revisit.filter.mine')}
        </Checkbox>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => navigate('/print/revisits')}>
          {t('revisit.print.button')}
        </Button>
      </Space>
      <QueueTable rows={rows} canUnmask={canUnmask} onCall={setCalling} />
      {calling && <CallDialog taskId={calling} onClose={() => setCalling(null)} />}
    </Space>
  )
}

const PAGE_SIZE = 20
const QUEUE_SIZE = 100

/** The queue's table, apart so opening or closing a call (the tab's own state) does not re-render its
 *  rows; a page of 20 rows keeps the first paint light (the queue reads its first 100 tasks). */
const QueueTable = memo(function QueueTable({
  rows,
  canUnmask,
  onCall
}: {
  rows: QueueRow[] | undefined
  canUnmask: boolean
  onCall: (taskId: string) => void
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  // Until the first page is read, an empty box of the table's height: rendering the (heavy) table
  // only to show it loading made the read start ~25 ms later.
  if (rows === undefined) return <div style={{ minHeight: 240 }} aria-busy="true" />
  return (
    <Table<QueueRow>
      size="small"
      rowKey={(r) => r.task.id}
      dataSource={rows}
      pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('revisit.empty')} /> }}
      columns={[
        {
          key: 'customer',
          title: t('revisit.column.customer'),
          render: (_, r) => (
            <Button
              type="link"
              style={{ padding: 0 }}
              onClick={() => navigate(`/customers/${r.task.customerId}`)}
            >
              {r.customer?.name ?? r.task.customerName}
            </Button>
          )
        },
        {
          key: 'phone',
          title: t('revisit.column.phone'),
          render: (_, r) => {
            const phone = r.customer?.phone ?? r.task.customerPhone
            return <span data-testid="queue-phone">{canUnmask ? phone : maskPhone(phone)}</span>
          }
        },
        { key: 'reason', title: t('revisit.column.reason'), render: (_, r) => taskReason(t, r.task) },
        {
          key: 'due',
          title: t('revisit.column.dueAt'),
          render: (_, r) => (
            <Space size={4}>
              <Tag color={BUCKET_COLOR[r.bucket]}>{t(`revisit.bucket.${r.bucket}`)}</Tag>
              {dateTime(t, r.task.dueAt)}
            </Space>
          )
        },
        {
          key: 'attempts',
          title: t('revisit.column.attempts'),
          render: (_, r) => t('revisit.attemptsCount', { count: r.state.attempts })
        },
        {
          key: 'callable',
          title: t('revisit.column.callable'),
          render: (_, r) =>
            r.waiting ? (
              <Typography.Text type="warning" data-testid="callable-from">
                {t('revisit.callableFrom', { time: dateTime(t, r.callableAt) })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('revisit.callableNow')}</Typography.Text>
            )
        },
        {
          key: 'call',
          title: '',
          render: (_, r) => (
            <Button
              type={r.waiting ? 'default' : 'primary'}
              icon={<PhoneOutlined aria-hidden />}
              onClick={() => onCall(r.task.id)}
            >
              {t('revisit.startCall')}
            </Button>
          )
        }
      ]}
    />
  )
})
