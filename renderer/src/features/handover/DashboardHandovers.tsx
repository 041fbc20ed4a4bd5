import { Card, List, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData } from '@/app/session'

/** 工作台: handovers not yet acknowledged (and drafts not yet submitted) — for both clerks and the
 *  shift leader, so a note is never left hanging. Hidden when there are none. */
export function DashboardHandovers({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const rows = useLiveQuery(() => (enabled ? data.read.openHandovers() : []), [data, enabled]) ?? []
  if (rows.length === 0) return null
  return (
    <Card title={t('handover.dashboardTitle')} style={{ marginBottom: 16 }} data-testid="dashboard-handovers">
      <List
        dataSource={rows}
        renderItem={(h) => (
          <List.Item
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(`/handover/${h.id}`)}
            data-testid="dashboard-handover"
          >
            <span>
              {t(h.status === 'submitted' ? 'handover.dashboardPending' : 'handover.dashboardDraft', {
                date: h.date,
                shift: h.shiftName,
                who: `${h.outgoingStaffNo} ${h.outgoingName}`
              })}
            </span>
            <Tag color={h.status === 'submitted' ? 'gold' : 'default'}>
              {t(`handover.statusOption.${h.status}`)}
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  )
}
