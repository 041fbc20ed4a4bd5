process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { departmentFeedback, type FeedbackCase } from '@shared/domain/metrics/feedback'
import { periodRange } from '@shared/domain/metrics/period'

// 部门反馈 (四个不漏 rule 4) on a hand-made list: who was closed in November, fed back or not.

const at = (s: string) => Date.parse(`${s}+08:00`)
const NOV = periodRange({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' })

function c(id: string, over: Partial<FeedbackCase>): FeedbackCase {
  return {
    id,
    no: id,
    customerId: `c-${id}`,
    status: 'closed',
    receivedAt: at('2026-11-01T09:00:00'),
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: at('2026-11-10T10:00:00'),
    revisit: null,
    escalationLevel: 0,
    category: 'quality',
    department: '家电部',
    firstResponder: '1001',
    channel: 'counter',
    product: '',
    feedbackDepartments: [],
    ...over
  }
}

const cases = [
  c('1', { feedbackDepartments: ['家电部'] }), // 家电部 fed back to itself
  c('2', { feedbackDepartments: ['采购部', '家电部'] }), // 家电部, fed back to two departments
  c('3', {}), // 家电部, not fed back
  c('4', { department: '服装部' }), // 服装部, not fed back
  c('5', { department: '服装部', feedbackDepartments: ['服装部'] }),
  c('6', { department: '', feedbackDepartments: [' '] }), // 未填写, a blank name is no feedback
  c('7', { status: 'rejected', closedAt: at('2026-11-10T10:00:00') }), // 不成立: not counted
  c('8', { status: 'awaitingRevisit', closedAt: null }), // open: not counted
  c('9', { closedAt: at('2026-12-01T00:00:00') }), // closed after the period
  c('10', { closedAt: at('2026-11-30T23:59:59') }) // the period's last second: 家电部 not fed back
]

describe('部门反馈', () => {
  const r = departmentFeedback(cases, NOV)
  const row = (d: string) => r.rows.find((x) => x.department === d)

  it('counts closed cases per 责任部门: fed back = the closing named a department, else not fed back', () => {
    // 家电部: 1, 2, 3, 10 closed; 1, 2 fed back; 3, 10 not; rate 2 / 4
    expect(row('家电部')).toEqual({
      department: '家电部',
      closed: ['1', '2', '3', '10'],
      fedBack: ['1', '2'],
      unfedBack: ['3', '10'],
      received: ['1', '2'],
      rate: 0.5
    })
    // 服装部: 4 (not), 5 (fed back); rate 1 / 2
    expect(row('服装部')).toMatchObject({ closed: ['4', '5'], fedBack: ['5'], unfedBack: ['4'], rate: 0.5 })
    // 未填写: 6 only, a blank department name is no feedback
    expect(row('')).toMatchObject({ closed: ['6'], fedBack: [], unfedBack: ['6'], received: [], rate: 0 })
    // 采购部 closed nothing, received the result of 2: rate "—"
    expect(row('采购部')).toMatchObject({
      closed: [],
      fedBack: [],
      unfedBack: [],
      received: ['2'],
      rate: null
    })
  })

  it('the total is the whole period: 7 closed, 3 fed back, 4 not (the cases with no feedback)', () => {
    expect(r.total.closed).toEqual(['1', '2', '3', '4', '5', '6', '10'])
    expect(r.total.fedBack).toEqual(['1', '2', '5'])
    expect(r.total.unfedBack).toEqual(['3', '4', '6', '10'])
    expect(r.total.rate).toBeCloseTo(3 / 7, 10)
    expect(r.total.received).toEqual(['1', '2', '5'])
  })

  it('rows lead with the misses: most 未反馈 first, then 结案数, then name', () => {
    expect(r.rows.map((x) => x.department)).toEqual(['家电部', '服装部', '', '采购部'])
  })

  it('nothing closed: no rows, rate "—" (null), never NaN', () => {
    const none = departmentFeedback([], NOV)
    expect(none.rows).toEqual([])
    expect(none.total.rate).toBeNull()
  })
})
