import type Dexie from 'dexie'
import { countWrite, newWriteCount, watchWrites, type WriteCount } from './writeWatch'

// Settings records read on hot write paths (the 回访 rules, on every customer saved) are held in
// memory instead of read per write. Every write to the settings table — local, merged from another
// PC, restored — passes the middleware below, which invalidates them when the write is asked for and
// again when its transaction ends (committed or aborted). A value is cached only when it was read with
// no settings write pending anywhere, so the cache never holds a value of an uncommitted transaction.

interface CacheState extends WriteCount {
  values: Map<string, { version: number; value: unknown }>
}

const states = new WeakMap<Dexie, CacheState>()

function stateOf(db: Dexie): CacheState {
  let state = states.get(db)
  if (!state) {
    state = { ...newWriteCount(), values: new Map() }
    states.set(db, state)
  }
  return state
}

/** Settings were written past Dexie (a restore's own puts, backup.ts): nothing held stays good. */
export function settingsChangedBehindCache(db: Dexie): void {
  stateOf(db).version++
}

/** Installs the invalidation on the database (before it opens). */
export function watchSettingsWrites(db: Dexie): void {
  const state = stateOf(db)
  watchWrites(db, 'settingsCache', ['settings'], (_, req) => countWrite(state, req.trans))
}

/** The value held for `key` if it is still good, without waiting (a write path can then ask for its
 *  own writes in the same moment as the record's). */
export function peekSetting<T>(db: Dexie, key: string): T | undefined {
  const state = stateOf(db)
  const hit = state.values.get(key)
  return hit && hit.version === state.version && state.pending === 0 ? (hit.value as T) : undefined
}

/** The value `read` gives for `key`, from memory while no settings write happened since it was read.
 *  Callers must not mutate what they get. */
export async function cachedSetting<T>(db: Dexie, key: string, read: () => Promise<T>): Promise<T> {
  const state = stateOf(db)
  const held = peekSetting<T>(db, key)
  if (held !== undefined) return held
  const version = state.version
  const clean = state.pending === 0
  const value = await read()
  if (clean && state.pending === 0 && state.version === version) state.values.set(key, { version, value })
  return value
}
