import type { TFunction } from 'i18next'
import { isItemOverdue, type Handover, type HandoverItem } from '@shared/domain/handover'
import type { PrefillRevisit } from '@shared/domain/handoverPrefill'
import { taskReason } from '@/features/revisits/labels'
import { formatAge, formatNext, formatWhen, shownPhone } from './format'

// The sections of a handover note described once, as data: their columns and rows. The screen
// (PrefillTables) and the printed 交接班记录表 (HandoverSheet) each lay them out their own way, so a
// new section, or a new column, is one change here.

export type SectionKey =
  'complaints' | 'urgent' | 'revisits' | 'callbacks' | 'returns' | 'customers' | 'prospects'

/** Column labels: handover.col.<key> */
export type ColumnKey =
  | 'no'
  | 'customer'
  | 'phone'
  | 'age'
  | 'status'
  | 'level'
  | 'next'
  | 'due'
  | 'note'
  | 'type'
  | 'amount'
  | 'createdAt'
  | 'matter'
  | 'situation'
  | 'purpose'
  | 'reason'
  | 'attempts'
  | 'mark'

export interface SectionColumn {
  key: ColumnKey
  /** on screen, in px; the last free column takes the rest */
  width?: number
}

/** handover.mark.<key>; on screen a coloured tag, on paper words. */
export interface Mark {
  key: 'doneItem' | 'openItem' | 'overdue' | 'dueThisShift' | 'carried'
  count?: number
}

/** A cell: words, a complaint the screen links to, or marks. */
export type Cell = string | { text: string; complaintId: string } | { marks: Mark[] }

export interface SectionRow {
  id: string
  cells: Cell[]
}

/** How the rows are read: the screen may unmask phones; paper never does. */
export interface SectionView {
  t: TFunction
  unmasked: boolean
  /** what an empty amount reads as ('—' on screen, nothing on paper) */
  blank: string
  /** for items with a due time (the sheet's printed-at) */
  now: number
}

export interface HandoverSectionSpec {
  key: SectionKey
  /** pre-filled from the data (shown in tables on screen), or the outgoing clerk's own items
   *  (edited on screen by ItemsSection; only the sheet lays them out from here) */
  source: 'prefill' | 'items'
  columns: SectionColumn[]
  rows(h: Handover, view: SectionView): SectionRow[]
}

function marks(m: { done?: boolean; overdue?: boolean; dueThisShift?: boolean; carried: number }): Cell {
  const list: Mark[] = []
  if (m.done !== undefined) list.push({ key: m.done ? 'doneItem' : 'openItem' })
  if (m.overdue) list.push({ key: 'overdue' })
  else if (m.dueThisShift) list.push({ key: 'dueThisShift' })
  if (m.carried > 0) list.push({ key: 'carried', count: m.carried })
  return { marks: list }
}

const items = (h: Handover, section: SectionKey): HandoverItem[] =>
  h.items.filter((i) => i.section === section)

/** 回访事由 of a pre-filled task — 投诉回访：TS-…, 维修回访, 专项回访：<campaign> — linked to its complaint.
 *  A note written before tasks existed stored the complaint (no rule): it reads as 投诉回访 too. */
function revisitReason(r: PrefillRevisit, t: TFunction): Cell {
  const text = taskReason(t, { rule: r.rule ?? 'complaint', sourceNo: r.sourceNo ?? r.no ?? '' })
  const complaintId = r.rule === undefined ? r.id : r.complaintId
  return complaintId ? { text, complaintId } : text
}

const itemCustomer = (i: HandoverItem) =>
  [i.customerName, shownPhone(i.customerPhone, false)].filter(Boolean).join(' ')

/** Every section, in the order of the printed sheet. */
export const HANDOVER_SHEET_SECTIONS: readonly HandoverSectionSpec[] = [
  {
    key: 'complaints',
    source: 'prefill',
    columns: [
      { key: 'no', width: 190 },
      { key: 'customer', width: 100 },
      { key: 'phone', width: 120 },
      { key: 'age', width: 110 },
      { key: 'status', width: 90 },
      { key: 'level', width: 70 },
      { key: 'next' },
      { key: 'mark', width: 170 }
    ],
    rows: (h, { t, unmasked }) =>
      h.prefill.complaints.map((c) => ({
        id: c.id,
        cells: [
          { text: c.no, complaintId: c.id },
          c.customerName,
          shownPhone(c.customerPhone, unmasked),
          formatAge(c.ageMs, t),
          t(`complaint.statusOption.${c.status}`),
          t(`handover.level.${c.level}`),
          formatNext(c.next, t),
          marks(c)
        ]
      }))
  },
  {
    key: 'urgent',
    source: 'items',
    columns: [{ key: 'matter' }, { key: 'due' }, { key: 'mark' }],
    rows: (h, { now }) =>
      items(h, 'urgent').map((item) => ({
        id: item.id,
        cells: [
          item.text,
          item.dueAt !== null ? formatWhen(item.dueAt) : '',
          marks({ ...item, overdue: isItemOverdue(item, now) })
        ]
      }))
  },
  {
    key: 'revisits',
    source: 'prefill',
    columns: [
      { key: 'customer', width: 100 },
      { key: 'phone', width: 120 },
      { key: 'reason' },
      { key: 'due', width: 110 },
      { key: 'attempts', width: 70 },
      { key: 'mark', width: 170 }
    ],
    rows: (h, { t, unmasked }) =>
      h.prefill.revisits.map((r) => ({
        id: r.id,
        cells: [
          r.customerName,
          shownPhone(r.customerPhone, unmasked),
          revisitReason(r, t),
          formatWhen(r.dueAt),
          r.attempts === undefined ? '' : t('revisit.attemptsCount', { count: r.attempts }),
          marks(r)
        ]
      }))
  },
  {
    key: 'callbacks',
    source: 'prefill',
    columns: [
      { key: 'no', width: 190 },
      { key: 'customer', width: 100 },
      { key: 'phone', width: 120 },
      { key: 'due', width: 110 },
      { key: 'note' },
      { key: 'mark', width: 170 }
    ],
    rows: (h, { unmasked }) =>
      h.prefill.callbacks.map((c) => ({
        id: c.id,
        cells: [
          { text: c.no, complaintId: c.id },
          c.customerName,
          shownPhone(c.customerPhone, unmasked),
          formatWhen(c.dueAt),
          c.note,
          marks(c)
        ]
      }))
  },
  {
    key: 'returns',
    source: 'prefill',
    columns: [
      { key: 'customer', width: 100 },
      { key: 'phone', width: 120 },
      { key: 'type', width: 90 },
      { key: 'status', width: 90 },
      { key: 'amount', width: 90 },
      { key: 'createdAt' },
      { key: 'mark', width: 170 }
    ],
    rows: (h, { t, unmasked, blank }) =>
      h.prefill.returns.map((r) => ({
        id: r.id,
        cells: [
          r.customerName,
          shownPhone(r.customerPhone, unmasked),
          t(`returns.typeOption.${r.type}`),
          t(`returns.statusOption.${r.status}`),
          r.amount === null ? blank : `¥${r.amount.toFixed(2)}`,
          formatWhen(r.createdAt),
          marks(r)
        ]
      }))
  },
  ...(['customers', 'prospects'] as const).map((key): HandoverSectionSpec => ({
    key,
    source: 'items',
    columns: [{ key: 'customer' }, { key: key === 'customers' ? 'situation' : 'purpose' }, { key: 'mark' }],
    rows: (h) =>
      items(h, key).map((item) => ({ id: item.id, cells: [itemCustomer(item), item.text, marks(item)] }))
  }))
]
