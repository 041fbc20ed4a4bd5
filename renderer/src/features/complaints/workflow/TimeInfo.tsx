import { Descriptions, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { Complaint } from '@shared/domain/complaint'
import { useData } from '@/app/session'
import { useNow } from '@/ui/useNow'

const TIME = 'MM-DD HH:mm'

/** Age, time limits and escalation level of one case, by the store's time rules, in counted time:
 *  paused time (暂停计时) and the store's 停业日 do not count (issue 16). A deadline an open pause holds
 *  back shows 暂停中 until the clock is resumed. */
export function TimeInfo({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation()
  const data = useData()
  const now = useNow(data)
  const time = data.timeOf(complaint, now)
  const hours = Math.floor(time.ageMs / 3_600_000)
  const at = (ms: number | null) => (ms === null ? t('reports.paused') : dayjs(ms).format(TIME))
  return (
    <Descriptions size="small" column={4} data-testid="time-info">
      <Descriptions.Item label={t('complaint.age')}>
        {t('complaint.ageValue', { hours, minutes: Math.floor((time.ageMs % 3_600_000) / 60_000) })}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaint.sunsetDeadline')}>
        <span data-testid="sunset-deadline">{at(time.sunsetDeadline)}</span>{' '}
        {time.sunsetBreached && <Tag color="red">{t('complaint.sunsetBreached')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaint.limits')}>
        <span data-testid="escalation-limits">
          {time.leaderDeadline === null ? (
            t('reports.paused')
          ) : (
            <>
              {t('complaint.limitLeader', { time: at(time.leaderDeadline) })} /{' '}
              {t('complaint.limitManager', { time: at(time.managerDeadline) })}
            </>
          )}
        </span>
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
      {complaint.resolvedAt !== null && (
        <Descriptions.Item label={t('complaint.revisitDue')}>{at(time.revisitDueAt)}</Descriptions.Item>
      )}
    </Descriptions>
  )
}
