import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Complaint } from '../../../../shared/domain/complaint'
import { evaluateTime } from '../../../../shared/domain/timeRules'
import { getTimeRules } from '../../db'
import { useData } from '../../app/session'

/** 已超时 with the escalation level, wherever a case is listed. */
export function OverdueTag({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation()
  const data = useData()
  const rules = useLiveQuery(() => getTimeRules(data), [data])
  if (!rules) return null
  const time = evaluateTime(complaint, data.now(), rules)
  return time.overdue ? (
    <Tag color="red" data-testid="overdue-tag">
      {t(`complaint.overdueLevel.${time.level}`)}
    </Tag>
  ) : null
}
