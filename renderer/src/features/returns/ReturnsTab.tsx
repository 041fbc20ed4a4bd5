import { useState } from 'react'
import { Card, Radio, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Complaint } from '@shared/domain/complaint'
import type { ReturnRequest } from '@shared/domain/returns'
import { type ReturnFilter } from '@/db'
import { useData } from '@/app/session'
import { ReturnRequestForm } from './ReturnRequestForm'
import { ReturnsTable } from './ReturnsTable'
import { returnOptions } from './options'

/** 退换货登记 on the counter page: the form on top, the register (filterable by status) below. */
export function ReturnsTab({
  complaint,
  onSaved
}: {
  complaint: Complaint | null
  onSaved: (record: ReturnRequest) => void
}) {
  const { t } = useTranslation()
  const data = useData()
  const [filter, setFilter] = useState<ReturnFilter>({ status: 'all' })
  const rows = useLiveQuery(() => data.read.listReturns(filter), [data, filter])
  const statusOptions = [{ value: 'all', label: t('returns.allStatuses') }, ...returnOptions(t).status]

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('returns.title')}>
        {/* keyed by complaint: a different complaint starts a fresh, pre-filled form */}
        <ReturnRequestForm key={complaint?.id ?? 'standalone'} complaint={complaint} onSaved={onSaved} />
      </Card>
      <Card
        size="small"
        title={
          <Space>
            <div role="radiogroup" aria-label={t('returns.status')} data-testid="returns-filter">
              <Radio.Group
                optionType="button"
                size="small"
                options={statusOptions}
                value={filter.status}
                onChange={(e) => setFilter({ status: e.target.value as ReturnFilter['status'] })}
              />
            </div>
            <Typography.Text type="secondary" data-testid="returns-count">
              {rows === undefined ? '…' : t('returns.count', { count: rows.length })}
            </Typography.Text>
          </Space>
        }
      >
        <ReturnsTable rows={rows} />
      </Card>
    </Space>
  )
}
