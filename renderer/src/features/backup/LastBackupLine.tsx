import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLastGoodBackup } from './useLastGoodBackup'
import { agoText } from './backupText'

const DAY = 86_400_000

/** 工作台: "上次备份 3 小时前", and a warning when the last good backup is more than a day old. */
export function LastBackupLine() {
  const { t } = useTranslation()
  const shown = useLastGoodBackup()
  if (!shown) return null
  const { last, now } = shown
  if (last && now - last.createdAt > DAY)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('backup.dashboard.last', { ago: agoText(t, now - last.createdAt) })}
        description={t('backup.dashboard.old')}
        data-testid="last-backup"
      />
    )
  return (
    <Typography.Paragraph type="secondary" data-testid="last-backup">
      {last
        ? t('backup.dashboard.last', { ago: agoText(t, now - last.createdAt) })
        : t('backup.dashboard.never')}
    </Typography.Paragraph>
  )
}
