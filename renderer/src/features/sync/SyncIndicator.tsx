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

/** The indicator's words for a WebDAV share that cannot be used, by the round's message code. */
const DAV_LABEL = {
  davUnauthorized: 'sync.davUnauthorized',
  davForbidden: 'sync.davForbidden',
  davQuotaFull: 'sync.davQuotaFull',
  davUnreachable: 'sync.davUnreachable',
  davCertificate: 'sync.davCertificate',
  davTimeout: 'sync.davTimeout',
  davNotWebdav: 'sync.davNotWebdav'
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
  const dav = status.problems.find((p) => p.code in DAV_LABEL)?.code as keyof typeof DAV_LABEL | undefined
  const label = status.state === 'unavailable' && dav ? DAV_LABEL[dav] : look.key
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
        {t(label)}
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
