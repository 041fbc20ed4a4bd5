import { Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { Staff } from '@shared/domain/staff'
import { SYSTEM_STAFF_NO, type TimelineEvent } from '@/db'

const TIME = 'YYYY-MM-DD HH:mm'

/** 处理记录: every step, who (工号 + name) and when; the event's own words underneath. */
export function TimelineView({ events, people }: { events: TimelineEvent[]; people: Staff[] }) {
  const { t } = useTranslation()
  const who = (staffNo: string) =>
    staffNo === SYSTEM_STAFF_NO
      ? t('workflow.system')
      : `${t('staff.staffNo')} ${staffNo} ${people.find((p) => p.staffNo === staffNo)?.name ?? ''}`.trim()
  const ENUMS: Record<string, string> = {
    channel: 'channelOption',
    category: 'categoryOption',
    emotion: 'emotionOption',
    urgency: 'urgencyOption'
  }
  const shown = (field: string, value: unknown): string =>
    value === null || value === '' || value === undefined
      ? '—'
      : ENUMS[field]
        ? t(`complaint.${ENUMS[field]}.${String(value)}`)
        : String(value)
  const detail = (e: TimelineEvent): string => {
    const d = e.data
    // 暂停计时: its reason is a code (clock/pauses.ts), worded here; other events' reasons are text.
    const reason = e.type === 'clockPaused' ? undefined : d.reason
    const parts = [d.explanation, d.text, reason, d.note, d.notes].filter(
      (x): x is string => typeof x === 'string' && x.length > 0
    )
    if (e.type === 'clockPaused' && typeof d.reason === 'string')
      parts.push(t(`reports.pauseReason.${d.reason}`))
    // A department name alone does not say what it is: label it (责任部门：售后服务部).
    if (typeof d.department === 'string' && d.department)
      parts.unshift(t('pattern.labelValue', { label: t('workflow.field.department'), value: d.department }))
    // 约定回电: the promised time first
    if (typeof d.dueAt === 'number') parts.unshift(dayjs(d.dueAt).format('MM-DD HH:mm'))
    if (typeof d.amount === 'number') parts.push(t('workflow.yuan', { amount: d.amount }))
    if (typeof d.satisfaction === 'string') parts.unshift(t(`workflow.satisfaction.${d.satisfaction}`))
    if (typeof d.accepted === 'boolean') parts.push(t(d.accepted ? 'workflow.yes' : 'workflow.no'))
    if (e.type === 'numberClashResolved' && typeof d.no === 'string' && typeof d.otherTo === 'string')
      parts.push(t('pattern.changed', { label: t('workflow.otherComplaintNo'), from: d.no, to: d.otherTo }))
    if (typeof d.level === 'number') parts.push(t('complaint.escalationLevel', { level: d.level }))
    if (Array.isArray(d.feedbackDepartments) && d.feedbackDepartments.length)
      parts.push(
        t('pattern.labelValue', {
          label: t('workflow.field.feedbackDepartments'),
          value: d.feedbackDepartments.join(t('pattern.listSeparator'))
        })
      )
    if (typeof d.field === 'string')
      parts.push(
        t('pattern.changed', {
          label: t(`complaint.${d.field}`),
          from: shown(d.field, d.from),
          to: shown(d.field, d.to)
        })
      )
    return parts.join(' · ')
  }
  return (
    <Timeline
      data-testid="timeline"
      items={events.map((e) => ({
        color:
          e.type === 'escalated'
            ? 'red'
            : e.type === 'judgedInvalid' || e.type === 'planReturned' || e.type === 'clockPaused'
              ? 'orange'
              : 'blue',
        content: (
          <div>
            <div>
              {dayjs(e.at).format(TIME)} · <strong>{t(`workflow.event.${e.type}`)}</strong> · {who(e.staffNo)}
            </div>
            {detail(e) && <Typography.Text type="secondary">{detail(e)}</Typography.Text>}
          </div>
        )
      }))}
    />
  )
}
