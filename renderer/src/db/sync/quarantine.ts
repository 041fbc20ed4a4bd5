import type { DataContext } from '../context'
import type { QuarantineEntry } from '../schema'

// Share files (and single changes) this PC could not use, kept aside locally with the reason, for the
// sync page and for support. A file that later decodes (the share finished copying it) is released.

export function fileQuarantineId(peer: string, seq: number): string {
  return `${peer}/${seq}`
}

export async function quarantineFile(ctx: DataContext, entry: Omit<QuarantineEntry, 'id' | 'at'>): Promise<void> {
  await ctx.db.quarantine.put({ ...entry, id: fileQuarantineId(entry.peer, entry.seq), at: ctx.now() })
}

/** One invalid change of an otherwise good file; the rest of the file is applied. */
export async function quarantineChange(ctx: DataContext, entry: Omit<QuarantineEntry, 'id' | 'at' | 'bytes'> & { index: number }): Promise<void> {
  const { index, ...rest } = entry
  await ctx.db.quarantine.put({ ...rest, id: `${fileQuarantineId(entry.peer, entry.seq)}#${index}`, at: ctx.now() })
}

export async function releaseFile(ctx: DataContext, peer: string, seq: number): Promise<void> {
  await ctx.db.quarantine.delete(fileQuarantineId(peer, seq))
}

/** For the sync page: everything held aside, newest first (without the bytes). */
export async function listQuarantine(ctx: DataContext): Promise<Omit<QuarantineEntry, 'bytes'>[]> {
  const rows = await ctx.db.quarantine.toArray()
  return rows.sort((a, b) => b.at - a.at).map(({ bytes: _bytes, ...row }) => row)
}
