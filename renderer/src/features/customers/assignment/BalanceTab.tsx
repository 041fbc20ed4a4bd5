import { useMemo, useState } from 'react'
import { Alert, Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { type ClerkLoads } from '@/db'
import { useData } from '@/app/session'
import { LoadTable } from './LoadTable'
import { previewCounts } from './preview'
import { useAssignAction } from './useAssignAction'

/** 均衡分配: the unassigned customers shared out among the ticked clerks, fewest customers first. */
export function BalanceTab({ loads, onDone }: { loads: ClerkLoads; onDone: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  const eligible = useMemo(() => loads.rows.filter((r) => r.eligible), [loads])
  const [selected, setSelected] = useState<string[]>(() => eligible.map((r) => r.staffNo))
  const after = useMemo(
    () =>
      previewCounts(
        eligible.filter((r) => selected.includes(r.staffNo)),
        loads.unassigned
      ),
    [eligible, selected, loads.unassigned]
  )
  const action = useAssignAction('customerMerge.assign.done', onDone)

  if (eligible.length === 0)
    return <Alert type="warning" showIcon title={t('customerMerge.assign.noClerks')} />
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text strong data-testid="unassigned-count">
        {t('customerMerge.assign.unassigned', { count: loads.unassigned })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('customerMerge.assign.pickHint')}</Typography.Text>
      <LoadTable rows={eligible} selected={selected} onSelect={setSelected} after={after} />
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        {action.progressText && <Typography.Text type="secondary">{action.progressText}</Typography.Text>}
        {loads.unassigned === 0 && (
          <Typography.Text type="secondary">{t('customerMerge.assign.nothingToAssign')}</Typography.Text>
        )}
        <Button
          type="primary"
          loading={action.busy}
          disabled={selected.length === 0 || loads.unassigned === 0}
          onClick={() =>
            void action.run((actor, onProgress) => data.write.assignUnassigned(actor, selected, onProgress))
          }
        >
          {t('customerMerge.assign.confirm')}
        </Button>
      </Space>
    </Space>
  )
}
