import { useState } from 'react'
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd'
import dayjs from 'dayjs'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { setupSchema, type SetupForm, type SetupInput } from '@shared/domain/setup'
import { useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'
import { enterMovesOn, useCtrlS } from '@/ui/keyboard'
import { callDesk } from '@/ipc/desk'
import { RestorePreviewModal, type RestoreSource } from '@/features/backup/RestorePreviewModal'
import { useLastGoodBackup } from '@/features/backup/useLastGoodBackup'
import { backupCountsText } from '@/features/backup/backupText'
import type { BackupEntry } from '@shared/ipc/contract'

/** First run: store name, first manager, and this PC's name and code. */
export function SetupPage() {
  const { t } = useTranslation()
  const device = useSession((s) => s.device)
  // Nobody is at the desk yet: this form makes the first manager.
  const saving = useAction({ staff: false })
  // 从备份恢复: a replacement PC takes the old one's data from a backup file (picked in main's dialog).
  const opening = useAction({ staff: false })
  const [source, setSource] = useState<RestoreSource | null>(null)
  const openBackup = () =>
    opening.run(async () => {
      const file = await callDesk('backupOpenFile', undefined)
      if (file) setSource({ bytes: file.bytes, name: file.name })
    })
  // Backups in this PC's own data folder on a first run mean the PC had data: its database was lost
  // (a damaged IndexedDB that Chromium rebuilt empty after a power cut, or cleared). Say so before
  // anyone sets the store up again, and offer the newest good one.
  const found = useLastGoodBackup()?.last
  const openLast = (entry: BackupEntry) =>
    opening.run(async () => {
      const { bytes } = await callDesk('backupRead', { id: entry.id })
      setSource({ id: entry.id, bytes })
    })
  const form = useForm<SetupForm, unknown, SetupInput>({
    resolver: zodResolver(setupSchema),
    defaultValues: {
      storeName: '',
      managerStaffNo: '',
      managerName: '',
      deviceName: device?.deviceName ?? '',
      deviceCode: device?.deviceCode ?? ''
    }
  })
  const { control, formState } = form
  const errors = formState.errors

  const submit = form.handleSubmit((input) =>
    saving.run(() => useSession.getState().finishSetup(input), 'setup.done')
  )
  useCtrlS(() => void submit())

  const text = (name: keyof SetupForm, label: string, extra?: string) => (
    <FormField name={name} label={label} error={errors[name]} required extra={extra}>
      <Controller
        name={name}
        control={control}
        render={({ field }) => (
          <Input {...field} id={fieldId(name)} data-field={name} autoFocus={name === 'storeName'} />
        )}
      />
    </FormField>
  )

  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'center',
        padding: 40,
        background: '#f5f7fa',
        minHeight: '100%'
      }}
    >
      <Card style={{ width: 520 }}>
        <Typography.Title level={3}>{t('setup.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        {found && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="setup-found-backup"
            title={t('backup.setupFound.title')}
            description={
              <>
                <Typography.Paragraph>
                  {t('backup.setupFound.body', {
                    time: dayjs(found.createdAt).format('YYYY-MM-DD HH:mm'),
                    counts: backupCountsText(t, found.counts)
                  })}
                </Typography.Paragraph>
                <Button type="primary" loading={opening.busy} onClick={() => void openLast(found)}>
                  {t('backup.setupFound.restore')}
                </Button>
              </>
            }
          />
        )}
        <Form layout="vertical" component="div" onKeyDown={enterMovesOn}>
          {text('storeName', t('setup.storeName'))}
          {text('managerStaffNo', t('setup.managerStaffNo'))}
          {text('managerName', t('setup.managerName'))}
          <Divider titlePlacement="start">{t('setup.device')}</Divider>
          {text('deviceName', t('setup.deviceName'))}
          {text('deviceCode', t('setup.deviceCode'), t('setup.deviceCodeHint'))}
          <Button
            type="primary"
            block
            loading={saving.busy}
            onClick={() => void submit()}
            data-field="submit"
          >
            {t('action.finishSetup')}
          </Button>
        </Form>
        <Divider />
        <Typography.Paragraph type="secondary">{t('backup.setupOffer')}</Typography.Paragraph>
        <Button block loading={opening.busy} onClick={() => void openBackup()}>
          {t('backup.restoreFromBackup')}
        </Button>
        {/* After the restore the store is set up: the app leaves this screen by itself. */}
        {source && (
          <RestorePreviewModal
            key={`${source.bytes.byteLength}`}
            source={source}
            onClose={() => setSource(null)}
            onRestored={() => setSource(null)}
          />
        )}
      </Card>
    </div>
  )
}
