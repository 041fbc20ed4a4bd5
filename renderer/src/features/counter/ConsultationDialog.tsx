import { useState } from 'react'
import { App, Button, Col, Form, Modal, Radio, Row, Space, Tag, Typography } from 'antd'
import { Controller, useForm, useWatch, type FieldError, type FieldPath } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { focusFieldAfterOpen, useFocusFieldOnMount } from '@/ui/dialogFocus'
import {
  consultationFormSchema,
  emptyConsultationForm,
  type ConsultationForm,
  type ConsultationInput
} from '@shared/domain/counter/consultation'
import { CounterRefusedError, type StoredCustomer } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'
import { TextField } from '@/ui/TextField'
import { enterMovesOn, useCtrlS } from '@/ui/keyboard'
import { CustomerPicker } from '@/features/customers/CustomerPicker'
import { AnswerField } from './AnswerField'
import { COUNTER_KEYS, useCounterDialogs } from './counterDialogs'
import { counterOptions } from './options'

type Field = FieldPath<ConsultationForm>

/** 新建咨询 (F2 from anywhere). The question has the focus: a walk-in is the question, the answer,
 *  Enter to the outcome, an arrow key, Ctrl+S. The customer is optional (the Ctrl+K search, or just a
 *  phone). A refused save keeps everything typed, the message next to its field. */
export function ConsultationDialog() {
  const { t } = useTranslation()
  const open = useCounterDialogs((s) => s.open === 'consultation')
  const close = useCounterDialogs((s) => s.close)
  return (
    <Modal
      open={open}
      title={
        <Space>
          {t('counter.newConsultation')}
          <Tag>{t('counter.hotkey', { key: COUNTER_KEYS.consultation })}</Tag>
        </Space>
      }
      onCancel={close}
      // Opens at once, no zoom, its first field focused as soon as it is in the page: keys typed the
      // moment after the shortcut must reach it. The modal then takes the focus once it has opened;
      // the field gets it back unless the person already chose another field.
      transitionName=""
      maskTransitionName=""
      afterOpenChange={(visible) => focusFieldAfterOpen(visible, fieldId('question'))}
      footer={null}
      width={760}
      destroyOnHidden
    >
      <ConsultationFormBody onDone={close} />
    </Modal>
  )
}

function ConsultationFormBody({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const [picked, setPicked] = useState<StoredCustomer | null>(null)
  const form = useForm<ConsultationForm, unknown, ConsultationInput>({
    resolver: zodResolver(consultationFormSchema),
    defaultValues: emptyConsultationForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const { control, formState } = form
  useFocusFieldOnMount(fieldId('question'), (text) => form.setValue('question', text))
  const saving = useAction({
    failure: 'error.saveFailed',
    toField: (e) => {
      if (!(e instanceof CounterRefusedError) || !e.field) return false
      form.setError(e.field as Field, { message: e.message })
      return true
    }
  })
  const options = counterOptions(t)
  const customerName = useWatch({ control, name: 'customerName' }) ?? ''

  const save = () => {
    void form.handleSubmit(
      (input) =>
        saving.run(async (staff) => {
          await data.write.registerConsultation(staff.staffNo, input)
          onDone()
        }, 'counter.saved'),
      () => message.warning(t('validation.fixErrors'))
    )()
  }
  useCtrlS(save)

  const pick = (c: StoredCustomer) => {
    setPicked(c)
    form.setValue('customerId', c.id)
    form.setValue('customerName', c.name)
    form.setValue('customerPhone', c.phone)
  }
  const unpick = () => {
    setPicked(null)
    for (const f of ['customerId', 'customerName', 'customerPhone'] as const) form.setValue(f, '')
  }

  const text = (
    name: Field,
    label: string,
    props: { required?: boolean; rows?: number; autoFocus?: boolean } = {}
  ) => (
    <TextField
      control={control}
      name={name}
      label={label}
      error={formState.errors[name] as FieldError | undefined}
      {...props}
    />
  )
  const radios = (
    name: 'channel' | 'topic' | 'outcome',
    label: string,
    opts: { value: string; label: string }[]
  ) => (
    <FormField name={name} label={label} error={formState.errors[name]}>
      <Controller
        name={name}
        control={control}
        render={({ field }) => (
          <div data-field={name} role="radiogroup" aria-label={label} id={fieldId(name)}>
            <Radio.Group
              name={name}
              optionType="button"
              buttonStyle="solid"
              size="small"
              options={opts}
              value={field.value}
              onChange={(e) => field.onChange(e.target.value)}
            />
          </div>
        )}
      />
    </FormField>
  )

  return (
    <Form layout="vertical" component="div" onKeyDown={enterMovesOn} data-testid="consultation-form">
      {text('question', t('counter.question'), { required: true, rows: 2, autoFocus: true })}
      <FormField name="answer" label={t('counter.answer')} error={formState.errors.answer}>
        <Controller
          name="answer"
          control={control}
          render={({ field }) => (
            <AnswerField
              id={fieldId('answer')}
              value={field.value ?? ''}
              onChange={field.onChange}
              customerName={customerName}
            />
          )}
        />
      </FormField>
      {radios('outcome', t('counter.outcome'), options.outcome)}
      <Row gutter={16}>
        <Col span={12}>{text('orderNo', t('counter.orderNo'))}</Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>{radios('channel', t('counter.channel'), options.channel)}</Col>
        <Col span={12}>{radios('topic', t('counter.topic'), options.topic)}</Col>
      </Row>
      <FormField name="customer" label={t('counter.customer')}>
        {picked ? (
          <Space>
            <Typography.Text data-testid="consultation-customer">
              {t('counter.customerPicked', { name: picked.name })}
            </Typography.Text>
            <Button size="small" onClick={unpick}>
              {t('counter.clearCustomer')}
            </Button>
          </Space>
        ) : (
          <CustomerPicker onPick={pick} />
        )}
      </FormField>
      {!picked && (
        <Row gutter={16}>
          <Col span={12}>{text('customerPhone', t('counter.customerPhone'))}</Col>
          <Col span={12}>{text('customerName', t('counter.customerName'))}</Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col span={14}>{text('product', t('counter.product'))}</Col>
        <Col span={10}>{text('itemNo', t('counter.itemNo'))}</Col>
      </Row>
      <Space>
        <Button type="primary" loading={saving.busy} onClick={save} data-field="submit">
          {t('action.save')}
        </Button>
        <Typography.Text type="secondary">{t('counter.keyboardHint')}</Typography.Text>
      </Space>
    </Form>
  )
}
