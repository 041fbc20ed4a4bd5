import { Card, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { type TimelineEvent } from '@/db'
import { useData } from '@/app/session'

const SHOWN = 20

/** 客户导入导出记录: recent imports and exports — who (工号 and name), when, how many, masked or not. */
export function AuditCard() {
  const { t } = useTranslation()
  const data = useData()
  const events = useLiveQuery(() => data.read.listAuditEvents(SHOWN), [data])
  const staff = useLiveQuery(() => data.read.listStaff(), [data])
  const names = new Map((staff ?? []).map((s) => [s.staffNo, s.name]))

  const what = (e: TimelineEvent) => {
    const d = e.data as { created?: number; updated?: number; count?: number; masked?: boolean }
    if (e.type === 'customersImported')
      return t('customerImport.audit.imported', { created: d.created ?? 0, updated: d.updated ?? 0 })
    return (
      <>
        {t('customerImport.audit.exported', { count: d.count ?? 0 })}{' '}
        <Tag color={d.masked ? 'default' : 'orange'}>
          {t(d.masked ? 'customerImport.audit.masked' : 'customerImport.audit.full')}
        </Tag>
      </>
    )
  }

  return (
    <Card title={t('customerImport.audit.title')} size="small" data-testid="import-audit">
      <Typography.Paragraph type="secondary">{t('customerImport.audit.hint')}</Typography.Paragraph>
      <Table<TimelineEvent>
        size="small"
        rowKey="id"
        pagination={false}
        loading={!events}
        dataSource={events ?? []}
        locale={{ emptyText: t('customerImport.audit.empty') }}
        columns={[
          {
            title: t('customerImport.audit.when'),
            dataIndex: 'at',
            width: 150,
            render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm')
          },
          {
            title: t('customerImport.audit.who'),
            dataIndex: 'staffNo',
            width: 140,
            render: (no: string) => `${no} ${names.get(no) ?? ''}`
          },
          { title: t('customerImport.audit.what'), key: 'what', render: (_: unknown, e) => what(e) }
        ]}
      />
    </Card>
  )
}
