process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  conversionRate,
  customerKey,
  figuresOf,
  serviceStats,
  type ServiceFact
} from '@shared/domain/counter/serviceStats'
import { periodRange } from '@shared/domain/counter/week'

const at = (s: string) => Date.parse(`${s}+08:00`)
const day = (s: string) => periodRange('day', at(`${s}T12:00:00`))
const consult = (staffNo: string, when: string, customer: string, outcome: ServiceFact['outcome']) =>
  ({ kind: 'consultation', staffNo, at: at(when), customer, outcome }) as ServiceFact

describe('customer keys', () => {
  it('are the archive, else the phone, else the record itself (an anonymous walk-in)', () => {
    expect(customerKey({ id: 'r1', customerId: 'c9', customerPhone: '13800138000' })).toBe('c:c9')
    expect(customerKey({ id: 'r1', customerId: null, customerPhone: '13800138000' })).toBe('p:13800138000')
    expect(customerKey({ id: 'r1', customerId: null, customerPhone: '' })).toBe('a:r1')
  })
})

describe('服务人数 and 成交转化率 (hand-computed)', () => {
  it('counts a customer served twice in a day once, and each anonymous walk-in once', () => {
    const facts: ServiceFact[] = [
      consult('1001', '2026-11-23T09:00:00', 'c:zhang', 'considering'),
      consult('1001', '2026-11-23T15:00:00', 'c:zhang', 'converted'), // same customer, later that day
      { kind: 'complaint', staffNo: '1001', at: at('2026-11-23T16:00:00'), customer: 'c:zhang' },
      consult('1001', '2026-11-23T10:00:00', 'a:w1', null), // walk-in, left before an outcome
      consult('1001', '2026-11-23T10:05:00', 'a:w2', 'notConverted'),
      { kind: 'return', staffNo: '1001', at: at('2026-11-23T11:00:00'), customer: 'p:13900139000' }
    ]
    const s = figuresOf(serviceStats(facts, day('2026-11-23')), '1001')
    // customers: zhang, w1, w2, the phone → 4; consultations 4; with an outcome 3; converted 1
    expect(s).toEqual({
      staffNo: '1001',
      served: 4,
      consultations: 4,
      withOutcome: 3,
      converted: 1,
      rate: 1 / 3
    })
  })

  it('counts a conversion made on a later day in the consultation’s own day', () => {
    // Monday 考虑中, turned 已成交 on Wednesday: the record's outcome is now converted.
    const facts = [consult('1001', '2026-11-23T09:00:00', 'c:li', 'converted')]
    expect(figuresOf(serviceStats(facts, day('2026-11-23')), '1001')).toMatchObject({
      consultations: 1,
      converted: 1,
      rate: 1
    })
    const wednesday = figuresOf(serviceStats(facts, day('2026-11-25')), '1001')
    expect(wednesday).toMatchObject({ served: 0, consultations: 0, converted: 0, rate: null })
  })

  it('counts a week across a month end, a customer across two days once', () => {
    const facts = [
      consult('1001', '2026-11-30T09:00:00', 'c:wang', 'considering'), // Monday 30 Nov
      consult('1001', '2026-12-01T09:00:00', 'c:wang', 'converted'), // Tuesday 1 Dec
      consult('1001', '2026-12-06T23:59:59', 'a:w3', 'notConverted'), // Sunday, last second
      consult('1001', '2026-12-07T00:00:00', 'a:w4', 'converted') // next Monday: outside
    ]
    const week = figuresOf(serviceStats(facts, periodRange('week', at('2026-12-02T12:00:00'))), '1001')
    expect(week).toEqual({
      staffNo: '1001',
      served: 2,
      consultations: 3,
      withOutcome: 3,
      converted: 1,
      rate: 1 / 3
    })
    // the calendar months split the same week
    const nov = figuresOf(serviceStats(facts, periodRange('month', at('2026-11-15T12:00:00'))), '1001')
    expect(nov).toMatchObject({ served: 1, consultations: 1, converted: 0, rate: 0 })
  })

  it('gives no rate (null, shown "—") when nothing has an outcome, and zeros for nobody served', () => {
    expect(conversionRate(0, 0)).toBeNull()
    expect(conversionRate(0, 2)).toBe(0)
    const facts = [consult('1002', '2026-11-23T09:00:00', 'a:w5', null)]
    expect(figuresOf(serviceStats(facts, day('2026-11-23')), '1002')).toMatchObject({
      consultations: 1,
      withOutcome: 0,
      rate: null
    })
    expect(figuresOf(serviceStats([], day('2026-11-23')), '1001')).toEqual({
      staffNo: '1001',
      served: 0,
      consultations: 0,
      withOutcome: 0,
      converted: 0,
      rate: null
    })
  })

  it('counts a customer served by two clerks once in the total, once for each clerk', () => {
    const facts = [
      consult('1001', '2026-11-23T09:00:00', 'c:zhao', 'converted'),
      consult('1002', '2026-11-23T10:00:00', 'c:zhao', 'notConverted')
    ]
    const s = serviceStats(facts, day('2026-11-23'))
    expect(s.rows.map((r) => [r.staffNo, r.served])).toEqual([
      ['1001', 1],
      ['1002', 1]
    ])
    expect(s.total).toMatchObject({ staffNo: '', served: 1, consultations: 2, converted: 1, rate: 0.5 })
  })
})
