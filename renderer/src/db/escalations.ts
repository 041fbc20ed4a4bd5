import { escalationsToRecord, type TimeRuleSettings } from '@shared/domain/timeRules'
import type { DataContext } from './context'
import { complaintClock } from './complaintClock'
import { complaintsToEscalate } from './complaintReads'

/** 工号 stamped on changes the clock makes by itself. */
export const SYSTEM_STAFF_NO = 'SYSTEM'
const SWEEP_BATCH = 250

/** Records every escalation that has come due (on start and periodically): once per case and
 *  level, dated when it became due, even if the app was closed at that moment. Returns how many. */
export async function recordDueEscalations(ctx: DataContext): Promise<number> {
  const rules: TimeRuleSettings = ctx.timeRules
  const now = ctx.now()
  // Only cases whose next escalation has come due (derived _escalateAt key): usually none at all.
  const candidates = await complaintsToEscalate(ctx.db, now)
  // In counted time (issue 16): a case's pauses and the store's 停业日 do not count, and each
  // escalation is dated at its counted deadline — the same instant on every PC with the same events.
  const pending = candidates
    .map((c) => ({ c, due: escalationsToRecord(c, now, rules, complaintClock(c, rules, ctx.closedDays)) }))
    .filter((p) => p.due.length > 0)
  let recorded = 0
  // A few hundred cases per transaction: after days closed there can be thousands due at once, and
  // one transaction each kept IndexedDB busy long enough to stall every list for over a minute.
  for (let i = 0; i < pending.length; i += SWEEP_BATCH) {
    await ctx.writer.transact(SYSTEM_STAFF_NO, async (tx) => {
      for (const { c, due } of pending.slice(i, i + SWEEP_BATCH)) {
        for (const e of due) {
          const created = await tx.createIfAbsent('events', {
            id: e.id,
            subjectId: c.id,
            type: 'escalated',
            at: e.at,
            staffNo: SYSTEM_STAFF_NO,
            data: { level: e.level }
          })
          if (created) recorded++
        }
        const top = Math.max(c.escalationLevel, ...due.map((e) => e.level)) as 0 | 1 | 2
        await tx.update('complaints', c.id, { escalationLevel: top })
      }
    })
  }
  return recorded
}
