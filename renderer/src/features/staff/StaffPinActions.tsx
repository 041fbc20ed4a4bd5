import { Button, Popconfirm, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Staff } from '@shared/domain/staff'
import { staffHasPin } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'

// The PIN column of 员工列表: whether a PIN is set (never the hash) and who may change it — anyone
// their own, the 客服经理 anyone's; only the manager clears (the data layer enforces the same).

export function StaffPinTag({ staff }: { staff: Staff }) {
  const { t } = useTranslation()
  return staffHasPin(staff) ? (
    <Tag color="blue">{t('staffPin.isSet')}</Tag>
  ) : (
    <Tag>{t('staffPin.notSet')}</Tag>
  )
}

export function StaffPinActions({
  staff,
  me,
  onSet
}: {
  staff: Staff
  me: Staff | null
  onSet: (staff: Staff) => void
}) {
  const { t } = useTranslation()
  const data = useData()
  const clearing = useAction()
  if (!me) return null
  const isManager = me.role === 'manager'
  const who = { staffNo: staff.staffNo, name: staff.name }

  const clear = () =>
    clearing.run(
      (at) => data.write.clearStaffPin(at.staffNo, staff.staffNo),
      () => t('staffPin.cleared', who)
    )

  return (
    <Space size="small">
      {(isManager || me.staffNo === staff.staffNo) && (
        <Button size="small" onClick={() => onSet(staff)}>
          {t('staffPin.set')}
        </Button>
      )}
      {isManager && staffHasPin(staff) && (
        <Popconfirm
          title={t('staffPin.confirmClear', who)}
          okText={t('staffPin.clear')}
          cancelText={t('action.cancel')}
          onConfirm={() => clear()}
        >
          <Button size="small" danger>
            {t('staffPin.clear')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  )
}
