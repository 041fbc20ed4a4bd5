import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Input, Radio, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { type ShareInspection } from '@/db'
import { callDesk } from '@/ipc/desk'
import { createIpcShare } from '@/ipc/ipcShare'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { useSync } from '@/app/syncStore'
import { useBackups } from '@/app/backupStore'
import { EnterPassphraseForm } from '@/features/sync/EnterPassphraseForm'
import { UnlockShareButton } from '@/features/sync/UnlockShareModal'
import { ShareCreateForm } from './ShareCreateForm'
import type { WebdavRefusal } from '@shared/ipc/contract'
import type { ShareUnavailableReason } from '@/db'

/** What main said about a WebDAV address (literal keys: the lint checks each). */
const WEBDAV_REFUSAL = {
  malformed: 'share.webdav.malformed',
  insecure: 'share.webdav.insecure',
  credentialsInAddress: 'share.webdav.credentialsInAddress',
  unauthorized: 'share.webdav.unauthorized',
  forbidden: 'share.webdav.forbidden',
  notWebdav: 'share.webdav.notWebdav',
  notFound: 'share.webdav.notFound',
  unreachable: 'share.webdav.unreachable',
  certificate: 'share.webdav.certificate',
  timeout: 'share.webdav.timeout',
  quotaFull: 'share.webdav.quotaFull',
  io: 'share.webdav.io'
} as const satisfies Record<WebdavRefusal, string>

/** Why a configured WebDAV share cannot be used now. */
const UNAVAILABLE_REASON = {
  unauthorized: 'syncPage.problem.davUnauthorized',
  forbidden: 'syncPage.problem.davForbidden',
  quotaFull: 'syncPage.problem.davQuotaFull',
  unreachable: 'syncPage.problem.davUnreachable',
  certificate: 'syncPage.problem.davCertificate',
  timeout: 'syncPage.problem.davTimeout',
  notWebdav: 'syncPage.problem.davNotWebdav'
} as const satisfies Record<ShareUnavailableReason, string>

/** 同步（共享文件夹）: where the store's PCs meet. The folder is picked in main's own dialog (选择文件夹…;
 *  the page never names a folder, issue 17) and only looked at; creating a new store share (empty
 *  folder only) or joining the one there is an explicit click (issue 6). */
