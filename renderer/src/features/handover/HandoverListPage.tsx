import { useState } from 'react'
import { Button, DatePicker, Row, Select, Space, Table, Tag, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Dayjs } from 'dayjs'
import { type HandoverFilter } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { formatWhen } from './format'
import { StatusTag } from './StatusTag'

/** 交接班: every handover note, newest first, filterable by date, clerk and shift; 新建交接记录 on top. */
export function HandoverListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null)
  const [clerk, setClerk] = useState<string>('')
  const [shiftId, setShiftId] = useState<string>('')
  const starting = useAction()
  const filter: HandoverFilter = {
    from: dates?.[0]?.format('YYYY-MM-DD'),
    to: dates?.[1]?.format('YYYY-MM-DD'),
    staffNo: clerk || undefined,
    shiftId: shiftId || undefined
  }
  const rows = useLiveQuery(
    () => data.read.listHandovers(filter),
    [data, filter.from, filter.to, filter.staffNo, filter.shiftId]
  )
  const people = useLiveQuery(() => data.read.listStaff(), [data]) ?? []
  const shifts = useLiveQuery(() => data.read.getShifts(), [data]) ?? []

  const start = () =>
    starting.run(async (staff) => {
      const h = await data.write.startHandover({ staffNo: staff.staffNo, name: staff.name })
      navigate(`/handover/${h.id}`)
    })

  return (
    <div style={{ maxWidth: 1180 }}>
      <Row justify="space-between" align="middle" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('handover.history')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          loading={starting.busy}
          onClick={() => void start()}
          data-testid="new-handover"
        >
          {t('handover.newHandover')}
        </Button>
      </Row>
      <Typography.Paragraph type="secondary">{t('handover.startHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={dates}
          onChange={(v) => setDates(v)}
          allowEmpty={[true, true]}
          data-testid="handover-filter-dates"
        />
        <Select
          style={{ width: 200 }}
          value={clerk}
          onChange={setClerk}
          data-testid="handover-filter-clerk"
          options={[
            {
              value: '',
              label: t('pattern.labelValue', { label: t('handover.filterClerk'), value: t('handover.all') })
            },
            ...people.map((p) => ({ value: p.staffNo, label: `${p.staffNo} ${p.name}` }))
          ]}
        />
        <Select
          style={{ width: 160 }}
          value={shiftId}
          onChange={setShiftId}
          data-testid="handover-filter-shift"
          options={[
            {
              value: '',
              label: t('pattern.labelValue', { label: t('handover.filterShift'), value: t('handover.all') })
            },
            ...shifts.map((s) => ({ value: s.id, label: s.name }))
          ]}
        />
      </Space>
      <Table
        size="middle"
        rowKey="id"
        loading={rows === undefined}
        dataSource={rows ?? []}
        data-testid="handover-list"
        locale={{ emptyText: t('handover.empty') }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(h) => ({ onClick: () => navigate(`/handover/${h.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('handover.date'), dataIndex: 'date', width: 120 },
          { title: t('handover.shift'), dataIndex: 'shiftName', width: 120 },
          {
            title: t('handover.outgoing'),
            key: 'out',
            render: (_, h) => `${h.outgoingStaffNo} ${h.outgoingName}`
          },
          {
            title: t('handover.incoming'),
            key: 'in',
            render: (_, h) => (h.incomingStaffNo ? `${h.incomingStaffNo} ${h.incomingName}` : '—')
          },
          {
            title: t('handover.status'),
            key: 'status',
            width: 130,
            render: (_, h) => <StatusTag status={h.status} />
          },
          {
            title: t('handover.submittedAt'),
            key: 'sub',
            width: 130,
            render: (_, h) => (h.submittedAt ? formatWhen(h.submittedAt) : '—')
          },
          {
            title: t('handover.acknowledgedAt'),
            key: 'ack',
            width: 130,
            render: (_, h) => (h.acknowledgedAt ? formatWhen(h.acknowledgedAt) : '—')
          },
          {
            title: t('handover.col.mark'),
            key: 'mark',
            width: 140,
            render: (_, h) => {
              const carried = h.items.filter((i) => i.carried > 0 && !i.done).length
              return carried ? (
                <Tag color="orange">{t('handover.mark.carriedItems', { count: carried })}</Tag>
              ) : null
            }
          }
        ]}
      />
    </div>
  )
}
