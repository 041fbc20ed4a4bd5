import { useEffect, useState } from 'react'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Progress,
  Space,
  Table,
  Tooltip,
  Typography
} from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { BackupEntry } from '@shared/ipc/contract'
import { callDesk } from '@/ipc/desk'
import { useSession } from '@/app/session'
import { useBackups } from '@/app/backupStore'
import { useAction } from '@/ui/useAction'
import { backupCountsText, sizeText } from './backupText'
import { RestorePreviewModal, type RestoreSource } from './RestorePreviewModal'

const REASON_KEYS = {
  scheduled: 'backup.reason.scheduled',
  manual: 'backup.reason.manual',
  quit: 'backup.reason.quit',
  upgrade: 'backup.reason.upgrade',
  preRestore: 'backup.reason.preRestore',
  preJoin: 'backup.reason.preJoin'
} as const
const FOLDER_REFUSALS = {
  isShare: 'backup.folder.isShare',
  notWritable: 'backup.folder.notWritable',
  systemFolder: 'backup.folder.systemFolder'
} as const

/** 系统设置 → 数据备份 (issue 17 point 4): the backups main keeps (time, size, counts, ✓ / ✗), 立即备份,
 *  恢复备份 with a preview and 撤销恢复 (managers only), the second folder (picked in main's dialog) and
 *  the interval of the automatic backups. */
