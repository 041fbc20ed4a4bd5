process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { emptyReturnForm, returnFormSchema } from '@shared/domain/returns'
import {
  HandoverRefusedError,
  acknowledgeHandover,
  addHandoverItem,
  addHandoverRemark,
  changeHandoverShift,
  getHandover,
  handoverEvents,
  listHandovers,
  openHandovers,
  saveHandoverNotes,
  setHandoverItemDone,
  startHandover,
  submitHandover
} from '@/db/handovers'
import { applyWorkflow } from '@/db/workflow'
import { getShifts, saveShifts } from '@/db/shifts'
import { registerComplaint } from '@/db/complaints'
import { registerReturn } from '@/db/returns'
import { freshData } from './helpers'

const at = (local: string) => Date.parse(`${local}+08:00`)
const WANG = { staffNo: '1001', name: '王小明' }
const LI = { staffNo: '1002', name: '李四' }
const ZHAO = { staffNo: '1003', name: '赵六' }

const intake = (phone: string, name: string) =>
  complaintIntakeSchema('2026-11-23').parse({
    ...emptyIntakeForm,
    customerPhone: phone,
    customerName: name,
    content: '电饭煲不加热'
  })
const urgent = (text: string, dueAt: number) => ({
  section: 'urgent' as const,
  text,
  customerId: null,
  customerName: '',
  customerPhone: '',
  dueAt
})

async function store() {
  const ctx = await freshData({ time: { value: at('2026-11-23T09:00:00') } })
  const open = await registerComplaint(ctx, '1001', intake('13800138000', '张三'))
  const closed = await registerComplaint(ctx, '1001', intake('13900139000', '李雷'))
  await applyWorkflow(ctx, { staffNo: '1001', role: 'clerk' }, closed.id, {
    type: 'judgeInvalid',
    explanation: '经检查属于人为损坏，不属于质量问题，已向客户说明'
  })
  await registerReturn(
    ctx,
    '1001',
    returnFormSchema.parse({
      ...emptyReturnForm,
      customerPhone: '13700137000',
      customerName: '韩梅梅',
      type: 'exchange',
      reason: '尺码不合适'
    })
  )
  ctx.time.value = at('2026-11-23T16:40:00')
  return { ctx, open, closed }
}

describe('starting a handover', () => {
  it('infers the shift from the clock and pre-fills open complaints and returns in progress', async () => {
    const { ctx, open } = await store()
    const h = await startHandover(ctx, WANG)
    expect(h).toMatchObject({
      shiftName: '白班',
      date: '2026-11-23',
      shiftEnd: at('2026-11-23T17:00:00'),
      status: 'draft',
      outgoingStaffNo: '1001',
      outgoingName: '王小明',
      items: [],
      previousId: null
    })
    expect(h.prefill.complaints.map((c) => c.no)).toEqual([open.no])
    expect(h.prefill.returns.map((r) => r.customerName)).toEqual(['韩梅梅'])
    expect(h.prefill.previous).toBeNull()
  })

  it('opens the clerk’s existing draft instead of starting a second one', async () => {
    const { ctx } = await store()
    const first = await startHandover(ctx, WANG)
    const again = await startHandover(ctx, WANG)
    expect(again.id).toBe(first.id)
    expect(await ctx.db.handovers.count()).toBe(1)
  })

  it('takes another shift when overridden, and shifts are a setting', async () => {
    const { ctx } = await store()
    const h = await startHandover(ctx, WANG)
    await changeHandoverShift(ctx, '1001', h.id, 'night')
    expect(await getHandover(ctx, h.id)).toMatchObject({
      shiftName: '晚班',
      shiftEnd: at('2026-11-24T00:00:00')
    })
    await saveShifts(ctx, '8001', [
      { id: 'a', name: '早班', start: '07:00', end: '15:00' },
      { id: 'b', name: '中班', start: '15:00', end: '23:00' }
    ])
    expect((await getShifts(ctx)).map((s) => s.name)).toEqual(['早班', '中班'])
    const next = await startHandover(ctx, LI)
    expect(next.shiftName).toBe('中班')
    await expect(saveShifts(ctx, '8001', [])).rejects.toThrow()
  })
})

