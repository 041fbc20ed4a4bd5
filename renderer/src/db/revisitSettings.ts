import { settingsWrite } from './audit'
import {
  nextScript,
  readRevisitSettings,
  readScripts,
  revisitSettingsSchema,
  scriptFormSchema,
  type RevisitRule,
  type RevisitScript,
  type RevisitSettings,
  type ScriptForm
} from '@shared/domain/revisit'
import type { DataContext } from './context'
import type { WriteTx } from './writer'
import { cachedSetting, peekSetting } from './settingsCache'

// 系统设置 → 回访规则: the rules (one synced settings record 'revisit') and the 回访话术 per rule
// ('revisitScripts', each script versioned). Both are read inside write transactions too.

/** The form was refused; `issues` are i18n keys by field path ('rules.repair.windowDays'). */
export class RevisitSettingsRefusedError extends Error {
  constructor(readonly issues: { path: string; message: string; params?: Record<string, unknown> }[]) {
    super(issues[0]?.message ?? 'revisit.invalid')
  }
}

export async function getRevisitSettings(ctx: DataContext): Promise<RevisitSettings> {
  const stored = await ctx.db.settings.get('revisit')
  return readRevisitSettings(stored?.id === 'revisit' && !stored._deleted ? stored : undefined)
}

/** The same, held in memory between settings writes (settingsCache.ts), for the write paths that derive
 *  tasks: every customer saved asks for the rules, and a write that makes no task then reads nothing.
 *  Not for live queries (a value from memory reads nothing they could watch). Do not mutate it. */
export function heldRevisitSettings(ctx: DataContext): Promise<RevisitSettings> {
  return cachedSetting(ctx.db, 'revisit', () => getRevisitSettings(ctx))
}

/** The held rules if memory has them, at once (else undefined: ask heldRevisitSettings). */
export function peekRevisitSettings(ctx: DataContext): RevisitSettings | undefined {
  return peekSetting(ctx.db, 'revisit')
}

export async function getRevisitScripts(ctx: DataContext): Promise<Record<RevisitRule, RevisitScript>> {
  const stored = await ctx.db.settings.get('revisitScripts')
  return readScripts(stored?.id === 'revisitScripts' && !stored._deleted ? stored.scripts : undefined)
}

function refusal(error: { issues: { path: PropertyKey[]; message: string; params?: unknown }[] }) {
  return new RevisitSettingsRefusedError(
    error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
      ...(i.params ? { params: i.params as Record<string, unknown> } : {})
    }))
  )
}

/** Saves the rules. Returns the rules switched on by this save (the caller then derives their tasks
 *  over existing records in the background: generateRevisitTasks). */
export async function saveRevisitSettings(
  ctx: DataContext,
  staffNo: string,
  settings: RevisitSettings
): Promise<RevisitRule[]> {
  const parsed = revisitSettingsSchema.safeParse(settings)
  if (!parsed.success) throw refusal(parsed.error)
  return settingsWrite(ctx, staffNo, 'revisit', async (tx) => {
    const before = await getRevisitSettings(ctx)
    await putSettings(tx, ctx, parsed.data)
    return (Object.keys(parsed.data.rules) as RevisitRule[]).filter(
      (r) => parsed.data.rules[r].enabled && !before.rules[r].enabled
    )
  })
}

async function putSettings(tx: WriteTx, ctx: DataContext, s: RevisitSettings): Promise<void> {
  if (await ctx.db.settings.get('revisit')) await tx.update('settings', 'revisit', s)
  else await tx.create('settings', { id: 'revisit', ...s })
}

/** Saves one rule's script; a changed text becomes the next version. Returns the version in force. */
export async function saveRevisitScript(
  ctx: DataContext,
  staffNo: string,
  rule: RevisitRule,
  form: ScriptForm
): Promise<number> {
  const parsed = scriptFormSchema.safeParse(form)
  if (!parsed.success) throw refusal(parsed.error)
  return settingsWrite(ctx, staffNo, 'revisitScripts', async (tx) => {
    const stored = await ctx.db.settings.get('revisitScripts')
    const scripts = await getRevisitScripts(ctx)
    const next = nextScript(scripts[rule], parsed.data)
    const patch = { scripts: { ...(stored?.id === 'revisitScripts' ? stored.scripts : {}), [rule]: next } }
    if (stored) await tx.update('settings', 'revisitScripts', patch)
    else await tx.create('settings', { id: 'revisitScripts', ...patch })
    return next.version
  })
}
