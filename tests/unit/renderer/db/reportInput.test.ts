import { describe, expect, it } from 'vitest'
import {
  casesOfRows,
  ReportInputParser,
  servicesOfRows,
  tasksOfRows,
  uniqueLines,
  type ServiceRow
} from '@/db/reportInput'
import { complaintDayLine } from '../../../support/complaintDayLine'

// A report's input crosses to the worker as the day rows' texts; these turn them into its records.

const complaint = complaintDayLine

describe('report input from day rows', () => {
  it('reads each record once, though filed under several days; an empty (split) head gives nothing', () => {
    const rows = [
      `${complaint('a', 1)}\n${complaint('b', 2)}`,
      '',
      `${complaint('a', 1)}\n${complaint('c', 3)}`
    ]
    expect(uniqueLines(rows).map((l) => l.split('\t')[0])).toEqual(['a', 'b', 'c'])
    expect(casesOfRows(rows).map((c) => [c.id, c.receivedAt])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3]
    ])
  })

  it('services: consultations and returns at their row’s day, other kinds left out', () => {
    const at = Date.UTC(2026, 10, 3)
    const services = servicesOfRows([
      { at, lines: 'consultation:k1\t1001\tcu1\tconverted\nreturn:r1\t1002\tcu2\t\nvisit:v1\t1001\tcu3\t' },
      { at: at + 86_400_000, lines: '' }
    ])
    expect(services).toEqual([
      { kind: 'consultation', id: 'k1', at, staffNo: '1001', customerKey: 'cu1', outcome: 'converted' },
      { kind: 'return', id: 'r1', at, staffNo: '1002', customerKey: 'cu2', outcome: null }
    ])
  })

  it('tasks: the rules other than 投诉回访, done with their answer', () => {
    // id, rule, clerk, created, window start, due, sample %, status, ended, satisfaction, source
    const rows = [
      [
        't1\tnewCustomer\t1001\t10\t100\t200\t100\tdone\t150\tsatisfied\tcu1',
        't2\tcomplaint\t1001\t10\t100\t200\t100\tdone\t150\tsatisfied\tc1',
        't3\tbigCustomer\t1002\t10\t100\t200\t100\topen\t\t\tcu2'
      ].join('\n')
    ]
    expect(tasksOfRows(rows)).toEqual([
      {
        id: 't1',
        rule: 'newCustomer',
        clerk: '1001',
        windowStart: 100,
        doneAt: 150,
        answer: { at: 150, satisfaction: 'satisfied' }
      },
      { id: 't3', rule: 'bigCustomer', clerk: '1002', windowStart: 100, doneAt: null, answer: null }
    ])
  })
})

describe('rows parsed for the next report', () => {
  const parse = (parser: ReportInputParser, complaintRows: string[], serviceRows: ServiceRow[] = []) =>
    parser.parse({ complaintRows, serviceRows, taskRows: [] })

  it('gives what the plain parse gives; rows seen in the last two reports are not parsed again', () => {
    const parser = new ReportInputParser()
    const day1 = `${complaint('a', 1)}\n${complaint('b', 2)}`
    const day2 = `${complaint('b', 2)}\n${complaint('c', 3)}`
    const first = parse(parser, [day1, day2]).cases
    expect(first).toEqual(casesOfRows([day1, day2]))
    // the same rows: the very same objects (their limits stay computed)
    const again = parse(parser, [day1, '', day2]).cases
    expect(again).toHaveLength(3)
    again.forEach((c, i) => expect(c).toBe(first[i]))
    // a day that changed is parsed afresh; the other day's cases are kept
    const day2b = `${complaint('b', 2)}\n${complaint('c', 4)}`
    const changed = parse(parser, [day1, day2b]).cases
    expect(changed.map((c) => c.receivedAt)).toEqual([1, 2, 4])
    expect(changed[0]).toBe(first[0])
    expect(changed[2]).not.toBe(first[2])
    // rows not asked for in the last two reports are forgotten
    parse(parser, [day2b])
    parse(parser, [day2b])
    expect(parse(parser, [day1]).cases[0]).not.toBe(first[0])
  })

  it('the same service text on another day is that day’s, not the kept one', () => {
    const parser = new ReportInputParser()
    const lines = 'consultation:k1\t1001\tcu1\tconverted'
    expect(parse(parser, [], [{ at: 1000, lines }]).services[0]?.at).toBe(1000)
    expect(parse(parser, [], [{ at: 2000, lines }]).services[0]?.at).toBe(2000)
  })
})
