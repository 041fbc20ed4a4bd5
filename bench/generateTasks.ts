import { taskId, type RevisitTask } from '@shared/domain/revisit'
import { revisitTaskKeys } from '@/db/revisitTaskKeys'
import { withDerived } from '@/db/derived'

// 回访任务 for the benchmarks: twelve campaigns (a store's year of 专项回访) over the generated customers,
// stored as the writer would store them (derived keys), open or ended with one answered attempt.

const DAY = 86_400_000

export interface TaskCustomer {
  id: string
  name: string
  phone: string
  assignedClerk?: string | null
}

export function benchTask(c: TaskCustomer, i: number, dueAt: number): RevisitTask {
  const source = `bench-campaign-${i % 12}`
  return {
    id: taskId('campaign', source, c.id),
    rule: 'campaign',
    sourceId: source,
    sourceNo: '',
    customerId: c.id,
    customerName: c.name,
    customerPhone: c.phone,
    clerk: c.assignedClerk ?? '',
    windowStart: dueAt - 7 * DAY,
    dueAt,
    samplePercent: 100,
    retryMinutes: 120,
    maxAttempts: 3,
    campaign: { name: '节日问候', scriptRule: 'campaign' }
  }
}

/** A stored task (bookkeeping and derived keys); `answered` gives it one reached attempt the day before
 *  it was due, every tenth one 不满意. */
export function storedTask(
  t: RevisitTask,
  stamp: { hlc: string; device: string; staffNo: string },
  answered: boolean,
  i = 0
): object {
  const record = answered
    ? {
        ...t,
        'attempt:b': {
          at: t.dueAt - DAY,
          staffNo: '1001',
          outcome: 'reached',
          satisfaction: i % 10 === 0 ? 'unsatisfied' : 'satisfied'
        }
      }
    : t
  return withDerived({ ...record, _clock: {}, _created: stamp, _updated: stamp }, revisitTaskKeys(record))
}
