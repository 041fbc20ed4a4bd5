import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Complaint } from '@shared/domain/complaint'
import { useData } from '@/app/session'
import type { Data } from '@/db'

// 已超时 in counted time (issue 16): the data layer's timeOf measures the case's limits without its
// paused time and the store's 停业日, as the derived 已超时 index does.

/** 已超时 with the escalation level, wherever a case is listed. */
export function OverdueTag({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation()
  const data = useData()
  // The data layer keeps the rules in force; a live query per listed row would cost 50 reads a page.
  const time = data.timeOf(complaint, data.now())
  return time.overdue ? (
    <Tag color="red" data-testid="overdue-tag">
      {t(`complaint.overdueLevel.${time.level}`)}
    </Tag>
  ) : null
}

/** The same mark in plain markup for long lists (no antd component or hooks per row). */
export function OverdueMark({
  complaint,
  timeOf,
  now
}: {
  complaint: Complaint
  timeOf: Data['timeOf']
  now: number
}) {
  const { t } = useTranslation()
  const time = timeOf(complaint, now)
  return time.overdue ? (
    <span className="desk-tag desk-tag-red" data-testid="overdue-tag">
      {t(`complaint.overdueLevel.${time.level}`)}
    </span>
  ) : null
}
