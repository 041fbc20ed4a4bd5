import 'fake-indexeddb/auto'
import * as scrypt from '@noble/hashes/scrypt'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StaffPinRefusedError, checkStaffPin, clearStaffPin, setStaffPin, staffHasPin } from '@/db/staffPin'
import { addStaff, getStaffByNo, listStaff, updateStaff } from '@/db/staff'
import type { DataContext } from '@/db/context'
import type { OutboxEntry } from '@/db/writer'
import { outboxFieldChanges } from '@/db/writer'
import { hashPinLegacy, verifyPin } from '@shared/domain/pin'
import { freshData } from './helpers'

// 8001 manager, 1001 and 1002 clerks, 2001 a shift leader.
async function withStaff(): Promise<DataContext> {
  const ctx = await freshData()
  await ctx.writer.transact('8001', (tx) =>
    tx.create('staff', { id: 'm', staffNo: '8001', name: '李经理', role: 'manager', active: true })
  )
  await addStaff(ctx, '8001', { staffNo: '1001', name: '王小明', role: 'clerk' })
  await addStaff(ctx, '8001', { staffNo: '1002', name: '王芳', role: 'clerk' })
  await addStaff(ctx, '8001', { staffNo: '2001', name: '赵值班', role: 'shiftLeader' })
  return ctx
}

// the module as a spyable object (ESM exports are not)
vi.mock('@noble/hashes/scrypt', async (original) => ({ ...(await original<object>()) }))

afterEach(() => vi.restoreAllMocks())

const pinHashOf = async (ctx: DataContext, staffNo: string) => (await getStaffByNo(ctx, staffNo))?.pinHash

async function refusalOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(StaffPinRefusedError)
  return (error as Error).message
}

