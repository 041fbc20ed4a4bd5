import type { KeyboardEvent } from 'react'
import { Button, Form, Input } from 'antd'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { enterSharePassphraseSchema, type EnterSharePassphrase } from '@shared/domain/sharePassphrase'
import { StoreChoiceError } from '@/db'
import { FormField, fieldId } from '@/ui/FormField'
import { useAction } from '@/ui/useAction'

/** The share passphrase for 加入已有门店 / 输入共享密码. A wrong one is said next to the field and the
 *  text stays, to be corrected; other failures are described and go to `onError`. Enter submits. */
export function EnterPassphraseForm(props: {
  /** field id suffix and test id prefix */
  name: string
  submitLabel: string
  /** checks the passphrase against store.json (PBKDF2 once, ~1 s) and keeps the key */
  onSubmit: (passphrase: string) => Promise<void>
  /** the failure in the staff's words (describeError) */
  onError: (text: string) => void
  autoFocus?: boolean
  /** inline beside the share state; vertical in a dialog */
  layout?: 'inline' | 'vertical'
}) {
  const { t } = useTranslation()
  const form = useForm<EnterSharePassphrase, unknown, z.output<typeof enterSharePassphraseSchema>>({
    resolver: zodResolver(enterSharePassphraseSchema),
    defaultValues: { passphrase: '' }
  })
  const id = `${props.name}Passphrase`

  const checking = useAction({
    staff: false,
    toField: (e) => {
      if (!(
        e instanceof StoreChoiceError &&
        (e.reason === 'wrongPassphrase' || e.reason === 'needsPassphrase')
      ))
        return false
      form.setError('passphrase', { message: e.message }, { shouldFocus: true })
      return true
    },
    showError: props.onError
  })

  const submit = form.handleSubmit(({ passphrase }) => checking.run(() => props.onSubmit(passphrase)))

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return
    event.preventDefault()
    void submit()
  }

  return (
    <Form
      layout={props.layout ?? 'inline'}
      component="div"
      onKeyDown={onKeyDown}
      data-testid={`${props.name}-passphrase-form`}
      style={{ rowGap: 8 }}
    >
      <FormField
        name={id}
        label={t('syncPage.passphrase.passphrase')}
        error={form.formState.errors.passphrase}
      >
        <Controller
          name="passphrase"
          control={form.control}
          render={({ field }) => (
            <Input.Password
              {...field}
              id={fieldId(id)}
              autoComplete="off"
              autoFocus={props.autoFocus}
              style={{ width: props.layout === 'vertical' ? '100%' : 280 }}
              data-testid={`${props.name}-passphrase`}
            />
          )}
        />
      </FormField>
      <Form.Item style={{ marginBottom: 14 }}>
        <Button
          type="primary"
          loading={checking.busy}
          onClick={() => void submit()}
          data-testid={`${props.name}-passphrase-submit`}
        >
          {props.submitLabel}
        </Button>
      </Form.Item>
    </Form>
  )
}
