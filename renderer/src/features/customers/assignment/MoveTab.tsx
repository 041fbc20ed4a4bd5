import { useMemo, useState } from 'react'
import { Button, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { type ClerkLoadRow, type ClerkLoads } from '@/db'
import { useData } from '@/app/session'
import { LoadTable } from './LoadTable'
import { previewCounts } from './preview'
import { useAssignAction } from './useAssignAction'

/** 调整分配: every customer of one clerk (e.g. one who leaves) shared out among the ticked others. */
export function MoveTab({ loads, onDone }: { loads: ClerkLoads; onDone: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  const [from, setFrom] = useState<string | undefined>()
  const [selected, setSelected] = useState<string[]>([])
  const source = loads.rows.find((r) => r.staffNo === from)
  const receivers = useMemo(() => loads.rows.filter((r) => r.eligible && r.staffNo !== from), [loads, from])
  const chosen = selected.filter((no) => receivers.some((r) => r.staffNo === no))
  const after = useMemo(
    () =>
      previewCounts(
        receivers.filter((r) => chosen.includes(r.staffNo)),
        source?.count ?? 0
      ),
    [receivers, chosen, source]
  )
  const action = useAssignAction('customerMerge.assign.moved', onDone)
  const label = (r: ClerkLoadRow) => {
    const status =
      !r.active && r.name
        ? ` ${t('customerMerge.assign.inactive')}`
        : r.active && !r.eligible
          ? ` ${t('customerMerge.assign.notClerk')}`
          : ''
    return t('customerMerge.assign.fromOption', {
      who: `${r.staffNo} ${r.name}${status}`.trim(),
      count: r.count
    })
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <Typography.Text strong>{t('customerMerge.assign.from')}</Typography.Text>
        <Select
          style={{ width: 320 }}
          data-testid="move-from"
          placeholder={t('customerMerge.assign.fromPlaceholder')}
          value={from}
          onChange={setFrom}
          options={loads.rows.filter((r) => r.count > 0).map((r) => ({ value: r.staffNo, label: label(r) }))}
        />
      </Space>
      <Typography.Text type="secondary">{t('customerMerge.assign.moveHint')}</Typography.Text>
      <Typography.Text strong>{t('customerMerge.assign.to')}</Typography.Text>
      <LoadTable rows={receivers} selected={chosen} onSelect={setSelected} after={after} />
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        {action.progressText && <Typography.Text type="secondary">{action.progressText}</Typography.Text>}
        <Button
          type="primary"
          loading={action.busy}
          disabled={!from || chosen.length === 0 || !source?.count}
          onClick={() =>
            from &&
            void action.run((actor, onProgress) => data.write.reassign(actor, from, chosen, onProgress))
          }
        >
          {t('customerMerge.assign.confirmMove')}
        </Button>
      </Space>
    </Space>
  )
}
