process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Change } from '@shared/sync/change'
import { consultationFormSchema, emptyConsultationForm } from '@shared/domain/counter/consultation'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { convertConsultation, registerConsultation } from '@/db/consultations'
import { registerComplaint } from '@/db/complaints'
import { ensureServiceDays } from '@/db/serviceDays'
import type { DataContext } from '@/db/context'
import { pc } from './sync/harness'

// The writer's per-day service rows (serviceDays.ts) must equal a rebuild from the records after any
// mix of local writes and other PCs' changes merged out of order, twice, and in conflict.

/** The rows as a comparable value: days with their lines sorted. */
async function dayRows(ctx: DataContext): Promise<Record<string, string[]>> {
  const rows = await ctx.db.serviceDays.toArray()
  return Object.fromEntries(rows.map((r) => [r.day, r.lines.split('\n').sort()]))
}

/** What a fresh build from the records gives (the built mark removed, the rows rebuilt). */
async function rebuilt(ctx: DataContext): Promise<Record<string, string[]>> {
  const built = (await ctx.db.meta.toArray()).filter((m) => m.key.startsWith('serviceDays.built.'))
  await ctx.db.meta.bulkDelete(built.map((m) => m.key))
  await ensureServiceDays(ctx.db)
  return dayRows(ctx)
}

const outbox = async (ctx: DataContext): Promise<Change[]> =>
  (await ctx.db.outbox.toArray()).map(({ seq: _seq, ...e }) => e as Change)

type Op =
  | { kind: 'consult'; pc: 0 | 1; hours: number; phone: number; outcome: number }
  | { kind: 'convert'; pc: 0 | 1; hours: number; pick: number }
  | { kind: 'complaint'; pc: 0 | 1; hours: number; phone: number }
  | { kind: 'merge'; to: 0 | 1; seed: number; twice: boolean }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('consult' as const),
    pc: fc.constantFrom(0 as const, 1 as const),
    hours: fc.integer({ min: 0, max: 30 }),
    phone: fc.integer({ min: 0, max: 4 }),
    outcome: fc.integer({ min: 0, max: 4 })
  }),
  fc.record({
    kind: fc.constant('convert' as const),
    pc: fc.constantFrom(0 as const, 1 as const),
    hours: fc.integer({ min: 0, max: 30 }),
    pick: fc.nat()
  }),
  fc.record({
    kind: fc.constant('complaint' as const),
    pc: fc.constantFrom(0 as const, 1 as const),
    hours: fc.integer({ min: 0, max: 30 }),
    phone: fc.integer({ min: 0, max: 4 })
  }),
  fc.record({
    kind: fc.constant('merge' as const),
    to: fc.constantFrom(0 as const, 1 as const),
    seed: fc.nat(),
    twice: fc.boolean()
  })
)

const PHONES = ['13800138001', '13800138002', '13800138003', '13800138004', '']
const OUTCOMES = ['converted', 'booked', 'considering', 'notConverted', ''] as const

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs]
  let s = seed || 1
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

describe('service day rows', () => {
  it('equal a rebuild from the records after random local writes and out-of-order, repeated remote merges', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        run++
        const pcs = [await pc(`pcA${run}`, 'A1'), await pc(`pcB${run}`, 'B1', 3_600_000)]
        const open: string[][] = [[], []]
        for (const o of ops) {
          if (o.kind === 'merge') {
            const from = pcs[1 - o.to] as DataContext
            const changes = shuffled(await outbox(from), o.seed)
            const to = pcs[o.to] as DataContext
            // out of order, in two batches: an edit may come before its record's creation
            const half = Math.floor(changes.length / 2)
            await to.writer.applyRemote(changes.slice(half))
            await to.writer.applyRemote(changes.slice(0, half))
            if (o.twice) await to.writer.applyRemote(changes)
            continue
          }
          const ctx = pcs[o.pc] as (typeof pcs)[number]
          ctx.time.value += o.hours * 3_600_000
          if (o.kind === 'consult') {
            const outcome = OUTCOMES[o.outcome] as (typeof OUTCOMES)[number]
            const c = await registerConsultation(
              ctx,
              o.pc ? '1002' : '1001',
              consultationFormSchema.parse({
                ...emptyConsultationForm,
                question: '有货吗',
                customerPhone: PHONES[o.phone],
                outcome,
                orderNo: outcome === 'converted' ? 'DD1' : ''
              })
            )
            if (outcome === 'considering' || outcome === 'booked') open[o.pc]?.push(c.id)
          } else if (o.kind === 'convert') {
            const list = open[o.pc] as string[]
            if (list.length === 0) continue
            const [id] = list.splice(o.pick % list.length, 1) as [string]
            await convertConsultation(ctx, '1003', id, { orderNo: 'DD2', convertedAt: ctx.time.value })
          } else {
            await registerComplaint(
              ctx,
              o.pc ? '1002' : '1001',
              complaintIntakeSchema('2027-12-31').parse({
                ...emptyIntakeForm,
                customerPhone: PHONES[o.phone] || '13800138009',
                customerName: '顾客',
                content: '内容'
              })
            )
          }
        }
        for (const ctx of pcs) {
          const kept = await dayRows(ctx)
          expect(kept).toEqual(await rebuilt(ctx))
        }
      }),
      { numRuns: 25, seed: 20261206 }
    )
  })

  it('moves a record to its new line when a later write changes its outcome, and drops a tombstone', async () => {
    const a = await pc('pcA', 'A1')
    const c = await registerConsultation(
      a,
      '1001',
      consultationFormSchema.parse({ ...emptyConsultationForm, question: '有货吗', outcome: 'considering' })
    )
    const day = (await a.db.serviceDays.toArray())[0]
    expect(day?.lines).toBe(`consultation\t${c.id}\t1001\ta:${c.id}\tconsidering`)
    await convertConsultation(a, '1001', c.id, { orderNo: 'DD1', convertedAt: a.time.value })
    expect((await a.db.serviceDays.toArray())[0]?.lines).toBe(
      `consultation\t${c.id}\t1001\ta:${c.id}\tconverted`
    )
    await a.writer.transact('1001', (tx) => tx.remove('consultations', c.id))
    expect(await a.db.serviceDays.count()).toBe(0)
  })
})
