import type { DataContext } from '../context'
import type { ConflictEntry, SyncedTable } from '../schema'

// Long texts that lost to another PC's concurrent text, kept so the record's page can show them for
// review (issue 6: "never dropped").

export type { ConflictEntry }

export async function listConflicts(
  ctx: DataContext,
  table: SyncedTable,
  recordId: string
): Promise<ConflictEntry[]> {
  const rows = await ctx.db.conflicts.where('[table+recordId]').equals([table, recordId]).toArray()
  return rows.sort((a, b) => (a.losingHlc < b.losingHlc ? -1 : 1))
}

/** Every conflict found on this PC, newest first (the sync page's list). */
export async function listAllConflicts(ctx: DataContext, limit = 200): Promise<ConflictEntry[]> {
  const rows = await ctx.db.conflicts.toArray()
  return rows.sort((a, b) => b.at - a.at).slice(0, limit)
}
