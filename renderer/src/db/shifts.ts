import { settingsWrite } from './audit'
import { DEFAULT_SHIFTS, shiftListSchema, type ShiftDef } from '@shared/domain/shifts'
import type { DataContext } from './context'

// 班次 are a store-wide setting (synced), with the handbook's three shifts until someone changes them.

export async function getShifts(ctx: DataContext): Promise<ShiftDef[]> {
  const stored = await ctx.db.settings.get('shifts')
  if (
    stored &&
    !stored._deleted &&
    stored.id === 'shifts' &&
    shiftListSchema.safeParse(stored.shifts).success
  )
    return stored.shifts
  return DEFAULT_SHIFTS.map((s) => ({ ...s }))
}

/** Saves the list (validated again here: the screen is not the only caller). */
export async function saveShifts(ctx: DataContext, by: string, shifts: ShiftDef[]): Promise<void> {
  const parsed = shiftListSchema.parse(shifts)
  await settingsWrite(ctx, by, 'shifts', async (tx) => {
    if (await ctx.db.settings.get('shifts')) await tx.update('settings', 'shifts', { shifts: parsed })
    else await tx.create('settings', { id: 'shifts', shifts: parsed })
  })
}
