import { useTranslation } from 'react-i18next'
import { agoText } from './backupText'
import { useLastGoodBackup } from './useLastGoodBackup'

/** 系统设置 → 关于: 上次备份 (the last backup that passed its check), or 还没有备份. */
export function AboutLastBackup() {
  const { t } = useTranslation()
  const shown = useLastGoodBackup()
  if (!shown) return null
  const { last, now } = shown
  return (
    <span data-testid="about-last-backup">
      {last ? t('backup.about.ago', { ago: agoText(t, now - last.createdAt) }) : t('backup.dashboard.never')}
    </span>
  )
}
