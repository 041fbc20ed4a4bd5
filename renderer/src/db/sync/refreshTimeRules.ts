import type { DataContext } from '../context'
import { SYSTEM_STAFF_NO } from '../escalations'
import { readTimeRules } from '../timeRules'
import { readClosedDays } from '../closedDays'
import { openComplaintIds } from '../complaintReads'

// The time rules and the store's 停业日 (issue 16) are synced settings, and open complaints' derived
// keys (_overdueAt, _escalateAt) depend on both. When another PC changed either, take them into use
// here and recompute those keys (no outbox entry: rederive writes nothing that syncs).

export async function refreshTimeRules(ctx: DataContext): Promise<boolean> {
  const rules = readTimeRules(await ctx.db.settings.get('timeRules'))
  const closedDays = readClosedDays(await ctx.db.settings.get('closedDays'))
  const sameRules = JSON.stringify(rules) === JSON.stringify(ctx.timeRules)
  const sameDays = closedDays.join() === ctx.closedDays.join()
  if (sameRules && sameDays) return false
  const previous = { rules: ctx.timeRules, closedDays: ctx.closedDays }
  if (!sameRules) ctx.timeRules = rules
  if (!sameDays) ctx.closedDays = closedDays
  try {
    await ctx.writer.transact(SYSTEM_STAFF_NO, async (tx) => {
      for (const id of await openComplaintIds(ctx.db)) await tx.rederive('complaints', id)
    })
  } catch (error) {
    ctx.timeRules = previous.rules
    ctx.closedDays = previous.closedDays
    throw error
  }
  return true
}
