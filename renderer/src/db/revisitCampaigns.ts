import {
  CAMPAIGN_FIELD_PREFIX,
  campaignFormSchema,
  campaignId,
  campaignTask,
  campaignWindow,
  matchesCampaign,
  type CampaignCriteria,
  type CampaignForm,
  type RevisitCampaign,
  type RevisitTask
} from '@shared/domain/revisit'
import type { Actor } from '@shared/domain/workflow'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { createMissingTasks } from './revisitDerive'
import { getRevisitSettings, RevisitSettingsRefusedError } from './revisitSettings'
import { refuseWhileCustomersLoad } from './customers'
import { customerIdsWhere, customersByIds, type CustomerScope } from './customerReads'

// 专项回访 (docs/revisits.md §3a). A manager's campaign is a field `campaign:<id>` of the synced
// settings record `revisitCampaigns`; its tasks are made in batches, one short transaction each, so
// the UI stays responsive with thousands of customers. The ids are deterministic (campaign id from
// name + first day, task id from campaign + customer): the same campaign created again, or on another
// PC, makes no second task. Customers marked 不再回访 get none (campaignTask).

export const CAMPAIGN_BATCH = 500

type StoredCustomer = SyncedRecords['customers']

export interface CampaignProgress {
  done: number
  total: number
}

/** The customers the criteria pick: `matching` all of them, `eligible` those that may be called
 *  (not 不再回访). Read through the narrowest index: tier, then 负责客服, else every archive. */
async function pickedIds(ctx: DataContext, criteria: CampaignCriteria): Promise<string[]> {
  const scope: CustomerScope =
    criteria.tiers.length > 0
      ? { tiers: criteria.tiers }
      : criteria.clerk !== ''
        ? { clerk: criteria.clerk }
        : 'all'
  return customerIdsWhere(ctx.db, scope, (c) => matchesCampaign(c, criteria))
}

export async function countCampaignCustomers(
  ctx: DataContext,
  criteria: CampaignCriteria
): Promise<{ matching: number; eligible: number }> {
  const ids = await pickedIds(ctx, criteria)
  let eligible = 0
  for (let i = 0; i < ids.length; i += CAMPAIGN_BATCH) {
    const batch = await customersByIds(ctx.db, ids.slice(i, i + CAMPAIGN_BATCH))
    eligible += batch.filter((c) => c && !c.noRevisit).length
  }
  return { matching: ids.length, eligible }
}

export async function getRevisitCampaign(ctx: DataContext, id: string): Promise<RevisitCampaign | undefined> {
  const stored = (await ctx.db.settings.get('revisitCampaigns')) as Record<string, unknown> | undefined
  const c = stored?.[`${CAMPAIGN_FIELD_PREFIX}${id}`]
  return c && typeof c === 'object' ? (c as RevisitCampaign) : undefined
}

export async function listRevisitCampaigns(ctx: DataContext): Promise<RevisitCampaign[]> {
  const stored = (await ctx.db.settings.get('revisitCampaigns')) as Record<string, unknown> | undefined
  if (!stored || stored._deleted) return []
  return Object.entries(stored)
    .filter(([f, v]) => f.startsWith(CAMPAIGN_FIELD_PREFIX) && v && typeof v === 'object')
    .map(([, v]) => v as RevisitCampaign)
    .sort((a, b) => b.start - a.start)
}

function refused(path: string, message: string): RevisitSettingsRefusedError {
  return new RevisitSettingsRefusedError([{ path, message }])
}

/** 新建专项回访: checks the form (a window that ends before it starts, empty name, no criteria), that
 *  the actor is a manager and that some customer may be called; then writes the campaign and one task
 *  per picked customer, in batches. Refusals are thrown before anything is written. */
export async function createRevisitCampaign(
  ctx: DataContext,
  actor: Actor,
  form: CampaignForm,
  onProgress?: (p: CampaignProgress) => void
): Promise<{ id: string; made: number; total: number }> {
  if (actor.role !== 'manager') throw refused('', 'revisit.campaign.managerOnly')
  await refuseWhileCustomersLoad(ctx)
  const parsed = campaignFormSchema.safeParse(form)
  if (!parsed.success)
    throw new RevisitSettingsRefusedError(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
    )
  const f = parsed.data
  const settings = await getRevisitSettings(ctx)
  if (!settings.rules.campaign.enabled) throw refused('', 'revisit.campaign.ruleOff')
  const ids = await pickedIds(ctx, f.criteria)
  const { eligible } = await countCampaignCustomers(ctx, f.criteria)
  if (eligible === 0) throw refused('criteria', 'revisit.campaign.noCustomers')

  const id = campaignId(f.name, f.start)
  const campaign: RevisitCampaign = {
    id,
    name: f.name,
    criteria: f.criteria,
    scriptRule: f.scriptFrom === 'own' ? 'campaign' : f.scriptFrom,
    ...(f.scriptFrom === 'own' && f.script ? { script: { version: 1, ...f.script } } : {}),
    ...campaignWindow(f.start, f.end),
    createdBy: actor.staffNo,
    createdAt: ctx.now()
  }
  const field = `${CAMPAIGN_FIELD_PREFIX}${id}` as const
  await ctx.writer.transact(actor.staffNo, async (tx) => {
    const stored = await ctx.db.settings.get('revisitCampaigns')
    // Created again: the first record stays (its tasks name it); a second run only adds missing tasks.
    if (!stored) await tx.create('settings', { id: 'revisitCampaigns', [field]: campaign } as never)
    else if (!(stored as unknown as Record<string, unknown>)[field])
      await tx.update('settings', 'revisitCampaigns', { [field]: campaign } as never)
  })
  const kept = (await getRevisitCampaign(ctx, id)) ?? campaign
  let made = 0
  for (let i = 0; i < ids.length; i += CAMPAIGN_BATCH) {
    const customers = await customersByIds(ctx.db, ids.slice(i, i + CAMPAIGN_BATCH))
    const tasks = customers.flatMap((c: StoredCustomer | undefined) => {
      const task: RevisitTask | null =
        c && matchesCampaign(c, f.criteria) ? campaignTask(kept, c, settings) : null
      return task ? [task] : []
    })
    made += await ctx.writer.transact(actor.staffNo, (tx) => createMissingTasks(ctx, tx, tasks))
    onProgress?.({ done: Math.min(i + CAMPAIGN_BATCH, ids.length), total: ids.length })
  }
  return { id, made, total: ids.length }
}
