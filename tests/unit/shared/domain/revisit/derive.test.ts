process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  complaintTasks,
  DEFAULT_REVISIT_SETTINGS,
  isOverdue,
  keyAccountPeriod,
  keyAccountTask,
  newCustomerTask,
  repairReturnTask,
  campaignTask,
  inSample,
  taskId,
  type RevisitSettings
} from '@shared/domain/revisit'
import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'

const at = (local: string) => Date.parse(`${local}+08:00`)
const DAY = 86_400_000
const S = DEFAULT_REVISIT_SETTINGS
const RESOLVED = at('2026-11-22T10:00:00')
const customer = {
  id: 'cust-1',
  name: '张三',
  phone: '13800001234',
  tier: 'regular' as const,
  assignedClerk: '1002'
}

const complaint = (over: Record<string, unknown> = {}) => ({
  id: 'cmp-1',
  no: 'TS-20261120-A3-001',
  status: 'awaitingRevisit' as const,
  resolvedAt: RESOLVED,
  revisit: null,
  plan: null,
  customerName: '张三',
  customerPhone: '13800001234',
  ...over
})

const off = (rule: keyof RevisitSettings['rules']): RevisitSettings => ({
  ...S,
  rules: { ...S.rules, [rule]: { ...S.rules[rule], enabled: false } }
})

/** due exactly at the window's end: on time; the instant after: overdue; the instant before: not */
function expectWindow(dueAt: number, start: number, days: number) {
  expect(dueAt - start).toBe(days * DAY)
  expect(isOverdue(dueAt, dueAt - 1)).toBe(false)
  expect(isOverdue(dueAt, dueAt)).toBe(false)
  expect(isOverdue(dueAt, dueAt + 1)).toBe(true)
}

describe('投诉回访', () => {
  it('a complaint whose result was accepted (待回访) makes one task due 3 days later', () => {
    const [task, ...rest] = complaintTasks(complaint(), customer, S, DEFAULT_TIME_RULES)
    expect(rest).toEqual([])
    expect(task).toMatchObject({
      id: `complaint:cmp-1:${RESOLVED}`,
      rule: 'complaint',
      sourceId: 'cmp-1',
      sourceNo: 'TS-20261120-A3-001',
      customerId: 'cust-1',
      clerk: '1002',
      windowStart: RESOLVED,
      samplePercent: 100,
      retryMinutes: 120,
      maxAttempts: 3
    })
    expectWindow(task!.dueAt, RESOLVED, 3)
  })

  it('uses the existing 3-day setting (处理规则) for its window', () => {
    const [task] = complaintTasks(complaint(), customer, S, { ...DEFAULT_TIME_RULES, revisitWithinDays: 5 })
    expect(task!.dueAt - RESOLVED).toBe(5 * DAY)
  })

  it('nothing before the result is accepted, nothing when switched off or for 不再回访', () => {
    expect(
      complaintTasks(complaint({ status: 'inProgress', resolvedAt: null }), customer, S, DEFAULT_TIME_RULES)
    ).toEqual([])
    expect(complaintTasks(complaint(), customer, off('complaint'), DEFAULT_TIME_RULES)).toEqual([])
    expect(
      complaintTasks(complaint(), { ...customer, noRevisit: { at: 1, by: '9001' } }, S, DEFAULT_TIME_RULES)
    ).toEqual([])
  })

  it('a reopened case resolved again is a new period, so a new task', () => {
    const [first] = complaintTasks(complaint(), customer, S, DEFAULT_TIME_RULES)
    const [second] = complaintTasks(
      complaint({ resolvedAt: RESOLVED + 5 * DAY }),
      customer,
      S,
      DEFAULT_TIME_RULES
    )
    expect(second!.id).not.toBe(first!.id)
  })
})

