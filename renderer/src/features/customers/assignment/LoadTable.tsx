import { Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ClerkLoadRow } from '@/db'

/** Clerks with their customers now and after the change; ticking a row chooses that clerk. */
export function LoadTable({
  rows,
  selected,
  onSelect,
  after
}: {
  rows: ClerkLoadRow[]
  selected: string[]
  onSelect: (staffNos: string[]) => void
  after: Map<string, number>
}) {
  const { t } = useTranslation()
  return (
    <Table<ClerkLoadRow>
      size="small"
      pagination={false}
      rowKey="staffNo"
      data-testid="clerk-loads"
      dataSource={rows}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)) }}
      columns={[
        {
          title: t('customerMerge.assign.clerk'),
          render: (_, r) => (
            <span>
              {r.staffNo} {r.name} {r.role && <Tag>{t(`staff.roleOption.${r.role}`)}</Tag>}
            </span>
          )
        },
        { title: t('customerMerge.assign.current'), dataIndex: 'count', align: 'right' },
        {
          title: t('customerMerge.assign.after'),
          align: 'right',
          render: (_, r) => {
            const n = after.get(r.staffNo) ?? r.count
            return (
              <span
                data-testid={`after-${r.staffNo}`}
                style={{ fontWeight: n !== r.count ? 600 : undefined }}
              >
                {n}
              </span>
            )
          }
        }
      ]}
    />
  )
}
