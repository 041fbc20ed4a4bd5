import { Card } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData } from '@/app/session'
import { ReturnsTable } from './ReturnsTable'

/** The returns settling one complaint, on its detail page; nothing when there are none. */
export function ComplaintReturns({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation()
  const data = useData()
  const rows = useLiveQuery(() => data.read.listReturnsOfComplaint(complaintId), [data, complaintId])
  if (!rows?.length) return null
  return (
    <Card type="inner" title={t('returns.title')} style={{ marginTop: 16 }} data-testid="complaint-returns">
      <ReturnsTable rows={rows} showComplaint={false} pageSize={5} />
    </Card>
  )
}
