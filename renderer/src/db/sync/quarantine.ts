import type { DataContext } from '../context'
import type { QuarantineEntry } from '../schema'
import type { HeldRecord } from './mergeBatch'
import { FILE_PROBLEMS } from '@shared/sync/problems'
import { ENGINE_MESSAGE_CODES, type SyncMessageCode } from './problems'

// Share files (and single changes) this PC could not use, kept aside locally with the reason, for the
// sync page and for support. A file that later decodes (the share finished copying it) is released.

export function fileQuarantineId(peer: string, seq: number): string {
  return `${peer}/${seq}`
}

export async function quarantineFile(
  ctx: DataContext,
  entry: Omit<QuarantineEntry, 'id' | 'at'>
): Promise<void> {
  await ctx.db.quarantine.put({ ...entry, id: fileQuarantineId(entry.peer, entry.seq), at: ctx.now() })
}

/** One invalid change of an otherwise good file; the rest of the file is applied. */
export async function quarantineChange(
  ctx: DataContext,
  entry: Omit<QuarantineEntry, 'id' | 'at' | 'bytes'> & { index: number }
): Promise<void> {
  const { index, ...rest } = entry
  await ctx.db.quarantine.put({
    ...rest,
    id: `${fileQuarantineId(entry.peer, entry.seq)}#${index}`,
    at: ctx.now()
  })
}

/** Records a unique index refused (mergeBatch → uniqueClash.ts), kept with their changes. */
export async function holdRecords(
  ctx: DataContext,
  peer: string,
  seq: number,
  held: readonly HeldRecord[]
): Promise<void> {
  for (const h of held)
    await ctx.db.quarantine.put({
      id: `${fileQuarantineId(peer, seq)}/${h.table}/${h.recordId}`,
      peer,
      seq,
      problem: 'uniqueClash',
      code: 'uniqueClash',
      detail: h.detail,
      changes: h.changes,
      at: ctx.now()
    })
}

/** Applies held-back records again; those that now fit are released. Returns what is still held. */
export async function retryHeldRecords(
  ctx: DataContext
): Promise<{ applied: number; conflicts: number; stillHeld: QuarantineEntry[] }> {
  const rows = (await ctx.db.quarantine.toArray()).filter((q) => q.problem === 'uniqueClash' && q.changes)
  let applied = 0
  let conflicts = 0
  const stillHeld: QuarantineEntry[] = []
  for (const row of rows) {
    const outcome = await ctx.writer.applyRemote(row.changes ?? [])
    applied += outcome.applied
    conflicts += outcome.conflicts.length
    if (outcome.held.length > 0) stillHeld.push(row)
    else await ctx.db.quarantine.delete(row.id)
  }
  return { applied, conflicts, stillHeld }
}

export async function releaseFile(ctx: DataContext, peer: string, seq: number): Promise<void> {
  await ctx.db.quarantine.delete(fileQuarantineId(peer, seq))
}

export type ListedQuarantine = Omit<QuarantineEntry, 'bytes' | 'changes' | 'code' | 'message'> & {
  code: SyncMessageCode | 'quarantined'
}

const KNOWN_CODES: ReadonlySet<string> = new Set([...FILE_PROBLEMS, ...ENGINE_MESSAGE_CODES])

/** A row stored before codes carried a zh-CN sentence; its `problem` is a code that words the same
 *  cause (or, failing that, the generic 'quarantined'). */
function codeOf(row: QuarantineEntry): SyncMessageCode | 'quarantined' {
  if (row.code) return row.code
  return KNOWN_CODES.has(row.problem) ? (row.problem as SyncMessageCode) : 'quarantined'
}

/** For the sync page: everything held aside, newest first (without the bytes), each with its message code. */
export async function listQuarantine(ctx: DataContext): Promise<ListedQuarantine[]> {
  const rows = await ctx.db.quarantine.toArray()
  return rows
    .sort((a, b) => b.at - a.at)
    .map(({ bytes: _bytes, changes: _changes, message: _message, ...rest }) => ({
      ...rest,
      code: codeOf(rest)
    }))
}
