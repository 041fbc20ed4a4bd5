import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { addStaff, updateStaff, getStaffByNo } from '@/db/staff'
import { setSessionStaff } from '@/db/prefs'
import { recordExport } from '@/db/customerImport'
import { revealPhone } from '@/db/customers'
import { saveWorkflowConfig, getWorkflowConfig, applyWorkflow } from '@/db/workflow'
import { saveTimeRules } from '@/db/timeRules'
import { saveShifts } from '@/db/shifts'
import { saveUnmaskRoles } from '@/db/privacy'
import { updateStoreName } from '@/db/setup'
import { saveWordingRules } from '@/db/customerTexts'
import { registerComplaint } from '@/db/complaints'
import { requireRestoreRight } from '@/db/roles'
import { createStoreOnShare, joinStoreOnShare, StoreChoiceError } from '@/db/sync/storeChoice'
import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'
import { DEFAULT_SHIFTS } from '@shared/domain/shifts'
import { freshData } from './helpers'
import { intake, pc, shareKeeper } from './sync/harness'
import type { DataContext } from '@/db/context'

// Issue 17 point 2: the data layer itself refuses a role's sensitive action (docs/security.md §6);
// each refusal writes nothing — no record, no outbox entry, no 操作日志 entry.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

async function store(ctx: DataContext): Promise<void> {
  await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
  await addStaff(ctx, '9001', { staffNo: '5001', name: '李值班', role: 'shiftLeader' })
  await addStaff(ctx, '9001', { staffNo: '1002', name: '赵专员', role: 'clerk' })
}

async function nothingWritten(ctx: DataContext, run: () => Promise<unknown>, refusal: string): Promise<void> {
  const outbox = await ctx.db.outbox.count()
  const audit = await ctx.db.auditLog.count()
  await expect(run()).rejects.toThrow(refusal)
  expect(await ctx.db.outbox.count()).toBe(outbox)
  expect(await ctx.db.auditLog.count()).toBe(audit)
}

describe('roles in the data layer', () => {
  it('settings: a clerk or a shift leader is refused, the manager saves', async () => {
    const ctx = await freshData()
    await store(ctx)
    const config = await getWorkflowConfig(ctx)
    for (const who of ['1002', '5001', '7777']) {
      await nothingWritten(
        ctx,
        () => saveWorkflowConfig(ctx, who, { ...config, maxAmount: 1 }),
        'roles.refused'
      )
      await nothingWritten(ctx, () => saveTimeRules(ctx, who, DEFAULT_TIME_RULES), 'roles.refused')
      await nothingWritten(ctx, () => saveShifts(ctx, who, [...DEFAULT_SHIFTS]), 'roles.refused')
      await nothingWritten(ctx, () => saveUnmaskRoles(ctx, who, ['clerk', 'manager']), 'roles.refused')
      await nothingWritten(ctx, () => updateStoreName(ctx, who, '别的店'), 'roles.refused')
      await nothingWritten(ctx, () => saveWordingRules(ctx, who, []), 'roles.refused')
    }
    await saveWorkflowConfig(ctx, '9001', { ...config, maxAmount: 1 })
    expect((await getWorkflowConfig(ctx)).maxAmount).toBe(1)
  })

  it('staff: a clerk cannot add or change staff; the manager can', async () => {
    const ctx = await freshData()
    await store(ctx)
    await nothingWritten(
      ctx,
      () => addStaff(ctx, '1002', { staffNo: '1003', name: '新人', role: 'manager' }),
      'roles.refused.managerOnly'
    )
    const clerk = await getStaffByNo(ctx, '1002')
    await nothingWritten(ctx, () => updateStaff(ctx, '1002', clerk!.id, { role: 'manager' }), 'roles.refused')
    await updateStaff(ctx, '9001', clerk!.id, { name: '赵专员2' })
    expect((await getStaffByNo(ctx, '1002'))?.name).toBe('赵专员2')
  })

  it('full phones: a clerk may export masked only; reveal needs an active 工号', async () => {
    const ctx = await freshData()
    await store(ctx)
    await nothingWritten(
      ctx,
      () => recordExport(ctx, '1002', { count: 3, masked: false }),
      'roles.refused.fullPhones'
    )
    await recordExport(ctx, '1002', { count: 3, masked: true })
    await recordExport(ctx, '9001', { count: 3, masked: false })
    const retired = await getStaffByNo(ctx, '5001')
    await updateStaff(ctx, '9001', retired!.id, { active: false })
    await nothingWritten(
      ctx,
      () => revealPhone(ctx, '5001', 'c1', '13812345678'),
      'roles.refused.unknownStaff'
    )
  })

  it('approving a plan: the role comes from the staff list, not from the caller', async () => {
    const ctx = await freshData()
    await store(ctx)
    const c = await registerComplaint(ctx, '1002', intake())
    const clerk = { staffNo: '1002', role: 'clerk' as const }
    await applyWorkflow(ctx, clerk, c.id, { type: 'judgeValid' })
    await applyWorkflow(ctx, clerk, c.id, { type: 'assignDepartment', department: '售后服务部' })
    await applyWorkflow(ctx, clerk, c.id, {
      type: 'proposePlan',
      resolution: 'apology',
      amount: null,
      text: '向顾客致歉并说明原因'
    })
    // a clerk claiming to be the manager
    await nothingWritten(
      ctx,
      () => applyWorkflow(ctx, { staffNo: '1002', role: 'manager' }, c.id, { type: 'approvePlan', note: '' }),
      'workflow.needApprover'
    )
    await applyWorkflow(ctx, { staffNo: '5001', role: 'shiftLeader' }, c.id, {
      type: 'approvePlan',
      note: ''
    })
    expect((await ctx.db.complaints.get(c.id))?.status).toBe('inProgress')
  })

  it('restoring a backup (for the backup slice): the manager only', async () => {
    const ctx = await freshData()
    await store(ctx)
    await expect(requireRestoreRight(ctx, '1002')).rejects.toThrow('roles.refused.managerOnly')
    await expect(requireRestoreRight(ctx, '9001')).resolves.toBeUndefined()
  })

  it('store share: a clerk at the desk cannot create or join one; a new PC without staff can join', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1', 0, { joined: false })
    await store(a)
    await setSessionStaff(a, '1002')
    await expect(createStoreOnShare(a, share)).rejects.toThrow(new StoreChoiceError('managerOnly'))
    expect(await share.files()).toEqual([])
    await setSessionStaff(a, '9001')
    const storeId = await createStoreOnShare(a, share)
    const b = await pc('pcB', 'B1', 0, { joined: false })
    await store(b)
    await setSessionStaff(b, '1002')
    await expect(joinStoreOnShare(b, share)).rejects.toThrow(new StoreChoiceError('managerOnly'))
    const fresh = await pc('pcC', 'C1', 0, { joined: false })
    expect(await joinStoreOnShare(fresh, share)).toBe(storeId)
  })
})
