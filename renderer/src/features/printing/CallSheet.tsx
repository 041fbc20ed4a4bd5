import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { maskPhone } from '@shared/domain/phone'
import type { QueueRow } from '@/db'
import { dateTime, taskReason } from '@/features/revisits/labels'
import './call-sheet.css'

/** 回访任务单 on A4: the day's calls (overdue and due today), outcome and note left blank to fill in
 *  by hand. Phones masked unless the role at the desk may see full numbers. */
export function CallSheet(props: {
  rows: QueueRow[]
  storeName: string
  printedAt: number
  unmasked: boolean
}) {
  const { t } = useTranslation()
  return (
    <div className="cs" data-testid="call-sheet">
      <h1 className="print-title">
        {props.storeName} {t('revisit.print.title')}
      </h1>
      <div className="cs-meta">
        <span>{t('revisit.print.date', { date: dayjs(props.printedAt).format('YYYY-MM-DD HH:mm') })}</span>
        <span>{t('pattern.counted', { title: t('revisit.task'), count: props.rows.length })}</span>
      </div>
      <table className="cs-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('revisit.column.customer')}</th>
            <th>{t('revisit.column.phone')}</th>
            <th>{t('revisit.column.reason')}</th>
            <th>{t('revisit.column.dueAt')}</th>
            <th>{t('revisit.column.attempts')}</th>
            <th className="cs-outcome">{t('revisit.print.outcomeBlank')}</th>
            <th className="cs-note">{t('revisit.print.noteBlank')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => {
            const phone = r.customer?.phone ?? r.task.customerPhone
            return (
              <tr key={r.task.id}>
                <td>{i + 1}</td>
                <td>{r.customer?.name ?? r.task.customerName}</td>
                <td data-testid="sheet-phone">{props.unmasked ? phone : maskPhone(phone)}</td>
                <td>{taskReason(t, r.task)}</td>
                <td>
                  {t(`revisit.bucket.${r.bucket}`)} {dateTime(t, r.task.dueAt)}
                </td>
                <td>{r.state.attempts}</td>
                <td className="cs-blank" />
                <td className="cs-blank" />
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
