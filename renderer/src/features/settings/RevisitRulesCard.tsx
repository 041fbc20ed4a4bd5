import { useEffect, useState } from 'react'
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import {
  REVISIT_RULES,
  revisitSettingsSchema,
  type RevisitRule,
  type RevisitSettings
} from '@shared/domain/revisit'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { useStoredDraft } from '@/ui/storedDraft'
import { ChangedElsewhereNote } from './ChangedElsewhereNote'

/** 系统设置 → 回访规则: each rule on/off with its window and target; sample, key-account period,
 *  免打扰时段, retry. A rule switched on derives its tasks over existing records in the background. */
export function RevisitRulesCard() {
  const data = useData()
  const loaded = useLiveQuery(() => data.read.getRevisitSettings(), [data])
  // A save here or on another PC starts the form afresh, unless it holds unsaved edits.
  const draft = useStoredDraft(loaded)
  return draft.base ? (
    <>
      <ChangedElsewhereNote draft={draft} />
      <RulesForm key={draft.key} initial={draft.base} onEdit={draft.edited} />
    </>
  ) : null
}

function RulesForm({ initial, onEdit }: { initial: RevisitSettings; onEdit: (v: RevisitSettings) => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const canEdit = staff?.role === 'manager'
  const [v, setV] = useState<RevisitSettings>(initial)
  useEffect(() => onEdit(v), [v, onEdit])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [progress, setProgress] = useState<string | null>(null)
  const saving = useAction({ failure: 'error.saveFailed' })

  const setRule = (rule: RevisitRule, patch: Partial<RevisitSettings['rules'][RevisitRule]>) =>
    setV((s) => ({ ...s, rules: { ...s.rules, [rule]: { ...s.rules[rule], ...patch } } }))

  const save = async () => {
    const parsed = revisitSettingsSchema.safeParse(v)
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])))
      return
    }
    setErrors({})
    await saving.run(async (s) => {
      const switchedOn = await data.write.saveRevisitSettings(s.staffNo, parsed.data)
      message.success(t('revisit.settings.saved'))
      if (switchedOn.length === 0) return
      // A joining PC still storing customers: the sweep over them runs once they are all stored.
      const waits = switchedOn.some((r) => r === 'keyAccount' || r === 'newCustomer')
      if (waits && (await data.read.customersStillLoading()))
        message.info(t('revisit.settings.generateWaits'))
      // In the background, batched: the page stays usable; progress on the card.
      void data.write
        .generateRevisitTasks(switchedOn, (p) =>
          setProgress(t('revisit.settings.generating', { done: p.done, total: p.total }))
        )
        .then((count) => {
          setProgress(null)
          message.success(t('revisit.settings.generated', { count }))
        })
    })
  }

  const err = (path: string) =>
    errors[path]
      ? {
          validateStatus: 'error' as const,
          help: <span data-testid={`error-${path}`}>{t(errors[path] as string)}</span>
        }
      : {}
  const num = (path: string, label: string, value: number, onChange: (n: number) => void) => (
    <Form.Item label={label} htmlFor={`revisit-${path}`} {...err(path)} style={{ marginBottom: 10 }}>
      <InputNumber
        id={`revisit-${path}`}
        disabled={!canEdit}
        value={value}
        onChange={(n) => onChange(n ?? Number.NaN)}
        style={{ width: 140 }}
      />
    </Form.Item>
  )

  return (
    <Card title={t('revisit.settings.title')} data-testid="revisit-rules-settings">
      <Form layout="vertical" component="div">
        <Table
          size="small"
          pagination={false}
          rowKey="rule"
          dataSource={REVISIT_RULES.map((rule) => ({ rule }))}
          columns={[
            { key: 'rule', title: t('revisit.stats.rule'), render: (_, r) => t(`revisit.rule.${r.rule}`) },
            {
              key: 'on',
              title: t('revisit.settings.enabled'),
              render: (_, r) => (
                <Checkbox
                  aria-label={`${t(`revisit.rule.${r.rule}`)} ${t('revisit.settings.enabled')}`}
                  disabled={!canEdit}
                  checked={v.rules[r.rule].enabled}
                  onChange={(e) => setRule(r.rule, { enabled: e.target.checked })}
                />
              )
            },
            {
              key: 'window',
              title: t('revisit.settings.windowDays'),
              render: (_, r) =>
                r.rule === 'complaint' ? (
                  <Typography.Text type="secondary">
                    {t('revisit.settings.complaintWindowHint')}
                  </Typography.Text>
                ) : r.rule === 'keyAccount' ? (
                  '—'
                ) : (
                  <Form.Item {...err(`rules.${r.rule}.windowDays`)} style={{ margin: 0 }}>
                    <InputNumber
                      aria-label={`${t(`revisit.rule.${r.rule}`)} ${t('revisit.settings.windowDays')}`}
                      disabled={!canEdit}
                      value={v.rules[r.rule].windowDays}
                      onChange={(n) => setRule(r.rule, { windowDays: n ?? Number.NaN })}
                    />
                  </Form.Item>
                )
            },
            {
              key: 'target',
              title: t('revisit.settings.target'),
              render: (_, r) => (
                <Form.Item {...err(`rules.${r.rule}.targetPercent`)} style={{ margin: 0 }}>
                  <InputNumber
                    aria-label={`${t(`revisit.rule.${r.rule}`)} ${t('revisit.settings.target')}`}
                    disabled={!canEdit}
                    value={v.rules[r.rule].targetPercent}
                    onChange={(n) => setRule(r.rule, { targetPercent: n ?? Number.NaN })}
                  />
                </Form.Item>
              )
            }
          ]}
        />
        <Space wrap size={24} style={{ marginTop: 12 }}>
          {num(
            'newCustomerSamplePercent',
            t('revisit.settings.samplePercent'),
            v.newCustomerSamplePercent,
            (n) => setV((s) => ({ ...s, newCustomerSamplePercent: n }))
          )}
          {num('keyAccountEveryDays', t('revisit.settings.everyDays'), v.keyAccountEveryDays, (n) =>
            setV((s) => ({ ...s, keyAccountEveryDays: n }))
          )}
          {num('retryMinutes', t('revisit.settings.retryMinutes'), v.retryMinutes, (n) =>
            setV((s) => ({ ...s, retryMinutes: n }))
          )}
          {num('maxAttempts', t('revisit.settings.maxAttempts'), v.maxAttempts, (n) =>
            setV((s) => ({ ...s, maxAttempts: n }))
          )}
        </Space>
        <Form.Item label={t('revisit.settings.quietHours')} style={{ marginBottom: 10 }}>
          <Space orientation="vertical">
            {v.quietHours.map((q, i) => (
              <Space key={i}>
                {(['from', 'to'] as const).map((end) => (
                  <Form.Item key={end} {...err(`quietHours.${i}.${end}`)} style={{ margin: 0 }}>
                    <Input
                      aria-label={`${t('revisit.settings.quietHours')} ${i + 1} ${t(end === 'from' ? 'revisit.settings.quietFrom' : 'revisit.settings.quietTo')}`}
                      disabled={!canEdit}
                      value={q[end]}
                      style={{ width: 90 }}
                      onChange={(e) =>
                        setV((s) => ({
                          ...s,
                          quietHours: s.quietHours.map((x, j) =>
                            j === i ? { ...x, [end]: e.target.value } : x
                          )
                        }))
                      }
                    />
                  </Form.Item>
                ))}
                {canEdit && (
                  <Button
                    size="small"
                    onClick={() =>
                      setV((s) => ({ ...s, quietHours: s.quietHours.filter((_, j) => j !== i) }))
                    }
                  >
                    {t('action.remove')}
                  </Button>
                )}
              </Space>
            ))}
            {canEdit && (
              <Button
                size="small"
                onClick={() =>
                  setV((s) => ({ ...s, quietHours: [...s.quietHours, { from: '12:00', to: '14:00' }] }))
                }
              >
                {t('revisit.settings.addQuiet')}
              </Button>
            )}
          </Space>
        </Form.Item>
        {progress && (
          <Typography.Paragraph type="secondary" data-testid="revisit-generating">
            {progress}
          </Typography.Paragraph>
        )}
        {canEdit && (
          <Button type="primary" loading={saving.busy} onClick={() => void save()}>
            {t('action.save')}
          </Button>
        )}
      </Form>
    </Card>
  )
}
