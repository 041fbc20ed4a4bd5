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
import { ensureTaskDays } from '@/db/taskDays'
import { ensureComplaintDays } from '@/db/complaintDays'
import { pauseComplaintClock, resumeComplaintClock } from '@/db/complaintClockWrite'
import { revisitStats } from '@/db/revisitStats'
import { DEFAULT_REVISIT_SETTINGS, newCustomerTask, type RevisitTask } from '@shared/domain/revisit'
import type { DataContext } from '@/db/context'
import { dayOfRow, linesOf } from '@/db/dayRows'
import { BASE_TIME, pc } from './sync/harness'

// The writer's day rows (dayRows.ts: services for 服务统计表, 回访任务 for 回访统计) must equal a rebuild
// from the records after any mix of local writes and other PCs' changes merged out of order, twice,
// and in conflict (two PCs calling the same task).

/** The rows as a comparable value: each day's lines sorted, whether the day is one row or split into
 *  parts (a day split while growing stays split; a rebuild splits only what is big now). */
async function dayRows(ctx: DataContext): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const [name, table] of [
    ['complaints', ctx.db.complaintDays],
    ['services', ctx.db.serviceDays],
    ['due', ctx.db.taskDays],
    ['made', ctx.db.taskMade]
  ] as const)
    for (const row of await table.toArray()) {
      const lines = linesOf(row)
      if (lines.length === 0) continue
      const key = `${name} ${dayOfRow(row.day)}`
      out[key] = [...(out[key] ?? []), ...lines].sort()
    }
  return out
}

/** What a fresh build from the records gives (the built mark removed, the rows rebuilt). */
async function rebuilt(ctx: DataContext): Promise<Record<string, string[]>> {
  const built = (await ctx.db.meta.toArray()).filter((m) =>
    /^(serviceDays|taskDays|complaintDays)\.built\./.test(m.key)
  )
  await ctx.db.meta.bulkDelete(built.map((m) => m.key))
  await ensureServiceDays(ctx.db)
  await ensureTaskDays(ctx.db)
  await ensureComplaintDays(ctx.db)
  return dayRows(ctx)
}

const outbox = async (ctx: DataContext): Promise<Change[]> =>
  (await ctx.db.outbox.toArray()).map(({ seq: _seq, ...e }) => e as Change)

/** customers of a bulk generation: more lines on one day than a row holds before it splits */
const BULK_FIRST = 100
const BULK_SIZE = 300

/** Workflow fields a complaint's steps change (统计报表 files a complaint under each of their days),
 *  written directly so both PCs can change the same complaint at once (field conflicts). */