export function BackupSettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const me = useSession((s) => s.staff)
  const isManager = me?.role === 'manager'
  const listing = useBackups((s) => s.listing)
  const running = useBackups((s) => s.running)
  const lastRestore = useBackups((s) => s.lastRestore)
  const [error, setError] = useState<string | null>(null)
  const [source, setSource] = useState<RestoreSource | null>(null)
  const [interval, setIntervalHours] = useState<number | null>(null)
  const acting = useAction({ staff: false, showError: setError })

  useEffect(() => {
    void useBackups
      .getState()
      .refresh()
      .then((l) => setIntervalHours(l.intervalHours))
      .catch(() => undefined)
  }, [])

  const backupNow = () =>
    acting.run(async () => {
      setError(null)
      const made = await useBackups.getState().backupNow('manual')
      if (made.verified) void message.success(t('backup.backedUp'))
      else setError(t('backup.backupFailed'))
    })

  const chooseFolder = () =>
    acting.run(async () => {
      setError(null)
      const choice = await callDesk('backupChooseFolder', undefined)
      if (choice.outcome === 'refused') setError(t(FOLDER_REFUSALS[choice.refusal ?? 'notWritable']))
      if (choice.outcome === 'chosen')
        void message.success(t('backup.folderChosen', { folder: choice.secondFolder ?? '' }))
      await useBackups.getState().refresh()
    })

  const clearFolder = () =>
    acting.run(async () => {
      await callDesk('backupClearFolder', undefined)
      await useBackups.getState().refresh()
    })

  const saveInterval = (hours: number | null) =>
    acting.run(async () => {
      if (hours === null || hours === listing?.intervalHours) return
      await callDesk('backupSetInterval', { hours })
      await useBackups.getState().refresh()
      useBackups.getState().startSchedule()
      void message.success(t('backup.intervalSaved'))
    })

  const openListed = (entry: BackupEntry) =>
    acting.run(async () => {
      setError(null)
      const { bytes } = await callDesk('backupRead', { id: entry.id })
      setSource({ id: entry.id, bytes })
    })

  const openFile = () =>
    acting.run(async () => {
      setError(null)
      const file = await callDesk('backupOpenFile', undefined)
      if (file) setSource({ bytes: file.bytes, name: file.name })
    })

  const undo = () =>
    acting.run(async () => {
      setError(null)
      await useBackups.getState().undoRestore()
      void message.success(t('backup.undone'))
    })

  const managerOnly = isManager ? undefined : t('backup.managerOnly')
  const entries = listing?.entries ?? []

  return (
    <Card title={t('backup.title')} data-testid="backup-settings">
      <Typography.Paragraph type="secondary">{t('backup.hint')}</Typography.Paragraph>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('backup.dataFolder')}>{listing?.dataFolder ?? ''}</Descriptions.Item>
      </Descriptions>
      <label htmlFor="backup-folder" style={{ display: 'block', marginBottom: 6 }}>
        {t('backup.secondFolder')}
      </label>
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Input
          id="backup-folder"
          value={listing?.secondFolder ?? ''}
          readOnly
          placeholder={t('backup.secondFolderNone')}
        />
        <Button onClick={() => void chooseFolder()} disabled={acting.busy}>
          {t('backup.chooseFolder')}
        </Button>
        {listing?.secondFolder && (
          <Button onClick={() => void clearFolder()} disabled={acting.busy}>
            {t('backup.clearFolder')}
          </Button>
        )}
      </Space.Compact>
      <div style={{ marginTop: 12 }}>
        <label htmlFor="backup-interval" style={{ marginRight: 8 }}>
          {t('backup.interval')}
        </label>
        <InputNumber
          id="backup-interval"
          min={1}
          max={24}
          precision={0}
          value={interval}
          onChange={(v) => setIntervalHours(v)}
          onBlur={() => void saveInterval(interval)}
          onPressEnter={() => void saveInterval(interval)}
        />
      </div>
      <Space style={{ marginTop: 16 }} wrap>
        <Button
          type="primary"
          onClick={() => void backupNow()}
          loading={running?.kind === 'backup'}
          disabled={running !== null}
        >
          {t('backup.backupNow')}
        </Button>
        <Tooltip title={managerOnly}>
          <Button onClick={() => void openFile()} disabled={!isManager || running !== null}>
            {t('backup.restoreFile')}
          </Button>
        </Tooltip>
        {lastRestore && isManager && (
          <Button danger onClick={() => void undo()} disabled={running !== null} data-testid="backup-undo">
            {t('backup.undoRestore')}
          </Button>
        )}
      </Space>
      {lastRestore && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          title={t('backup.undoHint', {
            time: dayjs(lastRestore.header.createdAt).format('YYYY-MM-DD HH:mm')
          })}
        />
      )}
      {running && (
        <Progress
          style={{ marginTop: 12, maxWidth: 640 }}
          percent={running.percent}
          aria-label={t(running.kind === 'backup' ? 'backup.backingUp' : 'backup.restoring', {
            percent: running.percent
          })}
        />
      )}
      {error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="backup-error" />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('backup.list')}
      </Typography.Title>
      <Table<BackupEntry>
        size="small"
        rowKey="id"
        dataSource={entries}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('backup.empty') }}
        data-testid="backup-list"
        columns={[
          {
            title: t('backup.colTime'),
            key: 'time',
            render: (_, e) => dayjs(e.createdAt).format('YYYY-MM-DD HH:mm:ss')
          },
          { title: t('backup.colReason'), key: 'reason', render: (_, e) => t(REASON_KEYS[e.reason]) },
          { title: t('backup.colSize'), key: 'size', render: (_, e) => sizeText(e.size) },
          {
            title: t('backup.colCounts'),
            key: 'counts',
            render: (_, e) =>
              `${backupCountsText(t, e.counts)}${e.encrypted ? `（${t('backup.encrypted')}）` : ''}`
          },
          {
            title: t('backup.colVerified'),
            key: 'verified',
            render: (_, e) =>
              e.verified === true ? (
                <Typography.Text type="success">{t('backup.verifiedOk')}</Typography.Text>
              ) : e.verified === false ? (
                <Typography.Text type="danger">{t('backup.verifiedBad')}</Typography.Text>
              ) : (
                t('backup.verifiedPending')
              )
          },
          {
            title: t('backup.colCopy'),
            key: 'copy',
            render: (_, e) =>
              e.secondCopy === null ? '' : e.secondCopy ? t('backup.copyOk') : t('backup.copyBad')
          },
          {
            title: '',
            key: 'restore',
            render: (_, e) => (
              <Tooltip title={managerOnly}>
                <Button
                  size="small"
                  disabled={!isManager || running !== null || e.verified === false}
                  onClick={() => void openListed(e)}
                >
                  {t('backup.restore')}
                </Button>
              </Tooltip>
            )
          }
        ]}
      />
      {source && (
        <RestorePreviewModal
          key={`${'id' in source && source.id ? source.id : 'file'}-${source.bytes.byteLength}`}
          source={source}
          onClose={() => setSource(null)}
          onRestored={(at) => {
            setSource(null)
            void message.success(t('backup.restored', { time: dayjs(at).format('YYYY-MM-DD HH:mm') }))
          }}
        />
      )}
    </Card>
  )
}
