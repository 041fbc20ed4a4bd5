import { Alert, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import type { ReturnRequest } from '@shared/domain/returns'
import { useData } from '@/app/session'
import { ReturnsTab } from '@/features/returns/ReturnsTab'
import { ConsultationsTab } from './ConsultationsTab'
import { ProblemsTab } from './ProblemsTab'
import { ServiceStatsTab } from './ServiceStatsTab'
import { WeeklySummaryTab } from './WeeklySummaryTab'

/** 柜台登记 (docs/design.md §3.4): consultations, returns/exchanges and the problem log, one tab each.
 *  `?complaint=<id>` opens 退换货登记 pre-filled from that complaint (its 登记退换货 button). */
export function CounterPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const [params, setParams] = useSearchParams()
  const complaintId = params.get('complaint')
  const complaint = useLiveQuery(
    async () => (complaintId ? ((await data.read.getComplaint(complaintId)) ?? null) : null),
    [data, complaintId]
  )
  // Wait for the complaint, so the form mounts once with its pre-filled values.
  if (complaint === undefined) return null

  const onSaved = (record: ReturnRequest) => {
    // Back to the case it settles, where the new step shows on the timeline.
    if (record.complaintId) navigate(`/complaints/${record.complaintId}`)
    else if (complaintId) setParams({}, { replace: true })
  }

  const returns = (
    <>
      {complaintId && !complaint && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('returns.complaintNotFound')} />
      )}
      <ReturnsTab complaint={complaint} onSaved={onSaved} />
    </>
  )
  // `?tab=` opens a tab directly (工作台's links); 退换货登记 stays the default the returns flow expects.
  const tab = params.get('tab')
  return (
    <Tabs
      defaultActiveKey={tab && !complaintId ? tab : 'returnRequest'}
      destroyOnHidden
      items={[
        { key: 'consultation', label: t('returns.counterTab.consultation'), children: <ConsultationsTab /> },
        { key: 'returnRequest', label: t('returns.counterTab.returnRequest'), children: returns },
        { key: 'problem', label: t('returns.counterTab.problem'), children: <ProblemsTab /> },
        { key: 'stats', label: t('counter.stats.title'), children: <ServiceStatsTab /> },
        { key: 'weekly', label: t('counter.weekly.title'), children: <WeeklySummaryTab /> }
      ]}
    />
  )
}
