import dayjs from 'dayjs'
import type { Complaint } from '../complaint'
import type { Customer } from '../customer'
import type { ReturnRequest } from '../returns'
import { revisitDueAt, type TimeRuleSettings } from '../timeRules'
import type { RevisitRule, RevisitSettings } from './rules'
import { inSample } from './sampling'
import { taskId, type RevisitTask } from './task'

// Which task a record calls for (docs/revisits.md §3). Pure: the data layer calls these when it
// writes the record (and when a rule is switched on, over existing records) and creates the task if
// its id is not there yet. A rule switched off, or a customer marked 不再回访, makes no task.

const DAY = 86_400_000

type CustomerFacts = Pick<Customer, 'id' | 'name' | 'phone' | 'tier' | 'assignedClerk'> & {
  noRevisit?: unknown
}

function base(
  rule: RevisitRule,
  sourceId: string,
  period: string | number,
  customer: Pick<CustomerFacts, 'id' | 'name' | 'phone' | 'assignedClerk'>,
  window: { start: number; dueAt: number },
  s: RevisitSettings
): RevisitTask {
  return {
    id: taskId(rule, sourceId, period),
    rule,
    sourceId,
    sourceNo: '',
    customerId: customer.id,
    customerName: customer.name,
    customerPhone: customer.phone,
    clerk: customer.assignedClerk ?? '',
    windowStart: window.start,
    dueAt: window.dueAt,
    samplePercent: 100,
    retryMinutes: s.retryMinutes,
    maxAttempts: s.maxAttempts
  }
}

function allowed(rule: RevisitRule, customer: CustomerFacts | undefined, s: RevisitSettings): boolean {
  return s.rules[rule].enabled && !!customer && !customer.noRevisit
}

/** 投诉回访 (and 维修回访 when the plan was a repair): a complaint whose result the customer accepted.
 *  The period is the moment of acceptance, so a case reopened and resolved again gets a new task. */
export function complaintTasks(
  c: Pick<
    Complaint,
    'id' | 'no' | 'status' | 'resolvedAt' | 'revisit' | 'plan' | 'customerName' | 'customerPhone'
  >,
  customer: CustomerFacts | undefined,
  s: RevisitSettings,
  rules: TimeRuleSettings
): RevisitTask[] {
  if (c.status !== 'awaitingRevisit' || c.resolvedAt === null || !customer || customer.noRevisit) return []
  const tasks: RevisitTask[] = []
  const who = { ...customer, name: c.customerName || customer.name, phone: c.customerPhone || customer.phone }
  if (s.rules.complaint.enabled) {
    const dueAt = revisitDueAt(c, rules) as number
    tasks.push({
      ...base('complaint', c.id, c.resolvedAt, who, { start: c.resolvedAt, dueAt }, s),
      sourceNo: c.no
    })
  }
  if (c.plan?.resolution === 'repair' && s.rules.repair.enabled) {
    const window = { start: c.resolvedAt, dueAt: c.resolvedAt + s.rules.repair.windowDays * DAY }
    tasks.push({ ...base('repair', c.id, c.resolvedAt, who, window, s), sourceNo: c.no })
  }
  return tasks
}

/** 维修回访 for a 退换货登记 of type 维修 once it is done (`doneAt`: when it was marked 已完成). */
export function repairReturnTask(
  r: Pick<ReturnRequest, 'id' | 'type' | 'status'>,
  doneAt: number,
  customer: CustomerFacts | undefined,
  s: RevisitSettings
): RevisitTask | null {
  if (r.type !== 'repair' || r.status !== 'done' || !allowed('repair', customer, s)) return null
  const window = { start: doneAt, dueAt: doneAt + s.rules.repair.windowDays * DAY }
  return base('repair', r.id, 'done', customer as CustomerFacts, window, s)
}

/** 新客户回访: a customer created at the counter or imported, if the id falls in the sample. */
export function newCustomerTask(
  customer: CustomerFacts,
  createdAt: number,
  s: RevisitSettings
): RevisitTask | null {
  if (!allowed('newCustomer', customer, s) || !inSample(customer.id, s.newCustomerSamplePercent)) return null
  const window = { start: createdAt, dueAt: createdAt + s.rules.newCustomer.windowDays * DAY }
  return {
    ...base('newCustomer', customer.id, 'new', customer, window, s),
    samplePercent: s.newCustomerSamplePercent
  }
}

/** Periods of 大客户回访 are counted in local days from this day, the same on every PC. */
export const KEY_ACCOUNT_EPOCH = '2026-01-01'

/** The key-account period containing `now`: [start, end) in local days of `everyDays`. */
export function keyAccountPeriod(
  now: number,
  everyDays: number
): { index: number; start: number; end: number } {
  const epoch = dayjs(KEY_ACCOUNT_EPOCH)
  const days = dayjs(now).startOf('day').diff(epoch, 'day')
  const index = Math.floor(days / everyDays)
  const start = epoch.add(index * everyDays, 'day')
  return { index, start: start.valueOf(), end: start.add(everyDays, 'day').valueOf() }
}

/** 大客户回访: one task per key account per period (id names the period length too, so changing it
 *  never makes a second task for the same stretch under the same name). */
export function keyAccountTask(customer: CustomerFacts, now: number, s: RevisitSettings): RevisitTask | null {
  if (customer.tier !== 'key' || !allowed('keyAccount', customer, s)) return null
  const p = keyAccountPeriod(now, s.keyAccountEveryDays)
  return base(
    'keyAccount',
    customer.id,
    `${s.keyAccountEveryDays}d${p.index}`,
    customer,
    { start: p.start, dueAt: p.end - 1 },
    s
  )
}

/** 专项回访: one task per chosen customer for the campaign's window. */
export function campaignTask(
  campaign: { id: string; name: string; scriptRule: RevisitRule; start: number; dueAt: number },
  customer: CustomerFacts,
  s: RevisitSettings
): RevisitTask | null {
  if (!allowed('campaign', customer, s)) return null
  return {
    ...base(
      'campaign',
      campaign.id,
      customer.id,
      customer,
      { start: campaign.start, dueAt: campaign.dueAt },
      s
    ),
    campaign: { name: campaign.name, scriptRule: campaign.scriptRule }
  }
}
