import { Alert, Button, List, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Customer } from '@shared/domain/customer'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { dateTime } from './labels'

/** On the customer page: 不再回访 (shown, set, and lifted by a manager) and every follow-up task with
 *  each call made, newest first. */
export function CustomerRevisits({ customer }: { customer: Customer }) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const action = useAction()
  const tasks = useLiveQuery(() => data.read.revisitTasksOfCustomer(customer.id), [data, customer.id])
  const toggle = (on: boolean) =>
    action.run(
      (s) => data.write.setNoRevisit({ staffNo: s.staffNo, role: s.role }, customer.id, on),
      on ? 'revisit.noRevisit.marked' : 'revisit.noRevisit.cleared'
    )
  return (
    <section aria-label={t('revisit.title')} data-testid="customer-revisits" style={{ marginTop: 16 }}>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('revisit.title')}</Typography.Text>
        {customer.noRevisit ? (
          staff?.role === 'manager' && (
            <Button size="small" onClick={() => void toggle(false)}>
              {t('revisit.noRevisit.clear')}
            </Button>
          )
        ) : (
          <Button size="small" onClick={() => void toggle(true)}>
            {t('revisit.noRevisit.mark')}
          </Button>
        )}
      </Space>
      {customer.noRevisit && (
        <Alert
          type="warning"
          data-testid="no-revisit"
          title={t('revisit.noRevisit.label')}
          description={t('revisit.noRevisit.since', {
            time: dateTime(t, customer.noRevisit.at),
            staffNo: customer.noRevisit.by
          })}
        />
      )}
      {tasks && tasks.length > 0 && (
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
      )}
    </section>
  )
}
