import { describe, expect, it } from 'vitest'
import {
  SNAPSHOT_INCOMPLETE_MAX_AGE_MS,
  SNAPSHOT_RETIRE_GRACE_MS,
  snapshotsToRemove,
  type SeenSnapshot
} from '@shared/sync/retention'

// The retention rule on its own (docs/sync-format.md §8.4); the share-level tests are in
// tests/integration/renderer/db/sync/retention.test.ts.

const DAY = 24 * 3_600_000
const T0 = 1_795_000_000_000
const id = (ms: number, device = 'pcA') => `${String(ms).padStart(15, '0')}-${device}`
const ok = (ms: number, covers: Record<string, number>, whole?: boolean): SeenSnapshot => ({
  id: id(ms),
  state: 'ok',
  covers,
  ...(whole === undefined ? {} : { whole })
})

describe('snapshot retention rule', () => {
  it('keeps the newest whole one and the newest whole one a day older; older dominated ones go', () => {
    const seen = [
      ok(T0, { pcA: 1 }),
      ok(T0 + DAY, { pcA: 2 }),
      ok(T0 + 2 * DAY, { pcA: 3 }, true),
      ok(T0 + 3 * DAY, { pcA: 4 }, true)
    ]
    expect(snapshotsToRemove(seen, T0 + 3 * DAY + 2 * SNAPSHOT_RETIRE_GRACE_MS).sort()).toEqual(
      [id(T0), id(T0 + DAY)].sort()
    )
  })

  it('keeps an older one that covers some device further than the newest whole one', () => {
    const seen = [
      ok(T0, { pcA: 9, pcB: 1 }),
      ok(T0 + 2 * DAY, { pcA: 3, pcB: 5 }, true),
      ok(T0 + 3 * DAY, { pcA: 4, pcB: 6 }, true)
    ]
    expect(snapshotsToRemove(seen, T0 + 4 * DAY)).toEqual([])
  })

  it('removes nothing while there is no whole snapshot, and keeps every one newer than the newest whole one', () => {
    const damaged = [ok(T0, { pcA: 1 }, false), ok(T0 + DAY, { pcA: 2 }, false)]
    expect(snapshotsToRemove(damaged, T0 + 9 * DAY)).toEqual([])
    const seen = [ok(T0, { pcA: 1 }, true), ok(T0 + DAY, { pcA: 2 }, false), ok(T0 + 2 * DAY, { pcA: 3 })]
    expect(snapshotsToRemove(seen, T0 + 9 * DAY)).toEqual([])
  })

  it('an unfinished folder goes only when over a day old; one this app cannot judge stays', () => {
    const v = ok(T0 + 5 * DAY, { pcA: 5 }, true)
    const young: SeenSnapshot = { id: id(T0 + 5 * DAY - 3_600_000, 'pcB'), state: 'incomplete' }
    const old: SeenSnapshot = { id: id(T0, 'pcB'), state: 'incomplete' }
    const future: SeenSnapshot = { id: id(T0 + DAY, 'pcC'), state: 'unknown' }
    const broken: SeenSnapshot = { id: id(T0 + 2 * DAY, 'pcC'), state: 'damaged' }
    const now = T0 + 5 * DAY + SNAPSHOT_RETIRE_GRACE_MS
    expect(now - T0).toBeGreaterThan(SNAPSHOT_INCOMPLETE_MAX_AGE_MS)
    expect(snapshotsToRemove([v, young, old, future, broken], now).sort()).toEqual([old.id, broken.id].sort())
  })

  it('a same-day duplicate goes only after the grace', () => {
    const first = ok(T0, { pcA: 2, pcB: 1 }, true)
    const second: SeenSnapshot = { ...ok(T0 + 20, { pcA: 2, pcB: 1 }, true), id: id(T0 + 20, 'pcB') }
    expect(snapshotsToRemove([first, second], T0 + 20 + SNAPSHOT_RETIRE_GRACE_MS - 1)).toEqual([])
    expect(snapshotsToRemove([first, second], T0 + 20 + SNAPSHOT_RETIRE_GRACE_MS)).toEqual([first.id])
  })
})
