import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useData } from '@/app/session'
import { lastGoodBackup, useBackups } from '@/app/backupStore'
import { useNow } from '@/ui/useNow'
import { agoText } from './backupText'

/** 系统设置 → 关于: 上次备份 (the last backup that passed its check), or 还没有备份. */
export function AboutLastBackup() {
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
  return (
    <span data-testid="about-last-backup">
      {last ? t('backup.about.ago', { ago: agoText(t, now - last.createdAt) }) : t('backup.dashboard.never')}
    </span>
  )
}
