// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { minimalCustomer } from '@shared/domain/customer'
import type { Actor } from '@shared/domain/workflow'
import { addStaff, getStaffByNo, updateStaff } from '@/db/staff'
import { AssignmentRefusedError, assignUnassigned, clerkLoads, reassign } from '@/db/customerAssignment'
import { countCustomers } from '@/db/customerQuery'
import { mergeCustomers } from '@/db/customerMerge'
import type { DataContext } from '@/db/context'
import { freshData } from './helpers'

const manager: Actor = { staffNo: '8001', role: 'manager' }

/** A store: three who can hold customers, a manager, a clerk who left; `n` customers, some assigned. */
async function store(n: number, assigned: Record<string, number> = {}) {
  const ctx = await freshData()
  await addStaff(ctx, '8001', { staffNo: '8001', name: '李经理', role: 'manager' })
  await addStaff(ctx, '8001', { staffNo: '1001', name: '王小明', role: 'clerk' })
  await addStaff(ctx, '8001', { staffNo: '1002', name: '赵小红', role: 'clerk' })
  await addStaff(ctx, '8001', { staffNo: '1003', name: '钱值班', role: 'shiftLeader' })
  const left = await addStaff(ctx, '8001', { staffNo: '1009', name: '孙已离职', role: 'clerk' })
  await updateStaff(ctx, '8001', left, { active: false })
  const holders = Object.entries(assigned).flatMap(([staffNo, count]) => Array<string>(count).fill(staffNo))
  await ctx.writer.transact('8001', async (tx) => {
    for (let i = 0; i < n; i++) {
      const c = minimalCustomer(
        `c${String(i).padStart(3, '0')}`,
        `客户${i}`,
        `138${String(i).padStart(8, '0')}`
      )
      await tx.create('customers', { ...c, assignedClerk: holders[i] })
    }
  })
  return ctx
}

const countsOf = async (ctx: DataContext) =>
  Object.fromEntries((await clerkLoads(ctx)).rows.map((r) => [r.staffNo, r.count]))
const snapshot = async (ctx: DataContext) => ({
  outbox: await ctx.db.outbox.count(),
  events: await ctx.db.events.count(),
  customers: JSON.stringify(await ctx.db.customers.toArray())
})

describe('balanced assignment', () => {
  it('shows every active clerk and shift leader with their load, holders who left, and the unassigned', async () => {
    const ctx = await store(12, { '1001': 3, '1009': 2 })
    const loads = await clerkLoads(ctx)
    expect(loads.unassigned).toBe(7)
    expect(loads.rows.map((r) => [r.staffNo, r.name, r.eligible, r.count])).toEqual([
      ['1001', '王小明', true, 3],
      ['1002', '赵小红', true, 0],
      ['1003', '钱值班', true, 0],
      ['1009', '孙已离职', false, 2]
    ])
    // a merged (tombstoned) archive holds nobody's place
    await mergeCustomers(ctx, '8001', 'c000', 'c001')
    expect((await clerkLoads(ctx)).rows[0]?.count).toBe(2)
  })

  it('shares the unassigned out evenly (counts at most one apart), in one go, with one audit record', async () => {
    const ctx = await store(40, { '1001': 4 })
    const changes = async () =>
      (await ctx.db.outbox.toArray()).filter((e) => e.field === 'assignedClerk' && e.staffNo === '8001')
        .length
    const before = await changes()
    const perClerk = await assignUnassigned(ctx, manager, ['1001', '1002', '1003'])
    // the two without customers catch up first, then round and round; ties go by 工号
    expect(perClerk).toEqual({ '1001': 10, '1002': 13, '1003': 13 })
    const counts = await countsOf(ctx)
    expect([counts['1001'], counts['1002'], counts['1003']]).toEqual([14, 13, 13])
    const values = [counts['1001'], counts['1002'], counts['1003']] as number[]
    expect(values.reduce((a, b) => a + b)).toBe(40)
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1)
    expect(await countCustomers(ctx, { clerk: '' })).toBe(0)
    // one audit event, not one per customer
    const events = await ctx.db.events.toArray()
    expect(events.filter((e) => e.type === 'customerAssigned')).toEqual([
      expect.objectContaining({
        subjectId: 'audit',
        staffNo: '8001',
        data: { mode: 'balance', perClerk: { '1001': 10, '1002': 13, '1003': 13 }, total: 36 }
      })
    ])
    // each archive's change is stamped and synced
    expect((await changes()) - before).toBe(36)
    // nothing left: assigning again changes nothing
    expect(await assignUnassigned(ctx, manager, ['1001'])).toEqual({})
  })

  it('moves one clerk’s customers evenly to the others (e.g. a clerk who left)', async () => {
    const ctx = await store(31, { '1009': 21, '1002': 5, '1003': 5 })
    const perClerk = await reassign(ctx, manager, '1009', ['1001', '1002', '1003'])
    expect(perClerk).toEqual({ '1001': 11, '1002': 5, '1003': 5 })
    const counts = await countsOf(ctx)
    expect(counts['1009']).toBeUndefined() // holds nobody any more, and is not eligible
    expect([counts['1001'], counts['1002'], counts['1003']]).toEqual([11, 10, 10])
    const audit = (await ctx.db.events.toArray()).find((e) => e.type === 'customerAssigned')
    expect(audit?.data).toEqual({
      mode: 'reassign',
      from: '1009',
      perClerk: { '1001': 11, '1002': 5, '1003': 5 },
      total: 21
    })
  })

  it('is for the manager only, and refuses clerks who cannot hold customers — writing nothing', async () => {
    const ctx = await store(10, { '1001': 4 })
    const refused = async (work: () => Promise<unknown>, key: string) => {
      const before = await snapshot(ctx)
      const attempt = work()
      await expect(attempt).rejects.toBeInstanceOf(AssignmentRefusedError)
      await expect(attempt).rejects.toThrow(`customerMerge.assign.refused.${key}`)
      expect(await snapshot(ctx)).toEqual(before)
    }
    const clerk: Actor = { staffNo: '1001', role: 'clerk' }
    const leader: Actor = { staffNo: '1003', role: 'shiftLeader' }
    await refused(() => assignUnassigned(ctx, clerk, ['1001', '1002']), 'managerOnly')
    await refused(() => assignUnassigned(ctx, leader, ['1001', '1002']), 'managerOnly')
    await refused(() => reassign(ctx, clerk, '1001', ['1002']), 'managerOnly')
    await refused(() => reassign(ctx, clerk, '1001', ['1001']), 'managerOnly')
    await refused(() => assignUnassigned(ctx, manager, []), 'noClerks')
    await refused(() => assignUnassigned(ctx, manager, ['1002', '8001']), 'notClerk') // the manager is not a 负责客服
    await refused(() => assignUnassigned(ctx, manager, ['1009']), 'notClerk') // left
    await refused(() => assignUnassigned(ctx, manager, ['7777']), 'notClerk') // unknown
    await refused(() => reassign(ctx, manager, '1001', ['1001', '1002']), 'sameClerk')
    expect((await getStaffByNo(ctx, '1001'))?.active).toBe(true)
  })
})
