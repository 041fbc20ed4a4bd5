process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import type { Handover, HandoverItem } from '@shared/domain/handover'
import { HANDOVER_SHEET_SECTIONS, type SectionView } from '@/features/handover/sections'
import { zhCN } from '@/i18n/zh-CN'

const i18n = i18next.createInstance()
void i18n.init({
  lng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false },
  showSupportNotice: false
})

const T0 = Date.parse('2026-11-23T09:00:00+08:00')
const HOUR = 3_600_000

const item = (section: HandoverItem['section'], patch: Partial<HandoverItem> = {}): HandoverItem => ({
  id: `i-${section}`,
  originId: `i-${section}`,
  section,
  text: `${section} matter`,
  customerId: null,
  customerName: '李四',
  customerPhone: '13900001111',
  dueAt: null,
  done: false,
  carried: 0,
  ...patch
})

const handover: Handover = {
  id: 'h1',
  date: '2026-11-23',
  shiftId: 'day',
  shiftName: '白班',
  shiftStart: T0,
  shiftEnd: T0 + 9 * HOUR,
  outgoingStaffNo: '1001',
  outgoingName: '王芳',
  incomingStaffNo: '',
  incomingName: '',
  status: 'draft',
  createdAt: T0,
  submittedAt: null,
  acknowledgedAt: null,
  previousId: null,
  notes: '',
  items: [
    item('urgent', { dueAt: T0 + HOUR }),
    item('customers', { done: true, carried: 2 }),
    item('prospects')
  ],
  prefill: {
    takenAt: T0,
    previous: null,
    complaints: [
      {
        id: 'c1',
        no: 'TS-20261123-001',
        customerName: '张三',
        customerPhone: '13800001234',
        receivedAt: T0 - 2 * HOUR,
        status: 'inProgress',
        ageMs: 2 * HOUR,
        level: 1,
        next: { kind: 'escalateLeader', at: T0 + HOUR },
        overdue: true,
        dueThisShift: true,
        carried: 1
      }
    ],
    revisits: [
      {
        id: 'c2',
        no: 'TS-20261120-004',
        customerName: '赵六',
        customerPhone: '13700005678',
        dueAt: T0 + 2 * HOUR,
        overdue: false,
        carried: 0
      }
    ],
    callbacks: [
      {
        id: 'c3',
        no: 'TS-20261122-002',
        customerName: '钱七',
        customerPhone: '13600009876',
        dueAt: T0 + 3 * HOUR,
        note: '下午再打',
        overdue: false,
        dueThisShift: true,
        carried: 0
      }
    ],
    returns: [
      {
        id: 'r1',
        customerName: '孙八',
        customerPhone: '13500004321',
        type: 'return',
        status: 'pending',
        amount: null,
        createdAt: T0 - HOUR,
        complaintId: null,
        carried: 0
      }
    ]
  }
}

const screen: SectionView = { t: i18n.t, unmasked: true, blank: '—', now: 0 }
const paper: SectionView = { t: i18n.t, unmasked: false, blank: '', now: T0 + 2 * HOUR }
const section = (key: string) => HANDOVER_SHEET_SECTIONS.find((s) => s.key === key)!

