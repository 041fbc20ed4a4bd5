import dayjs from 'dayjs'
import { z } from 'zod'

// Shifts (班次) are store settings. A shift is a daily window 'HH:mm'–'HH:mm'; an end at or before
// the start runs past midnight ('22:00'–'06:00'), '24:00' is midnight. Shifts may overlap (白班 and
// 晚班 share 15:00–17:00 by default): the handover at 16:50 is the 白班's, so the shift "now" is the
// running one that ends first.

export interface ShiftDef {
  id: string
  name: string
  /** 'HH:mm' */
  start: string
  /** 'HH:mm' or '24:00' */
  end: string
}

export const DEFAULT_SHIFTS: readonly ShiftDef[] = [
  { id: 'day', name: '白班', start: '08:00', end: '17:00' },
  { id: 'day918', name: '白班(9-18)', start: '09:00', end: '18:00' },
  { id: 'night', name: '晚班', start: '15:00', end: '24:00' }
]

const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/

function minutesOf(hhmm: string): number {
  const m = HH_MM.exec(hhmm)
  if (!m) throw new Error(`not a time: ${hhmm}`)
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4])
}

export const shiftSchema = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().trim().min(1, 'validation.required').max(20, 'validation.tooLong'),
    start: z.string().regex(HH_MM, 'validation.time'),
    end: z.string().regex(HH_MM, 'validation.time')
  })
  .refine(
    (s) =>
      !HH_MM.test(s.start) || !HH_MM.test(s.end) || minutesOf(s.start) % 1440 !== minutesOf(s.end) % 1440,
    {
      message: 'handover.shiftEmpty',
      path: ['end']
    }
  )

export const shiftListSchema = z
  .array(shiftSchema)
  .min(1, 'handover.noShifts')
  .max(8, 'validation.tooMany')
  .refine((list) => new Set(list.map((s) => s.name.trim())).size === list.length, {
    message: 'handover.shiftNameTaken'
  })

/** One occurrence of a shift: the shift plus the calendar day it starts on and its instants. */
export interface ShiftSlot {
  shift: ShiftDef
  /** 'YYYY-MM-DD' of the day the shift starts */
  date: string
  start: number
  end: number
}

/** The occurrence of `shift` that starts on `date` (local time). */
export function shiftSlot(shift: ShiftDef, date: string): ShiftSlot {
  const day = dayjs(date).startOf('day')
  const startMin = minutesOf(shift.start)
  let endMin = minutesOf(shift.end)
  if (endMin <= startMin) endMin += 24 * 60
  // Set clock times on the calendar day (not add minutes to midnight) so a DST day keeps 08:00 at 08:00.
  const at = (minutes: number) => {
    const d = day.add(Math.floor(minutes / 1440), 'day')
    const m = minutes % 1440
    return d
      .hour(Math.floor(m / 60))
      .minute(m % 60)
      .valueOf()
  }
  return { shift, date: day.format('YYYY-MM-DD'), start: at(startMin), end: at(endMin) }
}

/**
 * The shift a handover written at `now` belongs to: among the occurrences running at `now`
 * (start ≤ now < end), the one ending first (ties: list order); when none runs (the night gap),
 * the one that ended last — a handover at 00:10 still belongs to the 晚班 that just ended.
 */
export function inferShift(shifts: readonly ShiftDef[], now: number): ShiftSlot | null {
  if (shifts.length === 0) return null
  const today = dayjs(now).startOf('day')
  const slots = [-1, 0, 1].flatMap((offset) =>
    shifts.map((s) => shiftSlot(s, today.add(offset, 'day').format('YYYY-MM-DD')))
  )
  const running = slots.filter((s) => s.start <= now && now < s.end)
  if (running.length) return running.reduce((best, s) => (s.end < best.end ? s : best))
  const ended = slots.filter((s) => s.end <= now)
  return ended.reduce((best, s) => (s.end > best.end ? s : best), ended[0] as ShiftSlot)
}

/** '08:00–17:00' as printed and shown. */
export function shiftHours(shift: Pick<ShiftDef, 'start' | 'end'>): string {
  return `${shift.start}–${shift.end}`
}
