import { z } from 'zod'

export const ROLES = ['clerk', 'shiftLeader', 'manager'] as const
export type Role = (typeof ROLES)[number]

export interface Staff {
  id: string
  /** 工号, e.g. 1001 or KF001 */
  staffNo: string
  name: string
  role: Role
  active: boolean
  /** salted hash of the staff member's PIN (shared/domain/pin.ts); absent or '' = no PIN. Never shown. */
  pinHash?: string
}

export const staffNoSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .regex(/^[A-Za-z0-9]{2,12}$/, 'validation.staffNo')
export const personNameSchema = z.string().trim().min(1, 'validation.required').max(20, 'validation.tooLong')

export const staffFormSchema = z.object({
  staffNo: staffNoSchema,
  name: personNameSchema,
  role: z.enum(ROLES, { message: 'validation.required' })
})
export type StaffForm = z.input<typeof staffFormSchema>
