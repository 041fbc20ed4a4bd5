process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  checkDailyFigure,
  figuresReplaced,
  isValidFigure,
  mergeFigure,
  parseDailyFigures,
  readDateCell,
  readNumberCell,
  type Cell
} from '@shared/domain/metrics/dailyFigures'

const HEADER: Cell[] = ['日期', '客流', '成交笔数']

describe('客流 / 成交笔数 import', () => {
  it('reads a sheet with a header, a blank row, text and date cells, full-width digits and thousands commas', () => {
    const rows: Cell[][] = [
      HEADER,
      ['2026-11-23', 200, 50],
      [new Date(Date.UTC(2026, 10, 24)), '1,234', '60'], // exceljs: a date cell at UTC midnight
      [null, '', undefined],
      ['2026/11/25', '３００', null], // 成交笔数 not entered
      [46_349 + 3, 10, 2, '备注 ignored'] // Excel serial day 46349 = 2026-11-23, + 3
    ]
    expect(parseDailyFigures(rows)).toEqual({
      ok: true,
      figures: [
        { date: '2026-11-23', footfall: 200, transactions: 50 },
        { date: '2026-11-24', footfall: 1234, transactions: 60 },
        { date: '2026-11-25', footfall: 300, transactions: null },
        { date: '2026-11-26', footfall: 10, transactions: 2 }
      ],
      headerRow: 1,
      blankRows: 1
    })
  })

  it('needs no header', () => {
    expect(parseDailyFigures([['2026年11月23日', 5, 1]])).toMatchObject({ ok: true, headerRow: null })
  })

  it('refuses text in number columns, fractions, negatives and slips, per row and column; nothing accepted', () => {
    const rows: Cell[][] = [
      HEADER,
      ['2026-11-23', '约300', 50],
      ['2026-11-24', 12.5, -1],
      ['2026-11-25', 20_000_000, '12笔'],
      ['2026-11-26', 100, 20] // a good row, still not accepted
    ]
    expect(parseDailyFigures(rows)).toEqual({
      ok: false,
      problems: [
        { row: 2, column: 'footfall', code: 'reports.figures.notNumber' },
        { row: 3, column: 'footfall', code: 'reports.figures.notWholeNumber' },
        { row: 3, column: 'transactions', code: 'reports.figures.notWholeNumber' },
        { row: 4, column: 'footfall', code: 'reports.figures.tooLarge' },
        { row: 4, column: 'transactions', code: 'reports.figures.notNumber' }
      ]
    })
  })

  it('refuses every row of a duplicated date, naming all of them', () => {
    const rows: Cell[][] = [
      HEADER,
      ['2026-11-23', 200, 50],
      ['2026-11-24', 210, 51],
      ['2026/11/23', 220, 52] // the same day written another way
    ]
    const dup = {
      column: 'date',
      code: 'reports.figures.duplicateDate',
      params: { date: '2026-11-23', rows: [2, 4] }
    }
    expect(parseDailyFigures(rows)).toEqual({
      ok: false,
      problems: [
        { row: 2, ...dup },
        { row: 4, ...dup }
      ]
    })
  })

  it('refuses a bad date and a row without any figure', () => {
    expect(
      parseDailyFigures([HEADER, ['2026-02-30', 1, 1], ['明天', 1, 1], ['2026-11-23', '', null]])
    ).toEqual({
      ok: false,
      problems: [
        { row: 2, column: 'date', code: 'reports.figures.badDate' },
        { row: 3, column: 'date', code: 'reports.figures.badDate' },
        { row: 4, column: null, code: 'reports.figures.noFigures' }
      ]
    })
  })

  it('an empty sheet or a header alone has no rows', () => {
    expect(parseDailyFigures([])).toEqual({
      ok: false,
      problems: [{ row: 0, column: null, code: 'reports.figures.noRows' }]
    })
    expect(parseDailyFigures([HEADER, [null]])).toMatchObject({ ok: false })
  })
})

describe('cells', () => {
  it('a Date that is not at UTC midnight is read by its local date', () => {
    expect(readDateCell(new Date('2026-11-23T00:00:00+08:00'))).toBe('2026-11-23')
    expect(readDateCell(new Date('2126-01-01T00:00:00Z'))).toBeNull() // outside 2000–2099
    expect(readDateCell(true)).toBeNull()
  })

  it('numbers: 0 and the maximum are fine, one more is a slip', () => {
    expect(readNumberCell(0)).toEqual({ ok: true, value: 0 })
    expect(readNumberCell(10_000_000)).toEqual({ ok: true, value: 10_000_000 })
    expect(readNumberCell(10_000_001)).toEqual({ ok: false, code: 'reports.figures.tooLarge' })
    expect(readNumberCell('1,23')).toEqual({ ok: false, code: 'reports.figures.notNumber' })
    expect(readNumberCell(new Date())).toEqual({ ok: false, code: 'reports.figures.notNumber' })
  })
})

describe('客流 / 成交笔数 typed by hand, and replacing stored figures', () => {
  it('reads a typed day like a file row; each bad field named', () => {
    expect(checkDailyFigure({ date: '2026/11/3', footfall: '1,200', transactions: '' })).toEqual({
      ok: true,
      figure: { date: '2026-11-03', footfall: 1200, transactions: null }
    })
    expect(checkDailyFigure({ date: '2026-02-30', footfall: '约300', transactions: '1.5' })).toEqual({
      ok: false,
      problems: [
        { column: 'date', code: 'reports.figures.badDate' },
        { column: 'footfall', code: 'reports.figures.notNumber' },
        { column: 'transactions', code: 'reports.figures.notNumber' }
      ]
    })
    expect(checkDailyFigure({ date: '2026-11-03', footfall: '', transactions: ' ' })).toEqual({
      ok: false,
      problems: [{ column: null, code: 'reports.figures.noFigures' }]
    })
    expect(checkDailyFigure({ date: '', footfall: '1', transactions: '' })).toMatchObject({ ok: false })
  })

  it('an entered number replaces, an empty one keeps; only a different stored number is a replacement', () => {
    const stored = [
      { date: '2026-11-01', footfall: 100, transactions: 20 },
      { date: '2026-11-02', footfall: 80, transactions: null }
    ]
    expect(mergeFigure(stored[0], { date: '2026-11-01', footfall: null, transactions: 25 })).toEqual({
      date: '2026-11-01',
      footfall: 100,
      transactions: 25
    })
    expect(mergeFigure(undefined, { date: '2026-11-05', footfall: 1, transactions: null })).toEqual({
      date: '2026-11-05',
      footfall: 1,
      transactions: null
    })
    expect(
      figuresReplaced(stored, [
        { date: '2026-11-02', footfall: 80, transactions: 9 }, // same 客流, 成交笔数 where none was
        { date: '2026-11-03', footfall: 5, transactions: 5 }, // a new day
        { date: '2026-11-01', footfall: null, transactions: 21 } // 20 → 21
      ])
    ).toEqual(['2026-11-01'])
  })

  it('a stored or synced figure is valid only as a real date with whole numbers in range', () => {
    expect(isValidFigure({ date: '2026-11-01', footfall: 0, transactions: null })).toBe(true)
    expect(isValidFigure({ date: '2026-11-31', footfall: 1, transactions: null })).toBe(false)
    expect(isValidFigure({ date: '2026-11-01', footfall: -1, transactions: null })).toBe(false)
    expect(isValidFigure({ date: '2026-11-01', footfall: '1', transactions: null })).toBe(false)
  })
})