describe('editing, submitting and acknowledging', () => {
  it('lets only the outgoing clerk edit; acknowledgement by someone else locks the note', async () => {
    const { ctx } = await store()
    const h = await startHandover(ctx, WANG)
    await addHandoverItem(ctx, '1001', h.id, urgent('给张三回电话确认退款', at('2026-11-23T18:00:00')))
    await expect(
      addHandoverItem(ctx, '1002', h.id, urgent('别人的事', at('2026-11-23T18:00:00')))
    ).rejects.toThrow(new HandoverRefusedError('notOutgoing'))
    await expect(acknowledgeHandover(ctx, LI, h.id)).rejects.toThrow(new HandoverRefusedError('notSubmitted'))

    await submitHandover(ctx, '1001', h.id)
    // Submitted: what the incoming clerk will acknowledge no longer changes, not even by its author.
    await expect(saveHandoverNotes(ctx, '1001', h.id, '补一句')).rejects.toThrow(
      new HandoverRefusedError('submitted')
    )
    await expect(submitHandover(ctx, '1001', h.id)).rejects.toThrow(new HandoverRefusedError('submitted'))
    await expect(acknowledgeHandover(ctx, WANG, h.id)).rejects.toThrow(
      new HandoverRefusedError('ownHandover')
    )
    ctx.time.value = at('2026-11-23T17:05:00')
    await acknowledgeHandover(ctx, LI, h.id)
    const done = await getHandover(ctx, h.id)
    expect(done).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: at('2026-11-23T17:05:00'),
      incomingStaffNo: '1002',
      incomingName: '李四'
    })

    // Locked: no edit by anyone, no second acknowledgement; remarks are appended instead.
    await expect(saveHandoverNotes(ctx, '1001', h.id, '补一句')).rejects.toThrow(
      new HandoverRefusedError('locked')
    )
    await expect(setHandoverItemDone(ctx, '1001', h.id, done!.items[0]!.id, true)).rejects.toThrow(
      new HandoverRefusedError('locked')
    )
    await expect(acknowledgeHandover(ctx, ZHAO, h.id)).rejects.toThrow(
      new HandoverRefusedError('alreadyAcknowledged')
    )
    await addHandoverRemark(ctx, '1001', h.id, '张三已来电，退款已到账')
    expect((await getHandover(ctx, h.id))?.notes).toBe('')
    expect((await handoverEvents(ctx, h.id)).map((e) => [e.type, e.staffNo])).toEqual([
      ['handoverSubmitted', '1001'],
      ['handoverAcknowledged', '1002'],
      ['handoverRemark', '1001']
    ])
  })

  it('refuses a 5 000-character note and keeps the stored one', async () => {
    const { ctx } = await store()
    const h = await startHandover(ctx, WANG)
    await saveHandoverNotes(ctx, '1001', h.id, '晚上有雨，门口放防滑垫')
    await expect(saveHandoverNotes(ctx, '1001', h.id, '字'.repeat(5000))).rejects.toThrow()
    expect((await getHandover(ctx, h.id))?.notes).toBe('晚上有雨，门口放防滑垫')
  })

  it('freezes the data at submission: a case closed afterwards still shows on the submitted note', async () => {
    const { ctx, open } = await store()
    const h = await startHandover(ctx, WANG)
    await submitHandover(ctx, '1001', h.id)
    await applyWorkflow(ctx, { staffNo: '1001', role: 'clerk' }, open.id, {
      type: 'judgeInvalid',
      explanation: '已与客户当面沟通，客户同意撤回投诉'
    })
    expect((await getHandover(ctx, h.id))?.prefill.complaints.map((c) => c.id)).toEqual([open.id])
  })

  it('writes every change through the outbox (so handovers reach the other PCs)', async () => {
    const { ctx } = await store()
    const before = await ctx.db.outbox.count()
    const h = await startHandover(ctx, WANG)
    await submitHandover(ctx, '1001', h.id)
    const entries = await ctx.db.outbox
      .where('seq')
      .above(0)
      .filter((e) => e.recordId === h.id)
      .toArray()
    expect(
      entries.some((e) => e.table === 'handovers' && e.field === 'status' && e.value === 'submitted')
    ).toBe(true)
    expect(await ctx.db.outbox.count()).toBeGreaterThan(before)
  })
})

