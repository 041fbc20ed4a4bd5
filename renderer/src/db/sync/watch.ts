import { liveQuery } from 'dexie'
import type { DataContext } from '../context'

// Sync "on change": the scheduler is told whenever the outbox grows (a local write happened), without
// knowing anything about Dexie. Remote applies write no outbox entries, so they do not echo back.

/** Calls `onChange` after every local write (not for the state at subscription); returns unsubscribe. */
export function watchLocalChanges(ctx: DataContext, onChange: () => void): () => void {
  let last: number | undefined
  const subscription = liveQuery(async () =>
    Number((await ctx.db.outbox.orderBy('seq').lastKey()) ?? 0)
  ).subscribe({
    next: (seq) => {
      if (last !== undefined && seq !== last) onChange()
      last = seq
    },
    error: () => undefined
  })
  return () => subscription.unsubscribe()
}
