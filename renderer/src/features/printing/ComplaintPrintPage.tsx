import { useState } from 'react'
import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from '@/app/session'
import { ComplaintForm } from './ComplaintForm'
import { PrintView } from './PrintView'

/** #/print/complaint/:id — the 投诉登记表 alone on the page (outside the Shell), ready to print. */
export function ComplaintPrintPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id = '' } = useParams()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const complaint = useLiveQuery(() => data.read.getComplaint(id).then((c) => c ?? null), [data, id])
  const people = useLiveQuery(() => data.read.listStaff(), [data])
  const storeName = useLiveQuery(() => data.read.getStoreName(), [data])
  // Re-stamped when printing starts: the paper should say when it was printed, not opened.
  const [printedAt, setPrintedAt] = useState(() => Date.now())
  const back = () => navigate(`/complaints/${id}`)

  if (complaint === undefined || people === undefined || storeName === undefined) return null
  if (complaint === null) {
    return (
      <Result
        status="404"
        title={t('complaint.notFound')}
        extra={<Button onClick={back}>{t('print.back')}</Button>}
      />
    )
  }

  return (
    <PrintView
      title={`${t('complaint.formTitle')} ${complaint.no}`}
      fileName={t('print.complaintFileName', { no: complaint.no })}
      onBack={back}
      onBeforeOutput={() => setPrintedAt(Date.now())}
      audit={{ form: 'complaint', record: complaint.no }}
    >
      <ComplaintForm
        complaint={complaint}
        storeName={storeName}
        people={people}
        printedAt={printedAt}
        printedBy={staff ? `${staff.staffNo} ${staff.name}` : ''}
      />
    </PrintView>
  )
}
