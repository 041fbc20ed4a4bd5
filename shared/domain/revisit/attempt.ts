import { z } from 'zod'
import { SATISFACTIONS } from '../complaint'
import { ASPECTS, OUTCOMES } from './task'

// What the call dialog sends (开始回访 → outcome). Checked here and again by the data layer, so a stale
// screen cannot store half an outcome. Messages are i18n keys; `path` names the field they belong to.

export const NOTE_MAX = 2000
export const REBOOK_MAX_DAYS = 90
const DAY = 86_400_000

export function attemptInputSchema(now: number) {
  return z
    .object({
      outcome: z.enum(OUTCOMES, { message: 'revisit.needOutcome' }),
      satisfaction: z.enum(SATISFACTIONS).optional(),
      aspects: z.array(z.enum(ASPECTS)).max(ASPECTS.length).optional(),
      suggestions: z.string().trim().max(NOTE_MAX, 'validation.tooLong').optional(),
      note: z.string().trim().max(NOTE_MAX, 'validation.tooLong').optional(),
      rebookAt: z.number().optional(),
      doNotContact: z.boolean().optional(),
      /** 投诉回访 answered 不满意: reopen the complaint (its workflow decides) */
      reopen: z.boolean().optional(),
      scriptVersion: z.number().int().optional()
    })
    .superRefine((a, ctx) => {
      if (a.outcome === 'reached' && !a.satisfaction)
        ctx.addIssue({ code: 'custom', message: 'revisit.needSatisfaction', path: ['satisfaction'] })
      if (a.outcome === 'rebooked') {
        if (a.rebookAt === undefined || !Number.isFinite(a.rebookAt))
          ctx.addIssue({ code: 'custom', message: 'revisit.needRebookAt', path: ['rebookAt'] })
        else if (a.rebookAt <= now)
          ctx.addIssue({ code: 'custom', message: 'revisit.rebookPast', path: ['rebookAt'] })
        else if (a.rebookAt > now + REBOOK_MAX_DAYS * DAY)
          ctx.addIssue({ code: 'custom', message: 'revisit.rebookTooFar', path: ['rebookAt'] })
      }
      if (a.reopen && a.satisfaction !== 'unsatisfied')
        ctx.addIssue({ code: 'custom', message: 'workflow.reopenOnlyUnsatisfied', path: ['reopen'] })
    })
}

export type AttemptInput = z.input<ReturnType<typeof attemptInputSchema>>
export type ParsedAttempt = z.output<ReturnType<typeof attemptInputSchema>>
