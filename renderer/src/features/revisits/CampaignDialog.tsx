import { useState } from 'react'
import { Alert, Button, Form, Input, Modal, Progress, Select, Space, Typography } from 'antd'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import type { z } from 'zod'
import { TIERS } from '@shared/domain/customer'
import {
  DEFAULT_SCRIPTS,
  REVISIT_RULES,
  campaignFormSchema,
  unknownPlaceholders,
  type CampaignForm,
  type ScriptForm
} from '@shared/domain/revisit'
import { RevisitSettingsRefusedError, type CampaignProgress } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'
import { useFocusFieldOnMount } from '@/ui/dialogFocus'

// 新建专项回访 (docs/revisits.md §3a): name, customers by tier / tag / 负责客服 (the count of those who
// will get a task shows as the conditions change), a script (a store one or one written here, checked
// like the script editor), a date window. Refusals show next to their field; nothing typed is lost.

const SCRIPT_PARTS = [
  ['opening', 'revisit.call.opening'],
  ['question', 'revisit.call.question'],
  ['satisfied.ask', 'revisit.call.satisfiedAsk'],
  ['satisfied.closing', 'revisit.call.closing'],
  ['other.ask', 'revisit.call.otherAsk'],
  ['other.closing', 'revisit.call.closing']
] as const

type Path = `script.${(typeof SCRIPT_PARTS)[number][0]}`

function ownScript(): ScriptForm {
  const s = DEFAULT_SCRIPTS.campaign
  return { opening: s.opening, question: s.question, satisfied: { ...s.satisfied }, other: { ...s.other } }
}

