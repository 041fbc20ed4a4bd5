import type { TFunction } from 'i18next'

/** "客户 2，投诉 3，共 12 条": the counts a backup holds (synced records only in the total). */
export function backupCountsText(t: TFunction, counts: Record<string, number>): string {
  const SYNCED = [
    'staff',
    'customers',
    'complaints',
    'events',
    'settings',
    'returns',
    'handovers',
    'revisitTasks',
    'consultations',
    'problems',
    'workReports',
    'dailyFigures'
  ]
  const total = SYNCED.reduce((n, table) => n + (counts[table] ?? 0), 0)
  return t('backup.countsText', {
    customers: counts.customers ?? 0,
    complaints: counts.complaints ?? 0,
    total
  })
}

/** "3 小时前" for 工作台. */
export function agoText(t: TFunction, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 60) return t('backup.dashboard.minutes', { n: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return t('backup.dashboard.hours', { n: hours })
  return t('backup.dashboard.days', { n: Math.floor(hours / 24) })
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
