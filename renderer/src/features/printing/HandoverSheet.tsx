import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { isItemOverdue, type Handover } from '@shared/domain/handover'
import { overdueCount } from '@shared/domain/handoverPrefill'
import type { TimelineEvent } from '@/db'
import { formatWhen, slotHours } from '@/features/handover/format'
import { HANDOVER_SHEET_SECTIONS, type Cell } from '@/features/handover/sections'
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

/** 交接班记录表 on A4 (docs/design.md §3.5, §3.7): the pre-filled data, the outgoing clerk's items and notes,
 *  carry-over marks, remarks appended after acknowledgement, and signature lines. Phones always
 *  masked: paper leaves the store's control. */
export function HandoverSheet({ handover: h, storeName, remarks, printedAt }: HandoverSheetProps) {
  const { t } = useTranslation()
  const p = h.prefill
  const who = (no: string, name: string) => (no ? `${no} ${name}` : '')
  const carriedItems = h.items.filter((i) => i.carried > 0 && !i.done).length
  const view = { t, unmasked: false, blank: '', now: printedAt }
  // Paper has no links or colours: a complaint reads as its number, marks as words.
  const text = (cell: Cell): string =>
    typeof cell === 'string'
      ? cell
      : 'text' in cell
        ? cell.text
        : cell.marks.map((m) => t(`handover.mark.${m.key}`, { count: m.count })).join(' ')
  const sections = HANDOVER_SHEET_SECTIONS.map((section) => ({ section, rows: section.rows(h, view) }))
  // Empty sections in one line, so a quiet shift still fits one page and a busy one loses no space.
  const emptySections = sections
    .filter(({ rows }) => rows.length === 0)
    .map(({ section }) => t(`handover.section.${section.key}`))

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

      {sections.map(({ section, rows }) => (
        <SheetTable
          key={section.key}
          testId={`sheet-${section.key}`}
          title={t(`handover.section.${section.key}`)}
          count={rows.length}
          head={[t('handover.col.index'), ...section.columns.map((c) => t(`handover.col.${c.key}`))]}
        >
          {rows.map((row, i) => (
            <tr key={row.id}>
              <td>{i + 1}</td>
              {row.cells.map((cell, j) => (
                <td key={j}>{text(cell)}</td>
              ))}
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
