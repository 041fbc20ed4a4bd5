import { describe, expect, it } from 'vitest'
import { attemptField, attemptsOf, taskState, type RevisitAttempt } from '@shared/domain/revisit'

const H = 3_600_000
const task = { windowStart: 1_000, retryMinutes: 120, maxAttempts: 3, cancelled: null }
const attempt = (
  id: string,
  at: number,
  outcome: RevisitAttempt['outcome'],
  more: Partial<RevisitAttempt> = {}
): RevisitAttempt => ({
  id,
  at,
  staffNo: '1001',
  outcome,
  ...more
})

describe('task state from its attempts', () => {
  it('open with no attempts, callable from the window start', () => {
    expect(taskState(task, [])).toEqual({ status: 'open', attempts: 0, nextAt: 1_000 })
  })

  it('未接通 brings it back after the retry interval; the Nth ends it as 无法联系', () => {
    const one = taskState(task, [attempt('a', 10 * H, 'noAnswer')])
    expect(one).toMatchObject({ status: 'open', attempts: 1, nextAt: 12 * H })
    const three = taskState(task, [
      attempt('a', 10 * H, 'noAnswer'),
      attempt('b', 12 * H, 'noAnswer'),
      attempt('c', 14 * H, 'noAnswer')
    ])
    expect(three).toMatchObject({ status: 'unreachable', attempts: 3, endedAt: 14 * H })
  })

  it('已接通 ends it done; 号码错误 unreachable; 拒绝回访 refused', () => {
    expect(taskState(task, [attempt('a', 5, 'reached', { satisfaction: 'satisfied' })])).toMatchObject({
      status: 'done',
      endedAt: 5
    })
    expect(taskState(task, [attempt('a', 5, 'wrongNumber')]).status).toBe('unreachable')
    expect(taskState(task, [attempt('a', 5, 'refused')]).status).toBe('refused')
  })

  it('改约 makes the customer’s time the next call', () => {
    const s = taskState(task, [attempt('a', 5, 'rebooked', { rebookAt: 50 * H })])
    expect(s).toMatchObject({ status: 'open', nextAt: 50 * H, chosenByCustomer: true })
  })

  it('the first ending attempt wins whatever order the attempts were merged in', () => {
    const a = attempt('a', 10, 'reached', { satisfaction: 'neutral' })
    const b = attempt('b', 20, 'refused')
    const record = {
      [attemptField(b.id)]: { ...b, id: undefined },
      [attemptField(a.id)]: { ...a, id: undefined }
    }
    const ordered = attemptsOf(record)
    expect(ordered.map((x) => x.id)).toEqual(['a', 'b'])
    expect(taskState(task, ordered)).toMatchObject({ status: 'done', attempts: 2, final: { id: 'a' } })
  })

  it('a task cancelled (不再回访) with no ending attempt is cancelled', () => {
    expect(taskState({ ...task, cancelled: 'doNotContact' }, []).status).toBe('cancelled')
  })
})
