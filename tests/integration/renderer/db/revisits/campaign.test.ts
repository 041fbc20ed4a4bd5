process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { campaignId, taskId, type CampaignForm } from '@shared/domain/revisit'
import { createCustomer } from '@/db/customers'
import { setNoRevisit } from '@/db/revisitAttempts'
import { countCampaignCustomers, createRevisitCampaign, listRevisitCampaigns } from '@/db/revisitCampaigns'
import { getRevisitCall, listRevisitQueue } from '@/db/revisitQueue'
import { revisitStats, revisitStatsTasks } from '@/db/revisitStats'
import { syncOnce } from '@/db/sync/syncOnce'
import type { DataContext } from '@/db/context'
import { freshData } from '../helpers'
import { createRealShare, type RealShare } from '../sync/realShare'
import { pc, syncedState } from '../sync/harness'
import { clerk, manager, profile } from './fixtures'

const form = (over: Partial<CampaignForm> = {}): CampaignForm => ({
  name: '春节问候',
  criteria: { tiers: ['key'], tag: '', clerk: '' },
  scriptFrom: 'campaign',
  start: '2026-11-23',
  end: '2026-11-30',
  ...over
})

async function customers(ctx: DataContext) {
  const k1 = await createCustomer(
    ctx,
    '1002',
    profile({ name: '甲', phones: [{ value: '13700000001' }], tier: 'key' })
  )
  const k2 = await createCustomer(
    ctx,
    '1002',
    profile({ name: '乙', phones: [{ value: '13700000002' }], tier: 'key' })
  )
  const v = await createCustomer(
    ctx,
    '1002',
    profile({ name: '丙', phones: [{ value: '13700000003' }], tier: 'vip' })
  )
  return { k1, k2, v }
}

async function campaignTasks(ctx: DataContext) {
  return (await ctx.db.revisitTasks.toArray()).filter((t) => t.rule === 'campaign')
}

let shares: RealShare[] = []
afterEach(async () => {
  for (const s of shares) await s.dispose()
  shares = []
})

