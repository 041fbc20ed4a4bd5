process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { applyWorkflow } from '@/db/workflow'
import { getComplaint, getTimeline } from '@/db/complaints'
import { createCustomer, getCustomer } from '@/db/customers'
import { recordRevisitAttempt, RevisitRefusedError, setNoRevisit } from '@/db/revisitAttempts'
import {
  getRevisitCall,
  listRevisitQueue,
  revisitQueueCounts,
  revisitTasksOfComplaint,
  revisitTasksOfCustomer
} from '@/db/revisitQueue'
import { getRevisitSettings, saveRevisitSettings } from '@/db/revisitSettings'
import { freshData } from '../helpers'
import { acceptedComplaint, clerk, manager, profile } from './fixtures'

const H = 3_600_000
const DAY = 24 * H

async function complaintTask(ctx: Awaited<ReturnType<typeof freshData>>) {
  const c = await acceptedComplaint(ctx)
  const [task] = await revisitTasksOfComplaint(ctx, c.id)
  return { c, id: task!.task.id }
}

describe('complaint 登记回访 ↔ its task are one thing', () => {
  it('登记回访 on the complaint page completes the task (one attempt, via the complaint)', async () => {
    const ctx = await freshData()
    const { c, id } = await complaintTask(ctx)
    await applyWorkflow(ctx, clerk, c.id, {
      type: 'recordRevisit',
      satisfaction: 'satisfied',
      notes: '',
      reopen: false
    })
    const [t] = await revisitTasksOfComplaint(ctx, c.id)
    expect(t?.task.id).toBe(id)
    expect(t?.state.status).toBe('done')
    expect(t?.attempts).toMatchObject([
      { outcome: 'reached', satisfaction: 'satisfied', viaComplaint: true, staffNo: '1002' }
    ])
    expect(await listRevisitQueue(ctx)).toEqual([])
  })

  it('已接通 in the call records the complaint’s 登记回访 through its workflow (ready to close)', async () => {
    const ctx = await freshData()
    const { c, id } = await complaintTask(ctx)
    const state = await recordRevisitAttempt(ctx, clerk, id, {
      outcome: 'reached',
      satisfaction: 'neutral',
      aspects: ['service'],
      note: '等待时间长'
    })
    expect(state.status).toBe('done')
    const after = await getComplaint(ctx, c.id)
    expect(after?.revisit).toMatchObject({ satisfaction: 'neutral', notes: '等待时间长', by: '1002' })
    expect((await getTimeline(ctx, c.id)).map((e) => e.type)).toContain('revisitRecorded')
    // the complaint can be closed as always
    await applyWorkflow(ctx, clerk, c.id, { type: 'closeCase', feedbackDepartments: ['售后服务部'] })
    // and a second call on the ended task is refused, nothing written
    const outbox = await ctx.db.outbox.count()
    await expect(recordRevisitAttempt(ctx, clerk, id, { outcome: 'noAnswer' })).rejects.toThrow(
      'revisit.taskEnded'
    )
    expect(await ctx.db.outbox.count()).toBe(outbox)
  })

  it('不满意 with reopen goes through the complaint workflow (reopened); resolving again makes a new task', async () => {
    const ctx = await freshData()
    const { c, id } = await complaintTask(ctx)
    await recordRevisitAttempt(ctx, clerk, id, {
      outcome: 'reached',
      satisfaction: 'unsatisfied',
      note: '还是不加热',
      reopen: true
    })
    const reopened = await getComplaint(ctx, c.id)
    expect(reopened).toMatchObject({ status: 'inProgress', reopenCount: 1, revisit: null })
    ctx.time.value += DAY
    await applyWorkflow(ctx, clerk, c.id, {
      type: 'proposePlan',
      resolution: 'exchange',
      amount: null,
      text: '换新'
    })
    await applyWorkflow(ctx, { staffNo: '2001', role: 'shiftLeader' }, c.id, {
      type: 'approvePlan',
      note: ''
    })
    await applyWorkflow(ctx, clerk, c.id, { type: 'recordResult', text: '已换新', accepted: true })
    const tasks = await revisitTasksOfComplaint(ctx, c.id)
    expect(tasks.map((t) => t.state.status)).toEqual(['open', 'done'])
  })
})