describe('handover sections', () => {
  it('lists every section once, in the order of the printed sheet; the screen tables are the pre-filled ones', () => {
    expect(HANDOVER_SHEET_SECTIONS.map((s) => s.key)).toEqual([
      'complaints',
      'urgent',
      'revisits',
      'callbacks',
      'returns',
      'customers',
      'prospects'
    ])
    expect(HANDOVER_SHEET_SECTIONS.filter((s) => s.source === 'prefill').map((s) => s.key)).toEqual([
      'complaints',
      'revisits',
      'callbacks',
      'returns'
    ])
  })

  it('gives each row one cell per column, and every column a label in the catalogue', () => {
    for (const s of HANDOVER_SHEET_SECTIONS) {
      const rows = s.rows(handover, paper)
      expect(rows, s.key).toHaveLength(1)
      expect(rows[0]?.cells, s.key).toHaveLength(s.columns.length)
      for (const c of s.columns) expect(i18n.exists(`handover.col.${c.key}`), c.key).toBe(true)
    }
  })

  it('masks phones on paper and shows them in full on a screen that may', () => {
    const phoneAt = section('complaints').columns.findIndex((c) => c.key === 'phone')
    expect(section('complaints').rows(handover, paper)[0]?.cells[phoneAt]).toBe('138****1234')
    expect(section('complaints').rows(handover, screen)[0]?.cells[phoneAt]).toBe('13800001234')
    expect(section('customers').rows(handover, screen)[0]?.cells[0]).toBe('李四 139****1111')
  })

  it('links a complaint by its id and reads an empty amount as the view says', () => {
    // A note written before 回访任务 existed stored the complaint: it reads as 投诉回访, linked.
    const reasonAt = section('revisits').columns.findIndex((c) => c.key === 'reason')
    expect(section('revisits').rows(handover, screen)[0]?.cells[reasonAt]).toEqual({
      text: '投诉回访：TS-20261120-004',
      complaintId: 'c2'
    })
    const amountAt = section('returns').columns.findIndex((c) => c.key === 'amount')
    expect(section('returns').rows(handover, screen)[0]?.cells[amountAt]).toBe('—')
    expect(section('returns').rows(handover, paper)[0]?.cells[amountAt]).toBe('')
  })

  it('lists a 回访任务 by customer, phone (masked on paper), 回访事由, due and calls; a complaint’s links to it', () => {
    const withTasks: Handover = {
      ...handover,
      prefill: {
        ...handover.prefill,
        revisits: [
          {
            id: 'complaint:c2:1',
            rule: 'complaint',
            sourceNo: 'TS-20261120-004',
            complaintId: 'c2',
            customerName: '赵六',
            customerPhone: '13700005678',
            dueAt: T0 + 2 * HOUR,
            attempts: 2,
            overdue: true,
            carried: 1
          },
          {
            id: 'keyAccount:k1:10',
            rule: 'keyAccount',
            sourceNo: '',
            complaintId: null,
            customerName: '周九',
            customerPhone: '13400004444',
            dueAt: T0 + 14 * HOUR,
            attempts: 0,
            overdue: false,
            carried: 0
          }
        ]
      }
    }
    expect(section('revisits').columns.map((c) => c.key)).toEqual([
      'customer',
      'phone',
      'reason',
      'due',
      'attempts',
      'mark'
    ])
    expect(
      section('revisits')
        .rows(withTasks, paper)
        .map((r) => r.cells)
    ).toEqual([
      [
        '赵六',
        '137****5678',
        { text: '投诉回访：TS-20261120-004', complaintId: 'c2' },
        '11-23 11:00',
        '2 次',
        { marks: [{ key: 'overdue' }, { key: 'carried', count: 1 }] }
      ],
      ['周九', '134****4444', '大客户回访', '11-23 23:00', '0 次', { marks: [] }]
    ])
    expect(section('revisits').rows(withTasks, screen)[1]?.cells[1]).toBe('13400004444')
  })

  it('marks: overdue wins over due this shift, carried counts shifts, items say done or open', () => {
    const last = (key: string, view = paper) => section(key).rows(handover, view)[0]?.cells.at(-1)
    expect(last('complaints')).toEqual({ marks: [{ key: 'overdue' }, { key: 'carried', count: 1 }] })
    expect(last('callbacks')).toEqual({ marks: [{ key: 'dueThisShift' }] })
    expect(last('revisits')).toEqual({ marks: [] })
    expect(last('customers')).toEqual({ marks: [{ key: 'doneItem' }, { key: 'carried', count: 2 }] })
    // Urgent items are overdue once their time has passed when the sheet is printed.
    expect(last('urgent')).toEqual({ marks: [{ key: 'openItem' }, { key: 'overdue' }] })
    expect(last('urgent', { ...paper, now: T0 })).toEqual({ marks: [{ key: 'openItem' }] })
  })
})
