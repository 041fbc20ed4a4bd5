import { Button, Popconfirm, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { nextReturnStatuses, type ReturnRequest, type ReturnStatus } from '@shared/domain/returns'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'

/** Buttons for the status changes this return allows now — and only those. Cancelling is final,
 *  so it asks first. */
export function ReturnStatusActions({ record }: { record: ReturnRequest }) {
  const { t } = useTranslation()
  const data = useData()
  const changing = useAction()

  const change = (to: ReturnStatus) =>
    changing.run(
      (staff) => data.write.changeReturnStatus(staff.staffNo, record.id, to),
      () => t('returns.statusChanged', { status: t(`returns.statusOption.${to}`) })
    )

  return (
    <Space size={4}>
      {nextReturnStatuses(record.status).map((to) => {
        const label = t(`returns.toStatus.${to}`)
        return to === 'cancelled' ? (
          <Popconfirm
            key={to}
            title={t('returns.confirmCancel')}
            onConfirm={() => change(to)}
            okText={label}
            cancelText={t('action.cancel')}
          >
            <Button size="small" danger disabled={changing.busy}>
              {label}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            key={to}
            size="small"
            type="primary"
            ghost
            disabled={changing.busy}
            onClick={() => void change(to)}
          >
            {label}
          </Button>
        )
      })}
    </Space>
  )
}
