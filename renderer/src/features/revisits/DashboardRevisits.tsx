import { Button, Card, Space, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from '@/app/session'

/** 工作台 → 我的回访: my customers' follow-ups overdue and due today, one click to the queue. Read
 *  after the page has settled (`enabled`), so it never delays the start-up figures. */
export function DashboardRevisits({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const staffNo = useSession((s) => s.staff?.staffNo)
  const counts = useLiveQuery(
    () => (enabled && staffNo ? data.read.revisitQueueCounts(staffNo) : undefined),
    [data, enabled, staffNo]
  )
  if (!counts || counts.overdue + counts.today === 0) return null
  return (
    <Card
      title={t('revisit.dashboard.title')}
      style={{ marginBottom: 16 }}
      data-testid="dashboard-revisits"
      extra={<Button onClick={() => navigate('/revisits')}>{t('revisit.dashboard.open')}</Button>}
    >
      <Space size={48}>
        <Statistic
          title={t('revisit.dashboard.overdue')}
          value={counts.overdue}
          valueStyle={counts.overdue ? { color: '#cf1322' } : undefined}
        />
        <Statistic title={t('revisit.dashboard.today')} value={counts.today} />
      </Space>
    </Card>
  )
}
