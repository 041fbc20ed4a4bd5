import type Dexie from 'dexie'
import type { DBCoreMutateRequest } from 'dexie'
import { countWrite, newWriteCount, watchWrites, type WriteCount } from './writeWatch'
import { SESSION_STAFF_KEY } from './prefs'

// Whether the person at the desk may see full phones is asked on every customer search. Its inputs —
// who is signed in (meta `session.staffNo`), their staff record, the store's 隐私设置 — rarely change,
// but reading them waits behind any read-write transaction over all tables queued behind a long one
// (a join's history slice): searches waited seconds for three tiny rows. So the answer is held in
// memory and dropped whenever one of its inputs is written (the middleware below sees every write),
// and only kept when it was read with no such write pending.

interface RightState extends WriteCount {
  value?: { version: number; maySee: boolean }
}

const states = new WeakMap<Dexie, RightState>()

function stateOf(db: Dexie): RightState {
  let state = states.get(db)
  if (!state) {
    state = newWriteCount()
    states.set(db, state)
  }
  return state
}

/** Whether a write to `table` can change the answer. */
function touchesRight(table: string, req: DBCoreMutateRequest): boolean {
  if (table === 'staff' || table === 'settings') return true
  if (table !== 'meta') return false
  if (req.type === 'deleteRange') return true
  if (req.type === 'delete') return req.keys.includes(SESSION_STAFF_KEY)
  return (req.values as { key?: unknown }[]).some((row) => row?.key === SESSION_STAFF_KEY)
}

/** Installs the invalidation on the database (before it opens). */
export function watchDeskRightWrites(db: Dexie): void {
  const state = stateOf(db)
  watchWrites(db, 'deskRightCache', ['meta', 'staff', 'settings'], (table, req) => {
    if (touchesRight(table, req)) countWrite(state, req.trans)
  })
}

/** Records were written past Dexie (a restore): nothing held stays good. */
export function deskRightChangedBehindCache(db: Dexie): void {
  stateOf(db).version++
}

/** The answer `read` gives, from memory while none of its inputs was written since it was read. */
export async function cachedDeskRight(db: Dexie, read: () => Promise<boolean>): Promise<boolean> {
  const state = stateOf(db)
  const held = state.value
  if (held && held.version === state.version && state.pending === 0) return held.maySee
  const version = state.version
  const clean = state.pending === 0
  const maySee = await read()
  if (clean && state.pending === 0 && state.version === version) state.value = { version, maySee }
  return maySee
}
