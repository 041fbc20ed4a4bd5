import { useEffect } from 'react'
import { App, Button, Card, Form, Input, InputNumber, Select } from 'antd'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { timeRuleSettingsSchema } from '@shared/domain/timeRules'
import { type WorkflowConfig } from '@/db'
import type { TimeRuleSettings } from '@shared/domain/timeRules'
import { useData, useSession } from '@/app/session'
import { FormField, fieldId } from '@/ui/FormField'
import { useStoredDraft } from '@/ui/storedDraft'
import { ChangedElsewhereNote } from './ChangedElsewhereNote'

const schema = timeRuleSettingsSchema.extend({
  managerApprovalAbove: z
    .number({ message: 'validation.number' })
    .min(0, 'validation.range')
    .max(100_000, 'validation.range'),
  departments: z
    .array(z.string().trim().min(1).max(20, 'validation.tooLong'))
    .min(1, 'validation.required')
    .max(50, 'validation.tooMany')
})
type Values = z.infer<typeof schema>

/** 处理规则: approval limit, departments and the time rules — all durations are settings. */
export function WorkflowRulesCard() {
  const data = useData()
  const loaded = useLiveQuery(
    async () => ({ config: await data.read.getWorkflowConfig(), rules: await data.read.getTimeRules() }),
    [data]
  )
  // A save here or on another PC starts the form afresh, unless it holds unsaved edits.
  const draft = useStoredDraft(loaded)
  return draft.base ? (
    <>
      <ChangedElsewhereNote draft={draft} />
      <RulesForm key={draft.key} config={draft.base.config} rules={draft.base.rules} onEdit={draft.edited} />
    </>
  ) : null
}

function RulesForm({
  config,
  rules,
  onEdit
}: {
  config: WorkflowConfig
  rules: TimeRuleSettings
  onEdit: (value: { config: WorkflowConfig; rules: TimeRuleSettings }) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const canEdit = staff?.role === 'manager'
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      ...rules,
      managerApprovalAbove: config.managerApprovalAbove,
      departments: config.departments
    }
  })
  const errors = form.formState.errors
  const { subscribe } = form
  useEffect(
    () =>
      // In the stored shape, so that saved edits compare equal to what the store then holds.
      subscribe({
        formState: { values: true },
        callback: ({ values: { managerApprovalAbove, departments, ...timeRules } }) =>
          onEdit({
            config: { ...config, managerApprovalAbove, departments },
            rules: { ...rules, ...timeRules }
          })
      }),
    [subscribe, config, rules, onEdit]
  )
  const save = form.handleSubmit(async (v) => {
    if (!staff) return
    const { managerApprovalAbove, departments, ...timeRules } = v
    await data.write.saveWorkflowConfig(staff.staffNo, {
      managerApprovalAbove,
      departments,
      maxAmount: config.maxAmount
    })
    await data.write.saveTimeRules(staff.staffNo, timeRules)
    message.success(t('settings.saved'))
  })
  const number = (
    name:
      | 'managerApprovalAbove'
      | 'escalateToLeaderAfterHours'
      | 'escalateToManagerAfterHours'
      | 'revisitWithinDays'
  ) => (
    <FormField name={name} label={t(`settings.${name}`)} error={errors[name]}>
      <Controller
        name={name}
        control={form.control}
        render={({ field }) => (
          <InputNumber
            id={fieldId(name)}
            disabled={!canEdit}
            value={field.value}
            onChange={(v) => field.onChange(v ?? Number.NaN)}
            style={{ width: 160 }}
          />
        )}
      />
    </FormField>
  )
  return (
    <Card title={t('settings.rules')} data-testid="rules-settings">
      <Form layout="vertical" component="div">
        {number('managerApprovalAbove')}
        <FormField name="departments" label={t('settings.departments')} error={errors.departments as never}>
          <Controller
            name="departments"
            control={form.control}
            render={({ field }) => (
              <Select
                id={fieldId('departments')}
                mode="tags"
                disabled={!canEdit}
                value={field.value}
                onChange={field.onChange}
                style={{ width: '100%' }}
              />
            )}
          />
        </FormField>
        <FormField name="storeDayEndsAt" label={t('settings.storeDayEndsAt')} error={errors.storeDayEndsAt}>
          <Controller
            name="storeDayEndsAt"
            control={form.control}
            render={({ field }) => (
              <Input id={fieldId('storeDayEndsAt')} disabled={!canEdit} {...field} style={{ width: 160 }} />
            )}
          />
        </FormField>
        {number('escalateToLeaderAfterHours')}
        {number('escalateToManagerAfterHours')}
        {number('revisitWithinDays')}
        {canEdit && (
          <Button type="primary" onClick={() => void save()}>
            {t('action.save')}
          </Button>
        )}
      </Form>
    </Card>
  )
}
