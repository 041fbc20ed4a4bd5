import { Card, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { HandoverPrefill } from '@shared/domain/handoverPrefill'
import { formatAge, formatNext, formatWhen, shownPhone } from './format'

/** Marks shared by every pre-filled row: 已超时, 本班到期, 已交接 N 班. */
function Marks({
  overdue,
  dueThisShift,
  carried
}: {
  overdue?: boolean
  dueThisShift?: boolean
  carried: number
}) {
  const { t } = useTranslation()
  return (
    <>
      {overdue && <Tag color="red">{t('handover.mark.overdue')}</Tag>}
      {!overdue && dueThisShift && <Tag color="orange">{t('handover.mark.dueThisShift')}</Tag>}
      {carried > 0 && <Tag color="purple">{t('handover.mark.carried', { count: carried })}</Tag>}
    </>
  )
}

/** The pre-filled part of a handover note, read from the data (DESIGN §3.5). */
export function PrefillTables({ prefill, unmasked }: { prefill: HandoverPrefill; unmasked: boolean }) {
  const { t } = useTranslation()
  const common = {
    size: 'small' as const,
    pagination: false as const,
    rowKey: 'id',
    locale: { emptyText: t('handover.none') }
  }
  const complaintLink = (id: string, no: string) => <Link to={`/complaints/${id}`}>{no}</Link>
  return (
    <>
      <Card
        title={t('pattern.counted', {
          title: t('handover.section.complaints'),
          count: prefill.complaints.length
        })}
        size="small"
        style={{ marginBottom: 12 }}
        data-testid="prefill-complaints"
      >
        <Table
          {...common}
          dataSource={prefill.complaints}
          columns={[
            {
              title: t('handover.col.no'),
              key: 'no',
              width: 190,
              render: (_, c) => complaintLink(c.id, c.no)
            },
            { title: t('handover.col.customer'), dataIndex: 'customerName', width: 100 },
            {
              title: t('handover.col.phone'),
              key: 'phone',
              width: 120,
              render: (_, c) => shownPhone(c.customerPhone, unmasked)
            },
            { title: t('handover.col.age'), key: 'age', width: 110, render: (_, c) => formatAge(c.ageMs, t) },
            {
              title: t('handover.col.status'),
              key: 'status',
              width: 90,
              render: (_, c) => t(`complaint.statusOption.${c.status}`)
            },
            {
              title: t('handover.col.level'),
              key: 'level',
              width: 70,
              render: (_, c) => t(`handover.level.${c.level}`)
            },
            { title: t('handover.col.next'), key: 'next', render: (_, c) => formatNext(c.next, t) },
            {
              title: t('handover.col.mark'),
              key: 'mark',
              width: 170,
              render: (_, c) => (
                <Marks overdue={c.overdue} dueThisShift={c.dueThisShift} carried={c.carried} />
              )
            }
          ]}
        />
      </Card>
      <Card
        title={t('pattern.counted', {
          title: t('handover.section.revisits'),
          count: prefill.revisits.length
        })}
        size="small"
        style={{ marginBottom: 12 }}
        data-testid="prefill-revisits"
      >
        <Table
          {...common}
          dataSource={prefill.revisits}
          columns={[
            {
              title: t('handover.col.no'),
              key: 'no',
              width: 190,
              render: (_, r) => complaintLink(r.id, r.no)
            },
            { title: t('handover.col.customer'), dataIndex: 'customerName', width: 100 },
            {
              title: t('handover.col.phone'),
              key: 'phone',
              width: 120,
              render: (_, r) => shownPhone(r.customerPhone, unmasked)
            },
            { title: t('handover.col.due'), key: 'due', render: (_, r) => formatWhen(r.dueAt) },
            {
              title: t('handover.col.mark'),
              key: 'mark',
              width: 170,
              render: (_, r) => <Marks overdue={r.overdue} carried={r.carried} />
            }
          ]}
        />
      </Card>
      <Card
        title={t('pattern.counted', {
          title: t('handover.section.callbacks'),
          count: prefill.callbacks.length
        })}
        size="small"
        style={{ marginBottom: 12 }}
        data-testid="prefill-callbacks"
      >
        <Table
          {...common}
          dataSource={prefill.callbacks}
          columns={[
            {
              title: t('handover.col.no'),
              key: 'no',
              width: 190,
              render: (_, c) => complaintLink(c.id, c.no)
            },
            { title: t('handover.col.customer'), dataIndex: 'customerName', width: 100 },
            {
              title: t('handover.col.phone'),
              key: 'phone',
              width: 120,
              render: (_, c) => shownPhone(c.customerPhone, unmasked)
            },
            { title: t('handover.col.due'), key: 'due', width: 110, render: (_, c) => formatWhen(c.dueAt) },
            { title: t('handover.col.note'), dataIndex: 'note' },
            {
              title: t('handover.col.mark'),
              key: 'mark',
              width: 170,
              render: (_, c) => (
                <Marks overdue={c.overdue} dueThisShift={c.dueThisShift} carried={c.carried} />
              )
            }
          ]}
        />
      </Card>
      <Card
        title={t('pattern.counted', { title: t('handover.section.returns'), count: prefill.returns.length })}
        size="small"
        style={{ marginBottom: 12 }}
        data-testid="prefill-returns"
      >
        <Table
          {...common}
          dataSource={prefill.returns}
          columns={[
            { title: t('handover.col.customer'), dataIndex: 'customerName', width: 100 },
            {
              title: t('handover.col.phone'),
              key: 'phone',
              width: 120,
              render: (_, r) => shownPhone(r.customerPhone, unmasked)
            },
            {
              title: t('handover.col.type'),
              key: 'type',
              width: 90,
              render: (_, r) => t(`returns.typeOption.${r.type}`)
            },
            {
              title: t('handover.col.status'),
              key: 'status',
              width: 90,
              render: (_, r) => t(`returns.statusOption.${r.status}`)
            },
            {
              title: t('handover.col.amount'),
              key: 'amount',
              width: 90,
              render: (_, r) => (r.amount === null ? '—' : `¥${r.amount.toFixed(2)}`)
            },
            {
              title: t('handover.col.createdAt'),
              key: 'createdAt',
              render: (_, r) => formatWhen(r.createdAt)
            },
            {
              title: t('handover.col.mark'),
              key: 'mark',
              width: 170,
              render: (_, r) => <Marks carried={r.carried} />
            }
          ]}
        />
      </Card>
    </>
  )
}
