import { useState, type KeyboardEvent } from 'react'
import { App, Form, Input, Modal, Typography } from 'antd'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { pinFormSchema, type PinForm } from '@shared/domain/pin'
import type { Staff } from '@shared/domain/staff'
import { StaffPinRefusedError } from '@/db'
import { useData, useSession } from '@/app/session'
import { describeError } from '@/app/errors'
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
  const { message } = App.useApp()
  const data = useData()
  const me = useSession((s) => s.staff)
  const [saving, setSaving] = useState(false)
  const form = useForm<PinForm, unknown, z.output<typeof pinFormSchema>>({
    resolver: zodResolver(pinFormSchema),
    defaultValues: { pin: '', confirm: '' }
  })
  const errors = form.formState.errors
  const who = { staffNo: target.staffNo, name: target.name }

  const submit = form.handleSubmit(async ({ pin }) => {
    if (!me || saving) return
    setSaving(true)
    try {
      await data.write.setStaffPin(me.staffNo, target.staffNo, pin)
      message.success(t('staffPin.done', who))
      onClose()
    } catch (e) {
      if (e instanceof StaffPinRefusedError && e.message.startsWith('validation.'))
        form.setError('pin', { message: e.message })
      else if (e instanceof StaffPinRefusedError) message.error(t(e.message))
      else message.error(describeError(e, t))
    } finally {
      setSaving(false)
    }
  })

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
      confirmLoading={saving}
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
