import { useState } from 'react'
import { Alert, Button, Checkbox, Form, Input, Space, Typography } from 'antd'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { newSharePassphraseSchema, type NewSharePassphrase } from '@shared/domain/sharePassphrase'
import { FormField, fieldId } from '@/ui/FormField'

const passwordProps = { autoComplete: 'new-password', style: { width: 260 } } as const

/** 新建门店共享 in an empty folder, optionally with 加密共享文件 (a manager only: the passphrase binds
 *  every PC of the store). The passphrase goes to the data layer and nowhere else. */
export function ShareCreateForm(props: {
  canEncrypt: boolean
  /** 新建门店共享 is a 客服经理's (issue 17 point 2; the data layer refuses anyone else too) */
  canCreate?: boolean
  busy: boolean
  onCreate: (passphrase?: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const [encrypt, setEncrypt] = useState(false)
  const form = useForm<NewSharePassphrase, unknown, z.output<typeof newSharePassphraseSchema>>({
    resolver: zodResolver(newSharePassphraseSchema),
    defaultValues: { passphrase: '', confirm: '' }
  })
  const errors = form.formState.errors
  const create = encrypt
    ? form.handleSubmit(({ passphrase }) => props.onCreate(passphrase))
    : () => props.onCreate()

  return (
    <div
      style={{ marginTop: 12, padding: 12, border: '1px solid #f0f0f0', borderRadius: 8 }}
      data-testid="share-create-form"
    >
      <Checkbox
        checked={encrypt}
        disabled={!props.canEncrypt}
        onChange={(e) => setEncrypt(e.target.checked)}
        data-testid="share-encrypt"
      >
        {t('syncPage.passphrase.encrypt')}
      </Checkbox>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>
        {props.canEncrypt ? t('syncPage.passphrase.encryptHint') : t('syncPage.passphrase.managerOnly')}
      </Typography.Paragraph>
      {encrypt && (
        <div style={{ margin: '12px 0 0 24px' }}>
          <Alert
            type="warning"
            showIcon
            title={t('syncPage.passphrase.warning')}
            style={{ marginBottom: 12, maxWidth: 640 }}
            data-testid="share-passphrase-warning"
          />
          <Form layout="vertical" component="div">
            <FormField
              name="sharePassphrase"
              label={t('syncPage.passphrase.passphrase')}
              error={errors.passphrase}
              required
            >
              <Controller
                name="passphrase"
                control={form.control}
                render={({ field }) => (
                  <Input.Password {...field} {...passwordProps} id={fieldId('sharePassphrase')} autoFocus />
                )}
              />
            </FormField>
            <FormField
              name="sharePassphraseConfirm"
              label={t('syncPage.passphrase.confirm')}
              error={errors.confirm}
              required
            >
              <Controller
                name="confirm"
                control={form.control}
                render={({ field }) => (
                  <Input.Password {...field} {...passwordProps} id={fieldId('sharePassphraseConfirm')} />
                )}
              />
            </FormField>
          </Form>
        </div>
      )}
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          loading={props.busy}
          disabled={props.canCreate === false}
          onClick={() => void create()}
          data-testid="share-create"
        >
          {t('syncPage.settings.create')}
        </Button>
        {props.canCreate === false && (
          <Typography.Text type="secondary">{t('roles.managerOnlyHint')}</Typography.Text>
        )}
      </Space>
    </div>
  )
}
