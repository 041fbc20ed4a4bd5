import { z } from 'zod'

// 回访规则 (docs/revisits.md §2): which records make a follow-up task, how long the customer may be
// called, and the share of tasks the store wants done on time. Defaults are the handbook's. The
// complaint rule's window is the existing 处理规则 setting (timeRules.revisitWithinDays), so the 3 days
// have one home. Messages are i18n keys.

export const REVISIT_RULES = ['complaint', 'repair', 'newCustomer', 'keyAccount', 'campaign'] as const
export type RevisitRule = (typeof REVISIT_RULES)[number]

export interface RuleSetting {
  enabled: boolean
  /** how long after the trigger the call is due (ignored by complaint: timeRules; keyAccount: everyDays) */
  windowDays: number
  /** coverage target, percent of the rule's population done on time */
  targetPercent: number
}

/** 'HH:mm' local; `to` before `from` crosses midnight (21:00–09:00). */
export interface QuietRange {
  from: string
  to: string
}

export interface RevisitSettings {
  rules: Record<RevisitRule, RuleSetting>
  /** 新客户回访: the percentage of new customers chosen (sampling.ts) */
  newCustomerSamplePercent: number
  /** 大客户回访: one task per key account every this many days */
  keyAccountEveryDays: number
  /** 免打扰时段 */
  quietHours: QuietRange[]
  /** 未接通: the task comes back after this long (then moved out of quiet hours) */
  retryMinutes: number
  /** 未接通 this many times → 无法联系 */
  maxAttempts: number
}

export const DEFAULT_REVISIT_SETTINGS: RevisitSettings = {
  rules: {
    complaint: { enabled: true, windowDays: 3, targetPercent: 100 },
    repair: { enabled: true, windowDays: 14, targetPercent: 50 },
    newCustomer: { enabled: true, windowDays: 30, targetPercent: 10 },
    keyAccount: { enabled: true, windowDays: 30, targetPercent: 100 },
    campaign: { enabled: true, windowDays: 7, targetPercent: 100 }
  },
  newCustomerSamplePercent: 10,
  keyAccountEveryDays: 30,
  quietHours: [
    { from: '12:00', to: '14:00' },
    { from: '21:00', to: '09:00' }
  ],
  retryMinutes: 120,
  maxAttempts: 3
}

/** Stored settings may be older or partial: every missing part takes its default. */
export function readRevisitSettings(stored: Partial<RevisitSettings> | undefined): RevisitSettings {
  const d = DEFAULT_REVISIT_SETTINGS
  const rules = { ...d.rules }
  for (const rule of REVISIT_RULES) rules[rule] = { ...d.rules[rule], ...stored?.rules?.[rule] }
  return {
    rules,
    newCustomerSamplePercent: stored?.newCustomerSamplePercent ?? d.newCustomerSamplePercent,
    keyAccountEveryDays: stored?.keyAccountEveryDays ?? d.keyAccountEveryDays,
    quietHours: stored?.quietHours ?? d.quietHours,
    retryMinutes: stored?.retryMinutes ?? d.retryMinutes,
    maxAttempts: stored?.maxAttempts ?? d.maxAttempts
  }
}

export const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/

const whole = (min: number, max: number) =>
  z
    .number({ message: 'validation.number' })
    .int('validation.number')
    .min(min, 'validation.range')
    .max(max, 'validation.range')

const quietRangeSchema = z
  .object({
    from: z.string().regex(HH_MM, 'validation.time'),
    to: z.string().regex(HH_MM, 'validation.time')
  })
  .refine((r) => r.from !== r.to, { message: 'revisit.quietEmpty', path: ['to'] })

const ruleSettingSchema = z.object({
  enabled: z.boolean(),
  windowDays: whole(1, 365),
  targetPercent: whole(0, 100)
})

export const revisitSettingsSchema = z.object({
  rules: z.object(
    Object.fromEntries(REVISIT_RULES.map((r) => [r, ruleSettingSchema])) as Record<
      RevisitRule,
      typeof ruleSettingSchema
    >
  ),
  newCustomerSamplePercent: whole(1, 100),
  keyAccountEveryDays: whole(1, 365),
  quietHours: z.array(quietRangeSchema).max(6, 'validation.tooMany'),
  retryMinutes: whole(5, 24 * 60),
  maxAttempts: whole(1, 10)
}) satisfies z.ZodType<RevisitSettings>
