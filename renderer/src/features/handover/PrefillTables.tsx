import { Card, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Handover } from '@shared/domain/handover'
import { HANDOVER_SHEET_SECTIONS, type Cell, type Mark, type SectionRow } from './sections'

const MARK_COLOR: Record<Mark['key'], string | undefined> = {
  overdue: 'red',
  dueThisShift: 'orange',
  carried: 'purple',
  doneItem: 'green',
  openItem: undefined
}

/** A cell on screen: complaint numbers link to the complaint, marks are coloured tags. */
function ScreenCell({ cell }: { cell: Cell }) {
  const { t } = useTranslation()
  if (typeof cell === 'string') return <>{cell}</>
  if ('complaintId' in cell) return <Link to={`/complaints/${cell.complaintId}`}>{cell.text}</Link>
  return (
    <>
      {cell.marks.map((m) => (
        <Tag key={m.key} color={MARK_COLOR[m.key]}>
          {t(`handover.mark.${m.key}`, { count: m.count })}
        </Tag>
      ))}
    </>
  )
}

/** The pre-filled part of a handover note, read from the data (docs/design.md §3.5): one table per section. */
export function PrefillTables({ handover, unmasked }: { handover: Handover; unmasked: boolean }) {
  const { t } = useTranslation()
  // now: only the printed sheet lays out the clerk's own items, whose overdue mark needs it.
  const view = { t, unmasked, blank: '—', now: 0 }
  return (
    <>
      {HANDOVER_SHEET_SECTIONS.filter((s) => s.source === 'prefill').map((section) => {
        const rows = section.rows(handover, view)
        return (
          <Card
            key={section.key}
            title={t('pattern.counted', { title: t(`handover.section.${section.key}`), count: rows.length })}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid={`prefill-${section.key}`}
          >
            <Table<SectionRow>
              size="small"
              pagination={false}
              rowKey="id"
              locale={{ emptyText: t('handover.none') }}
              dataSource={rows}
              columns={section.columns.map((column, i) => ({
                title: t(`handover.col.${column.key}`),
                key: column.key,
                width: column.width,
                render: (_, row) => <ScreenCell cell={row.cells[i] ?? ''} />
              }))}
            />
          </Card>
        )
      })}
    </>
  )
}
