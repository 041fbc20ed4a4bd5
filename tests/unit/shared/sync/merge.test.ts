import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Change, SyncTable } from '@shared/sync/change'
import { formatHlc, HlcClock } from '@shared/sync/hlc'
import { canonicalJson } from '@shared/sync/json'
import { LONG_TEXT_FIELDS } from '@shared/sync/longText'
import {
  applyChanges,
  freshRecord,
  groupByRecord,
  mergeRecord,
  recordAsChanges,
  type Conflict,
  type MergeRecord
} from '@shared/sync/merge'
import { hlc } from './fixtures'
import { random, randomChoices, type Random } from '../../../support/randomChoices'

function ch(
  table: SyncTable,
  recordId: string,
  field: string,
  value: Change['value'],
  stamp: string
): Change {
  const device = stamp.slice(21)
  return { hlc: stamp, device, staffNo: '1001', table, recordId, field, value }
}

/** Applies changes record by record, in the given batches, to a store of records. */
function applyAll(
  store: Map<string, MergeRecord>,
  batch: readonly Change[],
  conflicts: Conflict[] = []
): void {
  for (const [key, changes] of groupByRecord(batch)) {
    const result = applyChanges(store.get(key), changes)
    if (result.record) store.set(key, result.record)
    conflicts.push(...result.conflicts)
  }
}

function snapshot(store: Map<string, MergeRecord>): string {
  return canonicalJson(Object.fromEntries([...store.entries()].sort(([a], [b]) => (a < b ? -1 : 1))))
}