describe('维修回访', () => {
  it('a complaint resolved by 维修 also makes a repair task due 14 days later', () => {
    const tasks = complaintTasks(
      complaint({ plan: { resolution: 'repair' } }),
      customer,
      S,
      DEFAULT_TIME_RULES
    )
    expect(tasks.map((t) => t.rule)).toEqual(['complaint', 'repair'])
    expectWindow(tasks[1]!.dueAt, RESOLVED, 14)
  })

  it('a 退换货登记 of type 维修 makes a task once it is done, not before', () => {
    const doneAt = at('2026-11-25T16:00:00')
    const ret = { id: 'ret-1', type: 'repair' as const, status: 'done' as const }
    const task = repairReturnTask(ret, doneAt, customer, S)
    expect(task?.id).toBe('repair:ret-1:done')
    expectWindow(task!.dueAt, doneAt, 14)
    expect(repairReturnTask({ ...ret, status: 'processing' }, doneAt, customer, S)).toBeNull()
    expect(repairReturnTask({ ...ret, type: 'exchange' }, doneAt, customer, S)).toBeNull()
    expect(repairReturnTask(ret, doneAt, customer, off('repair'))).toBeNull()
  })
})

describe('新客户回访', () => {
  const created = at('2026-11-01T09:30:00')
  const sampledId = Array.from({ length: 200 }, (_, i) => `n-${i}`).find((id) => inSample(id, 10)) as string
  const unsampledId = Array.from({ length: 200 }, (_, i) => `n-${i}`).find(
    (id) => !inSample(id, 10)
  ) as string

  it('a sampled new customer gets a task due 30 days after creation, standing for 10 %', () => {
    const task = newCustomerTask({ ...customer, id: sampledId }, created, S)
    expect(task).toMatchObject({ id: `newCustomer:${sampledId}:new`, samplePercent: 10 })
    expectWindow(task!.dueAt, created, 30)
  })

  it('a customer outside the sample gets none; all do at 100 %', () => {
    expect(newCustomerTask({ ...customer, id: unsampledId }, created, S)).toBeNull()
    expect(
      newCustomerTask({ ...customer, id: unsampledId }, created, { ...S, newCustomerSamplePercent: 100 })
    ).not.toBeNull()
  })
})

describe('大客户回访', () => {
  it('periods of N days counted from a fixed day: the same on every PC', () => {
    const p = keyAccountPeriod(at('2026-01-31T10:00:00'), 30)
    expect(p).toEqual({ index: 1, start: at('2026-01-31T00:00:00'), end: at('2026-03-02T00:00:00') })
    expect(keyAccountPeriod(at('2026-01-30T23:59:59'), 30).index).toBe(0)
  })

  it('a key account gets one task per period, due by the period end; others none', () => {
    const key = { ...customer, tier: 'key' as const }
    const a = keyAccountTask(key, at('2026-11-22T10:00:00'), S)
    const b = keyAccountTask(key, at('2026-11-23T18:00:00'), S)
    expect(a!.id).toBe(b!.id)
    expect(a!.id).toBe(`keyAccount:cust-1:30d${keyAccountPeriod(at('2026-11-22T10:00:00'), 30).index}`)
    expect(a!.dueAt + 1 - a!.windowStart).toBe(30 * DAY)
    expect(keyAccountTask(customer, at('2026-11-22T10:00:00'), S)).toBeNull()
    expect(keyAccountTask(key, at('2026-11-22T10:00:00'), off('keyAccount'))).toBeNull()
  })
})

describe('专项回访 and ids', () => {
  it('one task per campaign and customer', () => {
    const c = {
      id: 'camp-1',
      name: '春节问候',
      scriptRule: 'campaign' as const,
      start: RESOLVED,
      dueAt: RESOLVED + DAY
    }
    expect(campaignTask(c, customer, S)).toMatchObject({
      id: 'campaign:camp-1:cust-1',
      campaign: { name: '春节问候' }
    })
  })

  it('ids are rule + source + period, and deriving twice gives the same task', () => {
    expect(taskId('repair', 'x', 'done')).toBe('repair:x:done')
    expect(complaintTasks(complaint(), customer, S, DEFAULT_TIME_RULES)).toEqual(
      complaintTasks(complaint(), customer, S, DEFAULT_TIME_RULES)
    )
  })
})
