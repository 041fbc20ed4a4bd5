import dayjs from 'dayjs'
import { z } from 'zod'
import { TIERS, type Customer, type Tier } from '../customer'
import { REVISIT_RULES, type RevisitRule } from './rules'
import { idHash } from './sampling'
import { scriptFormSchema, type RevisitScript } from './script'

// 专项回访 (docs/revisits.md §3a): a manager picks customers by tier, tag and/or 负责客服 (all that are
// given must hold), a script (one of the store's 回访话术 or one written for the campaign) and a date
// window. The campaign's id comes from its name and first day, so the same campaign created twice, or
// on two PCs, names the same tasks (`campaign:<campaignId>:<customerId>`) and makes each once.

export interface CampaignCriteria {
  /** any of these tiers; empty: any tier */
  tiers: Tier[]
  /** has this tag; '': any */
  tag: string
  /** this 负责客服 (工号); '': any */
  clerk: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const date = z.string().regex(DATE, 'validation.required')

export const campaignFormSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
    criteria: z
      .object({
        tiers: z.array(z.enum(TIERS)),
        tag: z.string().trim().max(20, 'validation.tooLong'),
        clerk: z.string().trim().max(12, 'validation.tooLong')
      })
      .refine((c) => c.tiers.length > 0 || c.tag !== '' || c.clerk !== '', {
        message: 'revisit.campaign.noCriteria'
      }),
    /** a store script by rule, or 'own' with the text below */
    scriptFrom: z.union([z.enum(REVISIT_RULES), z.literal('own')]),
    script: scriptFormSchema.optional(),
    start: date,
    end: date
  })
  .superRefine((f, ctx) => {
    if (DATE.test(f.start) && DATE.test(f.end) && f.end < f.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'revisit.windowEndsBeforeStart' })
    if (f.scriptFrom === 'own' && !f.script)
      ctx.addIssue({ code: 'custom', path: ['script'], message: 'validation.required' })
  })
export type CampaignForm = z.input<typeof campaignFormSchema>
export type CampaignInput = z.output<typeof campaignFormSchema>

/** A campaign as stored (a field `campaign:<id>` of the synced settings record `revisitCampaigns`). */
export interface RevisitCampaign {
  id: string
  name: string
  criteria: CampaignCriteria
  /** the store script used (its current version at each call); 'campaign' when `script` is its own */
  scriptRule: RevisitRule
  /** a script written for this campaign (version 1) */
  script?: RevisitScript
  /** the window: from the first day's start to the last day's end, local time */
  start: number
  dueAt: number
  createdBy: string
  createdAt: number
}

/** The window of a campaign: [start of the first day, end of the last day] local time. */
export function campaignWindow(start: string, end: string): { start: number; dueAt: number } {
  return { start: dayjs(start).startOf('day').valueOf(), dueAt: dayjs(end).endOf('day').valueOf() }
}

/** The same name (trimmed) starting the same day → the same id, on every PC. */
export function campaignId(name: string, start: string): string {
  const key = `${name.trim()}\u0000${start}`
  const h = (idHash(key).toString(16) + idHash(`${key}\u0001`).toString(16)).padStart(16, '0')
  return `${start}-${h}`
}

export const CAMPAIGN_FIELD_PREFIX = 'campaign:'

/** Whether a customer is one the criteria pick (not whether they may be called: 不再回访 is checked
 *  when the task is made). Deleted and merged-away archives are never picked. */
export function matchesCampaign(
  c: Pick<Customer, 'tier' | 'tags' | 'assignedClerk'> & { _deleted?: unknown; mergedInto?: unknown },
  criteria: CampaignCriteria
): boolean {
  if (c._deleted || c.mergedInto) return false
  if (criteria.tiers.length > 0 && !criteria.tiers.includes(c.tier)) return false
  if (criteria.tag !== '' && !(c.tags ?? []).includes(criteria.tag)) return false
  if (criteria.clerk !== '' && (c.assignedClerk ?? '') !== criteria.clerk) return false
  return true
}
