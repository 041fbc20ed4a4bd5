import type { KeyboardEvent } from 'react'
import { Form, Input, Modal, Typography } from 'antd'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { pinFormSchema, type PinForm } from '@shared/domain/pin'
import type { Staff } from '@shared/domain/staff'
import { StaffPinRefusedError } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'

/** 设置PIN for one staff member: the PIN twice; Enter submits. Mounted only while open, so every
 *  opening starts empty (a PIN must never linger in a form). */
export function SetPinModal({ target, onClose }: { target: Staff | null; onClose: () => void }) {
  return target ? <SetPinDialog target={target} onClose={onClose} /> : null
}

const pinInputProps = {
  type: 'password',
  inputMode: 'numeric',
  maxLength: 6,
  autoComplete: 'new-password'
} as const

function SetPinDialog({ target, onClose }: { target: Staff; onClose: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  const form = useForm<PinForm, unknown, z.output<typeof pinFormSchema>>({
    resolver: zodResolver(pinFormSchema),
    defaultValues: { pin: '', confirm: '' }
  })
  const errors = form.formState.errors
  const saving = useAction({
    // The data layer's own check of the PIN's shape belongs next to the PIN field.
    toField: (e) => {
      if (!(e instanceof StaffPinRefusedError && e.message.startsWith('validation.'))) return false
      form.setError('pin', { message: e.message })
      return true
    }
  })
  const who = { staffNo: target.staffNo, name: target.name }

  const submit = form.handleSubmit(({ pin }) =>
    saving.run(
      async (me) => {
        await data.write.setStaffPin(me.staffNo, target.staffNo, pin)
        onClose()
      },
      () => t('staffPin.done', who)
    )
  )

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return
    event.preventDefault()
    void submit()
  }

  return (
    <Modal
      title={t('staffPin.dialogTitle', who)}
      open
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={saving.busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('staffPin.hint')}</Typography.Paragraph>
      <Form layout="vertical" component="div" onKeyDown={onKeyDown} data-testid="set-pin-form">
        <FormField name="pinNew" label={t('staffPin.newPin')} error={errors.pin}>
          <Controller
            name="pin"
            control={form.control}
            render={({ field }) => <Input {...field} {...pinInputProps} id={fieldId('pinNew')} autoFocus />}
          />
        </FormField>
        <FormField name="pinConfirm" label={t('staffPin.confirmPin')} error={errors.confirm}>
          <Controller
            name="confirm"
            control={form.control}
            render={({ field }) => <Input {...field} {...pinInputProps} id={fieldId('pinConfirm')} />}
          />
        </FormField>
      </Form>
    </Modal>
  )
}
