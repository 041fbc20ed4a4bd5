import { List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData } from '@/app/session'
import { dateTime } from './labels'

/** On the complaint page: its follow-up tasks (投诉回访, 维修回访) and every call made for them. */
export function ComplaintRevisitTasks({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation()
  const data = useData()
  const tasks = useLiveQuery(() => data.read.revisitTasksOfComplaint(complaintId), [data, complaintId])
  if (!tasks || tasks.length === 0) return null
  return (
    <section aria-label={t('revisit.task')} data-testid="complaint-revisit-tasks" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('revisit.task')}</Typography.Text>
      <List
        size="small"
        dataSource={tasks}
        renderItem={({ task, state, attempts }) => (
          <List.Item>
            <div>
              <Tag>{t(`revisit.status.${state.status}`)}</Tag>
              {t('revisit.timeline.task', {
                rule: t(`revisit.rule.${task.rule}`),
                due: dateTime(t, task.dueAt)
              })}
              {attempts.map((a) => (
                <div key={a.id}>
                  <Typography.Text type="secondary">
                    {dateTime(t, a.at)}{' '}
                    {t('revisit.timeline.attempt', {
                      outcome: t(`revisit.outcome.${a.outcome}`),
                      staffNo: a.staffNo
                    })}
                    {a.satisfaction ? ` · ${t(`workflow.satisfaction.${a.satisfaction}`)}` : ''}
                    {a.note ? t('pattern.bracketed', { note: a.note }) : ''}
                  </Typography.Text>
                </div>
              ))}
            </div>
          </List.Item>
        )}
      />
    </section>
  )
}