describe('per-field last-writer-wins', () => {
  it('takes each field from the change with the greater HLC, whatever the order', () => {
    const a = ch('complaints', 'c1', 'status', 'inProgress', hlc(2000, 0, 'pcA'))
    const b = ch('complaints', 'c1', 'status', 'closed', hlc(1000, 5, 'pcB'))
    const c = ch('complaints', 'c1', 'urgency', 'urgent', hlc(500, 0, 'pcB'))
    const one = applyChanges(undefined, [a, b, c]).record
    const two = applyChanges(undefined, [c, b, a]).record
    expect(one).toEqual(two)
    expect(one).toMatchObject({
      id: 'c1',
      status: 'inProgress',
      urgency: 'urgent',
      _clock: { status: a.hlc, urgency: c.hlc }
    })
  })

  it('breaks equal time and counter by device id', () => {
    const a = ch('complaints', 'c1', 'status', 'inProgress', hlc(1000, 0, 'pcA'))
    const b = ch('complaints', 'c1', 'status', 'closed', hlc(1000, 0, 'pcB'))
    expect(applyChanges(undefined, [b, a]).record?.status).toBe('closed')
    expect(applyChanges(undefined, [a, b]).record?.status).toBe('closed')
  })

  it('is idempotent: a duplicate changes nothing', () => {
    const a = ch('complaints', 'c1', 'status', 'closed', hlc(1000))
    const once = applyChanges(undefined, [a]).record
    expect(applyChanges(once, [a, a]).record).toEqual(once)
  })

  it("expands a whole-record '*' change into fields, each still LWW", () => {
    const create = ch(
      'customers',
      'k1',
      '*',
      { name: '王芳', tier: 'gold', tags: ['vip'] },
      hlc(1000, 0, 'pcA')
    )
    const rename = ch('customers', 'k1', 'name', '王芳芳', hlc(2000, 0, 'pcB'))
    const stale = ch('customers', 'k1', 'tier', 'normal', hlc(900, 0, 'pcB'))
    for (const order of [
      [create, rename, stale],
      [stale, rename, create]
    ]) {
      expect(applyChanges(undefined, order).record).toEqual({
        id: 'k1',
        name: '王芳芳',
        tier: 'gold',
        tags: ['vip'],
        _clock: { name: rename.hlc, tier: create.hlc, tags: create.hlc }
      })
    }
  })

  it('does not modify the record it is given, and keeps its local bookkeeping', () => {
    const record: MergeRecord = { id: 'c1', _clock: { status: hlc(1) }, status: 'registered', _keys: ['x'] }
    const frozen = JSON.stringify(record)
    const next = applyChanges(record, [ch('complaints', 'c1', 'status', 'closed', hlc(2))]).record
    expect(JSON.stringify(record)).toBe(frozen)
    expect(next).toMatchObject({ status: 'closed', _keys: ['x'] })
  })

  it('never writes bookkeeping or prototype keys even if handed them', () => {
    const sneaky = [
      ch('complaints', 'c1', '__proto__', { polluted: true }, hlc(5)),
      ch('complaints', 'c1', '_clock', {}, hlc(5)),
      ch('complaints', 'c1', 'id', 'other', hlc(5))
    ]
    const record = applyChanges(undefined, sneaky).record
    expect(record).toEqual({ id: 'c1', _clock: {} })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('tombstones', () => {
  const edit1 = ch('complaints', 'c1', 'status', 'inProgress', hlc(1000, 0, 'pcA'))
  const del = ch('complaints', 'c1', '_deleted', 1, hlc(2000, 0, 'pcB'))
  const edit3 = ch('complaints', 'c1', 'status', 'closed', hlc(3000, 0, 'pcA'))

  it('a delete is kept as a tombstone with its own clock, in any order', () => {
    const orders = [
      [edit1, del, edit3],
      [edit3, del, edit1],
      [del, edit3, edit1],
      [edit1, edit3, del]
    ]
    const results = orders.map((o) => applyChanges(undefined, o).record)
    for (const r of results) expect(r).toEqual(results[0])
    expect(results[0]).toEqual({
      id: 'c1',
      _deleted: 1,
      status: 'closed',
      _clock: { status: edit3.hlc, _deleted: del.hlc }
    })
  })

  it('a later edit does not resurrect the record', () => {
    const deleted = applyChanges(undefined, [edit1, del]).record
    expect(applyChanges(deleted, [edit3]).record?._deleted).toBe(1)
  })

  it('an edit older than the delete still loses nothing: it is applied under the tombstone', () => {
    const deleted = applyChanges(undefined, [del]).record
    expect(applyChanges(deleted, [edit1]).record).toMatchObject({ _deleted: 1, status: 'inProgress' })
  })
})

describe('long text conflicts', () => {
  const mine = ch('complaints', 'c1', 'content', '顾客说：牛奶过期三天。', hlc(1000, 0, 'pcA'))
  const theirs = ch('complaints', 'c1', 'content', '顾客说：酸奶胀袋。', hlc(1001, 0, 'pcB'))

  it('reports the losing text of a concurrent edit from another PC, in either order', () => {
    const expected: Conflict = {
      table: 'complaints',
      recordId: 'c1',
      field: 'content',
      losingValue: mine.value,
      losingHlc: mine.hlc,
      winningHlc: theirs.hlc
    }
    const local = applyChanges(undefined, [mine]).record
    expect(applyChanges(local, [theirs])).toMatchObject({
      record: { content: theirs.value },
      conflicts: [expected]
    })
    const remoteFirst = applyChanges(undefined, [theirs]).record
    expect(applyChanges(remoteFirst, [mine])).toMatchObject({
      record: { content: theirs.value },
      conflicts: [expected]
    })
  })

  it('reports nothing for the same text, the same PC, short fields or an empty loser', () => {
    expect(applyChanges(undefined, [mine, { ...theirs, value: mine.value }]).conflicts).toEqual([])
    expect(
      applyChanges(undefined, [mine, { ...theirs, hlc: hlc(1001, 0, 'pcA'), device: 'pcA' }]).conflicts
    ).toEqual([])
    expect(
      applyChanges(undefined, [
        { ...mine, field: 'status' },
        { ...theirs, field: 'status' }
      ]).conflicts
    ).toEqual([])
    expect(applyChanges(undefined, [{ ...mine, value: '' }, theirs]).conflicts).toEqual([])
  })

  it('covers the real long text fields of complaints and customers', () => {
    expect([...LONG_TEXT_FIELDS.complaints]).toEqual(
      expect.arrayContaining(['content', 'demand', 'explanation'])
    )
    expect([...LONG_TEXT_FIELDS.customers]).toEqual(expect.arrayContaining(['notes', 'needs']))
    const notesA = ch('customers', 'k1', 'notes', '只买有机蔬菜', hlc(10, 0, 'pcA'))
    const notesB = ch('customers', 'k1', 'notes', '对花生过敏', hlc(11, 0, 'pcC'))
    expect(applyChanges(undefined, [notesB, notesA]).conflicts).toMatchObject([
      { field: 'notes', losingValue: '只买有机蔬菜' }
    ])
  })
})

describe('timeline events (immutable)', () => {
  const create = (stamp: string, data: Change['value']) =>
    ch('events', 'e1', '*', { subjectId: 'c1', type: 'escalated', at: 5, data }, stamp)

  it('keeps the first write of an id; later writes and duplicates are ignored', () => {
    const first = create(hlc(1000, 0, 'pcB'), { level: 1 })
    const later = create(hlc(2000, 0, 'pcA'), { level: 1, note: 'again' })
    const edit = ch('events', 'e1', 'type', 'rewritten', hlc(3000, 0, 'pcA'))
    const del = ch('events', 'e1', '_deleted', 1, hlc(3001, 0, 'pcA'))
    for (const order of [
      [first, later, edit, del, first],
      [del, edit, later, first],
      [later, first]
    ]) {
      const { record, conflicts } = applyChanges(undefined, order)
      expect(record).toEqual({
        id: 'e1',
        subjectId: 'c1',
        type: 'escalated',
        at: 5,
        data: { level: 1 },
        _clock: { subjectId: first.hlc, type: first.hlc, at: first.hlc, data: first.hlc }
      })
      expect(conflicts).toEqual([])
    }
  })

  it('a later-arriving earlier write replaces fields it does not share', () => {
    const later = ch('events', 'e1', 'extra', 'x', hlc(2000, 0, 'pcA'))
    const first = ch('events', 'e1', 'type', 'created', hlc(1000, 0, 'pcB'))
    expect(applyChanges(applyChanges(undefined, [later]).record, [first]).record).toEqual({
      id: 'e1',
      type: 'created',
      _clock: { type: first.hlc }
    })
  })

  it('events of different ids are all kept (union)', () => {
    const store = new Map<string, MergeRecord>()
    applyAll(store, [create(hlc(1, 0, 'pcA'), 1), { ...create(hlc(1, 0, 'pcB'), 2), recordId: 'e2' }])
    applyAll(store, [{ ...create(hlc(2, 0, 'pcC'), 3), recordId: 'e3' }, create(hlc(1, 0, 'pcA'), 1)])
    expect([...store.values()].map((r) => r.id).sort()).toEqual(['e1', 'e2', 'e3'])
  })
})

describe('convergence property', () => {
  const DEVICES = ['pcA', 'pcB', 'pcC']
  /** pcB's clock runs 7 minutes behind, pcC's 3 hours ahead. */
  const SKEW: Record<string, number> = { pcA: 0, pcB: -7 * 60_000, pcC: 3 * 3_600_000 }
  const RECORDS = ['c1', 'c2', 'c3', 'c4']

  function generate(rnd: Random, count: number): Change[] {
    let wall = 1_700_000_000_000
    const clocks = Object.fromEntries(
      DEVICES.map((d) => [d, new HlcClock(d, () => wall + (SKEW[d] as number))])
    )
    const changes: Change[] = []
    for (let i = 0; i < count; i++) {
      wall += rnd.int(3) === 0 ? 0 : rnd.int(5000)
      const device = rnd.pick(DEVICES)
      const clock = clocks[device] as HlcClock
      // Sometimes a PC has synced recently and folded in another PC's latest stamp.
      if (rnd.int(4) === 0) clock.receive((clocks[rnd.pick(DEVICES)] as HlcClock).current())
      const stamp = formatHlc(clock.tick())
      const table: SyncTable = rnd.int(5) === 0 ? 'events' : 'complaints'
      const recordId = rnd.pick(RECORDS)
      const kind = rnd.int(10)
      let field: string
      let value: Change['value']
      if (kind === 0)
        [field, value] = [
          '*',
          { status: rnd.pick(['registered', 'closed']), content: `${device}#${i} 全文`, quantity: rnd.int(3) }
        ]
      else if (kind === 1 && table !== 'events') [field, value] = ['_deleted', 1]
      else if (kind < 5) [field, value] = ['content', `${device}#${i} 顾客描述`]
      else if (kind < 8) [field, value] = ['status', rnd.pick(['registered', 'inProgress', 'closed'])]
      else [field, value] = ['quantity', rnd.int(3)]
      changes.push({ hlc: stamp, device, staffNo: '1001', table, recordId, field, value })
    }
    return changes
  }

  function replay(changes: readonly Change[], rnd: Random): { state: string; conflicts: Conflict[] } {
    // Duplicates (a segment read twice) and any order and grouping.
    const withDuplicates = [...changes, ...changes.filter(() => rnd.int(5) === 0)]
    const shuffled = rnd.shuffle(withDuplicates)
    const store = new Map<string, MergeRecord>()
    const conflicts: Conflict[] = []
    for (let i = 0; i < shuffled.length;) {
      const size = 1 + rnd.int(rnd.int(2) === 0 ? 3 : 400)
      applyAll(store, shuffled.slice(i, i + size), conflicts)
      i += size
    }
    return { state: snapshot(store), conflicts }
  }

  it('every order, grouping and duplication of 3 000 changes from 3 skewed PCs gives identical records', () => {
    fc.assert(
      fc.property(randomChoices(), (choices) => {
        const rnd = random(choices)
        const changes = generate(rnd, 3000)
        const reference = replay(changes, rnd).state
        for (let run = 0; run < 6; run++) expect(replay(changes, rnd).state).toBe(reference)
      }),
      { seed: 1, numRuns: 3, endOnFailure: true }
    )
  })

  it('the result is each field’s greatest-HLC value (an independent model)', () => {
    fc.assert(
      fc.property(randomChoices(), (choices) => {
        const rnd = random(choices)
        const changes = generate(rnd, 3000)
        const model = new Map<string, { hlc: string; value: unknown }>()
        for (const c of changes) {
          if (c.table === 'events') continue
          const fields =
            c.field === '*'
              ? Object.entries(c.value as Record<string, unknown>)
              : [[c.field, c.value] as const]
          for (const [f, v] of fields) {
            const key = `${c.recordId}/${f}`
            const held = model.get(key)
            if (!held || c.hlc > held.hlc) model.set(key, { hlc: c.hlc, value: v })
          }
        }
        const store = JSON.parse(replay(changes, rnd).state) as Record<string, MergeRecord>
        for (const [key, { hlc: stamp, value }] of model) {
          const [recordId, field] = key.split('/') as [string, string]
          const record = store[`complaints\u0000${recordId}`] as MergeRecord
          expect(record._clock[field]).toBe(stamp)
          expect(field === '_deleted' ? record._deleted : record[field]).toEqual(value)
        }
      }),
      { seed: 9, numRuns: 3, endOnFailure: true }
    )
  })

  it('no PC’s last text for a long text field is dropped silently: it wins or is reported', () => {
    fc.assert(
      fc.property(randomChoices(), (choices) => {
        const rnd = random(choices)
        const changes = generate(rnd, 3000).filter((c) => c.table === 'complaints')
        for (let run = 0; run < 4; run++) {
          const { state, conflicts } = replay(changes, rnd)
          const store = JSON.parse(state) as Record<string, MergeRecord>
          const reported = new Set(conflicts.map((c) => `${c.recordId}|${canonicalJson(c.losingValue)}`))
          for (const recordId of RECORDS) {
            const record = store[`complaints\u0000${recordId}`] as MergeRecord
            for (const device of DEVICES) {
              const latest = changes
                .flatMap((c) =>
                  c.field === '*'
                    ? [
                        {
                          ...c,
                          field: 'content',
                          value: (c.value as Record<string, Change['value']>).content as Change['value']
                        }
                      ]
                    : [c]
                )
                .filter((c) => c.recordId === recordId && c.device === device && c.field === 'content')
                .sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
                .pop()
              if (!latest || latest.value === record.content) continue
              expect(
                reported.has(`${recordId}|${canonicalJson(latest.value)}`),
                `${device}'s last text on ${recordId}`
              ).toBe(true)
            }
          }
        }
      }),
      { seed: 4, numRuns: 2, endOnFailure: true }
    )
  })
})

describe('merging whole records (snapshot bootstrap)', () => {
  it('merging the records two PCs hold equals applying all their changes', () => {
    fc.assert(
      fc.property(randomChoices(), (choices) => {
        const rnd = random(choices)
        const stamps = Array.from({ length: 400 }, () =>
          hlc(1000 + rnd.int(300), rnd.int(3), rnd.pick(['pcA', 'pcB']))
        )
        const changes = stamps.map((s, i) => {
          const field = rnd.pick(['status', 'content', 'quantity', '_deleted'])
          return ch('complaints', 'c1', field, field === '_deleted' ? rnd.pick([1, null]) : `${s}/${i}`, s)
        })
        const half = rnd.shuffle(changes)
        const left = applyChanges(undefined, half.slice(0, 200)).record as MergeRecord
        const right = applyChanges(undefined, half.slice(150)).record as MergeRecord
        const all = applyChanges(undefined, changes).record
        expect(mergeRecord('complaints', left, right).record).toEqual(all)
        expect(mergeRecord('complaints', right, left).record).toEqual(all)
        expect(mergeRecord('complaints', undefined, all as MergeRecord).record).toEqual(all)
      }),
      { seed: 77, numRuns: 20, endOnFailure: true }
    )
  })

  it('reports a losing long text when a snapshot record meets a local edit', () => {
    const local = applyChanges(undefined, [
      ch('customers', 'k1', 'notes', '本地备注', hlc(5, 0, 'pcA'))
    ]).record
    const incoming = applyChanges(undefined, [ch('customers', 'k1', 'notes', '快照备注', hlc(9, 0, 'pcB'))])
      .record as MergeRecord
    expect(mergeRecord('customers', local, incoming).conflicts).toMatchObject([
      { losingValue: '本地备注', winningHlc: hlc(9, 0, 'pcB') }
    ])
  })

  it('a record not held yet is built directly (freshRecord) exactly as merging its changes builds it', () => {
    fc.assert(
      fc.property(randomChoices(), (choices) => {
        const rnd = random(choices)
        const values = ['甲', '', null, undefined, 0, 7, true, ['a', 'b'], { x: 1 }]
        for (let i = 0; i < 500; i++) {
          const table = rnd.pick<SyncTable>([
            'complaints',
            'customers',
            'staff',
            'settings',
            'returns',
            'handovers'
          ])
          const record: MergeRecord = { id: `r${i}`, _clock: {} }
          for (const field of [
            'status',
            'content',
            'name',
            'notes',
            'count',
            '_deleted',
            '_keys',
            'unclocked'
          ]) {
            if (rnd.int(3) === 0) continue
            if (field !== 'unclocked')
              record._clock[field] = hlc(1000 + rnd.int(50), rnd.int(3), rnd.pick(['pcA', 'pcB']))
            if (field === '_deleted') {
              if (rnd.int(2)) record._deleted = 1
            } else record[field] = rnd.pick(values)
          }
          const general = applyChanges(undefined, recordAsChanges(table, record)).record
          expect(freshRecord(table, record), JSON.stringify(record)).toEqual(general)
        }
      }),
      { seed: 91, numRuns: 1, endOnFailure: true }
    )
  })

  it('leaves immutable events to the general path', () => {
    expect(
      freshRecord('events', { id: 'e1', _clock: { kind: hlc(5, 0, 'pcA') }, kind: 'note' })
    ).toBeUndefined()
  })
})
