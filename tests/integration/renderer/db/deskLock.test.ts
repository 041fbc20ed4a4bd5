import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { addStaff } from '@/db/staff'
import { setStaffPin } from '@/db/staffPin'
import { DeskLockRefusedError, getDeskLockSettings, saveDeskLockSettings, switchNeeds } from '@/db/deskLock'
import { clearDraft, loadDraft, saveDraft } from '@/db/drafts'
import { setSessionStaff } from '@/db/prefs'
import type { DataContext } from '@/db/context'
import { freshData } from './helpers'

// Issue 17 point 1: the store settings of 锁定与PIN (idle minutes, PIN for everyone) — 客服经理 only,
// refused in the data layer for everyone else — and drafts kept for their author across a lock and a
// staff switch.

async function withStaff(): Promise<DataContext> {
  const ctx = await freshData()
  await ctx.writer.transact('8001', (tx) =>
    tx.create('staff', { id: 'm', staffNo: '8001', name: '李经理', role: 'manager', active: true })
  )
  await addStaff(ctx, '8001', { staffNo: '1001', name: '王小明', role: 'clerk' })
  await addStaff(ctx, '8001', { staffNo: '2001', name: '赵值班', role: 'shiftLeader' })
  return ctx
}

async function refusalOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeskLockRefusedError)
  return (error as Error).message
}

describe('锁定与PIN settings', () => {
  it('default to 10 idle minutes and no PIN for everyone; a 客服经理 changes them', async () => {
    const ctx = await withStaff()
    expect(await getDeskLockSettings(ctx)).toEqual({ idleMinutes: 10, pinForEveryone: false })
    await saveDeskLockSettings(ctx, '8001', { idleMinutes: 3 })
    await saveDeskLockSettings(ctx, '8001', { pinForEveryone: true })
    expect(await getDeskLockSettings(ctx)).toEqual({ idleMinutes: 3, pinForEveryone: true })
    await saveDeskLockSettings(ctx, '8001', { idleMinutes: 0 })
    expect((await getDeskLockSettings(ctx)).idleMinutes).toBe(0)
  })

  it('are refused to a clerk, a shift leader, an unknown or deactivated manager: nothing changes', async () => {
    const ctx = await withStaff()
    await saveDeskLockSettings(ctx, '8001', { idleMinutes: 5 })
    const before = await ctx.db.settings.get('deskLock')
    for (const by of ['1001', '2001', '9999'])
      expect(await refusalOf(saveDeskLockSettings(ctx, by, { pinForEveryone: true, idleMinutes: 1 }))).toBe(
        'deskLock.refused.notManager'
      )
    await ctx.writer.transact('8001', (tx) => tx.update('staff', 'm', { active: false }))
    expect(await refusalOf(saveDeskLockSettings(ctx, '8001', { idleMinutes: 1 }))).toBe(
      'deskLock.refused.notManager'
    )
    expect(await ctx.db.settings.get('deskLock')).toEqual(before)
    expect(await getDeskLockSettings(ctx)).toEqual({ idleMinutes: 5, pinForEveryone: false })
  })

  it('refuses idle minutes outside 0–120 or not whole, with the validation key; nothing changes', async () => {
    const ctx = await withStaff()
    await saveDeskLockSettings(ctx, '8001', { idleMinutes: 15 })
    for (const [minutes, key] of [
      [121, 'validation.range'],
      [-1, 'validation.range'],
      [1.5, 'validation.number'],
      [Number.NaN, 'validation.number']
    ] as const)
      expect(
        await refusalOf(saveDeskLockSettings(ctx, '8001', { idleMinutes: minutes })),
        String(minutes)
      ).toBe(key)
    expect((await getDeskLockSettings(ctx)).idleMinutes).toBe(15)
  })

  it('switching to someone asks for their PIN; with PIN for everyone, someone without one sets it', async () => {
    const ctx = await withStaff()
    await setStaffPin(ctx, '1001', '1001', '2468')
    expect(await switchNeeds(ctx, '1001')).toBe('pin')
    expect(await switchNeeds(ctx, '2001')).toBe('nothing')
    expect(await switchNeeds(ctx, '9999')).toBe('unknownStaff')
    await saveDeskLockSettings(ctx, '8001', { pinForEveryone: true })
    expect(await switchNeeds(ctx, '2001')).toBe('setPin')
    expect(await switchNeeds(ctx, '1001')).toBe('pin')
  })
})

describe('drafts kept for their author', () => {
  it('a draft is its author’s: after a switch the next person starts empty; the author finds it again', async () => {
    const ctx = await withStaff()
    await setSessionStaff(ctx, '1001')
    await saveDraft(ctx, 'complaint:new', { customerName: '张三', customerPhone: '13800138000' })
    await setSessionStaff(ctx, '2001')
    expect(await loadDraft(ctx, 'complaint:new')).toBeUndefined()
    await saveDraft(ctx, 'complaint:new', { customerName: '李四' })
    await clearDraft(ctx, 'complaint:new')
    expect(await loadDraft(ctx, 'complaint:new')).toBeUndefined()
    await setSessionStaff(ctx, '1001')
    expect((await loadDraft<{ customerName: string }>(ctx, 'complaint:new'))?.value.customerName).toBe('张三')
  })

  it('a draft saved before drafts had authors is offered, then taken over by whoever saves it', async () => {
    const ctx = await withStaff()
    await ctx.db.drafts.put({ key: 'complaint:new', value: { customerName: '旧草稿' }, savedAt: 1 })
    await setSessionStaff(ctx, '1001')
    expect((await loadDraft<{ customerName: string }>(ctx, 'complaint:new'))?.value.customerName).toBe(
      '旧草稿'
    )
    await saveDraft(ctx, 'complaint:new', { customerName: '旧草稿改' })
    await setSessionStaff(ctx, '2001')
    expect(await loadDraft(ctx, 'complaint:new')).toBeUndefined()
  })
})
