import { describe, expect, it } from 'vitest'
import { balanceAssignment, planReassign, type ClerkLoad } from '@shared/domain/customerAssignment'

const customers = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`)

/** Final customer count per clerk after applying an assignment. */
function finalCounts(clerks: ClerkLoad[], assignment: Map<string, string>): Map<string, number> {
  const counts = new Map(clerks.map((c) => [c.staffNo, c.count]))
  for (const staffNo of assignment.values()) counts.set(staffNo, (counts.get(staffNo) ?? 0) + 1)
  return counts
}
const spread = (counts: Map<string, number>) => Math.max(...counts.values()) - Math.min(...counts.values())

describe('balanceAssignment', () => {
  it('assigns nothing without clerks', () => {
    expect(balanceAssignment(customers(3), [])).toEqual(new Map())
  })

  it('assigns nothing without customers', () => {
    expect(balanceAssignment([], [{ staffNo: 'A001', count: 0 }])).toEqual(new Map())
  })

  it('goes round the clerks in 工号 order when they start equal', () => {
    const clerks = [
      { staffNo: 'A003', count: 0 },
      { staffNo: 'A001', count: 0 },
      { staffNo: 'A002', count: 0 }
    ]
    expect([...balanceAssignment(customers(4), clerks)]).toEqual([
      ['c1', 'A001'],
      ['c2', 'A002'],
      ['c3', 'A003'],
      ['c4', 'A001']
    ])
  })

  it('fills the clerk with the fewest customers first', () => {
    const clerks = [
      { staffNo: 'A001', count: 10 },
      { staffNo: 'A002', count: 7 },
      { staffNo: 'A003', count: 9 }
    ]
    const assignment = balanceAssignment(customers(4), clerks)
    expect([...assignment.values()]).toEqual(['A002', 'A002', 'A002', 'A003'])
    expect(Object.fromEntries(finalCounts(clerks, assignment))).toEqual({ A001: 10, A002: 10, A003: 10 })
  })

  it('assigns a customer listed twice once; a 工号 listed twice counts once', () => {
    const assignment = balanceAssignment(
      ['c1', 'c1', 'c2'],
      [
        { staffNo: 'A001', count: 0 },
        { staffNo: 'A001', count: 5 },
        { staffNo: 'A002', count: 0 }
      ]
    )
    expect([...assignment]).toEqual([
      ['c1', 'A001'],
      ['c2', 'A002']
    ])
  })

  it('leaves counts at most one apart whenever the customers suffice (random loads)', () => {
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let round = 0; round < 200; round++) {
      const clerks = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => ({
        staffNo: `S${String(i).padStart(3, '0')}`,
        count: Math.floor(next() * 20)
      }))
      const max = Math.max(...clerks.map((c) => c.count))
      const gap = clerks.reduce((sum, c) => sum + max - c.count, 0)
      const n = Math.floor(next() * 60)
      const assignment = balanceAssignment(customers(n), clerks)
      const counts = finalCounts(clerks, assignment)
      expect(assignment.size).toBe(n)
      if (n >= gap) expect(spread(counts)).toBeLessThanOrEqual(1)
      else {
        // not enough to even out: nobody who started at the top got one, and the receivers end level
        const receivers = new Set(assignment.values())
        const ends = [...receivers].map((s) => counts.get(s) as number)
        expect(Math.max(...ends) - Math.min(...counts.values())).toBeLessThanOrEqual(1)
      }
    }
  })
})

describe('planReassign', () => {
  it('is the same balancing, for handing a leaving clerk’s customers to the others', () => {
    expect(planReassign).toBe(balanceAssignment)
    const assignment = planReassign(
      ['c1', 'c2', 'c3'],
      [
        { staffNo: 'A002', count: 4 },
        { staffNo: 'A003', count: 3 }
      ]
    )
    expect([...assignment.values()]).toEqual(['A003', 'A002', 'A003'])
  })
})
