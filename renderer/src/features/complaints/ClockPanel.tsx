import { useState } from 'react'
import { Button, Form, Modal, Radio, Space, Typography } from 'antd'
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { clockState, PAUSE_REASONS, type PauseReason } from '@shared/domain/clock/pauses'
import type { Complaint } from '@shared/domain/complaint'
import { useData, useSession } from '@/app/session'
import type { TimelineEvent } from '@/db'
import { useAction } from '@/ui/useAction'

/** 暂停计时 / 恢复计时 on the complaint page (issue 16): while paused, since when and why with
 *  恢复计时; else 暂停计时, which asks for the reason. Offered to whom the data layer allows (the
 *  首问负责人, a 值班长, a 客服经理) on an open case; the data layer refuses anyone else, a pause while
 *  paused and a resume while running, whatever a stale screen offers. */
export function ClockPanel({ complaint, timeline }: { complaint: Complaint; timeline: TimelineEvent[] }) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<PauseReason | null>(null)
  const [error, setError] = useState<string | null>(null)
  const action = useAction({ showError: (text) => setError(text) })
  const resume = useAction()
  const may = useLiveQuery(
    async () => (staff ? await data.read.mayPauseClock(staff.staffNo, complaint.id) : false),
    [data, staff, complaint.id]
  )
  const state = clockState(timeline)
  const ended = complaint.status === 'closed' || complaint.status === 'rejected'

  async function pause(): Promise<void> {
    setError(null)
    await action.run(async (s) => {
      await data.write.pauseComplaintClock(s.staffNo, complaint.id, reason)
      setOpen(false)
      setReason(null)
    }, 'reports.pausedDone')
  }

  return (
    <div style={{ marginTop: 8 }} data-testid="clock-panel">
      {state.paused ? (
        <Space>
          <Typography.Text type="warning" data-testid="clock-paused">
            {t('reports.pausedSince', {
              reason: state.reason ? t(`reports.pauseReason.${state.reason}`) : '—',
              time: dayjs(state.since).format(t('pattern.monthDayTime'))
            })}
          </Typography.Text>
          {may && !ended && (
            <Button
              icon={<PlayCircleOutlined />}
              loading={resume.busy}
              onClick={() =>
                void resume.run(
                  (s) => data.write.resumeComplaintClock(s.staffNo, complaint.id),
                  'reports.resumedDone'
                )
              }
            >
              {t('reports.resumeClock')}
            </Button>
          )}
        </Space>
      ) : (
        may &&
        !ended && (
          <Button icon={<PauseCircleOutlined />} onClick={() => setOpen(true)}>
            {t('reports.pauseClock')}
          </Button>
        )
      )}
      <Modal
        open={open}
        title={t('reports.pauseTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void pause()}
        okText={t('reports.pauseClock')}
        okButtonProps={{ loading: action.busy }}
        destroyOnHidden={false}
      >
        <Typography.Paragraph type="secondary">{t('reports.pausedHint')}</Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item
            label={t('reports.pauseReasonLabel')}
            required
            validateStatus={error ? 'error' : undefined}
            help={error ?? undefined}
          >
            <div role="radiogroup" aria-label={t('reports.pauseReasonLabel')}>
              <Radio.Group
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value as PauseReason)
                  setError(null)
                }}
              >
                <Space orientation="vertical">
                  {PAUSE_REASONS.map((r) => (
                    <Radio key={r} value={r}>
                      {t(`reports.pauseReason.${r}`)}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </div>
          </Form.Item>
        </Form>
      </Modal>
    </div>
  )
}
