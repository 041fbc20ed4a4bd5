import type { DataContext } from './context'
import { getSessionStaffNo } from './prefs'
import { readStashed, writeStashed } from './draftStash'

// Half-filled forms survive navigation, reloads and restarts. Local only: a draft is not a record.
// Each draft belongs to its author (issue 17 point 1, 已锁定 "drafts kept for their author"): it is kept
// under the key and the 工号 at the desk, so after a staff switch the next person starts empty and the
// author finds theirs again when they come back. A draft saved before drafts had authors (the bare
// key) is offered to whoever is at the desk first, and taken over by them at their next save.

/** The key `staffNo`'s draft of `key` is kept under. */
export const authored = (key: string, staffNo: string | undefined) => (staffNo ? `${key}@${staffNo}` : key)

/** The authored key each draft was last loaded or saved under: the last-instant stash is synchronous and
 *  cannot read who is at the desk, so it files the draft where the form found it. */
const lastAuthored = new WeakMap<DataContext, Map<string, string>>()
function remember(ctx: DataContext, key: string, authoredKey: string): void {
  const keys = lastAuthored.get(ctx) ?? new Map<string, string>()
  keys.set(key, authoredKey)
  lastAuthored.set(ctx, keys)
}

export async function loadDraft<T>(
  ctx: DataContext,
  key: string
): Promise<{ value: T; savedAt: number } | undefined> {
  const own = authored(key, await getSessionStaffNo(ctx))
  remember(ctx, key, own)
  const stored = (await ctx.db.drafts.get(own)) ?? (await ctx.db.drafts.get(key))
  // What the page kept in its last instant is newer than the last IndexedDB save: it moves in now.
  const stashed = readStashed(ctx.draftStash, own)
  if (stashed && (!stored || stashed.savedAt >= stored.savedAt)) {
    await ctx.db.drafts.put({ key: own, value: stashed.value, savedAt: stashed.savedAt })
    ctx.draftStash.remove(own)
    return { value: stashed.value as T, savedAt: stashed.savedAt }
  }
  if (stashed) ctx.draftStash.remove(own)
  return stored ? { value: stored.value as T, savedAt: stored.savedAt } : undefined
}

export async function saveDraft(ctx: DataContext, key: string, value: unknown): Promise<void> {
  const staffNo = await getSessionStaffNo(ctx)
  remember(ctx, key, authored(key, staffNo))
  await ctx.db.drafts.put({ key: authored(key, staffNo), value, savedAt: ctx.now() })
  if (staffNo) await ctx.db.drafts.delete(key)
}

/** Synchronous, for the page's last instant (pagehide): see draftStash.ts. */
export function stashDraft(ctx: DataContext, key: string, value: unknown): void {
  writeStashed(ctx.draftStash, lastAuthored.get(ctx)?.get(key) ?? key, { value, savedAt: ctx.now() })
}

export async function clearDraft(ctx: DataContext, key: string): Promise<void> {
  const own = authored(key, await getSessionStaffNo(ctx))
  ctx.draftStash.remove(own)
  ctx.draftStash.remove(key)
  await ctx.db.drafts.delete(own)
  await ctx.db.drafts.delete(key)
}
