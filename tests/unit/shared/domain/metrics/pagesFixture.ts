import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'
import type { ReportCase } from '@shared/domain/metrics/report'
import type { MetricContext } from '@shared/domain/metrics/timeLimits'
import type { StaffInput } from '@shared/domain/metrics/staffReview'

// A hand-made November 2026 for 时效分析 and 客服考核 (Asia/Shanghai), seen on 5 December.
//   a  1001  received 11-02 10:00, response 10:30 (0.5 h), result 11-02 20:00, 回访 11-03 08:00 by 1003
//            (satisfied), closed 11-03 09:00 (23 h)
//   b  1002  received 11-03 09:00, response 12:00 (3 h), result 11-04 12:00 (27 h: 24 h missed),
//            回访 11-05 10:00 by 1002 (satisfied), closed 11-05 10:00 (49 h)
//   c  1001  received 11-10 09:00, response 11-11 09:00 (24 h: sunset missed), no result
//   d  1002  received 11-10 10:00, no response (sunset and 24 h missed)

export const at = (s: string) => Date.parse(`2026-${s}+08:00`)
export const H = 3_600_000
export const NOVEMBER = { start: at('11-01T00:00:00'), end: at('12-01T00:00:00') }
export const CTX: MetricContext = { rules: DEFAULT_TIME_RULES, closedDays: [], asOf: at('12-05T10:00:00') }

function mk(
  over: Partial<ReportCase> & Pick<ReportCase, 'id' | 'receivedAt' | 'firstResponder'>
): ReportCase {
  return {
    no: `TS-${over.id}`,
    customerId: `cust-${over.id}`,
    status: 'inProgress',
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    revisit: null,
    escalationLevel: 0,
    category: 'quality',
    department: '家电部',
    channel: 'counter',
    product: '',
    ...over
  }
}

export const PAGE_CASES: ReportCase[] = [
  mk({
    id: 'a',
    firstResponder: '1001',
    status: 'closed',
    receivedAt: at('11-02T10:00:00'),
    firstResponseAt: at('11-02T10:30:00'),
    resolvedAt: at('11-02T20:00:00'),
    revisit: { at: at('11-03T08:00:00'), satisfaction: 'satisfied' },
    revisitBy: '1003',
    closedAt: at('11-03T09:00:00')
  }),
  mk({
    id: 'b',
    firstResponder: '1002',
    status: 'closed',
    receivedAt: at('11-03T09:00:00'),
    firstResponseAt: at('11-03T12:00:00'),
    resolvedAt: at('11-04T12:00:00'),
    revisit: { at: at('11-05T10:00:00'), satisfaction: 'satisfied' },
    revisitBy: '1002',
    closedAt: at('11-05T10:00:00')
  }),
  mk({
    id: 'c',
    firstResponder: '1001',
    receivedAt: at('11-10T09:00:00'),
    firstResponseAt: at('11-11T09:00:00')
  }),
  mk({ id: 'd', firstResponder: '1002', receivedAt: at('11-10T10:00:00') })
]

export const PAGE_INPUT: StaffInput = {
  cases: PAGE_CASES,
  services: [
    {
      kind: 'consultation',
      id: 's1',
      at: at('11-06T00:00:00'),
      staffNo: '1001',
      customerKey: 'p:1',
      outcome: 'converted'
    },
    {
      kind: 'consultation',
      id: 's2',
      at: at('11-07T00:00:00'),
      staffNo: '1001',
      customerKey: 'p:2',
      outcome: 'notConverted'
    },
    {
      kind: 'consultation',
      id: 's3',
      at: at('11-08T00:00:00'),
      staffNo: '1002',
      customerKey: 'p:3',
      outcome: null
    },
    { kind: 'return', id: 'r1', at: at('11-08T00:00:00'), staffNo: '1002', customerKey: 'p:4', outcome: null }
  ],
  tasks: [
    {
      id: 't1',
      rule: 'repair',
      clerk: '1003',
      windowStart: at('11-04T00:00:00'),
      doneAt: at('11-05T15:00:00'),
      answer: { at: at('11-05T15:00:00'), satisfaction: 'unsatisfied' }
    }
  ],
  problems: [
    { id: 'p1', staffNo: '1001', createdAt: at('11-09T10:00:00'), status: 'adopted' },
    { id: 'p2', staffNo: '1001', createdAt: at('11-10T10:00:00'), status: 'open' },
    { id: 'p3', staffNo: '1003', createdAt: at('10-20T10:00:00'), status: 'adopted' }
  ]
}
