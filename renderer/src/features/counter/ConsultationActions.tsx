import { useState } from 'react'
import { Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import dayjs, { type Dayjs } from 'dayjs'
import { callbackFormSchema } from '@shared/domain/callback'
import { complaintIntakeSchema, emptyIntakeForm, CHANNELS, type Channel } from '@shared/domain/complaint'
import { complaintSeedFromConsultation, mayPromiseCallback } from '@shared/domain/counter/consultation'
import { CounterRefusedError, type StoredConsultation } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { complaintOptions } from '@/features/complaints/options'

type Which = 'convert' | 'callback' | 'complaint' | null

/** A consultation's later steps on its list row: 记为已成交, 约定回电 / 已回电, 转为投诉. Each dialog keeps
 *  what was typed when the data layer refuses, with the message next to its field. */
export function ConsultationActions({ row }: { row: StoredConsultation }) {
  const { t } = useTranslation()
  const data = useData()
  const [open, setOpen] = useState<Which>(null)
  const done = useAction()
  const label = (key: string) => `${t(key)}`
  return (
    <Space size={4} wrap>
      {row.outcome !== 'converted' && (
        <Button size="small" onClick={() => setOpen('convert')}>
          {label('counter.markConverted')}
        </Button>
      )}
      {row.callback ? (
        <Button
          size="small"
          onClick={() =>
            void done.run(
              (s) => data.write.completeConsultationCallback(s.staffNo, row.id),
              'callback.completed'
            )
          }
        >
          {t('callback.done')}
        </Button>
      ) : (
        mayPromiseCallback(row) && (
          <Button size="small" onClick={() => setOpen('callback')}>
            {t('callback.promise')}
          </Button>
        )
      )}
      {!row.complaintId && (
        <Button size="small" onClick={() => setOpen('complaint')}>
          {t('counter.toComplaint')}
        </Button>
      )}
      {open === 'convert' && <ConvertDialog row={row} onClose={() => setOpen(null)} />}
      {open === 'callback' && <CallbackDialog row={row} onClose={() => setOpen(null)} />}
      {open === 'complaint' && <ToComplaintDialog row={row} onClose={() => setOpen(null)} />}
    </Space>
  )
}

function fieldErrorOf(setErrors: (e: Record<string, string>) => void) {
  return (e: unknown) => {
    if (!(e instanceof CounterRefusedError) || !e.field) return false
    setErrors({ [e.field]: e.message })
    return true
  }
}

function ConvertDialog({ row, onClose }: { row: StoredConsultation; onClose: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  const [orderNo, setOrderNo] = useState('')
  const [at, setAt] = useState<Dayjs | null>(dayjs(data.now()))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const action = useAction({ failure: 'error.saveFailed', toField: fieldErrorOf(setErrors) })
  const save = () => {
    if (!at) return setErrors({ convertedAt: 'validation.required' })
    void action.run(async (s) => {
      await data.write.convertConsultation(s.staffNo, row.id, {
        orderNo: orderNo.trim(),
        convertedAt: at.valueOf()
      })
      onClose()
    }, 'counter.convertedSaved')
  }
  return (
    <Modal open title={t('counter.markConverted')} onCancel={onClose} onOk={save} okText={t('action.save')}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('counter.orderNo')} htmlFor="convert-orderNo">
          <Input
            id="convert-orderNo"
            autoFocus
            value={orderNo}
            onChange={(e) => setOrderNo(e.target.value)}
          />
        </Form.Item>
        <Form.Item
          label={t('counter.convertedAt')}
          htmlFor="convert-at"
          validateStatus={errors.convertedAt ? 'error' : undefined}
          help={
            errors.convertedAt ? (
              <span data-testid="error-convertedAt">{t(errors.convertedAt)}</span>
            ) : undefined
          }
        >
          <DatePicker
            id="convert-at"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={at}
            onChange={setAt}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function CallbackDialog({ row, onClose }: { row: StoredConsultation; onClose: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  const [due, setDue] = useState<Dayjs | null>(null)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const action = useAction()
  const base = dayjs(data.now())
  const save = () => {
    const parsed = callbackFormSchema(data.now()).safeParse({ dueAt: due?.valueOf(), note })
    if (!parsed.success)
      return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
    void action.run(
      async (s) => {
        await data.write.promiseConsultationCallback(s.staffNo, row.id, parsed.data)
        onClose()
      },
      () => t('callback.promised', { time: dayjs(parsed.data.dueAt).format(t('pattern.monthDayTime')) })
    )
  }
  const quick = (key: string, at: Dayjs) => (
    <Button size="small" onClick={() => setDue(at)}>
      {t(key)}
    </Button>
  )
  return (
    <Modal open title={t('callback.title')} onCancel={onClose} onOk={save} okText={t('action.save')}>
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('callback.dueAt')}
          htmlFor="consultation-callback-due"
          validateStatus={errors.dueAt ? 'error' : undefined}
          help={errors.dueAt ? t(errors.dueAt) : undefined}
        >
          <Space orientation="vertical">
            <DatePicker
              id="consultation-callback-due"
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              value={due}
              onChange={setDue}
            />
            <Space>
              {quick('callback.quick.inHour', base.add(1, 'hour').second(0).millisecond(0))}
              {quick(
                'callback.quick.tomorrow10',
                base.add(1, 'day').hour(10).minute(0).second(0).millisecond(0)
              )}
            </Space>
          </Space>
        </Form.Item>
        <Form.Item label={t('callback.note')} htmlFor="consultation-callback-note">
          <Input id="consultation-callback-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** 转为投诉: the complaint's intake with the customer and the question filled in; the clerk adds what
 *  a complaint needs (a phone if there was none, the category) and saves both links at once. */
function ToComplaintDialog({ row, onClose }: { row: StoredConsultation; onClose: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const seed = complaintSeedFromConsultation(row)
  const [values, setValues] = useState({
    ...emptyIntakeForm,
    ...seed,
    channel: (CHANNELS as readonly string[]).includes(seed.channel) ? (seed.channel as Channel) : 'counter'
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const action = useAction({ failure: 'error.saveFailed' })
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }))
  const save = () => {
    const parsed = complaintIntakeSchema(dayjs(data.now()).format('YYYY-MM-DD')).safeParse(values)
    if (!parsed.success)
      return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
    void action.run(async (s) => {
      const complaint = await data.write.turnConsultationIntoComplaint(s.staffNo, row.id, parsed.data)
      onClose()
      navigate(`/complaints/${complaint.id}`)
    })
  }
  const item = (k: 'customerPhone' | 'customerName' | 'content', labelKey: string, area = false) => (
    <Form.Item
      label={t(labelKey)}
      htmlFor={`tc-${k}`}
      required
      validateStatus={errors[k] ? 'error' : undefined}
      help={errors[k] ? <span data-testid={`error-tc-${k}`}>{t(errors[k])}</span> : undefined}
    >
      {area ? (
        <Input.TextArea id={`tc-${k}`} rows={3} value={values[k]} onChange={set(k)} />
      ) : (
        <Input id={`tc-${k}`} value={values[k]} onChange={set(k)} />
      )}
    </Form.Item>
  )
  return (
    <Modal
      open
      title={t('counter.toComplaint')}
      onCancel={onClose}
      onOk={save}
      okText={t('action.save')}
      width={620}
    >
      <Form layout="vertical" component="div" data-testid="to-complaint-form">
        {item('customerPhone', 'complaint.customerPhone')}
        {item('customerName', 'complaint.customerName')}
        <Form.Item label={t('complaint.category')} htmlFor="tc-category">
          <Select
            id="tc-category"
            value={values.category}
            onChange={(v) => setValues((x) => ({ ...x, category: v }))}
            options={complaintOptions(t).category}
          />
        </Form.Item>
        {item('content', 'complaint.content', true)}
      </Form>
    </Modal>
  )
}
