import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { profileToRecord, customerFormSchema } from '@shared/domain/customer'
import { inSample } from '@shared/domain/revisit'
import { applyWorkflow } from '@/db/workflow'
import { registerComplaint } from '@/db/complaints'
import type { DataContext } from '@/db/context'

// Shared steps for the 回访 integration tests: a complaint walked to 待回访, customer profiles.

export const clerk = { staffNo: '1002', role: 'clerk' as const }
export const leader = { staffNo: '2001', role: 'shiftLeader' as const }
export const manager = { staffNo: '9001', role: 'manager' as const }

export function intake(phone = '13800138000', name = '张三') {
  return complaintIntakeSchema('2026-11-22').parse({
    ...emptyIntakeForm,
    customerPhone: phone,
    customerName: name,
    content: '电饭煲不加热'
  })
}

/** A complaint whose result the customer accepted (status 待回访), resolved by `resolution`. */
export async function acceptedComplaint(
  ctx: DataContext,
  resolution: 'apology' | 'repair' = 'apology',
  phone = '13800138000'
) {
  const c = await registerComplaint(ctx, clerk.staffNo, intake(phone))
  await applyWorkflow(ctx, clerk, c.id, { type: 'judgeValid' })
  await applyWorkflow(ctx, clerk, c.id, { type: 'assignDepartment', department: '售后服务部' })
  await applyWorkflow(ctx, clerk, c.id, { type: 'proposePlan', resolution, amount: null, text: '上门处理' })
  await applyWorkflow(ctx, leader, c.id, { type: 'approvePlan', note: '' })
  return applyWorkflow(ctx, clerk, c.id, { type: 'recordResult', text: '已处理', accepted: true })
}

export function profile(over: Record<string, unknown> = {}) {
  return profileToRecord(
    customerFormSchema('2026-11-22').parse({
      name: '王五',
      phones: [{ value: '13700137000' }],
      tier: 'regular',
      tags: [],
      birthday: '',
      ...over
    })
  )
}

/** The first of `n` candidate ids that is (or is not) in the 10 % sample. */
export function idSampled(sampled: boolean, prefix = 'x'): string {
  for (let i = 0; ; i++) if (inSample(`${prefix}${i}`, 10) === sampled) return `${prefix}${i}`
}
