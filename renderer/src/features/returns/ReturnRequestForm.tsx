import { useState } from 'react'
import { Alert, App, Button, Col, Form, Radio, Row, Space, Typography } from 'antd'
import { Controller, useForm, type FieldError, type FieldPath } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import type { Complaint } from '@shared/domain/complaint'
import {
  emptyReturnForm,
  returnFormFromComplaint,
  returnFormSchema,
  type ReturnForm,
  type ReturnInput,
  type ReturnRequest
} from '@shared/domain/returns'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField } from '@/ui/FormField'
import { TextField } from '@/ui/TextField'
import { enterMovesOn, useCtrlS } from '@/ui/keyboard'
import { CustomerHint } from './CustomerHint'
import { usePhoneDisplay } from '@/features/customers/usePrivacy'
import { returnOptions } from './options'

type Field = FieldPath<ReturnForm>

/** 退换货登记, keyboard only (Enter moves on, Ctrl+S saves). Given a complaint it starts pre-filled
 *  and linked to it; a refused save keeps everything typed. */
export function ReturnRequestForm({
  complaint,
  onSaved
}: {
  complaint: Complaint | null
  onSaved: (record: ReturnRequest) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const [linked, setLinked] = useState(complaint)
  const saving = useAction({ failure: 'error.saveFailed' })
  const form = useForm<ReturnForm, unknown, ReturnInput>({
    resolver: zodResolver(returnFormSchema),
    defaultValues: complaint ? returnFormFromComplaint(complaint) : emptyReturnForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const { control, formState } = form
  const options = returnOptions(t)
  // Pre-filled from a complaint: its number shows masked to those without the right; the form keeps
  // it whole, so the return stays linked to the complaint's customer (docs/security.md §4).
  const phoneDisplay = usePhoneDisplay(linked ? [linked.customerPhone] : [])

  const unlink = () => {
    setLinked(null)
    form.setValue('complaintId', '')
    form.setValue('customerId', '')
  }

  const save = () => {
    void form.handleSubmit(
      (input) =>
        saving.run(async (staff) => {
          // A phone changed from the complaint's may be somebody else: then the data layer finds
          // (or archives) the customer by the phone typed, not the complaint's customer.
          const keepCustomer = linked !== null && input.customerPhone === linked.customerPhone
          const record = await data.write.registerReturn(staff.staffNo, {
            ...input,
            complaintId: linked?.id ?? null,
            customerId: keepCustomer ? input.customerId : null
          })
          form.reset(emptyReturnForm)
          setLinked(null)
          onSaved(record)
        }, 'returns.saved'),
      () => message.warning(t('validation.fixErrors'))
    )()
  }
  useCtrlS(save)

  const text = (
    name: Field,
    label: string,
    props: {
      required?: boolean
      rows?: number
      placeholder?: string
      autoFocus?: boolean
      display?: (value: string) => string | null
    } = {}
  ) => (
    <TextField
      control={control}
      name={name}
      label={label}
      error={formState.errors[name] as FieldError | undefined}
      {...props}
    />
  )

  return (
    <Form layout="vertical" component="div" onKeyDown={enterMovesOn} data-testid="return-form">
      {linked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="return-linked"
          title={t('returns.linkedTo', { no: linked.no })}
          description={t('returns.linkedHint')}
          action={
            <Button size="small" onClick={unlink}>
              {t('returns.unlink')}
            </Button>
          }
        />
      )}
      <Row gutter={16}>
        <Col span={8}>
          {text('customerPhone', t('returns.customerPhone'), {
            required: true,
            autoFocus: true,
            display: phoneDisplay
          })}
        </Col>
        <Col span={8}>{text('customerName', t('returns.customerName'), { required: true })}</Col>
        <Col span={8}>
          <CustomerHint form={form} />
        </Col>
      </Row>
      <FormField name="type" label={t('returns.type')} error={formState.errors.type} required>
        <Controller
          name="type"
          control={control}
          render={({ field }) => (
            <div data-field="type" role="radiogroup" aria-label={t('returns.type')}>
              <Radio.Group
                name="type"
                optionType="button"
                buttonStyle="solid"
                options={options.type}
                value={field.value}
                onChange={(e) => field.onChange(e.target.value)}
              />
            </div>
          )}
        />
      </FormField>
      <Row gutter={16}>
        <Col span={6}>
          {text('amount', t('returns.amount'), { placeholder: t('returns.amountPlaceholder') })}
        </Col>
        <Col span={10}>
          {text('refundAccount', t('returns.refundAccount'), {
            placeholder: t('returns.refundAccountPlaceholder')
          })}
        </Col>
        <Col span={8}>{text('accountName', t('returns.accountName'))}</Col>
      </Row>
      {text('reason', t('returns.reason'), { required: true, rows: 2 })}
      <Space>
        <Button type="primary" loading={saving.busy} onClick={save} data-field="submit">
          {t('action.save')}
        </Button>
        <Typography.Text type="secondary">{t('returns.keyboardHint')}</Typography.Text>
      </Space>
    </Form>
  )
}
