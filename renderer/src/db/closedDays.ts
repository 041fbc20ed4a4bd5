import { settingsWrite } from './audit'
import { checkClosedDays, isClosedDayDate } from '@shared/domain/clock/closedDays'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { getStaffByNo } from './staff'
import { openComplaintIds } from './complaintReads'

// 停业日 (系统设置, issue 16): the store's closed days, a synced store setting. Decisions:
// - Stored as one field per date (`day:YYYY-MM-DD`: true, false once removed; schema.ts
//   ClosedDaysRecord), so two managers adding different dates on two PCs both keep theirs, and a
//   removal syncs as a change of that one field. saveClosedDays takes the whole list as the card shows
//   it and writes only the dates that change.
// - Only an active 客服经理 changes it: the data layer refuses anyone else ('reports.closedDayList.managerOnly'),
//   not only the card. A closed day moves every open case's deadlines, so it is a manager's decision.
// - A list with a bad date is refused as a whole (shared/domain/clock/closedDays.ts checkClosedDays),
//   each bad entry named; nothing is written and the stored list stays as it was.
// - The open complaints' time keys (_overdueAt, _escalateAt) depend on the list: they are recomputed
//   in the same transaction (here), or when another PC's change arrives (sync/refreshTimeRules.ts).

export const DAY_FIELD_PREFIX = 'day:'

export interface ClosedDayProblem {
  index: number
  code: string
}

/** Refused 停业日 change: `message` is the code (an i18n key); `problems` the bad entries of the list. */
export class ClosedDaysRefusedError extends Error {
  constructor(
    message: string,
    readonly problems: readonly ClosedDayProblem[] = []
  ) {
    super(message)
  }
}

/** The closed days a stored record holds: the dates set to true, valid ones only, sorted. */
export function readClosedDays(stored: SyncedRecords['settings'] | undefined): string[] {
  if (stored?.id !== 'closedDays' || stored._deleted) return []
  return Object.entries(stored)
    .flatMap(([field, value]) => {
      if (!field.startsWith(DAY_FIELD_PREFIX) || value !== true) return []
      const day = field.slice(DAY_FIELD_PREFIX.length)
      return isClosedDayDate(day) ? [day] : []
    })
    .sort()
}

export async function getClosedDays(ctx: DataContext): Promise<string[]> {
  return readClosedDays(await ctx.db.settings.get('closedDays'))
}

/** Saves the whole list as the manager left it: the dates added become true, the ones removed false.
 *  Returns the list stored. Refusals are thrown before anything is written. */
export async function saveClosedDays(
  ctx: DataContext,
  staffNo: string,
  input: readonly unknown[]
): Promise<string[]> {
  const previous = ctx.closedDays
  const outcome = await settingsWrite(
    ctx,
    staffNo,
    'closedDays',
    async (tx) => {
      const who = await getStaffByNo(ctx, staffNo)
      if (!who?.active || who.role !== 'manager')
        return { ok: false as const, code: 'reports.closedDayList.managerOnly', problems: [] }
      const checked = checkClosedDays(input)
      if (!checked.ok)
        return { ok: false as const, code: checked.problems[0]?.code ?? '', problems: checked.problems }
      const stored = await ctx.db.settings.get('closedDays')
      const before = new Set(readClosedDays(stored))
      const after = new Set(checked.days)
      const patch: Record<string, boolean> = {}
      for (const day of after) if (!before.has(day)) patch[`${DAY_FIELD_PREFIX}${day}`] = true
      for (const day of before) if (!after.has(day)) patch[`${DAY_FIELD_PREFIX}${day}`] = false
      if (Object.keys(patch).length === 0) return { ok: true as const, days: checked.days }
      if (stored) await tx.update('settings', 'closedDays', patch as never)
      else await tx.create('settings', { id: 'closedDays', ...patch } as never)
      // Every open case's deadlines move with the list: recompute their keys with the new one.
      ctx.closedDays = checked.days
      for (const id of await openComplaintIds(ctx.db)) await tx.rederive('complaints', id)
      return { ok: true as const, days: checked.days }
    },
    (result) => result.ok,
    'own'
  ).catch((e: unknown) => {
    ctx.closedDays = previous
    throw e
  })
  if (!outcome.ok) throw new ClosedDaysRefusedError(outcome.code, outcome.problems)
  return outcome.days
}
