import { useState } from 'react'
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { checkWording } from '@shared/domain/wording'
import {
  REVISIT_RULES,
  scriptFormSchema,
  type RevisitRule,
  type RevisitScript,
  type ScriptForm
} from '@shared/domain/revisit'
import { RevisitSettingsRefusedError } from '@/db'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'

const PARTS = [
  ['opening', 'revisit.call.opening'],
  ['question', 'revisit.call.question'],
  ['satisfied.ask', 'revisit.call.satisfiedAsk'],
  ['satisfied.closing', 'revisit.call.closing'],
  ['other.ask', 'revisit.call.otherAsk'],
  ['other.closing', 'revisit.call.closing']
] as const
type Part = (typeof PARTS)[number][0]

function toForm(s: RevisitScript): ScriptForm {
  return { opening: s.opening, question: s.question, satisfied: { ...s.satisfied }, other: { ...s.other } }
}
function get(f: ScriptForm, part: Part): string {
  const [a, b] = part.split('.') as [keyof ScriptForm, 'ask' | 'closing' | undefined]
  const v = f[a]
  return typeof v === 'string' ? v : (v[b as 'ask'] ?? '')
}
function set(f: ScriptForm, part: Part, text: string): ScriptForm {
  const [a, b] = part.split('.') as [keyof ScriptForm, 'ask' | 'closing' | undefined]
  if (!b) return { ...f, [a]: text }
  return { ...f, [a]: { ...(f[a] as object), [b]: text } }
}

/** 系统设置 → 回访话术: one rule's script at a time; a save with changes makes the next version. The
 *  wording checker flags negative phrases as it does in text written to customers. */
export function RevisitScriptsCard() {
  const data = useData()
  const scripts = useLiveQuery(() => data.read.getRevisitScripts(), [data])
  return scripts ? <ScriptsForm scripts={scripts} /> : null
}

function ScriptsForm({ scripts }: { scripts: Record<RevisitRule, RevisitScript> }) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const canEdit = staff?.role === 'manager'
  const wording = useLiveQuery(() => data.read.getWordingRules(), [data])
  const [rule, setRule] = useState<RevisitRule>('complaint')
  const [form, setForm] = useState<ScriptForm>(() => toForm(scripts.complaint))
  const [errors, setErrors] = useState<Record<string, { message: string; names?: string }>>({})
  const saving = useAction({
    failure: 'error.saveFailed',
    toField: (e) => {
      if (!(e instanceof RevisitSettingsRefusedError)) return false
      setErrors(
        Object.fromEntries(
          e.issues.map((i) => [i.path, { message: i.message, names: String(i.params?.names ?? '') }])
        )
      )
      return true
    }
  })

  const pick = (r: RevisitRule) => {
    setRule(r)
    setForm(toForm(scripts[r]))
    setErrors({})
  }

  const save = async () => {
    const parsed = scriptFormSchema.safeParse(form)
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((i) => [
            i.path.join('.'),
            { message: i.message, names: String((i as { params?: { names?: string } }).params?.names ?? '') }
          ])
        )
      )
      return
    }
    setErrors({})
    await saving.run(
      (s) => data.write.saveRevisitScript(s.staffNo, rule, form),
      (version) => t('revisit.settings.scriptSaved', { version })
    )
  }

  return (
    <Card title={t('revisit.settings.scripts')} data-testid="revisit-scripts-settings">
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('revisit.settings.scriptFor')}
          value={rule}
          style={{ width: 160 }}
          onChange={pick}
          options={REVISIT_RULES.map((r) => ({ value: r, label: t(`revisit.rule.${r}`) }))}
        />
        <Typography.Text type="secondary">
          {t('revisit.call.scriptVersion', { version: scripts[rule].version })}
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">{t('revisit.settings.placeholders')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        {PARTS.map(([part, label]) => {
          const text = get(form, part)
          const hits = wording ? checkWording(text, wording) : []
          const error = errors[part]
          const labelText = part.endsWith('closing')
            ? `${t(part.startsWith('satisfied') ? 'revisit.call.satisfiedAsk' : 'revisit.call.otherAsk')} · ${t(label)}`
            : t(label)
          return (
            <Form.Item
              key={part}
              label={labelText}
              htmlFor={`script-${part}`}
              validateStatus={error ? 'error' : hits.length ? 'warning' : undefined}
              help={
                error ? (
                  <span data-testid={`error-${part}`}>{t(error.message, { names: error.names })}</span>
                ) : hits.length ? (
                  <span data-testid={`wording-${part}`}>
                    {t('wording.found', { count: hits.length })}{' '}
                    {hits.map((h) => `${text.slice(h.start, h.end)} → ${h.suggestion}`).join('；')}
                  </span>
                ) : undefined
              }
              style={{ marginBottom: 10 }}
            >
              <Input.TextArea
                id={`script-${part}`}
                rows={2}
                disabled={!canEdit}
                value={text}
                onChange={(e) => setForm((f) => set(f, part, e.target.value))}
              />
            </Form.Item>
          )
        })}
        {canEdit && (
          <Button type="primary" loading={saving.busy} onClick={() => void save()}>
            {t('action.save')}
          </Button>
        )}
      </Form>
    </Card>
  )
}
