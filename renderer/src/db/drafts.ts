import type { DataContext } from './context'
import { getSessionStaffNo } from './prefs'

// Half-filled forms survive navigation, reloads and restarts. Local only: a draft is not a record.
// Each draft belongs to its author (issue 17 point 1, 已锁定 "drafts kept for their author"): it is kept
// under the key and the 工号 at the desk, so after a staff switch the next person starts empty and the
// author finds theirs again when they come back. A draft saved before drafts had authors (the bare
// key) is offered to whoever is at the desk first, and taken over by them at their next save.

/** The key `staffNo`'s draft of `key` is kept under. */
export const authored = (key: string, staffNo: string | undefined) => (staffNo ? `${key}@${staffNo}` : key)

export async function loadDraft<T>(
  ctx: DataContext,
  key: string
): Promise<{ value: T; savedAt: number } | undefined> {
  const draft =
    (await ctx.db.drafts.get(authored(key, await getSessionStaffNo(ctx)))) ?? (await ctx.db.drafts.get(key))
  return draft ? { value: draft.value as T, savedAt: draft.savedAt } : undefined
}

export async function saveDraft(ctx: DataContext, key: string, value: unknown): Promise<void> {
  const staffNo = await getSessionStaffNo(ctx)
  await ctx.db.drafts.put({ key: authored(key, staffNo), value, savedAt: ctx.now() })
  if (staffNo) await ctx.db.drafts.delete(key)
}

export async function clearDraft(ctx: DataContext, key: string): Promise<void> {
  await ctx.db.drafts.delete(authored(key, await getSessionStaffNo(ctx)))
  await ctx.db.drafts.delete(key)
}
