import { useState } from 'react'
import { Alert, App, Button, Modal, Typography } from 'antd'
import { LockOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { createIpcShare } from '@/ipc/ipcShare'
import { useData } from '@/app/session'
import { EnterPassphraseForm } from './EnterPassphraseForm'
import { useSync } from '@/app/syncStore'

/** "输入共享密码" for a PC that has joined an encrypted store but holds no fitting key: the button and
 *  its dialog (same check as joining); the next round runs at once with the kept key. */
export function UnlockShareButton({ onUnlocked }: { onUnlocked?: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)

  return (
    <>
      <Button type="primary" icon={<LockOutlined />} onClick={() => setOpen(true)} data-testid="share-unlock">
        {t('syncPage.passphrase.unlock')}
      </Button>
      {open && (
        <Modal
          title={t('syncPage.passphrase.unlockTitle')}
          open
          footer={null}
          onCancel={() => setOpen(false)}
          destroyOnHidden
          width={520}
        >
          <Typography.Paragraph type="secondary">{t('syncPage.passphrase.unlockHint')}</Typography.Paragraph>
          <EnterPassphraseForm
            name="unlock"
            layout="vertical"
            autoFocus
            submitLabel={t('syncPage.passphrase.unlockOk')}
            onSubmit={async (passphrase) => {
              setError(null)
              await data.write.unlockJoinedStore(createIpcShare(), passphrase)
              setOpen(false)
              void message.success(t('syncPage.passphrase.unlocked'))
              onUnlocked?.()
              await useSync.getState().syncNow()
            }}
            onError={setError}
          />
          {error && <Alert type="error" showIcon title={error} data-testid="unlock-error" />}
        </Modal>
      )}
    </>
  )
}
