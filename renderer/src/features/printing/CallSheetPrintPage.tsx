import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { useData } from '@/app/session'
import { useCanUnmask } from '@/features/customers/usePrivacy'
import { CallSheet } from './CallSheet'
import { PrintView } from './PrintView'

/** #/print/revisits — 回访任务单: today's calls (overdue and due today) alone on the page. */
export function CallSheetPrintPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const unmasked = useCanUnmask()
  const [printedAt, setPrintedAt] = useState(() => data.now())
  const rows = useLiveQuery(async () => {
    const [overdue, today] = await Promise.all([
      data.read.listRevisitQueue({ bucket: 'overdue' }, 500),
      data.read.listRevisitQueue({ bucket: 'today' }, 500)
    ])
    return [...overdue, ...today]
  }, [data])
  const storeName = useLiveQuery(() => data.read.getStoreName(), [data])
  if (rows === undefined || storeName === undefined) return null
  const day = dayjs(printedAt).format('YYYYMMDD')
  return (
    <PrintView
      title={`${t('revisit.print.title')} ${day}`}
      fileName={`${t('revisit.print.title')}-${day}`}
      onBack={() => navigate('/revisits')}
      onBeforeOutput={() => setPrintedAt(data.now())}
      audit={{ form: 'callSheet', record: day }}
    >
      <CallSheet rows={rows} storeName={storeName} printedAt={printedAt} unmasked={unmasked} />
    </PrintView>
  )
}
