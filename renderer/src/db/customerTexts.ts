import { settingsWrite } from './audit'
import { DEFAULT_CANNED_REPLIES, type CannedReply } from '@shared/domain/cannedReplies'
import { DEFAULT_WORDING_RULES, type WordingRule } from '@shared/domain/wording'
import type { DataContext } from './context'

// The handbook's phrase list and the 标准用语 library: store-wide settings with the handbook's defaults.

export async function getWordingRules(ctx: DataContext): Promise<WordingRule[]> {
  const stored = await ctx.db.settings.get('wording')
  return stored?.id === 'wording' && !stored._deleted ? stored.rules : DEFAULT_WORDING_RULES
}

export async function getCannedReplies(ctx: DataContext): Promise<CannedReply[]> {
  const stored = await ctx.db.settings.get('cannedReplies')
  return stored?.id === 'cannedReplies' && !stored._deleted ? stored.replies : DEFAULT_CANNED_REPLIES
}

/** Saves an edited list (validated by the caller with the shared schemas). */
export async function saveWordingRules(
  ctx: DataContext,
  staffNo: string,
  rules: WordingRule[]
): Promise<void> {
  await saveSetting(ctx, staffNo, { id: 'wording', rules })
}

export async function saveCannedReplies(
  ctx: DataContext,
  staffNo: string,
  replies: CannedReply[]
): Promise<void> {
  await saveSetting(ctx, staffNo, { id: 'cannedReplies', replies })
}

async function saveSetting(
  ctx: DataContext,
  staffNo: string,
  record: { id: 'wording'; rules: WordingRule[] } | { id: 'cannedReplies'; replies: CannedReply[] }
) {
  await settingsWrite(ctx, staffNo, record.id, async (tx) => {
    const { id, ...fields } = record
    if (await ctx.db.settings.get(id)) await tx.update('settings', id, fields)
    else await tx.create('settings', record)
  })
}
