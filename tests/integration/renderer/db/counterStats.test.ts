process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  consultationFormSchema,
  emptyConsultationForm,
  CONSULT_OUTCOMES
} from '@shared/domain/counter/consultation'
import { customerKey, serviceStats, type ServiceFact } from '@shared/domain/counter/serviceStats'
import { periodRange, type Period } from '@shared/domain/counter/week'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { emptyReturnForm, returnFormSchema } from '@shared/domain/returns'
import { convertConsultation, registerConsultation } from '@/db/consultations'
import { registerComplaint } from '@/db/complaints'
import { registerReturn } from '@/db/returns'
import { getServiceStats } from '@/db/counterStats'
import type { DataContext } from '@/db/context'
import { freshData } from './helpers'

/** mulberry32: the same "random" writes on every run. */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every service recounted from the full records, without any index: the reference. */
async function recount(ctx: DataContext): Promise<ServiceFact[]> {
  const [consultations, complaints, returns] = await Promise.all([
    ctx.db.consultations.toArray(),
    ctx.db.complaints.toArray(),
    ctx.db.returns.toArray()
  ])
  return [
    ...consultations.map((c): ServiceFact => ({
      kind: 'consultation',
      staffNo: c.staffNo,
      at: c.createdAt,
      customer: customerKey(c),
      outcome: c.outcome
    })),
    ...complaints.map((c): ServiceFact => ({
      kind: 'complaint',
      staffNo: c.firstResponder,
      at: c.receivedAt,
      customer: customerKey(c)
    })),
    ...returns.map((r): ServiceFact => ({
      kind: 'return',
      staffNo: r._created.staffNo,
      at: r.createdAt,
      customer: customerKey(r)
    }))
  ]
}

describe('服务统计表 from the index', () => {
  it('equals a full recount after random writes, for every day, week and month', async () => {
    const start = Date.parse('2026-11-26T09:00:00+08:00') // a Thursday: the weeks and months overlap
    const ctx = await freshData({ time: { value: start } })
    const random = rng(15)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T
    const clerks = ['1001', '1002', '1003']
    const phones = ['13800138001', '13800138002', '13800138003', '13800138004', '']
    const open: string[] = []
    for (let i = 0; i < 160; i++) {
      ctx.time.value += Math.floor(random() * 3 * 3_600_000) // up to 3 h later: about 10 days in all
      const clerk = pick(clerks)
      const r = random()
      if (r < 0.6) {
        const outcome = pick([...CONSULT_OUTCOMES, ''] as const)
        const c = await registerConsultation(
          ctx,
          clerk,
          consultationFormSchema.parse({
            ...emptyConsultationForm,
            question: `问题${i}`,
            customerPhone: pick(phones),
            outcome,
            orderNo: outcome === 'converted' ? `DD${i}` : ''
          })
        )
        if (outcome === 'considering' || outcome === 'booked') open.push(c.id)
      } else if (r < 0.75 && open.length) {
        // a later conversion: changes an older record's outcome (and its index key)
        const id = open.splice(Math.floor(random() * open.length), 1)[0] as string
        await convertConsultation(ctx, clerk, id, { orderNo: `DD${i}`, convertedAt: ctx.time.value })
      } else if (r < 0.9) {
        const phone = pick(phones.slice(0, 4))
        await registerComplaint(
          ctx,
          clerk,
          complaintIntakeSchema('2026-12-31').parse({
            ...emptyIntakeForm,
            customerPhone: phone,
            customerName: '顾客',
            content: '内容'
          })
        )
      } else {
        await registerReturn(
          ctx,
          clerk,
          returnFormSchema.parse({
            ...emptyReturnForm,
            customerPhone: pick(phones.slice(0, 4)),
            customerName: '顾客',
            type: 'exchange',
            reason: '尺码不合适'
          })
        )
      }
    }
    const facts = await recount(ctx)
    expect(facts.length).toBeGreaterThan(120)
    let compared = 0
    for (let t = start; t <= ctx.time.value; t += 86_400_000)
      for (const kind of ['day', 'week', 'month'] as Period[]) {
        const range = periodRange(kind, t)
        const expected = serviceStats(facts, range)
        expect(await getServiceStats(ctx, range)).toEqual(expected)
        compared += expected.rows.length
      }
    expect(compared).toBeGreaterThan(30)
  })
})