describe('carry-over', () => {
  it('carries unfinished items and counts shifts; done items stay; the unacknowledged note is marked', async () => {
    const { ctx, open } = await store()
    const first = await startHandover(ctx, WANG)
    const a = await addHandoverItem(
      ctx,
      '1001',
      first.id,
      urgent('联系供应商补货', at('2026-11-23T20:00:00'))
    )
    const b = await addHandoverItem(ctx, '1001', first.id, {
      section: 'prospects',
      text: '想办会员卡',
      customerId: null,
      customerName: '赵先生',
      customerPhone: '13600136000',
      dueAt: null
    })
    await setHandoverItemDone(ctx, '1001', first.id, b.id, true)
    await submitHandover(ctx, '1001', first.id)
    // not acknowledged: 李四 writes the next note at the end of the 晚班
    ctx.time.value = at('2026-11-23T23:50:00')
    const second = await startHandover(ctx, LI)
    expect(second.previousId).toBe(first.id)
    expect(second.items.map((i) => [i.text, i.carried, i.originId])).toEqual([['联系供应商补货', 1, a.id]])
    expect(second.prefill.previous).toMatchObject({
      id: first.id,
      outgoingName: '王小明',
      acknowledged: false
    })
    expect(second.prefill.complaints.find((c) => c.id === open.id)?.carried).toBe(1)

    await submitHandover(ctx, '1002', second.id)
    await acknowledgeHandover(ctx, ZHAO, second.id)
    ctx.time.value = at('2026-11-24T16:50:00')
    const third = await startHandover(ctx, ZHAO)
    expect(third.items.map((i) => [i.originId, i.carried])).toEqual([[a.id, 2]])
    expect(third.prefill.previous).toBeNull() // the previous one was acknowledged
    expect(third.prefill.complaints.find((c) => c.id === open.id)?.carried).toBe(2)
  })
})

describe('history and 工作台', () => {
  it('filters by date, clerk and shift, newest first; lists notes awaiting acknowledgement', async () => {
    const { ctx } = await store()
    const day = await startHandover(ctx, WANG)
    await submitHandover(ctx, '1001', day.id)
    ctx.time.value = at('2026-11-23T23:30:00')
    const night = await startHandover(ctx, LI)
    await submitHandover(ctx, '1002', night.id)
    await acknowledgeHandover(ctx, ZHAO, night.id)
    ctx.time.value = at('2026-11-24T10:00:00')
    const draft = await startHandover(ctx, ZHAO)

    expect((await listHandovers(ctx)).map((h) => h.id)).toEqual([draft.id, night.id, day.id])
    expect((await listHandovers(ctx, { from: '2026-11-24' })).map((h) => h.id)).toEqual([draft.id])
    expect((await listHandovers(ctx, { to: '2026-11-23' })).map((h) => h.id)).toEqual([night.id, day.id])
    expect((await listHandovers(ctx, { staffNo: '1003' })).map((h) => h.id)).toEqual([draft.id, night.id])
    expect((await listHandovers(ctx, { shiftId: 'night' })).map((h) => h.id)).toEqual([night.id])
    expect((await openHandovers(ctx)).map((h) => [h.id, h.status])).toEqual([
      [draft.id, 'draft'],
      [day.id, 'submitted']
    ])
  })
})
