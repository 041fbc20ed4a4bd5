import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import {
  isItemOverdue,
  type Handover,
  type HandoverItem,
  type HandoverSection
} from '@shared/domain/handover'
import { overdueCount } from '@shared/domain/handoverPrefill'
import type { TimelineEvent } from '@/db'
import { formatAge, formatNext, formatWhen, shownPhone, slotHours } from '@/features/handover/format'
import './handover-print.css'

export interface HandoverSheetProps {
  handover: Handover
  storeName: string
  remarks: TimelineEvent[]
  printedAt: number
}

/** A table that may run over pages: its header repeats on each page (thead), a row is never cut.
 *  Sections with nothing in them are not drawn (the sheet lists them in one line instead). */
function SheetTable({
  title,
  count,
  head,
  children,
  testId
}: {
  title: string
  count: number
  head: ReactNode[]
  children: ReactNode
  testId: string
}) {
  const { t } = useTranslation()
  if (count === 0) return null
  return (
    <section className="hs-section" data-testid={testId}>
      <h2 className="hs-heading">{t('pattern.counted', { title, count })}</h2>
      <table className="hs-table">
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  )
}

/** 交接班记录表 on A4 (DESIGN §3.5, §3.7): the pre-filled data, the outgoing clerk's items and notes,
 *  carry-over marks, remarks appended after acknowledgement, and signature lines. Phones always
 *  masked: paper leaves the store's control. */
