import { App, Button, Col, Form, Modal, Radio, Row, Space, Tag, Typography } from 'antd'
import { Controller, useForm, type FieldError, type FieldPath } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { focusFieldAfterOpen, useFocusFieldOnMount } from '@/ui/dialogFocus'
import {
  emptyProblemForm,
  problemFormSchema,
  type ProblemForm,
  type ProblemInput
} from '@shared/domain/counter/problem'
import { CounterRefusedError } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'
import { TextField } from '@/ui/TextField'
import { enterMovesOn, useCtrlS } from '@/ui/keyboard'
import { COUNTER_KEYS, useCounterDialogs } from './counterDialogs'
import { counterOptions } from './options'

type Field = FieldPath<ProblemForm>

/** 登记问题 (F3 from anywhere): the description has the focus; kind by arrow keys; Ctrl+S saves. */
export function ProblemDialog() {
  const { t } = useTranslation()
  const open = useCounterDialogs((s) => s.open === 'problem')
  const close = useCounterDialogs((s) => s.close)
  return (
    <Modal
      open={open}
      title={
        <Space>
          {t('counter.newProblem')}
          <Tag>{t('counter.hotkey', { key: COUNTER_KEYS.problem })}</Tag>
        </Space>
      }
      onCancel={close}
      // Opens at once, no zoom, its first field focused as soon as it is in the page: keys typed the
      // moment after the shortcut must reach it. The modal then takes the focus once it has opened;
      // the field gets it back unless the person already chose another field.
      transitionName=""
      maskTransitionName=""
      afterOpenChange={(visible) => focusFieldAfterOpen(visible, fieldId('description'))}
      footer={null}
      width={640}
      destroyOnHidden
    >
      <ProblemFormBody onDone={close} />
    </Modal>
  )
}

function ProblemFormBody({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const form = useForm<ProblemForm, unknown, ProblemInput>({
    resolver: zodResolver(problemFormSchema),
    defaultValues: emptyProblemForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const { control, formState } = form
  useFocusFieldOnMount(fieldId('description'), (text) => form.setValue('description', text))
  const saving = useAction({
    failure: 'error.saveFailed',
    toField: (e) => {
      if (!(e instanceof CounterRefusedError) || !e.field) return false
      form.setError(e.field as Field, { message: e.message })
      return true
    }
  })
  const save = () => {
    void form.handleSubmit(
      (input) =>
        saving.run(async (staff) => {
          await data.write.logProblem(staff.staffNo, input)
          onDone()
        }, 'counter.problem.saved'),
      () => message.warning(t('validation.fixErrors'))
    )()
  }
  useCtrlS(save)
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
  const label = t('counter.problem.kind')
  return (
    <Form layout="vertical" component="div" onKeyDown={enterMovesOn} data-testid="problem-form">
      {text('description', t('counter.problem.description'), { required: true, rows: 3, autoFocus: true })}
      <FormField name="kind" label={label} error={formState.errors.kind} required>
        <Controller
          name="kind"
          control={control}
          render={({ field }) => (
            <div data-field="kind" role="radiogroup" aria-label={label} id={fieldId('kind')}>
              <Radio.Group
                name="kind"
                optionType="button"
                buttonStyle="solid"
                options={counterOptions(t).kind}
                value={field.value}
                onChange={(e) => field.onChange(e.target.value)}
              />
            </div>
          )}
        />
      </FormField>
      <Row gutter={16}>
        <Col span={10}>{text('product', t('counter.product'))}</Col>
        <Col span={6}>{text('itemNo', t('counter.itemNo'))}</Col>
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
