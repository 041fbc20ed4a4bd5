import type { TFunction } from 'i18next'
import { ZodError } from 'zod'
import { HandoverRefusedError } from '@/db'
import { describeError } from '@/app/errors'

/** A refusal of the data layer or a validation message in the staff's words; anything else as usual. */
export function describeHandoverError(error: unknown, t: TFunction): string {
  if (error instanceof HandoverRefusedError) return t(error.message)
  if (error instanceof ZodError) return t(error.issues[0]?.message ?? 'error.unexpected')
  return describeError(error, t)
}
