import { describe, expect, it } from 'vitest'
import { preparedInput } from '@/db/reportsCompute'
import type { RawReportInput } from '@/db/reportInput'
import { complaintDayLine } from '../../../support/complaintDayLine'

// A period asked again (本月 → a year → 本月) sends the same rows: the computing side reuses what it
// parsed, sorted and indexed for them — but only when every row is the same.

const complaint = complaintDayLine

const rows = (complaints: string[], served?: RawReportInput['served']): RawReportInput => ({
  complaintRows: complaints,
  serviceRows: [{ at: 1, lines: 'consultation:k1\t1001\tcu1\tconverted' }],
  taskRows: [],
  ...(served ? { served } : {})
})

describe('the computing side reuses an input with the same rows', () => {
  it('the same rows again: the very same records (not parsed, sorted or indexed again)', () => {
    const first = preparedInput({ id: 'r1', raw: rows([complaint('a', 2), complaint('b', 1)]) }, {})
    const again = preparedInput({ id: 'r2', raw: rows([complaint('a', 2), complaint('b', 1)]) }, {})
    expect(again).toBe(first)
    expect(again.cases.map((c) => c.id)).toEqual(['b', 'a'])
    // and the older id still names it
    expect(preparedInput({ id: 'r1' }, {})).toBe(first)
  })

  it('one row changed, a row more, other services or other daily figures: parsed anew', () => {
    const base = preparedInput({ id: 's1', raw: rows([complaint('a', 2), complaint('b', 1)]) }, {})
    const changed = preparedInput({ id: 's2', raw: rows([complaint('a', 5), complaint('b', 1)]) }, {})
    expect(changed).not.toBe(base)
    expect(changed.cases.find((c) => c.id === 'a')?.receivedAt).toBe(5)
    const more = preparedInput(
      { id: 's3', raw: rows([complaint('a', 2), complaint('b', 1), complaint('c', 3)]) },
      {}
    )
    expect(more.cases).toHaveLength(3)
    const otherService = preparedInput(
      {
        id: 's4',
        raw: { ...rows([complaint('a', 2), complaint('b', 1)]), serviceRows: [{ at: 1, lines: '' }] }
      },
      {}
    )
    expect(otherService.services).toEqual([])
    const day = (footfall: number) => ({
      from: 'footfall' as const,
      figures: [{ date: '2026-11-03', footfall, transactions: null }]
    })
    const ab = () => rows([complaint('a', 2), complaint('b', 1)], day(120))
    const withServed = preparedInput({ id: 's5', raw: ab() }, {})
    expect(preparedInput({ id: 's6', raw: ab() }, {})).toBe(withServed)
    const corrected = preparedInput(
      { id: 's7', raw: rows([complaint('a', 2), complaint('b', 1)], day(150)) },
      {}
    )
    expect(corrected.served?.figures[0]?.footfall).toBe(150)
  })
})
