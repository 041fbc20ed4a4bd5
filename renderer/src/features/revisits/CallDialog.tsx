import { useState, type KeyboardEvent } from 'react'
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Dayjs } from 'dayjs'
import {
  ASPECTS,
  attemptInputSchema,
  NOTE_MAX,
  OUTCOMES,
  type Aspect,
  type AttemptInput,
  type Outcome
} from '@shared/domain/revisit'
import { SATISFACTIONS, emptyIntakeForm, type Satisfaction } from '@shared/domain/complaint'
import { NEW_COMPLAINT_DRAFT, RevisitRefusedError } from '@/db'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { ScriptView } from './ScriptView'
import { dateTime, taskReason } from './labels'

type Field = 'outcome' | 'satisfaction' | 'aspects' | 'suggestions' | 'note' | 'rebookAt' | 'reopen'

/** 开始回访: the script for the task's rule, filled in, and the outcome. Keyboard only works: Tab and
 *  the arrow keys move through the choices, Ctrl+Enter saves. What was typed stays on a refusal. */
export function CallDialog({ taskId, onClose }: { taskId: string; onClose(): void }) {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const staff = useSession((s) => s.staff)
  const call = useLiveQuery(() => data.read.getRevisitCall(taskId).then((c) => c ?? null), [data, taskId])
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const [satisfaction, setSatisfaction] = useState<Satisfaction | undefined>()
  const [aspects, setAspects] = useState<Aspect[]>([])
  const [suggestions, setSuggestions] = useState('')
  const [note, setNote] = useState('')
  const [rebookAt, setRebookAt] = useState<Dayjs | null>(null)
  const [doNotContact, setDoNotContact] = useState(false)
  const [reopen, setReopen] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const saving = useAction({
    toField: (e) => {
      if (!(e instanceof RevisitRefusedError) || !e.path) return false
      setErrors({ [e.path]: e.message })
      return true
    }
  })

  if (call === undefined) return null
  const task = call?.task
  const reached = outcome === 'reached'

  const input = (): AttemptInput => ({
    outcome: outcome as Outcome,
    satisfaction: reached ? satisfaction : undefined,
    aspects: reached && satisfaction !== 'satisfied' ? aspects : undefined,
    suggestions: reached ? suggestions : undefined,
    note,
    rebookAt: outcome === 'rebooked' ? rebookAt?.valueOf() : undefined,
    doNotContact: outcome === 'refused' ? doNotContact : undefined,
    reopen: reached && satisfaction === 'unsatisfied' && task?.rule === 'complaint' ? reopen : undefined,
    scriptVersion: call?.script.version
  })

  async function save(): Promise<void> {
    if (!task) return
    const parsed = attemptInputSchema(data.now()).safeParse(input())
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'outcome'), i.message]))
      )
      return
    }
    setErrors({})
    await saving.run(
      async (s) => {
        await data.write.recordRevisitAttempt({ staffNo: s.staffNo, role: s.role }, task.id, input())
        onClose()
        return outcome as Outcome
      },
      (o) => t('revisit.call.saved', { outcome: t(`revisit.outcome.${o}`) })
    )
  }

  /** 转为投诉: the 新建投诉 form opens with the customer and the visit's text (as its draft). */
  async function toComplaint(): Promise<void> {
    if (!task) return
    const existing = await data.read.loadDraft<typeof emptyIntakeForm>(NEW_COMPLAINT_DRAFT)
    const content = [taskReason(t, task), ...aspects.map((a) => t(`revisit.aspect.${a}`)), suggestions, note]
      .filter(Boolean)
      .join('；')
    if (!existing || !existing.value.content)
      await data.write.saveDraft(NEW_COMPLAINT_DRAFT, {
        ...emptyIntakeForm,
        channel: 'phone',
        customerName: call?.customer?.name ?? task.customerName,
        customerPhone: call?.customer?.phone ?? task.customerPhone,
        content
      })
    onClose()
    navigate('/complaints/new')
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void save()
    }
  }

  const err = (field: Field) =>
    errors[field]
      ? {
          validateStatus: 'error' as const,
          help: <span data-testid={`error-${field}`}>{t(errors[field] as string, { names: '' })}</span>
        }
      : {}

  const name = call?.customer?.name ?? task?.customerName ?? ''
  return (
    <Modal
      open
      width={820}
      title={t('revisit.call.title', { name })}
      onCancel={onClose}
      footer={
        task && (
          <Space>
            {reached && satisfaction === 'unsatisfied' && task.rule !== 'complaint' && (
              <Button onClick={() => void toComplaint()}>{t('revisit.call.toComplaint')}</Button>
            )}
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="primary" loading={saving.busy} onClick={() => void save()}>
              {t('revisit.call.save')}
            </Button>
          </Space>
        )
      }
    >
      {!call || !task ? (
        <Alert type="error" title={t('revisit.notFound')} />
      ) : (
        <div onKeyDown={onKeyDown} style={{ display: 'flex', gap: 24 }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Paragraph>
              <strong>{taskReason(t, task)}</strong> · {t('revisit.column.dueAt')} {dateTime(t, task.dueAt)}
            </Typography.Paragraph>
            <ScriptView
              script={call.script}
              satisfaction={reached ? satisfaction : undefined}
              values={{
                客户姓名: name,
                回访事由: call.complaint?.no ?? task.campaign?.name ?? t(`revisit.rule.${task.rule}`),
                客服工号: staff?.staffNo ?? '',
                门店名称: call.storeName
              }}
            />
            {call.attempts.length > 0 && (
              <section aria-label={t('revisit.call.previous')}>
                <Typography.Text type="secondary">{t('revisit.call.previous')}</Typography.Text>
                <ul data-testid="previous-attempts">
                  {call.attempts.map((a) => (
                    <li key={a.id}>
                      {dateTime(t, a.at)} {t(`revisit.outcome.${a.outcome}`)} · {a.staffNo}
                      {a.note ? t('pattern.bracketed', { note: a.note }) : ''}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          <Form layout="vertical" component="div" style={{ width: 330 }}>
            <Form.Item label={t('revisit.call.outcome')} required {...err('outcome')}>
              <Radio.Group
                aria-label={t('revisit.call.outcome')}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as Outcome)}
                options={OUTCOMES.map((o) => ({ value: o, label: t(`revisit.outcome.${o}`) }))}
              />
            </Form.Item>
            {reached && (
              <Form.Item label={t('revisit.call.satisfaction')} required {...err('satisfaction')}>
                <Radio.Group
                  aria-label={t('revisit.call.satisfaction')}
                  value={satisfaction}
                  onChange={(e) => setSatisfaction(e.target.value as Satisfaction)}
                  options={SATISFACTIONS.map((s) => ({ value: s, label: t(`workflow.satisfaction.${s}`) }))}
                />
              </Form.Item>
            )}
            {reached && satisfaction && satisfaction !== 'satisfied' && (
              <Form.Item label={t('revisit.call.aspects')} {...err('aspects')}>
                <Checkbox.Group
                  aria-label={t('revisit.call.aspects')}
                  value={aspects}
                  onChange={(v) => setAspects(v as Aspect[])}
                  options={ASPECTS.map((a) => ({ value: a, label: t(`revisit.aspect.${a}`) }))}
                />
              </Form.Item>
            )}
            {reached && (
              <Form.Item
                label={t('revisit.call.suggestions')}
                htmlFor="revisit-suggestions"
                {...err('suggestions')}
              >
                <Input.TextArea
                  id="revisit-suggestions"
                  rows={2}
                  value={suggestions}
                  onChange={(e) => setSuggestions(e.target.value)}
                  count={{ show: true, max: NOTE_MAX }}
                />
              </Form.Item>
            )}
            {reached && satisfaction === 'unsatisfied' && task.rule === 'complaint' && (
              <Form.Item {...err('reopen')}>
                <Checkbox checked={reopen} onChange={(e) => setReopen(e.target.checked)}>
                  {t('revisit.call.reopen')}
                </Checkbox>
              </Form.Item>
            )}
            {outcome === 'rebooked' && (
              <Form.Item
                label={t('revisit.call.rebookAt')}
                htmlFor="revisit-rebook"
                required
                {...err('rebookAt')}
              >
                <DatePicker
                  id="revisit-rebook"
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  value={rebookAt}
                  onChange={setRebookAt}
                />
              </Form.Item>
            )}
            {outcome === 'refused' && (
              <Form.Item>
                <Checkbox checked={doNotContact} onChange={(e) => setDoNotContact(e.target.checked)}>
                  {t('revisit.call.doNotContact')}
                </Checkbox>
              </Form.Item>
            )}
            <Form.Item label={t('revisit.call.note')} htmlFor="revisit-note" {...err('note')}>
              <Input.TextArea
                id="revisit-note"
                rows={3}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                count={{ show: true, max: NOTE_MAX }}
              />
            </Form.Item>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('revisit.call.keys')}
            </Typography.Text>
          </Form>
        </div>
      )}
    </Modal>
  )
}
