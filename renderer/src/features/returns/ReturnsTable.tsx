import { Button, Table, Tag, Typography, type TableProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { maskAccount, type ReturnRequest } from '@shared/domain/returns'
import { maskPhone } from '@shared/domain/phone'
import { formatYuan } from '@shared/domain/money'
import { type Stored } from '@/db'
import { KeyAccountMark } from '@/features/customers/KeyAccountMark'
import { useData } from '@/app/session'
import { ReturnStatusActions } from './ReturnStatusActions'
import { STATUS_COLOR } from './options'

type Row = Stored<ReturnRequest>

/** Returns with their status buttons. Phones and accounts are masked: this is a list (客户信息不得泄露). */
export function ReturnsTable({
  rows,
  showComplaint = true,
  pageSize = 8
}: {
  rows: Row[] | undefined
  showComplaint?: boolean
  pageSize?: number
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const linkedIds = (rows ?? []).flatMap((r) => (r.complaintId ? [r.complaintId] : []))
  const customerIds = (rows ?? []).flatMap((r) => (r.customerId ? [r.customerId] : []))
  const keyAccounts = useLiveQuery(() => data.read.keyAccountsAmong(customerIds), [data, customerIds.join()])
  const numbers: Record<string, string> =
    useLiveQuery(
      () => (showComplaint ? data.read.complaintNumbers(linkedIds) : {}),
      [data, showComplaint, linkedIds.join()]
    ) ?? {}

  const columns: TableProps<Row>['columns'] = [
    {
      key: 'createdAt',
      title: t('returns.createdAt'),
      width: 96,
      render: (_, r) => dayjs(r.createdAt).format('MM-DD HH:mm')
    },
    { key: 'type', title: t('returns.type'), width: 72, render: (_, r) => t(`returns.typeOption.${r.type}`) },
    {
      key: 'customer',
      title: t('customer.customer'),
      width: 140,
      render: (_, r) => (
        <>
          {r.customerName} {r.customerId && keyAccounts?.has(r.customerId) && <KeyAccountMark tier="key" />}{' '}
          {maskPhone(r.customerPhone)}
        </>
      )
    },
    {
      key: 'amount',
      title: t('returns.amount'),
      width: 90,
      align: 'right',
      render: (_, r) => (r.amount === null ? '—' : formatYuan(r.amount))
    },
    {
      key: 'account',
      title: t('returns.refundAccount'),
      width: 120,
      render: (_, r) => (r.refundAccount ? `${r.accountName} ${maskAccount(r.refundAccount)}` : '—')
    },
    { key: 'reason', title: t('returns.reason'), ellipsis: true, render: (_, r) => r.reason },
    ...(showComplaint
      ? [
          {
            key: 'complaint',
            title: t('returns.complaint'),
            width: 150,
            render: (_: unknown, r: Row) => {
              const no = r.complaintId ? numbers[r.complaintId] : undefined
              return no ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => navigate(`/complaints/${r.complaintId}`)}
                >
                  {no}
                </Button>
              ) : (
                '—'
              )
            }
          }
        ]
      : []),
    { key: 'by', title: t('returns.createdBy'), width: 64, render: (_, r) => r._created.staffNo },
    {
      key: 'status',
      title: t('returns.status'),
      width: 72,
      render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`returns.statusOption.${r.status}`)}</Tag>
    },
    {
      key: 'actions',
      title: t('returns.actions'),
      width: 156,
      render: (_, r) => <ReturnStatusActions record={r} />
    }
  ]

  return (
    <Table<Row>
      data-testid="returns-table"
      size="small"
      rowKey="id"
      loading={rows === undefined}
      dataSource={rows ?? []}
      columns={columns}
      pagination={{ pageSize, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: <Typography.Text type="secondary">{t('returns.empty')}</Typography.Text> }}
    />
  )
}
