process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SHIFTS, inferShift, shiftListSchema, shiftSlot, type ShiftDef } from '@shared/domain/shifts'

const at = (local: string) => Date.parse(`${local}+08:00`)
const nameAt = (local: string, shifts: readonly ShiftDef[] = DEFAULT_SHIFTS) =>
  inferShift(shifts, at(local))?.shift.name

describe('shift settings', () => {
  it('defaults to the handbook shifts', () => {
    expect(DEFAULT_SHIFTS.map((s) => `${s.name} ${s.start}–${s.end}`)).toEqual([
      '白班 08:00–17:00',
      '白班(9-18) 09:00–18:00',
      '晚班 15:00–24:00'
    ])
  })

  it('validates times, empty shifts and duplicate names', () => {
    expect(shiftListSchema.safeParse(DEFAULT_SHIFTS).success).toBe(true)
    const bad = (list: ShiftDef[]) => shiftListSchema.safeParse(list).error?.issues.map((i) => i.message)
    expect(bad([{ id: 'a', name: '早班', start: '8:00', end: '12:00' }])).toEqual(['validation.time'])
    expect(bad([{ id: 'a', name: '早班', start: '08:00', end: '08:00' }])).toEqual(['handover.shiftEmpty'])
    expect(bad([{ id: 'a', name: '早班', start: '00:00', end: '24:00' }])).toEqual(['handover.shiftEmpty'])
    expect(bad([])).toEqual(['handover.noShifts'])
    expect(
      bad([
        { id: 'a', name: '早班', start: '08:00', end: '12:00' },
        { id: 'b', name: '早班', start: '12:00', end: '18:00' }
      ])
    ).toEqual(['handover.shiftNameTaken'])
  })
})

describe('shiftSlot', () => {
  it('gives the instants of one occurrence, midnight ends and overnight shifts included', () => {
    const night = shiftSlot({ id: 'n', name: '晚班', start: '15:00', end: '24:00' }, '2026-11-23')
    expect([night.start, night.end]).toEqual([at('2026-11-23T15:00:00'), at('2026-11-24T00:00:00')])
    const overnight = shiftSlot({ id: 'o', name: '夜班', start: '22:00', end: '06:00' }, '2026-11-23')
    expect([overnight.start, overnight.end]).toEqual([at('2026-11-23T22:00:00'), at('2026-11-24T06:00:00')])
  })
})

describe('inferShift (the current shift from the clock)', () => {
  it('is the running shift', () => {
    expect(nameAt('2026-11-23T08:30:00')).toBe('白班')
    expect(nameAt('2026-11-23T17:30:00')).toBe('白班(9-18)')
    expect(nameAt('2026-11-23T20:00:00')).toBe('晚班')
  })

  it('prefers, among overlapping shifts, the one ending first: the handover at 16:50 is the 白班’s', () => {
    expect(nameAt('2026-11-23T16:50:00')).toBe('白班')
    expect(nameAt('2026-11-23T17:00:00')).toBe('白班(9-18)') // 白班 ended at 17:00 sharp
  })

  it('gives the shift that just ended when none is running (after midnight: yesterday’s 晚班)', () => {
    const slot = inferShift(DEFAULT_SHIFTS, at('2026-11-24T00:10:00'))
    expect(slot?.shift.name).toBe('晚班')
    expect(slot?.date).toBe('2026-11-23')
    expect(nameAt('2026-11-24T07:59:00')).toBe('晚班')
  })

  it('handles a shift across midnight', () => {
    const shifts: ShiftDef[] = [...DEFAULT_SHIFTS, { id: 'o', name: '夜班', start: '22:00', end: '06:00' }]
    const slot = inferShift(shifts, at('2026-11-24T03:00:00'))
    expect(slot?.shift.name).toBe('夜班')
    expect(slot?.date).toBe('2026-11-23')
  })

  it('returns null without shifts', () => {
    expect(inferShift([], at('2026-11-23T10:00:00'))).toBeNull()
  })
})
