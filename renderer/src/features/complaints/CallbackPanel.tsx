import { useState } from 'react'
import { Button, DatePicker, Form, Input, Modal, Space, Tag, Typography } from 'antd'
import { PhoneOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import dayjs, { type Dayjs } from 'dayjs'
import { callbackFormSchema, callbackState } from '@shared/domain/callback'
import type { Complaint } from '@shared/domain/complaint'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { useNow } from '@/ui/useNow'

/** 约定回电 on the complaint page: the promise still open (red once its time has passed) with 已回电,
 *  or the button to make one. What was typed stays in the dialog when it is refused. */
export function CallbackPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation()
  const data = useData()
  const action = useAction()
  const now = useNow(data, 30_000)
  const [open, setOpen] = useState(false)
  const [due, setDue] = useState<Dayjs | null>(null)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const state = callbackState(complaint, now)
  const ended = complaint.status === 'closed' || complaint.status === 'rejected'

  async function save(): Promise<void> {
    const parsed = callbackFormSchema(data.now()).safeParse({ dueAt: due?.valueOf(), note })
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
      return
    }
    await action.run(
      async (staff) => {
        await data.write.promiseCallback(staff.staffNo, complaint.id, parsed.data)
        setOpen(false)
        setErrors({})
        setNote('')
        setDue(null)
      },
      () => t('callback.promised', { time: dayjs(parsed.data.dueAt).format('MM-DD HH:mm') })
    )
  }

  const done = () =>
    action.run((staff) => data.write.completeCallback(staff.staffNo, complaint.id, ''), 'callback.completed')

  const quick = (label: string, at: Dayjs) => (
    <Button size="small" onClick={() => setDue(at)}>
      {label}
    </Button>
  )
  const base = dayjs(now)

  return (
    <div style={{ marginTop: 8 }} data-testid="callback-panel">
      {state !== 'none' && complaint.callback ? (
        <Space>
          <Typography.Text type={state === 'overdue' ? 'danger' : undefined} data-testid="callback-pending">
            <PhoneOutlined />{' '}
            {t('callback.pending', {
              time: dayjs(complaint.callback.dueAt).format(t('pattern.monthDayTime'))
            })}
            {complaint.callback.note && t('pattern.bracketed', { note: complaint.callback.note })}
          </Typography.Text>
          {state === 'overdue' && <Tag color="red">{t('callback.overdue')}</Tag>}
          <Button size="small" onClick={() => void done()} data-testid="callback-done">
            {t('callback.done')}
          </Button>
          <Button size="small" type="link" onClick={() => setOpen(true)}>
            {t('callback.change')}
          </Button>
        </Space>
      ) : (
        !ended && (
          <Button icon={<PhoneOutlined />} onClick={() => setOpen(true)} data-testid="callback-promise">
            {t('callback.promise')}
          </Button>
        )
      )}
      <Modal
        open={open}
        title={t('callback.title')}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        okText={t('action.save')}
        destroyOnHidden={false}
      >
        <Form layout="vertical" component="div">
          <Form.Item
            label={t('callback.dueAt')}
            validateStatus={errors.dueAt ? 'error' : undefined}
            help={errors.dueAt ? t(errors.dueAt) : undefined}
          >
            <Space orientation="vertical">
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                value={due}
                onChange={setDue}
                data-testid="callback-due"
              />
              <Space>
                {quick(t('callback.quick.inHour'), base.add(1, 'hour').second(0).millisecond(0))}
                {quick(t('callback.quick.today17'), base.hour(17).minute(0).second(0).millisecond(0))}
                {quick(
                  t('callback.quick.tomorrow10'),
                  base.add(1, 'day').hour(10).minute(0).second(0).millisecond(0)
                )}
              </Space>
            </Space>
          </Form.Item>
          <Form.Item
            label={t('callback.note')}
            validateStatus={errors.note ? 'error' : undefined}
            help={errors.note ? t(errors.note) : undefined}
          >
            <Input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('callback.notePlaceholder')}
              data-testid="callback-note"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  )
}
