process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { buildComplaint } from '@shared/domain/complaint'
import { consultationFormSchema, emptyConsultationForm } from '@shared/domain/counter/consultation'
import { registerConsultation } from '@/db/consultations'
import { readSourceRows, reportSource } from '@/db/reports'
import { readReportRows } from '@/db/reportRows'
import { freshData } from './helpers'
import { intake } from './sync/harness'

// The reports worker reads a report's day rows over its own read-only connection (reportRows.ts): it
// must read exactly what the UI thread reads for the same report, split days included, and never
// create or upgrade a database.

const at = (s: string) => Date.parse(`${s}+08:00`)
const DAY = 86_400_000

describe('report rows read by the worker', () => {
  it('equal the rows read on the UI thread, split days and several days per complaint included', async () => {
    const ctx = await freshData({ time: { value: at('2026-11-01T08:00:00') } })
    // 280 complaints on the period's last day (its rows split into parts), more over six weeks, some answered later
    for (let i = 0; i < 340; i++) {
      const receivedAt =
        i < 280 ? at('2026-11-30T09:00:00') + i * 60_000 : at('2026-10-01T10:00:00') + (i * DAY) / 6
      const c = buildComplaint(intake({ customerPhone: `138001${String(i).padStart(5, '0')}` }), {
        id: `c${i}`,
        no: `TS-${i}`,
        customerId: `cust-${i % 40}`,
        receivedAt,
        firstResponder: '1001'
      })
      const answered =
        i % 3 === 0 ? { firstResponseAt: receivedAt + 2 * DAY, status: 'inProgress' as const } : {}
      await ctx.writer.transact('1001', (tx) => tx.create('complaints', { ...c, ...answered }))
    }
    for (let i = 0; i < 12; i++) {
      ctx.time.value = at('2026-11-01T08:00:00') + i * DAY
      await registerConsultation(
        ctx,
        '1001',
        consultationFormSchema.parse({
          ...emptyConsultationForm,
          question: `问题 ${i}`,
          customerPhone: `1390013${String(i).padStart(4, '0')}`,
          outcome: 'converted',
          orderNo: 'DD1'
        })
      )
    }
    ctx.time.value = at('2026-12-05T12:00:00')
    const source = await reportSource(ctx, {
      start: at('2026-11-01T00:00:00'),
      end: at('2026-12-01T00:00:00')
    })
    const onUiThread = await readSourceRows(ctx, source)
    const inWorker = await readReportRows(indexedDB, source.spec)
    expect(inWorker).toEqual({
      complaintRows: onUiThread.complaintRows,
      serviceRows: onUiThread.serviceRows,
      taskRows: onUiThread.taskRows
    })
    // the split day is there in parts, and the look-back's rows too
    expect(inWorker.complaintRows).toContain('') // a split day's head
    expect(inWorker.complaintRows.length).toBeGreaterThan(10)
    expect(inWorker.complaintRows.join('\n')).toContain('c339\t')
    const consultations = inWorker.serviceRows
      .flatMap((r) => r.lines.split('\n'))
      .filter((l) => l.startsWith('consultation:'))
    expect(consultations).toHaveLength(12)
    // each service row at its local day's midnight
    expect(
      inWorker.serviceRows.every((r) => new Date(r.at).getHours() === 0 && new Date(r.at).getMinutes() === 0)
    ).toBe(true)
  })

  it('never creates a database that is not there', async () => {
    const spec = {
      db: 'no-such-desk',
      complaints: ['2026-11-01', '2026-11-30'],
      services: ['2026-11-01', '2026-11-30'],
      tasks: ['2026-11-01', '2026-11-30']
    } as const
    await expect(readReportRows(indexedDB, spec)).rejects.toBeTruthy()
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('no-such-desk')
  })
})
