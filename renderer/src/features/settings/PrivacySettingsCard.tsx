import { App, Card, Checkbox, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { ROLES, type Role } from '@shared/domain/staff'
import { useData, useSession } from '@/app/session'

/** 客户信息保密: which roles see full phone numbers in lists and may export them unmasked. Only a manager changes it. */
export function PrivacySettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const roles = useLiveQuery(() => data.read.getUnmaskRoles(), [data])
  const isManager = staff?.role === 'manager'
  return (
    <Card title={t('privacy.title')} size="small" data-testid="privacy-settings">
      <Typography.Paragraph type="secondary">{t('privacy.hint')}</Typography.Paragraph>
      <Checkbox.Group
        disabled={!isManager || !roles}
        value={roles ?? []}
        options={ROLES.map((r) => ({ value: r, label: t(`staff.roleOption.${r}`) }))}
        onChange={async (next) => {
          if (!staff) return
          await data.write.saveUnmaskRoles(staff.staffNo, next as Role[])
          message.success(t('privacy.saved'))
        }}
      />
      {!isManager && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('privacy.managerOnly')}
        </Typography.Paragraph>
      )}
    </Card>
  )
}
