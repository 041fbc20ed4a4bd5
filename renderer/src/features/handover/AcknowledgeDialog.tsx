import { Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Staff } from '@shared/domain/staff'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { StaffCredentialsForm } from '@/features/staff/StaffCredentialsForm'

/** 确认接班: the incoming clerk proves who they are (工号 + PIN, or being the staff at the desk when
 *  they have no PIN yet) and the note is locked. Refusals (own note, twice) come from the data layer. */
export function AcknowledgeDialog({
  handoverId,
  defaultStaffNo,
  open,
  onClose
}: {
  handoverId: string
  /** the 工号 filled in when the dialog opens */
  defaultStaffNo: string
  open: boolean
  onClose(): void
}) {
  const { t } = useTranslation()
  const data = useData()

  // The incoming clerk proves who they are in the form: not necessarily the staff at the desk.
  const acknowledging = useAction({ staff: false })
  const acknowledge = (staff: Staff) =>
    acknowledging.run(
      async () => {
        await data.write.acknowledgeHandover({ staffNo: staff.staffNo, name: staff.name }, handoverId)
        onClose()
      },
      () => t('handover.acknowledged', { who: `${staff.staffNo} ${staff.name}` })
    )

  return (
    <Modal
      open={open}
      title={t('handover.acknowledgeTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('handover.acknowledgeIntro')}</Typography.Paragraph>
      {/* When a blank PIN passes: decideCredentials accepts 'noPin' only for the 工号 at the desk. */}
      <Typography.Paragraph type="secondary" data-testid="blank-pin-hint">
        {t('handover.blankPinHint')}
      </Typography.Paragraph>
      <StaffCredentialsForm
        submitLabel={t('handover.acknowledge')}
        defaultStaffNo={defaultStaffNo}
        onSubmit={({ staff }) => acknowledge(staff)}
      />
    </Modal>
  )
}
