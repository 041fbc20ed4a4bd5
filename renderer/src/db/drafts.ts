import type { DataContext } from './context'

// Half-filled forms survive navigation, reloads and restarts. Local only: a draft is not a record.

export async function loadDraft<T>(
  ctx: DataContext,
  key: string
): Promise<{ value: T; savedAt: number } | undefined> {
  const draft = await ctx.db.drafts.get(key)
  return draft ? { value: draft.value as T, savedAt: draft.savedAt } : undefined
}

export async function saveDraft(ctx: DataContext, key: string, value: unknown): Promise<void> {
  await ctx.db.drafts.put({ key, value, savedAt: ctx.now() })
}

export async function clearDraft(ctx: DataContext, key: string): Promise<void> {
  await ctx.db.drafts.delete(key)
}
