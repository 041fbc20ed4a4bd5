process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { periodRange } from '@shared/domain/metrics/period'
import type { ReportCase } from '@shared/domain/metrics/report'
import { workFigures, workReportFormSchema, type WorkInput } from '@shared/domain/workReport'

// 工作报表's figures on a hand-made day: what 1001 did on 23 November, edge instants included.

const at = (s: string) => Date.parse(`${s}+08:00`)
const DAY = periodRange({ kind: 'day', from: '2026-11-23', to: '2026-11-23' })

const c = (id: string, over: Partial<ReportCase>): ReportCase => ({
  id,
  no: id,
  customerId: `c-${id}`,
  status: 'registered',
  receivedAt: at('2026-11-20T10:00:00'),
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  revisit: null,
  escalationLevel: 0,
  category: 'quality',
  department: '',
  firstResponder: '1001',
  channel: 'counter',
  product: '',
  ...over
})

const input: WorkInput = {
  cases: [
    c('a', { receivedAt: at('2026-11-23T00:00:00') }), // taken at the day's first instant
    c('b', { receivedAt: at('2026-11-22T23:59:59'), firstResponseAt: at('2026-11-23T08:00:00') }), // handled
    c('c', { resolvedAt: at('2026-11-23T12:00:00') }), // handled
    c('d', {
      revisit: { at: at('2026-11-23T15:00:00'), satisfaction: 'satisfied' },
      closedAt: at('2026-11-24T00:00:00')
    }), // follow-up; closed the next day
    c('e', { receivedAt: at('2026-11-23T10:00:00'), firstResponder: '1002' }) // another clerk's
  ],
  services: [
    {
      kind: 'consultation',
      id: 's1',
      at: at('2026-11-23T00:00:00'),
      staffNo: '1001',
      customerKey: 'x',
      outcome: null
    },
    {
      kind: 'consultation',
      id: 's2',
      at: at('2026-11-23T00:00:00'),
      staffNo: '1002',
      customerKey: 'y',
      outcome: null
    },
    {
      kind: 'return',
      id: 'r1',
      at: at('2026-11-23T00:00:00'),
      staffNo: '1001',
      customerKey: 'x',
      outcome: null
    },
    {
      kind: 'return',
      id: 'r2',
      at: at('2026-11-24T00:00:00'),
      staffNo: '1001',
      customerKey: 'x',
      outcome: null
    }
  ],
  tasks: [
    {
      id: 't1',
      rule: 'repair',
      clerk: '1001',
      windowStart: 0,
      doneAt: at('2026-11-23T16:00:00'),
      answer: null
    },
    { id: 't2', rule: 'repair', clerk: '1001', windowStart: 0, doneAt: null, answer: null }, // not done
    {
      id: 't3',
      rule: 'repair',
      clerk: '1002',
      windowStart: 0,
      doneAt: at('2026-11-23T16:00:00'),
      answer: null
    }
  ],
  handovers: [
    {
      id: 'h1',
      outgoingStaffNo: '1001',
      incomingStaffNo: '1002',
      submittedAt: at('2026-11-23T17:00:00'),
      acknowledgedAt: at('2026-11-23T17:05:00')
    },
    {
      id: 'h2',
      outgoingStaffNo: '1002',
      incomingStaffNo: '1001',
      submittedAt: at('2026-11-22T17:00:00'),
      acknowledgedAt: at('2026-11-23T09:00:00')
    },
    { id: 'h3', outgoingStaffNo: '1001', incomingStaffNo: '', submittedAt: null, acknowledgedAt: null } // a draft
  ]
}

describe('工作报表 figures', () => {
  it('counts what 1001 did on the day, by hand', () => {
    expect(workFigures(input, '1001', DAY)).toEqual({
      taken: ['a'],
      handled: ['b', 'c'],
      followUps: ['d', 't1'],
      consultations: ['s1'],
      returns: ['r1'],
      // h1 submitted as outgoing, h2 acknowledged as incoming; the draft h3 is not
      handovers: ['h1', 'h2']
    })
  })

  it('another clerk’s day is theirs only', () => {
    expect(workFigures(input, '1002', DAY)).toEqual({
      taken: ['e'],
      handled: [],
      followUps: ['t3'],
      consultations: ['s2'],
      returns: [],
      handovers: ['h1']
    })
  })

  it('the remark: trimmed, at most 500 characters', () => {
    expect(workReportFormSchema.parse({ remark: ' 好 ' })).toEqual({ remark: '好' })
    expect(workReportFormSchema.safeParse({ remark: '长'.repeat(500) }).success).toBe(true)
    const long = workReportFormSchema.safeParse({ remark: '长'.repeat(501) })
    expect(long.success ? null : long.error.issues[0]?.message).toBe('reports.workPage.remarkTooLong')
  })
})