export function CampaignDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  useFocusFieldOnMount(fieldId('name'))
  const today = dayjs(data.now()).format('YYYY-MM-DD')
  const form = useForm<CampaignForm, unknown, z.output<typeof campaignFormSchema>>({
    resolver: zodResolver(campaignFormSchema),
    defaultValues: {
      name: '',
      criteria: { tiers: [], tag: '', clerk: '' },
      scriptFrom: 'campaign',
      script: ownScript(),
      start: today,
      end: dayjs(today).add(7, 'day').format('YYYY-MM-DD')
    }
  })
  const errors = form.formState.errors
  const criteria = useWatch({ control: form.control, name: 'criteria' })
  const scriptFrom = useWatch({ control: form.control, name: 'scriptFrom' })
  const staff = useLiveQuery(() => data.read.listStaff(), [data]) ?? []
  const tiers = criteria.tiers.join(',')
  const count = useLiveQuery(
    () =>
      criteria.tiers.length || criteria.tag.trim() || criteria.clerk
        ? data.read.countCampaignCustomers({ ...criteria, tag: criteria.tag.trim() })
        : Promise.resolve(null),
    [data, tiers, criteria.tag, criteria.clerk]
  )
  const [progress, setProgress] = useState<CampaignProgress | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)

  const saving = useAction({
    toField: (e) => {
      if (!(e instanceof RevisitSettingsRefusedError)) return false
      for (const i of e.issues) {
        if (i.path === '') setRefusal(i.message)
        else form.setError(i.path as 'name', { message: i.message })
      }
      return true
    }
  })

  const submit = form.handleSubmit((input) => {
    setRefusal(null)
    return saving.run(
      async (at) => {
        const r = await data.write.createRevisitCampaign(
          { staffNo: at.staffNo, role: at.role },
          { ...input, ...(input.scriptFrom === 'own' ? {} : { script: undefined }) },
          setProgress
        )
        onClose()
        return r
      },
      (r) => t('revisit.campaign.created', { name: input.name, count: r.made })
    )
  })

  const scriptError = (path: Path) => {
    const [, a, b] = path.split('.') as [string, keyof ScriptForm, 'ask' | 'closing' | undefined]
    const e = errors.script?.[a] as { message?: string; ask?: unknown; closing?: unknown } | undefined
    return (b ? (e?.[b] as { message?: string } | undefined) : e) as { message?: string } | undefined
  }

  return (
    <Modal
      open
      width={720}
      title={t('revisit.campaign.new')}
      onCancel={onClose}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('action.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={saving.busy} onClick={() => void submit()}>
          {t('revisit.campaign.save')}
        </Button>
      ]}
    >
      <Form layout="vertical" component="div" data-testid="campaign-form">
        <FormField name="name" label={t('revisit.campaign.name')} error={errors.name} required>
          <Controller
            name="name"
            control={form.control}
            render={({ field }) => (
              <Input {...field} id={fieldId('name')} placeholder={t('revisit.campaign.namePlaceholder')} />
            )}
          />
        </FormField>
        <Space wrap align="start">
          <FormField name="campaign-tiers" label={t('revisit.campaign.tier')}>
            <Controller
              name="criteria.tiers"
              control={form.control}
              render={({ field }) => (
                <Select
                  {...field}
                  id={fieldId('campaign-tiers')}
                  mode="multiple"
                  allowClear
                  placeholder={t('revisit.campaign.any')}
                  style={{ width: 240 }}
                  options={TIERS.map((x) => ({ value: x, label: t(`customer.tierOption.${x}`) }))}
                />
              )}
            />
          </FormField>
          <FormField name="campaign-tag" label={t('revisit.campaign.tag')} error={errors.criteria?.tag}>
            <Controller
              name="criteria.tag"
              control={form.control}
              render={({ field }) => (
                <Input
                  {...field}
                  id={fieldId('campaign-tag')}
                  placeholder={t('revisit.campaign.any')}
                  style={{ width: 150 }}
                />
              )}
            />
          </FormField>
          <FormField name="campaign-clerk" label={t('revisit.campaign.clerk')}>
            <Controller
              name="criteria.clerk"
              control={form.control}
              render={({ field }) => (
                <Select
                  {...field}
                  id={fieldId('campaign-clerk')}
                  style={{ width: 170 }}
                  options={[
                    { value: '', label: t('revisit.campaign.any') },
                    ...staff
                      .filter((s) => s.active)
                      .map((s) => ({ value: s.staffNo, label: `${s.staffNo} ${s.name}` }))
                  ]}
                />
              )}
            />
          </FormField>
        </Space>
        <div style={{ marginBottom: 14 }} aria-live="polite">
          {count && (
            <Typography.Text strong data-testid="campaign-count">
              {t('revisit.campaign.matching', { eligible: count.eligible })}
              {count.matching > count.eligible &&
                t('revisit.campaign.excluded', { count: count.matching - count.eligible })}
            </Typography.Text>
          )}
          {(errors.criteria?.message ?? errors.criteria?.root?.message) && (
            <div>
              <Typography.Text type="danger" data-testid="error-criteria">
                {t(errors.criteria?.message ?? errors.criteria?.root?.message ?? '')}
              </Typography.Text>
            </div>
          )}
        </div>
        <Space wrap align="start">
          <FormField name="start" label={t('revisit.campaign.start')} error={errors.start} required>
            <Controller
              name="start"
              control={form.control}
              render={({ field }) => (
                <Input {...field} type="date" id={fieldId('start')} style={{ width: 170 }} />
              )}
            />
          </FormField>
          <FormField name="end" label={t('revisit.campaign.end')} error={errors.end} required>
            <Controller
              name="end"
              control={form.control}
              render={({ field }) => (
                <Input {...field} type="date" id={fieldId('end')} style={{ width: 170 }} />
              )}
            />
          </FormField>
        </Space>
        <FormField name="campaign-script" label={t('revisit.campaign.script')}>
          <Controller
            name="scriptFrom"
            control={form.control}
            render={({ field }) => (
              <Select
                {...field}
                id={fieldId('campaign-script')}
                style={{ width: 260 }}
                options={[
                  ...REVISIT_RULES.map((r) => ({
                    value: r,
                    label: t('revisit.campaign.storeScript', { rule: t(`revisit.rule.${r}`) })
                  })),
                  { value: 'own', label: t('revisit.campaign.ownScript') }
                ]}
              />
            )}
          />
        </FormField>
        {scriptFrom === 'own' && (
          <>
            <Typography.Paragraph type="secondary">{t('revisit.settings.placeholders')}</Typography.Paragraph>
            {SCRIPT_PARTS.map(([part, label]) => {
              const path = `script.${part}` as Path
              const e = scriptError(path)
              const labelText = part.endsWith('closing')
                ? `${t(part.startsWith('satisfied') ? 'revisit.call.satisfiedAsk' : 'revisit.call.otherAsk')} · ${t(label)}`
                : t(label)
              return (
                <Form.Item
                  key={part}
                  label={labelText}
                  htmlFor={`campaign-script-${part}`}
                  validateStatus={e?.message ? 'error' : undefined}
                  help={
                    e?.message ? (
                      <span data-testid={`error-script.${part}`}>
                        {t(e.message, {
                          names: unknownPlaceholders(String(form.getValues(path) ?? '')).join('、')
                        })}
                      </span>
                    ) : undefined
                  }
                  style={{ marginBottom: 10 }}
                >
                  <Controller
                    name={path}
                    control={form.control}
                    render={({ field }) => (
                      <Input.TextArea {...field} id={`campaign-script-${part}`} rows={2} />
                    )}
                  />
                </Form.Item>
              )
            })}
          </>
        )}
        {progress && (
          <Progress
            percent={Math.round((progress.done / Math.max(progress.total, 1)) * 100)}
            format={() => t('revisit.campaign.progress', { done: progress.done, total: progress.total })}
          />
        )}
        {refusal && <Alert type="error" showIcon message={t(refusal)} data-testid="campaign-refusal" />}
      </Form>
    </Modal>
  )
}
