import { attemptsOf, taskState, type RevisitTask } from '@shared/domain/revisit'
import type { DerivedFields } from './derived'

// A 回访任务's local index keys, from its own record: its state is computed from the attempts it
// holds (shared/domain/revisit/task.ts), so every PC with the same attempts indexes it alike.
// - _open     dueAt while open: 今日回访 reads this sparse index in due order
// - _status   open / done / unreachable / refused / cancelled
// - _endedAt  when it ended

export function revisitTaskKeys(record: Record<string, unknown>): DerivedFields {
  if (record._deleted) return { _open: undefined, _status: undefined, _endedAt: undefined }
  const task = record as unknown as RevisitTask
  const state = taskState(task, attemptsOf(record))
  return {
    _open: state.status === 'open' ? task.dueAt : undefined,
    _status: state.status,
    _endedAt: state.endedAt
  }
}
