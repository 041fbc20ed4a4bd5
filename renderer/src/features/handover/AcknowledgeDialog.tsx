import { App, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Staff } from '@shared/domain/staff'
import { useData } from '@/app/session'
import { StaffCredentialsForm } from '@/features/staff/StaffCredentialsForm'
import { describeHandoverError } from './errors'

/** 确认接班: the incoming clerk proves who they are (工号 + PIN, or being the staff at the desk when
 *  they have no PIN yet) and the note is locked. Refusals (own note, twice) come from the data layer. */
export function AcknowledgeDialog({
  handoverId,
  open,
  onClose
}: {
  handoverId: string
  open: boolean
  onClose(): void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()

  async function acknowledge(staff: Staff): Promise<void> {
    try {
      await data.write.acknowledgeHandover({ staffNo: staff.staffNo, name: staff.name }, handoverId)
      void message.success(t('handover.acknowledged', { who: `${staff.staffNo} ${staff.name}` }))
      onClose()
    } catch (e) {
      void message.error(describeHandoverError(e, t))
    }
  }

  return (
    <Modal
      open={open}
      title={t('handover.acknowledgeTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('handover.acknowledgeIntro')}</Typography.Paragraph>
      <StaffCredentialsForm
        submitLabel={t('handover.acknowledge')}
        onSubmit={({ staff }) => acknowledge(staff)}
      />
    </Modal>
  )
}
