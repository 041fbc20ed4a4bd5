import { useState } from 'react'
import { Button, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { maskPhone } from '@shared/domain/phone'
import { todayFilter, type ConsultationFilter, type StoredConsultation } from '@/db'
import { useData } from '@/app/session'
import { COUNTER_KEYS, useCounterDialogs } from './counterDialogs'
import { counterOptions } from './options'
import { ConsultationActions } from './ConsultationActions'

/** 咨询登记: 新建咨询 (F2), the filters, and the register, today's first. The table renders only the
 *  rows in view (virtual), so a month of consultations scrolls as lightly as a day's. */
export function ConsultationsTab() {
  const { t } = useTranslation()
  const data = useData()
  const show = useCounterDialogs((s) => s.show)
  const [filter, setFilter] = useState<ConsultationFilter>(() => todayFilter(data.now()))
  const rows = useLiveQuery(() => data.read.listConsultations(filter), [data, filter])
  const staff = useLiveQuery(() => data.read.listStaff(), [data]) ?? []
  const options = counterOptions(t)
  const patch = (p: Partial<ConsultationFilter>) => setFilter((f) => ({ ...f, ...p }))

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => show('consultation')}>
          {t('counter.newConsultation')}{' '}
          <Tag style={{ marginInlineStart: 6 }}>{COUNTER_KEYS.consultation}</Tag>
        </Button>
        <DatePicker.RangePicker
          aria-label={t('counter.list.dateRange')}
          id={{ start: 'consult-from', end: 'consult-to' }}
          allowClear={false}
          value={[dayjs(filter.from), dayjs(filter.to)]}
          onChange={(r) =>
            r?.[0] && r[1] && patch({ from: r[0].startOf('day').valueOf(), to: r[1].endOf('day').valueOf() })
          }
        />
        <Select
          aria-label={t('counter.list.clerk')}
          style={{ width: 150 }}
          value={filter.staffNo ?? ''}
          onChange={(v: string) => patch({ staffNo: v || undefined })}
          options={[
            { value: '', label: t('counter.list.allClerks') },
            ...staff.map((s) => ({ value: s.staffNo, label: `${s.staffNo} ${s.name}` }))
          ]}
        />
        <Select
          aria-label={t('counter.outcome')}
          style={{ width: 130 }}
          value={filter.outcome ?? ''}
          onChange={(v: string) => patch({ outcome: (v || undefined) as ConsultationFilter['outcome'] })}
          options={[
            { value: '', label: t('counter.list.allOutcomes') },
            ...options.outcome,
            { value: 'none', label: t('counter.outcomeNone') }
          ]}
        />
        <Select
          aria-label={t('counter.topic')}
          style={{ width: 130 }}
          value={filter.topic ?? ''}
          onChange={(v: string) => patch({ topic: (v || undefined) as ConsultationFilter['topic'] })}
          options={[{ value: '', label: t('counter.list.allTopics') }, ...options.topic]}
        />
        <Input.Search
          aria-label={t('counter.list.search')}
          placeholder={t('counter.list.search')}
          allowClear
          style={{ width: 220 }}
          onSearch={(text) => patch({ text })}
        />
        <Typography.Text type="secondary" data-testid="consultations-count">
          {rows === undefined ? '…' : t('counter.list.count', { count: rows.length })}
        </Typography.Text>
      </Space>
      <ConsultationsTable rows={rows} />
    </Space>
  )
}

function ConsultationsTable({ rows }: { rows: StoredConsultation[] | undefined }) {
  const { t } = useTranslation()
  return (
    <Table<StoredConsultation>
      data-testid="consultations-table"
      size="small"
      rowKey="id"
      virtual
      scroll={{ x: 1200, y: 460 }}
      loading={rows === undefined}
      dataSource={rows ?? []}
      pagination={false}
      locale={{ emptyText: t('counter.list.empty') }}
      columns={[
        {
          title: t('counter.createdAt'),
          dataIndex: 'createdAt',
          width: 110,
          render: (v: number) => dayjs(v).format(t('pattern.monthDayTime'))
        },
        { title: t('counter.staffNo'), dataIndex: 'staffNo', width: 70 },
        {
          title: t('counter.channel'),
          dataIndex: 'channel',
          width: 70,
          render: (v: string) => t(`counter.channelOption.${v}`)
        },
        {
          title: t('counter.customer'),
          width: 150,
          render: (_, r) =>
            r.customerName || r.customerPhone
              ? [r.customerName, r.customerPhone && maskPhone(r.customerPhone)].filter(Boolean).join(' ')
              : t('counter.walkIn')
        },
        {
          title: t('counter.topic'),
          dataIndex: 'topic',
          width: 90,
          render: (v: string) => t(`counter.topicOption.${v}`)
        },
        { title: t('counter.question'), dataIndex: 'question', ellipsis: true },
        {
          title: t('counter.outcome'),
          width: 170,
          render: (_, r) => (
            <Space size={2} wrap>
              {r.outcome ? (
                <Tag color={r.outcome === 'converted' ? 'green' : undefined}>
                  {t(`counter.outcomeOption.${r.outcome}`)}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t('counter.outcomeNone')}</Typography.Text>
              )}
              {r.callback && (
                <Tag color="blue">
                  {t('callback.pending', { time: dayjs(r.callback.dueAt).format(t('pattern.monthDayTime')) })}
                </Tag>
              )}
              {r.complaintId && <Tag color="orange">{t('counter.complaintLinked')}</Tag>}
            </Space>
          )
        },
        { title: t('counter.orderNo'), dataIndex: 'orderNo', width: 100 },
        { title: t('returns.actions'), width: 260, render: (_, r) => <ConsultationActions row={r} /> }
      ]}
    />
  )
}