describe('outcomes', () => {
  it('未接通 comes back after 2 h moved out of quiet hours; the 3rd ends it as 无法联系', async () => {
    const ctx = await freshData() // 2026-11-22 10:00 +08:00
    const { id } = await complaintTask(ctx)
    ctx.time.value = Date.parse('2026-11-22T11:00:00+08:00')
    await recordRevisitAttempt(ctx, clerk, id, { outcome: 'noAnswer' })
    const [row] = await listRevisitQueue(ctx)
    expect(row?.state.attempts).toBe(1)
    expect(row?.callableAt).toBe(Date.parse('2026-11-22T14:00:00+08:00')) // 13:00 is quiet
    ctx.time.value = Date.parse('2026-11-22T14:05:00+08:00')
    await recordRevisitAttempt(ctx, clerk, id, { outcome: 'noAnswer' })
    ctx.time.value = Date.parse('2026-11-22T16:10:00+08:00')
    const state = await recordRevisitAttempt(ctx, clerk, id, { outcome: 'noAnswer' })
    expect(state).toMatchObject({ status: 'unreachable', attempts: 3 })
    expect(await listRevisitQueue(ctx)).toEqual([])
  })

  it('改约 moves the call to the customer’s time; 号码错误 ends it unreachable', async () => {
    const ctx = await freshData()
    const { id } = await complaintTask(ctx)
    const at = Date.parse('2026-11-23T19:30:00+08:00')
    await recordRevisitAttempt(ctx, clerk, id, { outcome: 'rebooked', rebookAt: at })
    expect((await getRevisitCall(ctx, id))?.callableAt).toBe(at)
    expect((await recordRevisitAttempt(ctx, clerk, id, { outcome: 'wrongNumber' })).status).toBe(
      'unreachable'
    )
  })

  it('bad input is refused with the field named and nothing written', async () => {
    const ctx = await freshData()
    const { id } = await complaintTask(ctx)
    const outbox = await ctx.db.outbox.count()
    const refusal = (input: Parameters<typeof recordRevisitAttempt>[3]) =>
      recordRevisitAttempt(ctx, clerk, id, input).then(
        () => null,
        (e: RevisitRefusedError) => [e.message, e.path]
      )
    expect(await refusal({ outcome: 'reached' })).toEqual(['revisit.needSatisfaction', 'satisfaction'])
    expect(await refusal({ outcome: 'rebooked', rebookAt: ctx.time.value - 1 })).toEqual([
      'revisit.rebookPast',
      'rebookAt'
    ])
    expect(await refusal({ outcome: 'rebooked', rebookAt: ctx.time.value + 91 * DAY })).toEqual([
      'revisit.rebookTooFar',
      'rebookAt'
    ])
    expect(await refusal({ outcome: 'noAnswer', note: 'x'.repeat(2001) })).toEqual([
      'validation.tooLong',
      'note'
    ])
    expect(await ctx.db.outbox.count()).toBe(outbox)
  })

  it('拒绝回访 with 不再回访 stops generation for the customer; only a manager may clear it', async () => {
    const ctx = await freshData()
    const s = await getRevisitSettings(ctx)
    await saveRevisitSettings(ctx, '9001', { ...s, newCustomerSamplePercent: 100 })
    const c = await createCustomer(ctx, '1002', profile())
    const [task] = await revisitTasksOfCustomer(ctx, c.id)
    await recordRevisitAttempt(ctx, clerk, task!.task.id, { outcome: 'refused', doNotContact: true })
    expect((await getCustomer(ctx, c.id))?.noRevisit).toMatchObject({ by: '1002' })
    // a complaint of that customer, accepted: no 投诉回访
    const complaint = await acceptedComplaint(ctx, 'apology', '13700137000')
    expect(complaint.customerId).toBe(c.id)
    expect(await revisitTasksOfComplaint(ctx, complaint.id)).toEqual([])
    await expect(setNoRevisit(ctx, clerk, c.id, false)).rejects.toThrow('revisit.clearNeedsManager')
    await setNoRevisit(ctx, manager, c.id, false)
    expect((await getCustomer(ctx, c.id))?.noRevisit).toBeNull()
  })

  it('工作台 counts: overdue and due today, all or mine', async () => {
    const ctx = await freshData()
    await acceptedComplaint(ctx)
    expect(await revisitQueueCounts(ctx)).toEqual({ overdue: 0, today: 0 })
    ctx.time.value += 3 * DAY - H // the due day
    expect(await revisitQueueCounts(ctx)).toEqual({ overdue: 0, today: 1 })
    ctx.time.value += 2 * H
    expect(await revisitQueueCounts(ctx)).toEqual({ overdue: 1, today: 0 })
    expect(await revisitQueueCounts(ctx, '7777')).toEqual({ overdue: 0, today: 0 })
  })
})