const STEPS: ((at: number) => Record<string, unknown>)[] = [
  (at) => ({ firstResponseAt: at, status: 'inProgress', department: '家电部' }),
  (at) => ({ resolvedAt: at, status: 'awaitingRevisit' }),
  (at) => ({ revisit: { at, satisfaction: 'unsatisfied', by: '1001', remark: '' } }),
  (at) => ({ closedAt: at, status: 'closed' }),
  () => ({ resolvedAt: null, status: 'inProgress', product: '电饭\t煲\n新款' }),
  (at) => ({ closedAt: at, status: 'rejected', category: 'other' })
]
type Op =
  | { kind: 'consult'; pc: 0 | 1; hours: number; phone: number; outcome: number }
  | { kind: 'convert'; pc: 0 | 1; hours: number; pick: number }
  | { kind: 'complaint'; pc: 0 | 1; hours: number; phone: number }
  | { kind: 'merge'; to: 0 | 1; seed: number; twice: boolean }
  | { kind: 'task'; pc: 0 | 1; hours: number; customer: number }
  | { kind: 'bulk'; pc: 0 | 1; hours: number }
  | { kind: 'attempt'; pc: 0 | 1; hours: number; customer: number; outcome: number }
  | { kind: 'step'; pc: 0 | 1; hours: number; pick: number; step: number }
  | { kind: 'clock'; pc: 0 | 1; hours: number; pick: number; resume: boolean }

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
    kind: fc.constant('task' as const),
    pc: fc.constantFrom(0 as const, 1 as const),
    hours: fc.integer({ min: 0, max: 30 }),
    customer: fc.integer({ min: 0, max: 5 })
  }),
  // a rule switched on over the archive: hundreds of tasks made (and due) on one day, its rows split
  fc.record({
    kind: fc.constant('bulk' as const),
    pc: fc.constantFrom(0 as const, 1 as const),
    hours: fc.integer({ min: 0, max: 30 })
  }),
  fc.record({
    kind: fc.constant('attempt' as const),
    pc: fc.constantFrom(0 as const, 1 as const),
    hours: fc.integer({ min: 0, max: 30 }),
    customer: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: BULK_FIRST, max: BULK_FIRST + 5 })),
    outcome: fc.integer({ min: 0, max: 3 })
  }),
  fc.record({
    kind: fc.constant('step' as const),
    pc: fc.constantFrom(0 as const, 1 as const),
    hours: fc.integer({ min: 0, max: 30 }),
    pick: fc.nat(),
    step: fc.integer({ min: 0, max: STEPS.length - 1 })
  }),
  // 暂停计时 / 恢复计时: the case's pauses are in its line, so the line moves with them
  fc.record({
    kind: fc.constant('clock' as const),
    pc: fc.constantFrom(0 as const, 1 as const),
    hours: fc.integer({ min: 0, max: 30 }),
    pick: fc.nat(),
    resume: fc.boolean()
  }),
  fc.record({
    kind: fc.constant('merge' as const),
    to: fc.constantFrom(0 as const, 1 as const),
    seed: fc.nat(),
    twice: fc.boolean()
  })
)

const ATTEMPTS = [
  { outcome: 'noAnswer' },
  { outcome: 'reached', satisfaction: 'satisfied' },
  { outcome: 'reached', satisfaction: 'unsatisfied' },
  { outcome: 'refused' }
] as const
const SAMPLED = { ...DEFAULT_REVISIT_SETTINGS, newCustomerSamplePercent: 100 }

/** A 新客户回访 task for customer n (the same id on both PCs: they may both make it). */
function customerTask(n: number, at: number): RevisitTask {
  const task = newCustomerTask(
    { id: `cust-${n}`, name: '顾客', phone: `1380013800${n}`, tier: 'regular', assignedClerk: '' },
    at,
    SAMPLED
  )
  if (!task) throw new Error('no task')
  return task
}

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

