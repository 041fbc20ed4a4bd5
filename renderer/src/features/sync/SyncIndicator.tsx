import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import dayjs from 'dayjs'
import { useSync } from '@/app/syncStore'

const LOOK = {
  synced: { color: 'green', key: 'sync.synced' },
  syncing: { color: 'blue', key: 'sync.syncing' },
  idle: { color: 'blue', key: 'sync.syncing' },
  unavailable: { color: 'orange', key: 'sync.offline' },
  error: { color: 'red', key: 'sync.syncError' }
} as const

/** In the header on every page: 已同步 / 同步中 / 共享文件夹不可用 / 同步异常 with 上次同步; opens the sync page. */
export function SyncIndicator({ testId = 'sync-status' }: { testId?: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const configured = useSync((s) => s.configured)
  const status = useSync((s) => s.status)
  if (!configured) {
    return (
      <Tag data-testid={testId} style={{ cursor: 'pointer' }} onClick={() => navigate('/sync')}>
        {t('sync.notConfigured')}
      </Tag>
    )
  }
  const look = LOOK[status.state]
  const last = status.lastSyncedAt ? dayjs(status.lastSyncedAt).format('MM-DD HH:mm') : t('syncPage.never')
  return (
    <Tooltip title={t('pattern.labelValue', { label: t('sync.lastSynced'), value: last })}>
      <Tag
        color={look.color}
        data-testid={testId}
        data-state={status.state}
        style={{ cursor: 'pointer' }}
        onClick={() => navigate('/sync')}
      >
        {t(look.key)}
        {status.state === 'syncing' && status.loading && status.loading.total > 0 && (
          <span data-testid="sync-loading">
            {' '}
            · {t('sync.loading', { percent: Math.floor((status.loading.done / status.loading.total) * 100) })}
          </span>
        )}
        {status.history && (
          <span data-testid="sync-history">
            {' '}
            · {t('sync.history', { percent: Math.floor((status.history.done / status.history.total) * 100) })}
          </span>
        )}
        {status.lastSyncedAt && (
          <span data-testid="sync-last">
            {' '}
            · {t('sync.lastSynced')} {dayjs(status.lastSyncedAt).format('HH:mm')}
          </span>
        )}
      </Tag>
    </Tooltip>
  )
}
