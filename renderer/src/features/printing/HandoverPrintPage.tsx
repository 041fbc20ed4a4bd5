import { useState } from 'react'
import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData } from '@/app/session'
import { HandoverSheet } from './HandoverSheet'
import { PrintView } from './PrintView'

/** Shift names are typed by staff: keep what Windows refuses out of the suggested file name. */
const safeName = (name: string) => name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-').slice(0, 20)

/** #/print/handover/:id — the 交接班记录表 alone on the page, ready to print or save as PDF. */
export function HandoverPrintPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id = '' } = useParams()
  const data = useData()
  const handover = useLiveQuery(() => data.read.getHandover(id).then((h) => h ?? null), [data, id])
  const events = useLiveQuery(() => data.read.handoverEvents(id), [data, id])
  const storeName = useLiveQuery(() => data.read.getStoreName(), [data])
  const [printedAt, setPrintedAt] = useState(() => Date.now())
  const back = () => navigate(`/handover/${id}`)

  if (handover === undefined || events === undefined || storeName === undefined) return null
  if (handover === null)
    return (
      <Result
        status="404"
        title={t('handover.refused.notFound')}
        extra={<Button onClick={back}>{t('print.back')}</Button>}
      />
    )

  return (
    <PrintView
      title={`${t('handover.sheetTitle')} ${handover.date} ${handover.shiftName}`}
      fileName={t('handover.fileName', { date: handover.date, shift: safeName(handover.shiftName) })}
      onBack={back}
      onBeforeOutput={() => setPrintedAt(Date.now())}
      audit={{ form: 'handover', record: `${handover.date} ${handover.shiftName}` }}
    >
      <HandoverSheet
        handover={handover}
        storeName={storeName}
        remarks={events.filter((e) => e.type === 'handoverRemark')}
        printedAt={printedAt}
      />
    </PrintView>
  )
}
