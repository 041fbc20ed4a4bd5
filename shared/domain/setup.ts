import { z } from 'zod'
import { deviceCodeSchema, deviceNameSchema } from '@shared/ipc/contract'
import { personNameSchema, staffNoSchema } from './staff'

/** First run: the store, its first manager, and which PC this is. */
export const setupSchema = z.object({
  storeName: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
  managerStaffNo: staffNoSchema,
  managerName: personNameSchema,
  deviceName: deviceNameSchema,
  deviceCode: deviceCodeSchema
})
export type SetupForm = z.input<typeof setupSchema>
export type SetupInput = z.output<typeof setupSchema>
