import type { DataContext } from './context'
import { readExportState } from './sync/exportOutbox'
import { STORE_ENCRYPTION_KEY } from './sync/storeKey'

// 导出诊断信息 (issue 17 point 5): what the data layer adds — record counts per table and the sync
// bookkeeping (own changes not yet published, peers known, whether the store is encrypted). Numbers
// only: nothing of a record leaves here.

export interface DiagnosticsCounts {
  schemaVersion: number
  counts: Record<string, number>
  pending: number
  peers: number
  encrypted: boolean
}

export async function diagnosticsCounts(ctx: DataContext): Promise<DiagnosticsCounts> {
  const counts: Record<string, number> = {}
  for (const table of ctx.db.tables) counts[table.name] = await table.count()
  const exported = await readExportState(ctx)
  return {
    schemaVersion: ctx.db.verno,
    counts,
    pending: await ctx.db.outbox.where('seq').above(exported.outboxSeq).count(),
    peers: await ctx.db.syncPeers.count(),
    encrypted: !!(await ctx.db.meta.get(STORE_ENCRYPTION_KEY))
  }
}
