import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  packComplaints,
  storedComplaints,
  storedPack,
  storedRows,
  takeFromPack,
  type PackRow
} from '@shared/sync/complaintPacks'

// Packs of settled history (shared/sync/complaintPacks.ts): every complaint in exactly one pack, with
// its events, in the order received; each pack's keys are exactly its complaints' values; taking one
// out leaves the others and their keys.

const complaintArb = fc.record({
  id: fc.uuid(),
  receivedAt: fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
  no: fc.stringMatching(/^TS-2026\d{4}-[A-Z][0-9]-\d{3}$/),
  customerId: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
  customerPhone: fc.constantFrom('13800138000', '13900139000', ''),
  customerName: fc.constantFrom('张三', '李四', '王五')
})

function withEvents(rows: PackRow[]): PackRow[] {
  return rows.flatMap((r, i) =>
    Array.from({ length: i % 3 }, (_, k) => ({ id: `${r.id}:e${k}`, subjectId: r.id, at: k }))
  )
}

describe('packComplaints', () => {
  it('puts every complaint in exactly one pack with its events, in the order received, keys exact', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(complaintArb, { selector: (c) => c.id, maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        (rows, size) => {
          const events = withEvents(rows)
          const { packs, stray } = packComplaints(rows, events, { prefix: 'p', size })
          expect(stray).toEqual([])
          const packed = packs.flatMap((p) => p.complaints)
          expect(packed.map((c) => c.row.id).sort()).toEqual(rows.map((r) => r.id).sort())
          const order = packed.map((c) => c.row.receivedAt as number)
          expect(order).toEqual([...order].sort((a, b) => a - b))
          expect(packed.flatMap((c) => c.events.map((e) => e.id)).sort()).toEqual(
            events.map((e) => e.id).sort()
          )
          for (const [i, p] of packs.entries()) {
            expect(p.id).toBe(`p-${i}`)
            expect(p.complaints.length).toBeLessThanOrEqual(size)
            for (const c of p.complaints) for (const e of c.events) expect(e.subjectId).toBe(c.row.id)
            const values = (f: string) =>
              [...new Set(p.complaints.map((c) => c.row[f]).filter((v) => v !== ''))].sort()
            expect(p.ids.sort()).toEqual(p.complaints.map((c) => c.row.id).sort())
            expect(p.nos.sort()).toEqual(values('no'))
            expect(p.customerIds.sort()).toEqual(values('customerId'))
            expect(p.phones.sort()).toEqual(values('customerPhone'))
            expect(p.names.sort()).toEqual(values('customerName'))
            expect(p.day).toBe(Math.min(...p.complaints.map((c) => c.row.receivedAt as number)))
            expect(p.dayTo).toBe(Math.max(...p.complaints.map((c) => c.row.receivedAt as number)))
          }
          // all packs full but the last
          for (const p of packs.slice(0, -1)) expect(p.complaints).toHaveLength(size)
        }
      )
    )
  })

  it('returns an event whose complaint is not packed, instead of dropping it', () => {
    const { packs, stray } = packComplaints(
      [{ id: 'a', receivedAt: 1 }],
      [
        { id: 'e1', subjectId: 'a' },
        { id: 'e2', subjectId: 'elsewhere' }
      ],
      { prefix: 'p' }
    )
    expect(packs[0]?.complaints[0]?.events.map((e) => e.id)).toEqual(['e1'])
    expect(stray.map((e) => e.id)).toEqual(['e2'])
  })

  it('packs the same input the same way whatever order it came in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(complaintArb, { selector: (c) => c.id, maxLength: 30 }), (rows) => {
        const one = packComplaints(rows, [], { prefix: 'p', size: 7 })
        const other = packComplaints([...rows].reverse(), [], { prefix: 'p', size: 7 })
        expect(other).toEqual(one)
      })
    )
  })

  it('refuses a pack size that is not a positive whole number', () => {
    expect(() => packComplaints([], [], { prefix: 'p', size: 0 })).toThrow()
    expect(() => packComplaints([], [], { prefix: 'p', size: 1.5 })).toThrow()
  })
})

describe('takeFromPack', () => {
  it('takes one complaint with its events out; the rest keep their keys; the last leaves no pack', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(complaintArb, { selector: (c) => c.id, minLength: 1, maxLength: 20 }),
        fc.nat(),
        (rows, pick) => {
          const { packs } = packComplaints(rows, withEvents(rows), { prefix: 'p', size: 50 })
          const pack = packs[0]!
          const id = pack.ids[pick % pack.ids.length]!
          const out = takeFromPack(pack, id)!
          expect(out.taken.row.id).toBe(id)
          expect(out.taken.events.every((e) => e.subjectId === id)).toBe(true)
          if (pack.complaints.length === 1) expect(out.rest).toBeNull()
          else {
            expect(out.rest!.id).toBe(pack.id)
            expect(out.rest!.ids).not.toContain(id)
            expect(out.rest!.ids).toHaveLength(pack.ids.length - 1)
            const rest = out.rest!.complaints
            if (!rest.some((c) => c.row.no === out.taken.row.no))
              expect(out.rest!.nos).not.toContain(out.taken.row.no)
          }
          expect(takeFromPack(pack, 'no-such-id')).toBeNull()
        }
      )
    )
  })
})

describe('storedPack', () => {
  it('stores a pack as its keys and two texts, and reads back the same complaints and rows in order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(complaintArb, { selector: (c) => c.id, minLength: 1, maxLength: 40 }),
        (rows) => {
          // rows with nested values as stored rows hold them (derived keys, pauses)
          const full = rows.map((r, i) => ({
            ...r,
            _keys: [r.no, r.customerName],
            _pauses: i % 2 ? [{ from: 1, to: 2 }] : null
          }))
          const [pack] = packComplaints(full, withEvents(full), { prefix: 'p', size: 100 }).packs
          if (!pack) throw new Error('no pack')
          const stored = storedPack(pack)
          expect(typeof stored.rowsText).toBe('string')
          expect(typeof stored.eventsText).toBe('string')
          expect('complaints' in stored).toBe(false)
          const { complaints, ...keys } = pack
          expect(stored).toMatchObject(keys)
          expect(storedComplaints(stored)).toEqual(complaints)
          expect(storedRows(stored)).toEqual(complaints.map((c) => c.row))
        }
      )
    )
  })

  it('refuses a stored pack whose texts disagree on how many complaints it holds', () => {
    const [pack] = packComplaints([{ id: 'a', receivedAt: 1 }], [], { prefix: 'p' }).packs
    if (!pack) throw new Error('no pack')
    expect(() => storedComplaints({ ...storedPack(pack), eventsText: '[]' })).toThrow(/1 rows, 0 timelines/)
  })
})
