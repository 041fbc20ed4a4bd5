process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { DataContext } from '@/db/context'
import { checkPinGuarded, pinLockState, unlockPinWithManager } from '@/db/pinLockout'
import { addStaff } from '@/db/staff'
import { setStaffPin } from '@/db/staffPin'
import { PIN_LOCK_MS } from '@shared/domain/desk/pinLockout'
import { freshData } from './helpers'

// 8001 manager (PIN 8888), 1001 clerk (PIN 1234), 1002 clerk without a PIN.
async function desk() {
  const ctx = await freshData()
  await ctx.writer.transact('8001', (tx) =>
    tx.create('staff', { id: 'm', staffNo: '8001', name: '李经理', role: 'manager', active: true })
  )
  await addStaff(ctx, '8001', { staffNo: '1001', name: '王小明', role: 'clerk' })
  await addStaff(ctx, '8001', { staffNo: '1002', name: '王芳', role: 'clerk' })
  await setStaffPin(ctx, '8001', '8001', '8888')
  await setStaffPin(ctx, '1001', '1001', '1234')
  return ctx
}

async function wrongFive(ctx: DataContext, staffNo = '1001') {
  const outcomes: string[] = []
  for (let i = 0; i < 5; i++) outcomes.push((await checkPinGuarded(ctx, staffNo, '0000')).outcome)
  return outcomes
}

describe('PIN checks through the lockout (data layer)', () => {
  it('five wrong PINs lock the 工号: even the right PIN is refused until 5 minutes have passed', async () => {
    const ctx = await desk()
    expect(await wrongFive(ctx)).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'locked'])
    const locked = await checkPinGuarded(ctx, '1001', '1234')
    expect(locked).toMatchObject({ outcome: 'locked', until: ctx.time.value + PIN_LOCK_MS })
    ctx.time.value += PIN_LOCK_MS - 1
    expect((await checkPinGuarded(ctx, '1001', '1234')).outcome).toBe('locked')
    ctx.time.value += 1
    expect((await checkPinGuarded(ctx, '1001', '1234')).outcome).toBe('ok')
    expect(await pinLockState(ctx, '1001')).toEqual({ wrong: 0, lockedUntil: 0 })
  })

  it('one 工号 locked leaves the others alone; a PIN-less 工号 says so and counts nothing', async () => {
    const ctx = await desk()
    await wrongFive(ctx)
    expect((await checkPinGuarded(ctx, '8001', '8888')).outcome).toBe('ok')
    expect((await checkPinGuarded(ctx, '1002', '0000')).outcome).toBe('noPin')
    expect((await checkPinGuarded(ctx, '9999', '0000')).outcome).toBe('unknownStaff')
    expect(await pinLockState(ctx, '1002')).toEqual({ wrong: 0, lockedUntil: 0 })
  })

  it('a manager’s PIN unlocks at once; a clerk’s or a wrong one does not', async () => {
    const ctx = await desk()
    await wrongFive(ctx)
    expect(await unlockPinWithManager(ctx, '1002', '0000', '1001')).toBe('notManager')
    expect(await unlockPinWithManager(ctx, '8001', '1111', '1001')).toBe('wrong')
    expect((await checkPinGuarded(ctx, '1001', '1234')).outcome).toBe('locked')
    expect(await unlockPinWithManager(ctx, '8001', '8888', '1001')).toBe('ok')
    expect((await checkPinGuarded(ctx, '1001', '1234')).outcome).toBe('ok')
  })

  it('the count stays on this PC: nothing about it goes to the outbox', async () => {
    const ctx = await desk()
    const before = await ctx.db.outbox.count()
    await wrongFive(ctx)
    expect(await ctx.db.outbox.count()).toBe(before)
  })
})
