import { useEffect, useState } from 'react'
import { Alert, Button, Descriptions, Input, Modal, Progress, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { BackupPreview } from '@/db'
import { BackupRefusedError } from '@/db'
import { useData } from '@/app/session'
import { useBackups } from '@/app/backupStore'
import { describeError } from '@/app/errors'
import { useAction } from '@/ui/useAction'
import { backupCountsText } from './backupText'

/** What to restore: a backup main lists (by id), or a file picked in main's open dialog. */
export type RestoreSource =
  { id: string; bytes: Uint8Array; name?: undefined } | { bytes: Uint8Array; name: string }

/**
 * 恢复备份's preview: the whole file is checked first (nothing changes), then it says when it was made
 * and what it holds, that the current data is backed up first (撤销恢复), and, in a store share, that no
 * other PC loses anything. A refusal is said in the dialog; an encrypted backup asks for the passphrase.
 */
export function RestorePreviewModal(props: {
  source: RestoreSource
  onClose: () => void
  onRestored: (at: number) => void
}) {
  const { t } = useTranslation()
  const data = useData()
  const running = useBackups((s) => s.running)
  const [preview, setPreview] = useState<BackupPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [needsPassphrase, setNeedsPassphrase] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [inShare, setInShare] = useState(false)
  const restoring = useAction({ staff: false, showError: setError })

  async function check(source: RestoreSource, typed?: string): Promise<void> {
    try {
      const seen = await data.read.previewBackup(
        { bytes: source.bytes },
        typed !== undefined ? { passphrase: typed } : {}
      )
      setPreview(seen)
      setError(null)
      setNeedsPassphrase(seen.encrypted && typed !== undefined ? true : needsPassphrase)
    } catch (e) {
      setPreview(null)
      if (e instanceof BackupRefusedError && e.refusal === 'needsPassphrase') setNeedsPassphrase(true)
      setError(describeError(e, t))
    }
  }

  // One modal per source (the callers key it): the file is checked once when it opens.
  const first = props.source
  useEffect(() => {
    let live = true
    void data.read
      .inStoreShare()
      .then((yes) => {
        if (live) setInShare(yes)
        return data.read.previewBackup({ bytes: first.bytes })
      })
      .then(
        (seen) => live && setPreview(seen),
        (e: unknown) => {
          if (!live) return
          if (e instanceof BackupRefusedError && e.refusal === 'needsPassphrase') setNeedsPassphrase(true)
          setError(describeError(e, t))
        }
      )
    return () => {
      live = false
    }
  }, [first, data, t])

  const source = props.source
  async function confirm(): Promise<void> {
    if (!preview) return
    await restoring.run(async () => {
      const opts = needsPassphrase ? { passphrase } : {}
      await useBackups
        .getState()
        .restore('id' in source && source.id ? { id: source.id } : { bytes: source.bytes }, opts)
      props.onRestored(preview.createdAt)
    })
  }

  return (
    <Modal
      open
      title={t('backup.previewTitle')}
      onCancel={props.onClose}
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={props.onClose} disabled={running !== null}>
            {t('action.cancel')}
          </Button>
          <Button
            type="primary"
            danger
            disabled={!preview}
            loading={restoring.busy}
            onClick={() => void confirm()}
            data-testid="backup-restore-confirm"
          >
            {t('backup.confirmRestore')}
          </Button>
        </Space>
      }
      data-testid="backup-preview"
    >
      {'name' in source && source.name && (
        <Typography.Paragraph>
          {t('backup.previewFile')}：{source.name}
        </Typography.Paragraph>
      )}
      {needsPassphrase && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Typography.Text>{t('backup.passphraseHint')}</Typography.Text>
          <label htmlFor="backup-passphrase">{t('backup.passphrase')}</label>
          <Space.Compact style={{ width: '100%' }}>
            <Input.Password
              id="backup-passphrase"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              onPressEnter={() => void check(source, passphrase)}
            />
            <Button onClick={() => void check(source, passphrase)}>{t('backup.checkPassphrase')}</Button>
          </Space.Compact>
        </Space>
      )}
      {preview && (
        <>
          <Descriptions size="small" column={1} bordered data-testid="backup-preview-facts">
            <Descriptions.Item label={t('backup.previewWhen')}>
              {dayjs(preview.createdAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.previewCounts')}>
              {backupCountsText(t, preview.counts)}
            </Descriptions.Item>
          </Descriptions>
          <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('backup.previewUndo')} />
          {inShare && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('backup.previewSync')} />}
        </>
      )}
      {running?.kind === 'restore' && (
        <Progress
          percent={running.percent}
          style={{ marginTop: 12 }}
          aria-label={t('backup.restoring', { percent: running.percent })}
        />
      )}
      {error && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={error}
          data-testid="backup-preview-error"
        />
      )}
    </Modal>
  )
}
