import { Descriptions, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import type { Complaint } from '@shared/domain/complaint'
import { escalationDeadlines, evaluateTime } from '@shared/domain/timeRules'
import { useData } from '@/app/session'
import { useNow } from '@/ui/useNow'

const TIME = 'MM-DD HH:mm'

/** Age, time limits and escalation level of one case, by the store's time rules. */
export function TimeInfo({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation()
  const data = useData()
  const now = useNow(data)
  const rules = useLiveQuery(() => data.read.getTimeRules(), [data])
  if (!rules) return null
  const time = evaluateTime(complaint, now, rules)
  const limits = escalationDeadlines(complaint, rules)
  const hours = Math.floor(time.ageMs / 3_600_000)
  return (
    <Descriptions size="small" column={4} data-testid="time-info">
      <Descriptions.Item label={t('complaint.age')}>
        {t('complaint.ageValue', { hours, minutes: Math.floor((time.ageMs % 3_600_000) / 60_000) })}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaint.sunsetDeadline')}>
        {dayjs(time.sunsetDeadline).format(TIME)}{' '}
        {time.sunsetBreached && <Tag color="red">{t('complaint.sunsetBreached')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaint.limits')}>
        {t('complaint.limitLeader', { time: dayjs(limits.leader).format(TIME) })} /{' '}
        {t('complaint.limitManager', { time: dayjs(limits.manager).format(TIME) })}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaint.escalation')}>
        {time.overdue ? (
          <Tag color="red" data-testid="overdue-tag">
            {t(`complaint.overdueLevel.${time.level}`)}
          </Tag>
        ) : (
          t('complaint.notEscalated')
        )}
      </Descriptions.Item>
      {time.revisitDueAt !== null && (
        <Descriptions.Item label={t('complaint.revisitDue')}>
          {dayjs(time.revisitDueAt).format(TIME)}
        </Descriptions.Item>
      )}
    </Descriptions>
  )
}
