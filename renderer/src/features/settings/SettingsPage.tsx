import { Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { StoreSettingsCard } from './StoreSettingsCard'
import { DeviceSettingsCard } from './DeviceSettingsCard'
import { LanguageSettingsCard } from './LanguageSettingsCard'
import { StaffSettingsCard } from './StaffSettingsCard'
import { WorkflowRulesCard } from './WorkflowRulesCard'
import { CustomerTextSettings } from './CustomerTextSettings'
import { PrivacySettingsCard } from './PrivacySettingsCard'
import { DeskLockSettingsCard } from './DeskLockSettingsCard'
import { AboutCard } from './AboutCard'
import { AboutLastBackup } from '../backup/AboutLastBackup'
import { AuditCard } from '@/features/customers/import/AuditCard'
import { ShiftSettingsCard } from './ShiftSettingsCard'
import { ShareSettingsCard } from './ShareSettingsCard'
import { RevisitRulesCard } from './RevisitRulesCard'
import { RevisitScriptsCard } from './RevisitScriptsCard'
import { RewardSettingsCard } from '@/features/counter/RewardSettingsCard'
import { ClosedDaysCard } from './ClosedDaysCard'
import { BackupSettingsCard } from '@/features/backup/BackupSettingsCard'

/** 系统设置: store, this PC, language, staff. */
export function SettingsPage() {
  const { t } = useTranslation()
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <StoreSettingsCard />
      <DeviceSettingsCard />
      <ShareSettingsCard />
      <BackupSettingsCard />
      <LanguageSettingsCard />
      <StaffSettingsCard />
      <DeskLockSettingsCard />
      <WorkflowRulesCard />
      <ClosedDaysCard />
      <RevisitRulesCard />
      <RevisitScriptsCard />
      <ShiftSettingsCard />
      <RewardSettingsCard />
      <CustomerTextSettings />
      <PrivacySettingsCard />
      <AuditCard />
      <AboutCard
        extraRows={[{ key: 'lastBackup', label: t('backup.about.label'), value: <AboutLastBackup /> }]}
      />
    </Space>
  )
}
