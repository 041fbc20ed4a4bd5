import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Measure } from '@shared/domain/revisit'
import { maskPhone } from '@shared/domain/phone'
import type { StatsScope } from '@/db'
import { useData } from '@/app/session'
import { useCanUnmask } from '@/features/customers/usePrivacy'
import { dateTime, taskReason } from './labels'

type Row = Awaited<ReturnType<ReturnType<typeof useData>['read']['revisitStatsTasks']>>[number]

/** The tasks behind one figure of 回访统计. */
export function StatsTaskList(props: { from: number; to: number; scope: StatsScope; measure: Measure }) {
  const { t } = useTranslation()
  const data = useData()
  const canUnmask = useCanUnmask()
  const rows = useLiveQuery(
    () => data.read.revisitStatsTasks(props.from, props.to, { ...props.scope, measure: props.measure }),
    [data, props.from, props.to, props.scope.rule, props.scope.clerk, props.measure]
  )
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.task.id}
      loading={!rows}
      dataSource={rows ?? []}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      data-testid="stats-tasks"
      columns={[
        { key: 'customer', title: t('revisit.column.customer'), render: (_, r) => r.task.customerName },
        {
          key: 'phone',
          title: t('revisit.column.phone'),
          render: (_, r) => (canUnmask ? r.task.customerPhone : maskPhone(r.task.customerPhone))
        },
        { key: 'reason', title: t('revisit.column.reason'), render: (_, r) => taskReason(t, r.task) },
        { key: 'due', title: t('revisit.column.dueAt'), render: (_, r) => dateTime(t, r.task.dueAt) },
        {
          key: 'state',
          title: t('revisit.column.state'),
          render: (_, r) => t(`revisit.status.${r.state.status}`)
        }
      ]}
    />
  )
}
