import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Input, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { createStoreOnShare, inspectShare, joinStoreOnShare, StoreChoiceError, type ShareInspection } from '../../db'
import { callDesk } from '../../ipc/desk'
import { createIpcShare } from '../../ipc/ipcShare'
import { useData, useSession } from '../../app/session'
import { describeError } from '../../app/errors'
import { clearShare, startSyncOnShare } from '../sync/shareSession'

/** 同步（共享文件夹）: where the store's PCs meet. Setting the folder only looks at it; creating a new
 *  store share (empty folder only) or joining the one there is an explicit click (issue 6). */
export function ShareSettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const device = useSession((s) => s.device)
  const appInfo = useSession((s) => s.appInfo)
  const [root, setRoot] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const [seen, setSeen] = useState<ShareInspection | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    void callDesk('shareGetConfig', undefined)
      .then(async (config) => {
        if (!live || !config.root) return
        setRoot(config.root)
        setSaved(config.root)
        setSeen(await inspectShare(data, createIpcShare()))
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [data])

  const fail = (e: unknown) => setError(e instanceof StoreChoiceError ? t(e.message) : describeError(e, t))

  async function check(): Promise<void> {
    setBusy(true)
    setError(null)
    try {
      const config = await callDesk('shareSetRoot', { root: root.trim() })
      setSaved(config.root)
      const found = await inspectShare(data, createIpcShare())
      setSeen(found)
      if (found.state === 'store' && found.joined && device && appInfo) startSyncOnShare(data, device, appInfo)
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  async function choose(kind: 'create' | 'join'): Promise<void> {
    if (!device || !appInfo) return
    setBusy(true)
    setError(null)
    try {
      const share = createIpcShare()
      await (kind === 'create' ? createStoreOnShare(data, share) : joinStoreOnShare(data, share))
      setSeen(await inspectShare(data, share))
      startSyncOnShare(data, device, appInfo)
      void message.success(t(kind === 'create' ? 'syncPage.settings.created' : 'syncPage.settings.joined'))
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  const stateText = (s: ShareInspection): string => {
    if (s.state === 'store') return s.joined ? t('syncPage.settings.state.storeJoined', { storeId: s.storeId }) : t('syncPage.settings.state.store', { storeId: s.storeId, created: dayjs(s.createdAt).format('YYYY-MM-DD') })
    if (s.state === 'damaged') return t('syncPage.settings.state.damaged', { message: s.message })
    return t(`syncPage.settings.state.${s.state}`)
  }

  return (
    <Card title={t('syncPage.settings.title')} data-testid="share-settings">
      <Typography.Paragraph type="secondary">{t('syncPage.settings.hint')}</Typography.Paragraph>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('syncPage.settings.device')}>{device?.deviceName}</Descriptions.Item>
        <Descriptions.Item label={t('syncPage.peer.device')}>{device?.deviceId}</Descriptions.Item>
      </Descriptions>
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Input value={root} onChange={(e) => setRoot(e.target.value)} placeholder="\\\\NAS\\kefu" aria-label={t('syncPage.settings.root')} onPressEnter={() => void check()} data-testid="share-root" />
        <Button type="primary" loading={busy} onClick={() => void check()} data-testid="share-check">
          {t('syncPage.settings.check')}
        </Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="share-error" />}
      {seen && saved && (
        <Alert
          style={{ marginTop: 12 }}
          showIcon
          type={seen.state === 'store' ? (seen.joined ? 'success' : 'info') : seen.state === 'empty' ? 'info' : 'warning'}
          title={stateText(seen)}
          data-testid="share-state"
          action={
            <Space>
              {seen.state === 'empty' && (
                <Button onClick={() => void choose('create')} disabled={busy} data-testid="share-create">
                  {t('syncPage.settings.create')}
                </Button>
              )}
              {seen.state === 'store' && !seen.joined && (
                <Button type="primary" onClick={() => void choose('join')} disabled={busy} data-testid="share-join">
                  {t('syncPage.settings.join')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      {saved && (
        <Button
          style={{ marginTop: 12 }}
          onClick={async () => {
            await clearShare()
            setSaved(null)
            setSeen(null)
            setRoot('')
            void message.success(t('syncPage.settings.cleared'))
          }}
        >
          {t('syncPage.settings.clear')}
        </Button>
      )}
    </Card>
  )
}
