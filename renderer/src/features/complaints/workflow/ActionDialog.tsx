import { useState } from 'react'
import { Button, Checkbox, Form, Input, Modal, Radio, Select, Space } from 'antd'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { RESOLUTIONS, SATISFACTIONS, type Complaint } from '@shared/domain/complaint'
import type { ActionType } from '@shared/domain/workflow'
import { WorkflowRefusedError, type WorkflowConfig } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'
import { ACTION_FORMS, AmountFormatError, type ActionValues, type FieldSpec } from './actionForms'
import { CustomerTextArea } from './CustomerTextArea'

/** One workflow step: its fields, the domain's verdict shown next to the field it concerns. Nothing typed is lost on refusal. */
export function ActionDialog({
  complaint,
  action,
  config,
  onClose
}: {
  complaint: Complaint
  action: ActionType
  config: WorkflowConfig
  onClose: () => void
}) {
  const { t } = useTranslation()
  const data = useData()
  const spec = ACTION_FORMS[action]
  const form = useForm<ActionValues>({ defaultValues: spec.defaults })
  const [generalError, setGeneralError] = useState<string | null>(null)
  const label = t(`workflow.action.${action}`)

  const saving = useAction({
    // The domain's verdict on one field goes next to it; any other refusal under the form.
    toField: (e) => {
      if (e instanceof AmountFormatError) form.setError('amount', { message: e.message })
      else if (
        e instanceof WorkflowRefusedError &&
        e.error.field &&
        spec.fields.some((f) => f.name === e.error.field)
      )
        form.setError(e.error.field, { message: e.error.message })
      else return false
      return true
    },
    showError: setGeneralError
  })

  const submit = form.handleSubmit((values) => {
    setGeneralError(null)
    form.clearErrors()
    return saving.run(
      async (staff) => {
        await data.write.applyWorkflow(
          { staffNo: staff.staffNo, role: staff.role },
          complaint.id,
          spec.toAction(values)
        )
        onClose()
      },
      () => t(`workflow.actionDone.${action}`)
    )
  })

  // What is typed so far decides which fields show (补偿金额 only for plans that pay).
  const values = useWatch({ control: form.control }) as ActionValues
  const satisfaction = values.satisfaction
  const control = (f: FieldSpec, field: { value: unknown; onChange: (v: unknown) => void }) => {
    const id = fieldId(f.name)
    switch (f.kind) {
      case 'customerText':
        return (
          <CustomerTextArea
            id={id}
            value={String(field.value ?? '')}
            onChange={field.onChange}
            complaint={complaint}
          />
        )
      case 'text':
        return (
          <Input
            id={id}
            value={String(field.value ?? '')}
            onChange={(e) => field.onChange(e.target.value)}
            maxLength={200}
          />
        )
      case 'textarea':
        return (
          <Input.TextArea
            id={id}
            rows={3}
            value={String(field.value ?? '')}
            onChange={(e) => field.onChange(e.target.value)}
            maxLength={1000}
          />
        )
      case 'amount':
        return (
          <Input
            id={id}
            value={String(field.value ?? '')}
            onChange={(e) => field.onChange(e.target.value)}
            suffix="¥"
            style={{ width: 200 }}
          />
        )
      case 'department':
        return (
          <Select
            id={id}
            showSearch
            value={String(field.value ?? '') || undefined}
            onChange={field.onChange}
            options={config.departments.map((d) => ({ value: d, label: d }))}
          />
        )
      case 'resolution':
        return (
          <Radio.Group
            id={id}
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            optionType="button"
            options={RESOLUTIONS.map((r) => ({ value: r, label: t(`workflow.resolution.${r}`) }))}
          />
        )
      case 'satisfaction':
        return (
          <Radio.Group
            id={id}
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            optionType="button"
            options={SATISFACTIONS.map((s) => ({ value: s, label: t(`workflow.satisfaction.${s}`) }))}
          />
        )
      case 'accepted':
        return (
          <Radio.Group
            id={id}
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            optionType="button"
            options={[
              { value: true, label: t('workflow.yes') },
              { value: false, label: t('workflow.no') }
            ]}
          />
        )
      case 'reopen':
        return (
          <Checkbox
            id={id}
            checked={field.value === true}
            disabled={satisfaction !== 'unsatisfied'}
            onChange={(e) => field.onChange(e.target.checked)}
          >
            {t('workflow.field.reopen')}
          </Checkbox>
        )
      case 'feedbackDepartments':
        return (
          <Checkbox.Group
            value={Array.isArray(field.value) ? field.value : []}
            onChange={field.onChange}
            options={config.departments.map((d) => ({ value: d, label: d }))}
          />
        )
    }
  }

  return (
    <Modal
      open
      title={label}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      // Our own footer: antd's confirmLoading sometimes stayed "loading" after a quick refusal
      // (true → false within milliseconds), leaving a button that ignores clicks.
      footer={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" disabled={saving.busy} onClick={() => void submit()}>
            {label}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        {spec.fields
          .filter((f) => !f.shownWhen || f.shownWhen(values))
          .map((f) => (
            <FormField
              key={f.name}
              name={f.name}
              label={f.kind === 'reopen' ? '' : t(f.label)}
              error={form.formState.errors[f.name] as never}
            >
              <Controller
                name={f.name}
                control={form.control}
                render={({ field }) => control(f, field) ?? <span />}
              />
            </FormField>
          ))}
        {generalError && (
          <div role="alert" data-testid="action-error" style={{ color: '#cf1322' }}>
            {generalError}
          </div>
        )}
      </Form>
    </Modal>
  )
}