export function HandoverSheet({ handover: h, storeName, remarks, printedAt }: HandoverSheetProps) {
  const { t } = useTranslation()
  const p = h.prefill
  const who = (no: string, name: string) => (no ? `${no} ${name}` : '')
  const marks = (m: { overdue?: boolean; dueThisShift?: boolean; carried: number; done?: boolean }) =>
    [
      m.done === true ? t('handover.mark.doneItem') : m.done === false ? t('handover.mark.openItem') : '',
      m.overdue ? t('handover.mark.overdue') : m.dueThisShift ? t('handover.mark.dueThisShift') : '',
      m.carried > 0 ? t('handover.mark.carried', { count: m.carried }) : ''
    ]
      .filter(Boolean)
      .join(' ')
  const items = (section: HandoverSection): HandoverItem[] => h.items.filter((i) => i.section === section)
  const carriedItems = h.items.filter((i) => i.carried > 0 && !i.done).length
  // Empty sections in one line, so a quiet shift still fits one page and a busy one loses no space.
  const sizes: [string, number][] = [
    ['complaints', p.complaints.length],
    ['urgent', items('urgent').length],
    ['revisits', p.revisits.length],
    ['callbacks', p.callbacks.length],
    ['returns', p.returns.length],
    ['customers', items('customers').length],
    ['prospects', items('prospects').length]
  ]
  const emptySections = sizes.filter(([, n]) => n === 0).map(([key]) => t(`handover.section.${key}`))
  const customerCell = (i: HandoverItem) =>
    [i.customerName, shownPhone(i.customerPhone, false)].filter(Boolean).join(' ')

  return (
    <article className="hs" data-testid="handover-sheet">
      <div className="print-store">{storeName}</div>
      <h1 className="print-title">{t('handover.sheetTitle')}</h1>
      <table className="hs-meta">
        <tbody>
          <tr>
            <th>{t('handover.date')}</th>
            <td>{h.date}</td>
            <th>{t('handover.shift')}</th>
            <td>
              {h.shiftName} {slotHours(h.shiftStart, h.shiftEnd)}
            </td>
            <th>{t('handover.status')}</th>
            <td>{t(`handover.statusOption.${h.status}`)}</td>
          </tr>
          <tr>
            <th>{t('handover.outgoing')}</th>
            <td>{who(h.outgoingStaffNo, h.outgoingName)}</td>
            <th>{t('handover.incoming')}</th>
            <td>{who(h.incomingStaffNo, h.incomingName)}</td>
            <th>{t('handover.acknowledgedAt')}</th>
            <td>{h.acknowledgedAt ? dayjs(h.acknowledgedAt).format('YYYY-MM-DD HH:mm') : ''}</td>
          </tr>
        </tbody>
      </table>
      <p className="hs-summary" data-testid="sheet-summary">
        {t('handover.summary', {
          complaints: p.complaints.length,
          overdue: overdueCount(p) + h.items.filter((i) => isItemOverdue(i, printedAt)).length,
          revisits: p.revisits.length,
          callbacks: p.callbacks.length,
          returns: p.returns.length,
          carried: carriedItems
        })}
        {'　'}
        {t('handover.takenAt', { time: formatWhen(p.takenAt) })}
      </p>
      {emptySections.length > 0 && (
        <p className="hs-summary" data-testid="sheet-empty-sections">
          {t('handover.emptySections', { list: emptySections.join(t('pattern.listSeparator')) })}
        </p>
      )}
      {p.previous && (
        <p className="hs-warning">
          {t('handover.previousUnacknowledged', {
            date: p.previous.date,
            shift: p.previous.shiftName,
            who: who(p.previous.outgoingStaffNo, p.previous.outgoingName)
          })}
        </p>
      )}

      <SheetTable
        testId="sheet-complaints"
        title={t('handover.section.complaints')}
        count={p.complaints.length}
        head={[
          t('handover.col.index'),
          t('handover.col.no'),
          t('handover.col.customer'),
          t('handover.col.phone'),
          t('handover.col.age'),
          t('handover.col.status'),
          t('handover.col.level'),
          t('handover.col.next'),
          t('handover.col.mark')
        ]}
      >
        {p.complaints.map((c, i) => (
          <tr key={c.id}>
            <td>{i + 1}</td>
            <td>{c.no}</td>
            <td>{c.customerName}</td>
            <td>{shownPhone(c.customerPhone, false)}</td>
            <td>{formatAge(c.ageMs, t)}</td>
            <td>{t(`complaint.statusOption.${c.status}`)}</td>
            <td>{t(`handover.level.${c.level}`)}</td>
            <td>{formatNext(c.next, t)}</td>
            <td>{marks(c)}</td>
          </tr>
        ))}
      </SheetTable>

      <SheetTable
        testId="sheet-urgent"
        title={t('handover.section.urgent')}
        count={items('urgent').length}
        head={[
          t('handover.col.index'),
          t('handover.col.matter'),
          t('handover.col.due'),
          t('handover.col.mark')
        ]}
      >
        {items('urgent').map((item, i) => (
          <tr key={item.id}>
            <td>{i + 1}</td>
            <td>{item.text}</td>
            <td>{item.dueAt !== null ? formatWhen(item.dueAt) : ''}</td>
            <td>{marks({ ...item, overdue: isItemOverdue(item, printedAt) })}</td>
          </tr>
        ))}
      </SheetTable>

      <SheetTable
        testId="sheet-revisits"
        title={t('handover.section.revisits')}
        count={p.revisits.length}
        head={[
          t('handover.col.index'),
          t('handover.col.no'),
          t('handover.col.customer'),
          t('handover.col.phone'),
          t('handover.col.due'),
          t('handover.col.mark')
        ]}
      >
        {p.revisits.map((r, i) => (
          <tr key={r.id}>
            <td>{i + 1}</td>
            <td>{r.no}</td>
            <td>{r.customerName}</td>
            <td>{shownPhone(r.customerPhone, false)}</td>
            <td>{formatWhen(r.dueAt)}</td>
            <td>{marks(r)}</td>
          </tr>
        ))}
      </SheetTable>

      <SheetTable
        testId="sheet-callbacks"
        title={t('handover.section.callbacks')}
        count={p.callbacks.length}
        head={[
          t('handover.col.index'),
          t('handover.col.no'),
          t('handover.col.customer'),
          t('handover.col.phone'),
          t('handover.col.due'),
          t('handover.col.note'),
          t('handover.col.mark')
        ]}
      >
        {p.callbacks.map((c, i) => (
          <tr key={c.id}>
            <td>{i + 1}</td>
            <td>{c.no}</td>
            <td>{c.customerName}</td>
            <td>{shownPhone(c.customerPhone, false)}</td>
            <td>{formatWhen(c.dueAt)}</td>
            <td>{c.note}</td>
            <td>{marks(c)}</td>
          </tr>
        ))}
      </SheetTable>

      <SheetTable
        testId="sheet-returns"
        title={t('handover.section.returns')}
        count={p.returns.length}
        head={[
          t('handover.col.index'),
          t('handover.col.customer'),
          t('handover.col.phone'),
          t('handover.col.type'),
          t('handover.col.status'),
          t('handover.col.amount'),
          t('handover.col.createdAt'),
          t('handover.col.mark')
        ]}
      >
        {p.returns.map((r, i) => (
          <tr key={r.id}>
            <td>{i + 1}</td>
            <td>{r.customerName}</td>
            <td>{shownPhone(r.customerPhone, false)}</td>
            <td>{t(`returns.typeOption.${r.type}`)}</td>
            <td>{t(`returns.statusOption.${r.status}`)}</td>
            <td>{r.amount === null ? '' : `¥${r.amount.toFixed(2)}`}</td>
            <td>{formatWhen(r.createdAt)}</td>
            <td>{marks(r)}</td>
          </tr>
        ))}
      </SheetTable>

      {(['customers', 'prospects'] as const).map((section) => (
        <SheetTable
          key={section}
          testId={`sheet-${section}`}
          title={t(`handover.section.${section}`)}
          count={items(section).length}
          head={[
            t('handover.col.index'),
            t('handover.col.customer'),
            section === 'customers' ? t('handover.col.situation') : t('handover.col.purpose'),
            t('handover.col.mark')
          ]}
        >
          {items(section).map((item, i) => (
            <tr key={item.id}>
              <td>{i + 1}</td>
              <td>{customerCell(item)}</td>
              <td>{item.text}</td>
              <td>{marks(item)}</td>
            </tr>
          ))}
        </SheetTable>
      ))}

      <section className="hs-section" data-testid="sheet-notes">
        <h2 className="hs-heading">{t('handover.section.notes')}</h2>
        <p className="hs-notes">{h.notes || t('handover.none')}</p>
      </section>

      {remarks.length > 0 && (
        <section className="hs-section" data-testid="sheet-remarks">
          <h2 className="hs-heading">{t('handover.section.remarks')}</h2>
          {remarks.map((r) => (
            <p key={r.id} className="hs-remark">
              {formatWhen(r.at)}{' '}
              {t('pattern.labelValue', { label: r.staffNo, value: String(r.data.text ?? '') })}
            </p>
          ))}
        </section>
      )}

      <table className="hs-sign" data-testid="sheet-signatures">
        <tbody>
          <tr>
            <th>{t('handover.sign.outgoing')}</th>
            <td />
            <th>{t('handover.sign.time')}</th>
            <td />
          </tr>
          <tr>
            <th>{t('handover.sign.incoming')}</th>
            <td />
            <th>{t('handover.sign.time')}</th>
            <td />
          </tr>
        </tbody>
      </table>
      <p className="hs-printed">
        {t('handover.printedAt', { time: dayjs(printedAt).format('YYYY-MM-DD HH:mm') })}
      </p>
    </article>
  )
}
