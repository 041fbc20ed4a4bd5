import { Alert, Modal, Spin, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from '@/app/session'
import { BalanceTab } from './BalanceTab'
import { MoveTab } from './MoveTab'

/** 均衡分配 / 调整分配 (客户按数量均衡分配): the 客服经理 shares customers out among clerks by numbers.
 *  Others see why they cannot (the data layer refuses them too). */
export function AssignDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const role = useSession((s) => s.staff?.role)
  return (
    <Modal
      open={open}
      title={t('customerMerge.assign.title')}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      {open &&
        (role === 'manager' ? (
          <AssignTabs onDone={onClose} />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="assign-manager-only"
            title={t('customerMerge.assign.managerOnly')}
          />
        ))}
    </Modal>
  )
}

function AssignTabs({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  // Index counts per clerk: cheap, and live while the dialog is open.
  const loads = useLiveQuery(() => data.read.clerkLoads(), [data])
  if (!loads) return <Spin />
  return (
    <Tabs
      items={[
        {
          key: 'balance',
          label: t('customerMerge.assign.tabBalance'),
          children: <BalanceTab loads={loads} onDone={onDone} />
        },
        {
          key: 'move',
          label: t('customerMerge.assign.tabMove'),
          children: <MoveTab loads={loads} onDone={onDone} />
        }
      ]}
    />
  )
}
