import { useEffect } from 'react'
import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useData } from '@/app/session'
import { lastGoodBackup, useBackups } from '@/app/backupStore'
import { useNow } from '@/ui/useNow'
import { agoText } from './backupText'

const DAY = 86_400_000

/** 工作台: "上次备份 3 小时前", and a warning when the last good backup is more than a day old. */
export function LastBackupLine() {
  const { t } = useTranslation()
  const data = useData()
  const now = useNow(data, 60_000)
  const listing = useBackups((s) => s.listing)
  useEffect(() => {
    void useBackups
      .getState()
      .refresh()
      .catch(() => undefined)
  }, [])
  if (!listing) return null
  const last = lastGoodBackup(listing)
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
