import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Col, Descriptions, Form, Radio, Row, Space, Typography } from 'antd'
import { Controller, useForm, type FieldError, type FieldPath } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import dayjs from 'dayjs'
import {
  complaintIntakeSchema,
  emptyIntakeForm,
  type ComplaintIntake,
  type ComplaintIntakeForm
} from '@shared/domain/complaint'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField } from '@/ui/FormField'
import { TextField } from '@/ui/TextField'
import { enterMovesOn, useCtrlS } from '@/ui/keyboard'
import { complaintOptions } from './options'
import { useIntakeDraft } from './useIntakeDraft'
import { CustomerMatch } from './CustomerMatch'
import { CustomerPicker } from '@/features/customers/CustomerPicker'
import { usePhoneDisplay } from '@/features/customers/usePrivacy'

type Field = FieldPath<ComplaintIntakeForm>

/** 新建投诉: the 顾客投诉登记表, keyboard only (Enter moves on, Ctrl+S saves), kept as a draft while typed. */
export function NewComplaintPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const today = dayjs(data.now()).format('YYYY-MM-DD')
  const saving = useAction({ failure: 'error.saveFailed' })
  const form = useForm<ComplaintIntakeForm, unknown, ComplaintIntake>({
    resolver: zodResolver(complaintIntakeSchema(today)),
    defaultValues: emptyIntakeForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const draft = useIntakeDraft(form)
  const { control, formState } = form
  const options = complaintOptions(t)
  // Numbers that came from the archive (a picked customer, or the one a restored draft is linked to)
  // show masked to those without the right; the form keeps them whole (docs/security.md §4).
  const [archivePhones, setArchivePhones] = useState<string[]>([])
  const phoneDisplay = usePhoneDisplay(archivePhones)
  useEffect(() => {
    const linked = draft.restoredAt === null ? undefined : form.getValues('customerId')
    if (!linked) return
    let live = true
    void data.read.getCustomer(linked).then((c) => {
      if (live && c) setArchivePhones((known) => [...known, ...c.phones])
    })
    return () => {
      live = false
    }
  }, [data, draft.restoredAt, form])

  const save = () => {
    void form.handleSubmit(
      (intake) =>
        saving.run(
          async (staff) => {
            const complaint = await data.write.registerComplaint(staff.staffNo, intake)
            await draft.finish()
            navigate(`/complaints/${complaint.id}`)
            return complaint
          },
          (complaint) => t('complaint.saved', { no: complaint.no })
        ),
      () => message.warning(t('validation.fixErrors'))
    )()
  }
  useCtrlS(save)

  if (!draft.loaded) return null

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

  const choice = (name: 'channel' | 'category' | 'emotion' | 'urgency', label: string) => (
    <FormField name={name} label={label} error={formState.errors[name]} required>
      <Controller
        name={name}
        control={control}
        render={({ field }) => (
          <div data-field={name} role="radiogroup" aria-label={label}>
            <Radio.Group
              name={name}
              optionType="button"
              buttonStyle="solid"
              options={options[name]}
              value={field.value}
              onChange={(e) => field.onChange(e.target.value)}
            />
          </div>
        )}
      />
    </FormField>
  )

  return (
    <Card
      title={t('complaint.formTitle')}
      extra={<Typography.Text type="secondary">{t('complaint.keyboardHint')}</Typography.Text>}
      style={{ maxWidth: 1080 }}
    >
      {draft.restoredAt !== null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="draft-restored"
          title={t('complaint.draftRestored', { time: dayjs(draft.restoredAt).format('HH:mm:ss') })}
          action={
            <Button size="small" onClick={() => void draft.discard()}>
              {t('action.discardDraft')}
            </Button>
          }
        />
      )}
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('complaint.receivedAt')}>
          {dayjs(data.now()).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaint.firstResponder')}>
          <span data-testid="first-responder">
            {staff ? `${staff.staffNo} ${staff.name}` : t('staff.none')}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Form layout="vertical" component="div" onKeyDown={enterMovesOn}>
        {choice('channel', t('complaint.channel'))}
        <FormField name="customerPicker" label={t('customer.picker')}>
          <div style={{ maxWidth: 520 }}>
            <CustomerPicker
              onPick={(c) => {
                setArchivePhones((known) => [...known, ...c.phones])
                form.setValue('customerPhone', c.phone, { shouldDirty: true, shouldValidate: true })
                form.setValue('customerName', c.name, { shouldDirty: true, shouldValidate: true })
                form.setValue('customerId', c.id)
              }}
            />
          </div>
        </FormField>
        <Row gutter={16}>
          <Col span={8}>
            {text('customerPhone', t('complaint.customerPhone'), {
              required: true,
              autoFocus: true,
              display: phoneDisplay
            })}
          </Col>
          <Col span={8}>{text('customerName', t('complaint.customerName'), { required: true })}</Col>
          <Col span={8}>
            <CustomerMatch form={form} />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>{text('orderNo', t('complaint.orderNo'))}</Col>
          <Col span={6}>{text('itemNo', t('complaint.itemNo'))}</Col>
          <Col span={12}>{text('product', t('complaint.product'))}</Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>{text('quantity', t('complaint.quantity'))}</Col>
          <Col span={6}>
            {text('purchaseDate', t('complaint.purchaseDate'), {
              placeholder: t('complaint.datePlaceholder')
            })}
          </Col>
        </Row>
        {choice('category', t('complaint.category'))}
        {text('content', t('complaint.content'), { required: true, rows: 3 })}
        {text('demand', t('complaint.demand'), { rows: 2 })}
        <Row gutter={16}>
          <Col span={12}>{choice('emotion', t('complaint.emotion'))}</Col>
          <Col span={12}>{choice('urgency', t('complaint.urgency'))}</Col>
        </Row>
        <Space>
          <Button type="primary" loading={saving.busy} onClick={save} data-field="submit">
            {t('action.save')}
          </Button>
          <Button onClick={() => navigate('/complaints')}>{t('action.cancel')}</Button>
          {draft.savedAt !== null && (
            <Typography.Text type="secondary" data-testid="draft-saved">
              {t('complaint.draftSaved', { time: dayjs(draft.savedAt).format('HH:mm:ss') })}
            </Typography.Text>
          )}
        </Space>
      </Form>
    </Card>
  )
}
