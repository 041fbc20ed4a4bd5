import { useState } from 'react'
import { App, Button, Popconfirm, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { nextReturnStatuses, type ReturnRequest, type ReturnStatus } from '@shared/domain/returns'
import { useData, useSession } from '@/app/session'
import { returnErrorText } from './options'

/** Buttons for the status changes this return allows now — and only those. Cancelling is final,
 *  so it asks first. */
export function ReturnStatusActions({ record }: { record: ReturnRequest }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const [busy, setBusy] = useState(false)

  const change = async (to: ReturnStatus) => {
    if (!staff) {
      message.warning(t('staff.mustPick'))
      return
    }
    setBusy(true)
    try {
      await data.write.changeReturnStatus(staff.staffNo, record.id, to)
      message.success(t('returns.statusChanged', { status: t(`returns.statusOption.${to}`) }))
    } catch (e) {
      message.error(returnErrorText(e, t))
    } finally {
      setBusy(false)
    }
  }

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
            <Button size="small" danger disabled={busy}>
              {label}
            </Button>
          </Popconfirm>
        ) : (
          <Button key={to} size="small" type="primary" ghost disabled={busy} onClick={() => void change(to)}>
            {label}
          </Button>
        )
      })}
    </Space>
  )
}
