import { Button, Col, Form, Input, Modal, Row, Select, Space } from 'antd'
import { Controller, useForm, type FieldPath } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import {
  complaintIntakeSchema,
  type Complaint,
  type ComplaintIntake,
  type ComplaintIntakeForm
} from '@shared/domain/complaint'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'
import { complaintOptions } from './options'

type Field = FieldPath<ComplaintIntakeForm>

/** 修改登记内容: corrections after intake; every changed field lands on the timeline with old → new. */
export function EditComplaintDialog({ complaint, onClose }: { complaint: Complaint; onClose: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  const saving = useAction({ failure: 'error.saveFailed' })
  const options = complaintOptions(t)
  const form = useForm<ComplaintIntakeForm, unknown, ComplaintIntake>({
    resolver: zodResolver(complaintIntakeSchema(dayjs(data.now()).format('YYYY-MM-DD'))),
    defaultValues: {
      channel: complaint.channel,
      customerPhone: complaint.customerPhone,
      customerName: complaint.customerName,
      customerId: complaint.customerId,
      orderNo: complaint.orderNo,
      itemNo: complaint.itemNo,
      product: complaint.product,
      quantity: complaint.quantity === null ? '' : String(complaint.quantity),
      purchaseDate: complaint.purchaseDate,
      category: complaint.category,
      content: complaint.content,
      demand: complaint.demand,
      emotion: complaint.emotion,
      urgency: complaint.urgency
    }
  })
  const errors = form.formState.errors
  const save = form.handleSubmit((edited) =>
    saving.run(
      async (staff) => {
        const changed = await data.write.editComplaint(staff.staffNo, complaint.id, edited)
        onClose()
        return changed
      },
      (count) => t('complaint.edited', { count })
    )
  )
  const text = (name: Field, rows?: number) => (
    <FormField name={name} label={t(`complaint.${name}`)} error={errors[name]}>
      <Controller
        name={name}
        control={form.control}
        render={({ field }) =>
          rows ? (
            <Input.TextArea {...field} id={fieldId(name)} rows={rows} value={String(field.value ?? '')} />
          ) : (
            <Input {...field} id={fieldId(name)} value={String(field.value ?? '')} />
          )
        }
      />
    </FormField>
  )
  const choice = (name: 'channel' | 'category' | 'emotion' | 'urgency') => (
    <FormField name={name} label={t(`complaint.${name}`)} error={errors[name]}>
      <Controller
        name={name}
        control={form.control}
        render={({ field }) => (
          <Select id={fieldId(name)} value={field.value} onChange={field.onChange} options={options[name]} />
        )}
      />
    </FormField>
  )
  return (
    <Modal
      open
      title={t('complaint.edit')}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" disabled={saving.busy} onClick={() => void save()}>
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col span={6}>{choice('channel')}</Col>
          <Col span={6}>{choice('category')}</Col>
          <Col span={6}>{choice('emotion')}</Col>
          <Col span={6}>{choice('urgency')}</Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>{text('customerName')}</Col>
          <Col span={8}>{text('orderNo')}</Col>
          <Col span={8}>{text('itemNo')}</Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>{text('product')}</Col>
          <Col span={6}>{text('quantity')}</Col>
          <Col span={6}>{text('purchaseDate')}</Col>
        </Row>
        {text('content', 3)}
        {text('demand', 2)}
      </Form>
    </Modal>
  )
}