describe('day rows', () => {
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
          if (o.kind === 'bulk') {
            const tasks = Array.from({ length: BULK_SIZE }, (_, i) =>
              customerTask(BULK_FIRST + i, ctx.time.value)
            )
            const fresh: RevisitTask[] = []
            for (const t of tasks) if (!(await ctx.db.revisitTasks.get(t.id))) fresh.push(t)
            await ctx.writer.transact('1001', async (tx) => {
              if (fresh.length) await tx.createMany('revisitTasks', fresh)
            })
          } else if (o.kind === 'task') {
            const task = customerTask(o.customer, ctx.time.value)
            await ctx.writer.transact('1001', async (tx) => {
              await tx.createIfAbsent('revisitTasks', task)
            })
          } else if (o.kind === 'attempt') {
            const id = customerTask(o.customer, 0).id
            if (!(await ctx.db.revisitTasks.get(id))) continue
            const field = `attempt:${o.pc}-${ctx.time.value}`
            await ctx.writer.transact('1001', async (tx) => {
              await tx.update('revisitTasks', id, {
                [field]: { at: ctx.time.value, staffNo: '1001', ...ATTEMPTS[o.outcome] }
              } as never)
            })
          } else if (o.kind === 'step') {
            // any complaint this PC holds, also one only merged from the other PC
            const ids = (await ctx.db.complaints.toCollection().primaryKeys()).sort()
            if (ids.length === 0) continue
            const id = ids[o.pick % ids.length] as string
            await ctx.writer.transact('1001', async (tx) => {
              await tx.update(
                'complaints',
                id,
                (STEPS[o.step] as (typeof STEPS)[number])(ctx.time.value) as never
              )
            })
          } else if (o.kind === 'clock') {
            const ids = (await ctx.db.complaints.toCollection().primaryKeys()).sort()
            if (ids.length === 0) continue
            const c = await ctx.db.complaints.get(ids[o.pick % ids.length] as string)
            if (!c) continue
            // refusals (already paused, not paused, an ended case) write nothing
            await (
              o.resume
                ? resumeComplaintClock(ctx, c.firstResponder, c.id)
                : pauseComplaintClock(ctx, c.firstResponder, c.id, 'parts')
            ).catch(() => undefined)
          } else if (o.kind === 'consult') {
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
          // 回访统计 from the rows equals 回访统计 from the task records (the rows' mark removed): over
          // everything, and over a short range whose tasks made in it are due after it (generated only).
          const from = Date.parse('2026-11-01T00:00:00+08:00')
          const ranges = [
            [from, ctx.time.value + 40 * 86_400_000],
            [from, BASE_TIME + 2 * 86_400_000]
          ] as const
          const fromRows = []
          for (const [f, t] of ranges) fromRows.push(await revisitStats(ctx, f, t))
          const marks = (await ctx.db.meta.toArray()).filter((m) => m.key.startsWith('taskDays.built.'))
          await ctx.db.meta.bulkDelete(marks.map((m) => m.key))
          for (const [k, [f, t]] of ranges.entries())
            expect(fromRows[k]).toEqual(await revisitStats(ctx, f, t))
          const kept = await dayRows(ctx)
          expect(kept).toEqual(await rebuilt(ctx))
        }
      }),
      { numRuns: 25, seed: 20261206 }
    )
    // 60 s: with 暂停计时 / 恢复计时 the 25 runs take ~13 s alone, over 20 s on a loaded machine
  }, 60_000)

  it('splits a day that outgrows one row into a few parts, each small, and keeps moving lines within them', async () => {
    const a = await pc('pcA', 'A1')
    const tasks = Array.from({ length: BULK_SIZE }, (_, i) => customerTask(BULK_FIRST + i, a.time.value))
    await a.writer.transact('1001', (tx) => tx.createMany('revisitTasks', tasks))
    const made = await a.db.taskMade.toArray()
    const head = made.find((r) => r.split)
    expect(head?.lines).toBe('')
    const parts = made.filter((r) => r.day.startsWith(`${head?.day}#`))
    const chars = parts.reduce((n, r) => n + r.lines.length, 0)
    // as many parts as keep each about half full (a year of reports reads few rows), never 64 small ones
    expect(head?.split).toBe(chars > 64_000 ? 16 : chars > 32_000 ? 8 : 4)
    expect(parts.length).toBeLessThanOrEqual(head?.split as number)
    expect(Math.max(...parts.map((r) => r.lines.length))).toBeLessThan(16_000)
    expect(parts.flatMap(linesOf)).toHaveLength(BULK_SIZE)
    // one more task that day, and a call on one of them: only the parts holding them are rewritten
    const before = new Map(parts.map((r) => [r.day, r.lines]))
    const extra = customerTask(BULK_FIRST + BULK_SIZE, a.time.value)
    await a.writer.transact('1001', (tx) => tx.create('revisitTasks', extra))
    const after = (await a.db.taskMade.toArray()).filter((r) => r.day.startsWith(`${head?.day}#`))
    expect(after.filter((r) => before.get(r.day) !== r.lines)).toHaveLength(1)
    expect(await dayRows(a)).toEqual(await rebuilt(a))
  })

  it('splits a day again into more parts when one outgrows its row; every line kept', async () => {
    const a = await pc('pcA', 'A1')
    const heads: number[] = []
    for (let round = 0; round < 6; round++) {
      const first = BULK_FIRST + round * BULK_SIZE
      const tasks = Array.from({ length: BULK_SIZE }, (_, i) => customerTask(first + i, a.time.value))
      await a.writer.transact('1001', (tx) => tx.createMany('revisitTasks', tasks))
      const made = await a.db.taskMade.toArray()
      heads.push(made.find((r) => r.split)?.split as number)
      expect(Math.max(...made.map((r) => r.lines.length))).toBeLessThanOrEqual(16_000)
      expect(made.flatMap(linesOf)).toHaveLength((round + 1) * BULK_SIZE)
    }
    // the count of parts only grows, and did grow
    expect(heads.every((n, i) => i === 0 || n >= (heads[i - 1] as number))).toBe(true)
    expect(heads.at(-1)).toBeGreaterThan(heads[0] as number)
    // no part of an earlier split is left behind
    const keys = (await a.db.taskMade.toArray()).map((r) => r.day).filter((k) => k.includes('#'))
    expect(keys.every((k) => k.includes(`#${heads.at(-1)}.`))).toBe(true)
    expect(await dayRows(a)).toEqual(await rebuilt(a))
  })

  it('a day split before parts were counted (64 parts, YYYY-MM-DD#07) is still read and written', async () => {
    const a = await pc('pcA', 'A1')
    const tasks = Array.from({ length: BULK_SIZE }, (_, i) => customerTask(BULK_FIRST + i, a.time.value))
    await a.writer.transact('1001', (tx) => tx.createMany('revisitTasks', tasks))
    // the rows as the previous version wrote them: 64 parts by FNV-1a of the line's key
    const made = await a.db.taskMade.toArray()
    const day = made.find((r) => r.split)?.day as string
    const fnv = (key: string) => {
      let h = 0x811c9dc5
      for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
      return h >>> 0
    }
    const legacy = new Map<string, string[]>()
    for (const line of made.flatMap(linesOf)) {
      const key = `${day}#${String(fnv(line.slice(0, line.indexOf('\t'))) % 64).padStart(2, '0')}`
      legacy.set(key, [...(legacy.get(key) ?? []), line])
    }
    await a.db.taskMade.clear()
    await a.db.taskMade.bulkPut([
      { day, lines: '', split: true },
      ...[...legacy].map(([key, lines]) => ({ day: key, lines: lines.join('\n') }))
    ])
    // one more task that day and one removed: each found in the part the old layout put it in
    const extra = customerTask(BULK_FIRST + BULK_SIZE, a.time.value)
    await a.writer.transact('1001', (tx) => tx.create('revisitTasks', extra))
    await a.writer.transact('1001', (tx) => tx.remove('revisitTasks', (tasks[7] as RevisitTask).id))
    const after = await a.db.taskMade.toArray()
    expect(after.find((r) => r.day === day)?.split).toBe(true)
    expect(after.flatMap(linesOf)).toHaveLength(BULK_SIZE)
    expect(after.every((r) => r.day === day || /#\d\d$/.test(r.day))).toBe(true)
    expect(await dayRows(a)).toEqual(await rebuilt(a))
  })

  it('moves a record to its new line when a later write changes its outcome, and drops a tombstone', async () => {
    const a = await pc('pcA', 'A1')
    const c = await registerConsultation(
      a,
      '1001',
      consultationFormSchema.parse({ ...emptyConsultationForm, question: '有货吗', outcome: 'considering' })
    )
    const day = (await a.db.serviceDays.toArray())[0]
    expect(day?.lines).toBe(`consultation:${c.id}\t1001\ta:${c.id}\tconsidering`)
    await convertConsultation(a, '1001', c.id, { orderNo: 'DD1', convertedAt: a.time.value })
    expect((await a.db.serviceDays.toArray())[0]?.lines).toBe(
      `consultation:${c.id}\t1001\ta:${c.id}\tconverted`
    )
    await a.writer.transact('1001', (tx) => tx.remove('consultations', c.id))
    expect(await a.db.serviceDays.count()).toBe(0)
  })
})
