import type { KeyboardEvent } from 'react'
import { Button, Form, Input } from 'antd'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { staffNoSchema, type Staff } from '@shared/domain/staff'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'
import { enterMovesOn } from '@/ui/keyboard'
import { decideCredentials } from './credentialCheck'

// 工号 + PIN, for a step someone must confirm in person — the incoming clerk's 确认接班. The PIN is
// checked by the data layer through the lockout (checkPinGuarded, issue 17); the person at the desk without a PIN yet may confirm by 工号 alone
// (decideCredentials). The PIN field is free text: any PIN that does not match is simply wrong.

const credentialsSchema = z.object({ staffNo: staffNoSchema, pin: z.string() })
type CredentialsInput = z.input<typeof credentialsSchema>

export interface StaffCredentialsFormProps {
  /** the button, e.g. t('action.acknowledgeHandover') = 确认接班 */
  submitLabel: string
  /** pre-filled 工号, e.g. the expected incoming clerk */
  defaultStaffNo?: string
  /** runs once the 工号 is confirmed; the form clears its PIN afterwards either way */
  onSubmit: (result: { staff: Staff }) => Promise<unknown>
}

export function StaffCredentialsForm({
  submitLabel,
  defaultStaffNo = '',
  onSubmit
}: StaffCredentialsFormProps) {
  const { t } = useTranslation()
  const data = useData()
  const sessionStaffNo = useSession((s) => s.staff?.staffNo)
  // The one confirming is whoever the form names, not necessarily the staff at the desk.
  const checking = useAction({ staff: false })
  const form = useForm<CredentialsInput, unknown, z.output<typeof credentialsSchema>>({
    resolver: zodResolver(credentialsSchema),
    defaultValues: { staffNo: defaultStaffNo, pin: '' }
  })
  const errors = form.formState.errors

  const submit = form.handleSubmit(({ staffNo, pin }) =>
    checking.run(async () => {
      try {
        // through the lockout: five wrong PINs in a row lock the 工号 here as in 切换工号
        const check = await data.write.checkPinGuarded(staffNo, pin)
        const decision = decideCredentials({
          result: check.outcome,
          sessionStaffNo,
          enteredStaffNo: staffNo,
          enteredPin: pin
        })
        if (!decision.accepted) {
          form.setError(decision.field, { message: decision.message })
          return
        }
        const staff = await data.read.getStaffByNo(staffNo)
        if (!staff) form.setError('staffNo', { message: 'staffPin.check.unknownStaff' })
        else await onSubmit({ staff })
      } finally {
        form.setValue('pin', '')
      }
    })
  )

  // Enter moves from 工号 to PIN, and submits from PIN.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (
      event.key === 'Enter' &&
      (event.target as HTMLElement).id === fieldId('credPin') &&
      !event.nativeEvent.isComposing
    ) {
      event.preventDefault()
      void submit()
    } else enterMovesOn(event)
  }

  return (
    <Form layout="inline" component="div" onKeyDown={onKeyDown} data-testid="staff-credentials">
      <FormField name="credStaffNo" label={t('staffPin.staffNo')} error={errors.staffNo}>
        <Controller
          name="staffNo"
          control={form.control}
          render={({ field }) => (
            <Input {...field} id={fieldId('credStaffNo')} data-field="staffNo" style={{ width: 120 }} />
          )}
        />
      </FormField>
      <FormField name="credPin" label={t('staffPin.pin')} error={errors.pin}>
        <Controller
          name="pin"
          control={form.control}
          render={({ field }) => (
            <Input
              {...field}
              id={fieldId('credPin')}
              data-field="pin"
              type="password"
              inputMode="numeric"
              maxLength={6}
              autoComplete="off"
              style={{ width: 120 }}
            />
          )}
        />
      </FormField>
      <Button type="primary" loading={checking.busy} onClick={() => void submit()} data-field="submit">
        {submitLabel}
      </Button>
    </Form>
  )
}
