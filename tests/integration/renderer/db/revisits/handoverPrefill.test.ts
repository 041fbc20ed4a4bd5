process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCustomer } from '@/db/customers'
import { startHandover, submitHandover } from '@/db/handovers'
import { recordRevisitAttempt } from '@/db/revisitAttempts'
import { revisitTasksOfComplaint, revisitTasksOfCustomer } from '@/db/revisitQueue'
import { getRevisitSettings, saveRevisitSettings } from '@/db/revisitSettings'
import { freshData } from '../helpers'
import { acceptedComplaint, clerk, profile } from './fixtures'

// Issue 14 point 4: the handover pre-fill lists the 回访任务 (every rule) due today or overdue, read
// through the data layer, in place of the complaint-only follow-up list.

const at = (local: string) => Date.parse(`${local}+08:00`)
const WANG = { staffNo: '1001', name: '王小明' }

async function store() {
  const ctx = await freshData({ time: { value: at('2026-11-20T10:00:00') } })
  const s = await getRevisitSettings(ctx)
  // 新客户回访 samples random ids: off, so the set of tasks is known.
  await saveRevisitSettings(ctx, '9001', {
    ...s,
    rules: { ...s.rules, newCustomer: { ...s.rules.newCustomer, enabled: false } }
  })
  const early = await acceptedComplaint(ctx, 'apology', '13800138000') // due 11-23 10:00
  ctx.time.value = at('2026-11-21T10:00:00')
  const later = await acceptedComplaint(ctx, 'apology', '13800138001') // due 11-24 10:00
  const key = await createCustomer(
    ctx,
    '1002',
    profile({ name: '钱七', phones: [{ value: '13600136000' }], tier: 'key' })
  )
  const called = await createCustomer(
    ctx,
    '1002',
    profile({ name: '孙八', phones: [{ value: '13600136001' }], tier: 'key' })
  )
  const taskOf = async (p: Promise<{ task: { id: string } }[]>) => (await p)[0]!.task.id
  const ids = {
    early: await taskOf(revisitTasksOfComplaint(ctx, early.id)),
    later: await taskOf(revisitTasksOfComplaint(ctx, later.id)),
    key: await taskOf(revisitTasksOfCustomer(ctx, key.id)),
    called: await taskOf(revisitTasksOfCustomer(ctx, called.id))
  }
  // 孙八 answered: the task is done and no longer listed.
  await recordRevisitAttempt(ctx, clerk, ids.called, { outcome: 'reached', satisfaction: 'satisfied' })
  return { ctx, early, later, ids }
}

describe('handover pre-fill: 回访任务 due today or overdue', () => {
  it('lists open tasks due by the end of today or past, not upcoming or ended ones, with why and attempts', async () => {
    const { ctx, early, ids } = await store()
    // 11-23 16:40: the first complaint's task is overdue (a call unanswered), the second is due tomorrow,
    // the key accounts' period ends on the 26th.
    ctx.time.value = at('2026-11-23T09:30:00')
    await recordRevisitAttempt(ctx, clerk, ids.early, { outcome: 'noAnswer' })
    ctx.time.value = at('2026-11-23T16:40:00')
    const h = await startHandover(ctx, WANG)
    expect(h.prefill.revisits).toEqual([
      {
        id: ids.early,
        rule: 'complaint',
        sourceNo: early.no,
        complaintId: early.id,
        customerName: '张三',
        customerPhone: '13800138000',
        dueAt: at('2026-11-23T10:00:00'),
        attempts: 1,
        overdue: true,
        carried: 0
      }
    ])
    // everything else the pre-fill does is kept: both complaints in 待回访 are open complaints
    expect(h.prefill.complaints.map((c) => c.status)).toEqual(['awaitingRevisit', 'awaitingRevisit'])
  })

  it('on the key accounts’ last day: their open task joins, the called one stays out; carried by task', async () => {
    const { ctx, ids } = await store()
    ctx.time.value = at('2026-11-23T16:40:00')
    const first = await startHandover(ctx, WANG)
    await submitHandover(ctx, WANG.staffNo, first.id)
    ctx.time.value = at('2026-11-26T16:40:00')
    const h = await startHandover(ctx, WANG)
    expect(h.prefill.revisits.map((r) => [r.id, r.rule, r.overdue, r.carried])).toEqual([
      [ids.early, 'complaint', true, 1],
      [ids.later, 'complaint', true, 0],
      [ids.key, 'keyAccount', false, 0]
    ])
    expect(h.prefill.revisits[2]).toMatchObject({ customerName: '钱七', sourceNo: '', complaintId: null })
    expect(h.prefill.revisits.map((r) => r.id)).not.toContain(ids.called)
  })
})