describe('专项回访 (campaign)', () => {
  it('a manager creates one task per picked customer, ids campaign:<id>:<customer>; again → no duplicate', async () => {
    const ctx = await freshData()
    const { k1, k2 } = await customers(ctx)
    expect(await countCampaignCustomers(ctx, form().criteria)).toEqual({ matching: 2, eligible: 2 })
    const progress: number[] = []
    const r = await createRevisitCampaign(ctx, manager, form(), (p) => progress.push(p.done))
    const id = campaignId('春节问候', '2026-11-23')
    expect(r).toEqual({ id, made: 2, total: 2 })
    expect(progress).toEqual([2])
    const tasks = await campaignTasks(ctx)
    expect(tasks.map((t) => t.id).sort()).toEqual(
      [taskId('campaign', id, k1.id), taskId('campaign', id, k2.id)].sort()
    )
    expect(tasks[0]).toMatchObject({
      campaign: { name: '春节问候', scriptRule: 'campaign' },
      _status: 'open'
    })
    expect(await listRevisitCampaigns(ctx)).toHaveLength(1)
    // created again (a double click, a re-run): nothing new
    expect(await createRevisitCampaign(ctx, manager, form())).toEqual({ id, made: 0, total: 2 })
    expect(await campaignTasks(ctx)).toHaveLength(2)
    // another campaign, for the VIP; the queue's 专项回访 filter and the statistics per rule see them
    const other = await createRevisitCampaign(
      ctx,
      manager,
      form({ name: '会员日', criteria: { tiers: ['vip'], tag: '', clerk: '' } })
    )
    expect(other.made).toBe(1)
    expect(await listRevisitQueue(ctx, { rule: 'campaign' })).toHaveLength(3)
    const [from, to] = [new Date(2026, 10, 23).getTime(), new Date(2026, 11, 1).getTime() - 1]
    const stats = await revisitStats(ctx, from, to)
    expect(stats.byRule.find((r) => r.rule === 'campaign')?.row.counts.due).toBe(3)
    expect(stats.byCampaign.map((c) => [c.id, c.name, c.row.counts.due]).sort()).toEqual(
      [
        [id, '春节问候', 2],
        [other.id, '会员日', 1]
      ].sort()
    )
    const drill = await revisitStatsTasks(ctx, from, to, { campaign: id })
    expect(drill.map((t) => t.task.customerId).sort()).toEqual([k1.id, k2.id].sort())
  })

  it('thousands of 大客户: tasks made in batches with progress, one per customer', async () => {
    const ctx = await freshData()
    const n = 1_234
    const records = Array.from({ length: n }, (_, i) => ({
      id: `key-${String(i).padStart(4, '0')}`,
      ...profile({ name: `客户${i}`, phones: [{ value: `139${String(i).padStart(8, '0')}` }], tier: 'key' })
    }))
    await ctx.writer.transact('9001', (tx) => tx.createMany('customers', records))
    const progress: number[] = []
    const r = await createRevisitCampaign(ctx, manager, form(), (p) => progress.push(p.done))
    expect(r.made).toBe(n)
    expect(progress).toEqual([500, 1000, n])
    expect(await campaignTasks(ctx)).toHaveLength(n)
  })

  it('customers marked 不再回访 get no task', async () => {
    const ctx = await freshData()
    const { k1, k2 } = await customers(ctx)
    await setNoRevisit(ctx, clerk, k1.id, true)
    expect(await countCampaignCustomers(ctx, form().criteria)).toEqual({ matching: 2, eligible: 1 })
    await createRevisitCampaign(ctx, manager, form())
    expect((await campaignTasks(ctx)).map((t) => t.customerId)).toEqual([k2.id])
  })

  it('a clerk is refused and nothing is written', async () => {
    const ctx = await freshData()
    await customers(ctx)
    const before = await ctx.db.outbox.count()
    await expect(createRevisitCampaign(ctx, clerk, form())).rejects.toThrow('revisit.campaign.managerOnly')
    expect(await campaignTasks(ctx)).toEqual([])
    expect(await listRevisitCampaigns(ctx)).toEqual([])
    expect(await ctx.db.outbox.count()).toBe(before)
  })

  it('bad input is refused before anything is written: window ending before it starts, empty name, no customer', async () => {
    const ctx = await freshData()
    await customers(ctx)
    await expect(createRevisitCampaign(ctx, manager, form({ end: '2026-11-22' }))).rejects.toMatchObject({
      issues: [{ path: 'end', message: 'revisit.windowEndsBeforeStart' }]
    })
    await expect(createRevisitCampaign(ctx, manager, form({ name: '  ' }))).rejects.toMatchObject({
      issues: [{ path: 'name', message: 'validation.required' }]
    })
    await expect(
      createRevisitCampaign(ctx, manager, form({ criteria: { tiers: [], tag: '没人有的标签', clerk: '' } }))
    ).rejects.toMatchObject({ issues: [{ path: 'criteria', message: 'revisit.campaign.noCustomers' }] })
    expect(await campaignTasks(ctx)).toEqual([])
    expect(await listRevisitCampaigns(ctx)).toEqual([])
  })

  it('its own script is the one the call shows', async () => {
    const ctx = await freshData()
    const { k1 } = await customers(ctx)
    const own = {
      opening: '{客户姓名}您好，春节快乐！',
      question: '请问您对我们满意吗？',
      satisfied: { ask: '谢谢！有什么建议吗？', closing: '祝您新年快乐！' },
      other: { ask: '哪方面需要改进？', closing: '我们会改进，谢谢！' }
    }
    const { id } = await createRevisitCampaign(ctx, manager, form({ scriptFrom: 'own', script: own }))
    const call = await getRevisitCall(ctx, taskId('campaign', id, k1.id))
    expect(call?.script).toMatchObject({ version: 1, opening: '{客户姓名}您好，春节快乐！' })
  })

  it('the same campaign created on two PCs: one task per customer after sync', async () => {
    const share = await createRealShare()
    shares.push(share)
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const { k1, k2 } = await customers(a)
    await syncOnce(a, share)
    await syncOnce(b, share)
    expect((await createRevisitCampaign(a, manager, form())).made).toBe(2)
    expect((await createRevisitCampaign(b, { staffNo: '9002', role: 'manager' }, form())).made).toBe(2)
    for (let i = 0; i < 2; i++) {
      await syncOnce(a, share)
      await syncOnce(b, share)
    }
    for (const ctx of [a, b]) {
      const tasks = await campaignTasks(ctx)
      expect(tasks.map((t) => t.customerId).sort()).toEqual([k1.id, k2.id].sort())
      expect(await listRevisitCampaigns(ctx)).toHaveLength(1)
    }
    expect(await syncedState(a)).toEqual(await syncedState(b))
  })
})