export function ShareSettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const device = useSession((s) => s.device)
  const me = useSession((s) => s.staff)
  const isManager = me?.role === 'manager'
  const [saved, setSaved] = useState<string | null>(null)
  const [seen, setSeen] = useState<ShareInspection | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [mode, setMode] = useState<'folder' | 'webdav'>('folder')
  const [davUrl, setDavUrl] = useState('')
  const [davUser, setDavUser] = useState('')
  const [davPassword, setDavPassword] = useState('')
  // Failures are said under the folder field, not as a toast.
  const sharing = useAction({ staff: false, showError: setError })
  const busy = sharing.busy

  useEffect(() => {
    let live = true
    void callDesk('shareGetConfig', undefined)
      .then(async (config) => {
        if (!live) return
        if (config.webdav) {
          setMode('webdav')
          setDavUrl(config.webdav.url)
          setDavUser(config.webdav.user)
          setSaved(config.webdav.url)
        } else if (config.root) setSaved(config.root)
        else return
        setSeen(await data.read.inspectShare(createIpcShare()))
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [data])

  async function choose(): Promise<void> {
    setError(null)
    await sharing.run(async () => {
      const config = await callDesk('shareChooseRoot', undefined)
      // Cancelled, or a folder that may not be the share: the setting stays as it was.
      if (config.outcome === 'cancelled') return
      if (config.outcome === 'refused') {
        setError(t(`share.root.${config.refusal ?? 'notAbsolute'}`))
        return
      }
      setSaved(config.root)
      const found = await data.read.inspectShare(createIpcShare())
      setSeen(found)
      if (found.state === 'store' && found.joined) await useSync.getState().start()
    })
  }

  /** 连接: main checks the address and tries it with the password (nothing is written on the
   *  server); joining or creating a store stays a separate, explicit step, as with a folder. */
  async function connectWebdav(): Promise<void> {
    setError(null)
    await sharing.run(async () => {
      const config = await callDesk('shareSetWebdav', { url: davUrl, user: davUser, password: davPassword })
      if (config.outcome === 'refused') {
        setError(t(WEBDAV_REFUSAL[config.refusal ?? 'io']))
        return
      }
      setDavPassword('')
      setSaved(config.webdav?.url ?? davUrl)
      if (config.webdav) setDavUrl(config.webdav.url)
      const found = await data.read.inspectShare(createIpcShare())
      setSeen(found)
      if (found.state === 'store' && found.joined) await useSync.getState().start()
    })
  }

  async function started(done: 'created' | 'joined'): Promise<void> {
    setSeen(await data.read.inspectShare(createIpcShare()))
    await useSync.getState().start()
    void message.success(t(`syncPage.settings.${done}`))
  }

  async function create(passphrase?: string): Promise<void> {
    setError(null)
    await sharing.run(async () => {
      await data.write.createStoreOnShare(
        createIpcShare(),
        passphrase !== undefined ? { passphrase, ...(me ? { byStaffNo: me.staffNo } : {}) } : {}
      )
      await started('created')
    })
  }

  /** Throws, so the passphrase form can put a wrong passphrase next to its field. */
  async function join(passphrase?: string): Promise<void> {
    setError(null)
    // 数据备份: this PC's data is backed up (and checked) before it takes in a store's.
    const before = await useBackups.getState().backupNow('preJoin')
    if (!before.verified) throw new Error(t('backup.backupFailed'))
    await data.write.joinStoreOnShare(createIpcShare(), passphrase)
    await started('joined')
  }

  const stateText = (s: ShareInspection): string => {
    if (s.state === 'store') {
      if (s.tampered) return t('syncPage.problem.storeTampered')
      const joined = s.unlocked ? 'storeJoined' : 'storeLocked'
      const text = s.joined
        ? t(`syncPage.settings.state.${joined}`, { storeId: s.storeId })
        : t('syncPage.settings.state.store', {
            storeId: s.storeId,
            created: dayjs(s.createdAt).format('YYYY-MM-DD')
          })
      return s.encrypted ? `${text}${t('syncPage.passphrase.encrypted')}` : text
    }
    if (s.state === 'unavailable' && s.reason) return t(UNAVAILABLE_REASON[s.reason])
    if (s.state === 'damaged')
      return t('syncPage.settings.state.damaged', { message: t(`syncPage.problem.${s.code}`) })
    return t(`syncPage.settings.state.${s.state}`)
  }

  return (
    <Card title={t('syncPage.settings.title')} data-testid="share-settings">
      <Typography.Paragraph type="secondary">{t('syncPage.settings.hint')}</Typography.Paragraph>
      {/* The device id is for support only: it is shown once, under 本机信息 (issue 13.7). */}
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('syncPage.settings.device')}>{device?.deviceName}</Descriptions.Item>
      </Descriptions>
      <Radio.Group
        aria-label={t('syncPage.settings.mode')}
        value={mode}
        onChange={(e) => {
          setMode(e.target.value as 'folder' | 'webdav')
          setError(null)
        }}
        style={{ marginBottom: 12 }}
        data-testid="share-mode"
        options={[
          { value: 'folder', label: t('syncPage.settings.modeFolder') },
          { value: 'webdav', label: t('syncPage.settings.modeWebdav') }
        ]}
      />
      {mode === 'webdav' && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void connectWebdav()
          }}
          style={{ maxWidth: 640 }}
          data-testid="share-webdav"
        >
          <Typography.Paragraph type="secondary">{t('syncPage.settings.webdavHint')}</Typography.Paragraph>
          <label htmlFor="share-webdav-url" style={{ display: 'block', marginBottom: 6 }}>
            {t('syncPage.settings.webdavUrl')}
          </label>
          <Input
            id="share-webdav-url"
            value={davUrl}
            onChange={(e) => setDavUrl(e.target.value)}
            placeholder="https://"
            autoComplete="url"
            style={{ marginBottom: 8 }}
          />
          <label htmlFor="share-webdav-user" style={{ display: 'block', marginBottom: 6 }}>
            {t('syncPage.settings.webdavUser')}
          </label>
          <Input
            id="share-webdav-user"
            value={davUser}
            onChange={(e) => setDavUser(e.target.value)}
            autoComplete="username"
            style={{ marginBottom: 8 }}
          />
          <label htmlFor="share-webdav-password" style={{ display: 'block', marginBottom: 6 }}>
            {t('syncPage.settings.webdavPassword')}
          </label>
          <Input.Password
            id="share-webdav-password"
            value={davPassword}
            onChange={(e) => setDavPassword(e.target.value)}
            autoComplete="current-password"
            style={{ marginBottom: 8 }}
          />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="share-webdav-connect">
            {t('syncPage.settings.webdavConnect')}
          </Button>
        </form>
      )}
      {mode === 'folder' && (
        <label htmlFor="share-root" style={{ display: 'block', marginBottom: 6 }}>
          {t('syncPage.settings.root')}
        </label>
      )}
      {mode === 'folder' && (
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <Input
            id="share-root"
            value={saved ?? ''}
            readOnly
            placeholder={t('syncPage.settings.notChosen')}
            data-testid="share-root"
          />
          <Button type="primary" loading={busy} onClick={() => void choose()} data-testid="share-choose">
            {t('syncPage.settings.choose')}
          </Button>
        </Space.Compact>
      )}
      {error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="share-error" />
      )}
      {seen && saved && (
        <Alert
          style={{ marginTop: 12 }}
          showIcon
          type={
            seen.state === 'store'
              ? seen.tampered
                ? 'error'
                : seen.joined
                  ? seen.unlocked
                    ? 'success'
                    : 'warning'
                  : 'info'
              : seen.state === 'empty'
                ? 'info'
                : 'warning'
          }
          title={stateText(seen)}
          description={
            seen.state === 'store' && seen.encrypted && !seen.unlocked && !seen.tampered
              ? t(seen.joined ? 'syncPage.passphrase.locked' : 'syncPage.passphrase.joinHint')
              : undefined
          }
          data-testid="share-state"
          action={
            <Space>
              {seen.state === 'store' && !seen.joined && !seen.encrypted && (
                <>
                  <Button
                    type="primary"
                    onClick={() => void sharing.run(() => join())}
                    disabled={busy || !isManager}
                    data-testid="share-join"
                  >
                    {t('syncPage.settings.join')}
                  </Button>
                  {!isManager && (
                    <Typography.Text type="secondary">{t('roles.managerOnlyHint')}</Typography.Text>
                  )}
                </>
              )}
              {seen.state === 'store' && seen.joined && !seen.unlocked && seen.encrypted && (
                <UnlockShareButton
                  onUnlocked={() => void data.read.inspectShare(createIpcShare()).then(setSeen)}
                />
              )}
            </Space>
          }
        />
      )}
      {seen?.state === 'empty' && saved && (
        <ShareCreateForm canEncrypt={isManager} canCreate={isManager} busy={busy} onCreate={create} />
      )}
      {seen?.state === 'store' && saved && !seen.joined && seen.encrypted && (
        <div style={{ marginTop: 12 }}>
          <EnterPassphraseForm
            name="join"
            autoFocus
            submitLabel={t('syncPage.settings.join')}
            onSubmit={join}
            onError={setError}
          />
        </div>
      )}
      {saved && (
        <Button
          style={{ marginTop: 12 }}
          onClick={async () => {
            await useSync.getState().clear()
            setSaved(null)
            setSeen(null)
            void message.success(t('syncPage.settings.cleared'))
          }}
        >
          {t('syncPage.settings.clear')}
        </Button>
      )}
    </Card>
  )
}
