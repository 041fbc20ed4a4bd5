import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Complaint } from '@shared/domain/complaint'
import { evaluateTime, type TimeRuleSettings } from '@shared/domain/timeRules'
import { useData } from '@/app/session'

/** 已超时 with the escalation level, wherever a case is listed. */
export function OverdueTag({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation()
  const data = useData()
  // The data layer keeps the rules in force; a live query per listed row would cost 50 reads a page.
  const time = evaluateTime(complaint, data.now(), data.timeRules)
  return time.overdue ? (
    <Tag color="red" data-testid="overdue-tag">
      {t(`complaint.overdueLevel.${time.level}`)}
    </Tag>
  ) : null
}

/** The same mark in plain markup for long lists (no antd component or hooks per row). */
export function OverdueMark({
  complaint,
  rules,
  now
}: {
  complaint: Complaint
  rules: TimeRuleSettings
  now: number
}) {
  const { t } = useTranslation()
  const time = evaluateTime(complaint, now, rules)
  return time.overdue ? (
    <span className="desk-tag desk-tag-red" data-testid="overdue-tag">
      {t(`complaint.overdueLevel.${time.level}`)}
    </span>
  ) : null
}
