import type { DataContext } from '../context'
import { SYSTEM_STAFF_NO } from '../escalations'
import { readTimeRules } from '../timeRules'

// The time rules are a synced setting, and open complaints' derived keys (_overdueAt, _escalateAt)
// depend on them. When another PC changed them, take them into use here and recompute those keys
// (no outbox entry: rederive writes nothing that syncs).

export async function refreshTimeRules(ctx: DataContext): Promise<boolean> {
  const rules = readTimeRules(await ctx.db.settings.get('timeRules'))
  if (JSON.stringify(rules) === JSON.stringify(ctx.timeRules)) return false
  const previous = ctx.timeRules
  ctx.timeRules = rules
  try {
    await ctx.writer.transact(SYSTEM_STAFF_NO, async (tx) => {
      for (const id of await ctx.db.complaints.where('_openAt').above(-Infinity).primaryKeys())
        await tx.rederive('complaints', id)
    })
  } catch (error) {
    ctx.timeRules = previous
    throw error
  }
  return true
}