/** Every string anywhere inside an outbox value (ALL_FIELDS entries hold whole records). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}

describe('setting a PIN', () => {
  it('a clerk sets their own: only a verifiable hash is stored, stamped with their 工号', async () => {
    const ctx = await withStaff()
    expect(staffHasPin((await getStaffByNo(ctx, '1001'))!)).toBe(false)
    await setStaffPin(ctx, '1001', '1001', '１２３４')
    const staff = (await getStaffByNo(ctx, '1001'))!
    expect(staffHasPin(staff)).toBe(true)
    expect(staff.pinHash).toMatch(/^scrypt\$16\$8\$2\$/)
    await expect(verifyPin('1234', staff.pinHash!)).resolves.toBe(true)
    const stored = await ctx.db.staff.get(staff.id)
    expect(stored?._updated.staffNo).toBe('1001')
    expect(Object.values(stored ?? {}).filter((v) => v === '1234' || v === '１２３４')).toEqual([])
  })

  it('the manager sets anyone’s', async () => {
    const ctx = await withStaff()
    await setStaffPin(ctx, '8001', '1002', '246810')
    await expect(checkStaffPin(ctx, '1002', '246810')).resolves.toBe('ok')
    expect((await ctx.db.staff.where('staffNo').equals('1002').first())?._updated.staffNo).toBe('8001')
  })

  it('a clerk or shift leader may not set someone else’s; nothing is written', async () => {
    const ctx = await withStaff()
    const outboxBefore = await ctx.db.outbox.count()
    expect(await refusalOf(setStaffPin(ctx, '1001', '1002', '1234'))).toBe('staffPin.refused.notAllowed')
    expect(await refusalOf(setStaffPin(ctx, '2001', '1002', '1234'))).toBe('staffPin.refused.notAllowed')
    expect(await pinHashOf(ctx, '1002')).toBeUndefined()
    expect(await ctx.db.outbox.count()).toBe(outboxBefore)
  })

  it('a deactivated manager, or an unknown 工号 acting, has no rights; an unknown target is refused', async () => {
    const ctx = await withStaff()
    await updateStaff(ctx, '8001', 'm', { active: false })
    expect(await refusalOf(setStaffPin(ctx, '8001', '1001', '1234'))).toBe('staffPin.refused.notAllowed')
    expect(await refusalOf(setStaffPin(ctx, '9999', '9999', '1234'))).toBe('staffPin.refused.notAllowed')
    await updateStaff(ctx, '8001', 'm', { active: true })
    expect(await refusalOf(setStaffPin(ctx, '8001', '9999', '1234'))).toBe('staffPin.refused.unknownStaff')
  })

  it('checks the rights again when writing: a manager deactivated while the PIN was being hashed writes nothing', async () => {
    const ctx = await withStaff()
    // Hashing happens outside the write transaction; the staff list changes meanwhile.
    const realScrypt = scrypt.scryptAsync
    const spy = vi.spyOn(scrypt, 'scryptAsync').mockImplementation(async (...args) => {
      await updateStaff(ctx, '8001', 'm', { active: false })
      return realScrypt(...args)
    })
    expect(await refusalOf(setStaffPin(ctx, '8001', '1002', '1234'))).toBe('staffPin.refused.notAllowed')
    expect(spy).toHaveBeenCalledTimes(1)
    expect(await pinHashOf(ctx, '1002')).toBeUndefined()
  })

  it('validates the PIN with pinSchema', async () => {
    const ctx = await withStaff()
    expect(await refusalOf(setStaffPin(ctx, '1001', '1001', '123'))).toBe('validation.pin')
    expect(await refusalOf(setStaffPin(ctx, '1001', '1001', 'abcd'))).toBe('validation.pin')
    expect(await refusalOf(setStaffPin(ctx, '1001', '1001', ''))).toBe('validation.required')
    expect(await pinHashOf(ctx, '1001')).toBeUndefined()
  })

  it('records the pinHash change for sync but never the PIN itself', async () => {
    const ctx = await withStaff()
    const pin = '583920'
    await setStaffPin(ctx, '1001', '1001', pin)
    await setStaffPin(ctx, '8001', '1002', pin)
    const entries: OutboxEntry[] = (await ctx.db.outbox.toArray()).flatMap(outboxFieldChanges)
    const pinEntries = entries.filter((e) => e.table === 'staff' && e.field === 'pinHash')
    expect(pinEntries.map((e) => e.staffNo)).toEqual(['1001', '8001'])
    for (const e of pinEntries) await expect(verifyPin(pin, e.value as string)).resolves.toBe(true)
    expect(entries.flatMap((e) => stringsIn(e.value)).filter((v) => v === pin)).toEqual([])
    expect(entries.some((e) => e.field.toLowerCase() === 'pin')).toBe(false)
  })
})

describe('clearing a PIN', () => {
  it('the manager clears one; the staff member then has none', async () => {
    const ctx = await withStaff()
    await setStaffPin(ctx, '1001', '1001', '1234')
    await clearStaffPin(ctx, '8001', '1001')
    expect(staffHasPin((await getStaffByNo(ctx, '1001'))!)).toBe(false)
    await expect(checkStaffPin(ctx, '1001', '1234')).resolves.toBe('noPin')
    // the staff change (its 操作日志 entry follows it in the same transaction)
    const last = (await ctx.db.outbox.toArray()).filter((e) => e.table === 'staff').at(-1)
    expect(last).toMatchObject({ table: 'staff', field: 'pinHash', value: '', staffNo: '8001' })
  })

  it('nobody else may clear one, not even their own', async () => {
    const ctx = await withStaff()
    await setStaffPin(ctx, '1001', '1001', '1234')
    expect(await refusalOf(clearStaffPin(ctx, '1001', '1001'))).toBe('staffPin.refused.notAllowed')
    expect(await refusalOf(clearStaffPin(ctx, '2001', '1001'))).toBe('staffPin.refused.notAllowed')
    await expect(checkStaffPin(ctx, '1001', '1234')).resolves.toBe('ok')
  })
})

describe('checking a 工号 and PIN', () => {
  it('ok, wrong, noPin, unknownStaff, inactive', async () => {
    const ctx = await withStaff()
    await setStaffPin(ctx, '1001', '1001', '1234')
    await setStaffPin(ctx, '8001', '1002', '5678')
    await expect(checkStaffPin(ctx, '1001', '1234')).resolves.toBe('ok')
    await expect(checkStaffPin(ctx, ' 1001 ', '１２３４')).resolves.toBe('ok')
    await expect(checkStaffPin(ctx, '1001', '5678')).resolves.toBe('wrong')
    await expect(checkStaffPin(ctx, '1001', '')).resolves.toBe('wrong')
    await expect(checkStaffPin(ctx, '2001', '1234')).resolves.toBe('noPin')
    await expect(checkStaffPin(ctx, '7777', '1234')).resolves.toBe('unknownStaff')
    const wang = (await listStaff(ctx)).find((s) => s.staffNo === '1002')!
    await updateStaff(ctx, '8001', wang.id, { active: false })
    await expect(checkStaffPin(ctx, '1002', '5678')).resolves.toBe('inactive')
  })
})

describe('verifiers made before issue 17 (PBKDF2)', () => {
  it('still let their owner in, and the right PIN replaces them with a scrypt verifier', async () => {
    const ctx = await withStaff()
    const staff = (await getStaffByNo(ctx, '1001'))!
    const legacy = await hashPinLegacy('2468')
    await ctx.writer.transact('1001', (tx) => tx.update('staff', staff.id, { pinHash: legacy }))
    // a wrong PIN changes nothing
    await expect(checkStaffPin(ctx, '1001', '2469')).resolves.toBe('wrong')
    expect(await pinHashOf(ctx, '1001')).toBe(legacy)
    // the right one works, and upgrades the verifier
    await expect(checkStaffPin(ctx, '1001', '２４６８')).resolves.toBe('ok')
    const upgraded = (await pinHashOf(ctx, '1001'))!
    expect(upgraded).toMatch(/^scrypt\$16\$8\$2\$/)
    await expect(verifyPin('2468', upgraded)).resolves.toBe(true)
    await expect(checkStaffPin(ctx, '1001', '2468')).resolves.toBe('ok')
    expect(await pinHashOf(ctx, '1001')).toBe(upgraded)
  })
})
