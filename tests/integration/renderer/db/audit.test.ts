import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { addStaff } from '@/db/staff'
import { setSessionStaff } from '@/db/prefs'
import { createCustomer, revealPhone } from '@/db/customers'
import { recordExport } from '@/db/customerImport'
import { allAuditLog, checkAuditLog, listAuditLog, recordOperation } from '@/db/audit'
import { syncOnce } from '@/db/sync/syncOnce'
import { ALL_FIELDS } from '@/db/writer'
import { formatHlc, parseHlc } from '@shared/sync/hlc'
import { failAddsTo } from './failWrites'
import { freshData } from './helpers'
import { pc, shareKeeper } from './sync/harness'
import type { DataContext } from '@/db/context'
import { customerFormSchema, emptyCustomerForm, profileToRecord } from '@shared/domain/customer'

const shares = shareKeeper()
afterEach(async () => {
  vi.restoreAllMocks()
  await shares.disposeAll()
})

async function store(ctx: DataContext): Promise<string> {
  await addStaff(ctx, '9001', { staffNo: '9001', name: '王经理', role: 'manager' })
  await addStaff(ctx, '9001', { staffNo: '1002', name: '李专员', role: 'clerk' })
  const customer = await createCustomer(
    ctx,
    '1002',
    profileToRecord(
      customerFormSchema('2026-11-23').parse({
        ...emptyCustomerForm(),
        name: '张三',
        phones: [{ value: '13812345678' }]
      })
    )
  )
  return customer.id
}

describe('操作日志: entries written with their action', () => {
  it('a clerk’s phone reveal and masked export are recorded: who, when, which PC, what', async () => {
    const ctx = await freshData()
    const customerId = await store(ctx)
    await revealPhone(ctx, '1002', customerId, '13812345678')
    ctx.time.value += 60_000
    await recordExport(ctx, '1002', { count: 12, masked: true })
    await setSessionStaff(ctx, '9001')
    const { rows } = await listAuditLog(ctx, { staffNo: '1002' })
    expect(rows.map((r) => [r.kind, r.staffNo, r.device, r.params])).toEqual([
      ['customersExported', '1002', 'dev-a', { what: 'customers', count: 12, masked: true }],
      ['phoneRevealed', '1002', 'dev-a', { customerId, phone: '138****5678' }]
    ])
    expect(rows[0]?.at).toBe((rows[1]?.at ?? 0) + 60_000)
    // the entry travels like any record: one ALL_FIELDS-free create in the outbox
    const outbox = (await ctx.db.outbox.toArray()).filter((e) => e.table === 'auditLog')
    expect(outbox.some((e) => e.field === 'hash')).toBe(true)
    expect(outbox.every((e) => e.field !== ALL_FIELDS)).toBe(true)
  })

  it('an action without its entry cannot exist: the entry failing rolls the reveal back', async () => {
    const ctx = await freshData()
    const customerId = await store(ctx)
    const events = await ctx.db.events.count()
    failAddsTo(ctx.db.auditLog, 'disk full')
    await expect(revealPhone(ctx, '1002', customerId, '13812345678')).rejects.toThrow('disk full')
    vi.restoreAllMocks()
    expect(await ctx.db.events.count()).toBe(events)
    expect(await ctx.db.auditLog.count()).toBe(2) // the two staff added, nothing else
  })

  it('recordOperation (for the backup slice) chains a backup entry after the others; the check says intact', async () => {
    const ctx = await freshData()
    await store(ctx)
    await recordOperation(ctx, '9001', 'backupMade', { file: 'backup-20261122.desk', verified: true })
    await setSessionStaff(ctx, '9001')
    const entries = await allAuditLog(ctx)
    expect(entries.map((e) => [e.seq, e.kind])).toEqual([
      [3, 'backupMade'],
      [2, 'staffAdded'],
      [1, 'staffAdded']
    ])
    expect(entries[0]?.prevHash).toBe(entries[1]?.hash)
    expect(await checkAuditLog(ctx)).toEqual({ intact: true, entries: 3 })
  })

  it('the check finds an entry removed or edited behind the app’s back', async () => {
    const ctx = await freshData()
    await store(ctx)
    for (let i = 0; i < 3; i++) await recordOperation(ctx, '9001', 'backupMade', { n: i })
    await setSessionStaff(ctx, '9001')
    const entry = await ctx.db.auditLog.get('dev-a:4')
    await ctx.db.auditLog.put({ ...entry!, params: { n: 99 } })
    expect(await checkAuditLog(ctx)).toEqual({
      intact: false,
      entries: 5,
      breaks: [{ device: 'dev-a', seq: 4, problem: 'edited' }]
    })
    await ctx.db.auditLog.put(entry!)
    await ctx.db.auditLog.delete('dev-a:3')
    expect(await checkAuditLog(ctx)).toMatchObject({
      intact: false,
      breaks: [{ device: 'dev-a', seq: 4, problem: 'missing', missingFrom: 3 }]
    })
  })

  it('filters by person, kind and date; pages newest first', async () => {
    const ctx = await freshData()
    await store(ctx)
    const t0 = ctx.time.value
    for (let i = 0; i < 7; i++) {
      ctx.time.value = t0 + i * 86_400_000
      await recordOperation(ctx, i % 2 ? '1002' : '9001', i % 3 ? 'backupMade' : 'printed', { n: i })
    }
    await setSessionStaff(ctx, '9001')
    const kinds = await listAuditLog(ctx, { kind: 'printed' })
    expect(kinds.rows.map((r) => r.params.n)).toEqual([6, 3, 0])
    const person = await listAuditLog(ctx, { staffNo: '1002', kind: 'backupMade' })
    expect(person.rows.map((r) => r.params.n)).toEqual([5, 1])
    const days = await listAuditLog(ctx, { from: t0 + 2 * 86_400_000, to: t0 + 4 * 86_400_000 })
    expect(days.rows.map((r) => r.params.n)).toEqual([4, 3, 2])
    const first = await listAuditLog(ctx, {}, { limit: 4 })
    expect(first.hasMore).toBe(true)
    const second = await listAuditLog(ctx, {}, { offset: 4, limit: 5 })
    expect([...first.rows, ...second.rows].map((r) => r.seq)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1])
    expect(second.hasMore).toBe(false)
  })

  it('managers only: a clerk at the desk cannot list, export or check it', async () => {
    const ctx = await freshData()
    await store(ctx)
    await setSessionStaff(ctx, '1002')
    await expect(listAuditLog(ctx)).rejects.toThrow('roles.refused.managerOnly')
    await expect(allAuditLog(ctx)).rejects.toThrow('roles.refused.managerOnly')
    await expect(checkAuditLog(ctx)).rejects.toThrow('roles.refused.managerOnly')
  })
})

describe('操作日志 on every PC', () => {
  it('syncs, stays intact on the other PC, and a rewrite of an entry from the share is refused and reported', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    await store(a)
    await recordOperation(a, '9001', 'backupMade', { n: 1 })
    await syncOnce(a, share)
    await syncOnce(b, share)
    await setSessionStaff(b, '9001')
    expect(await checkAuditLog(b)).toEqual({ intact: true, entries: 3 })
    const original = await b.db.auditLog.get('pcA:3')

    // A forged change for that entry (another value, a later stamp) and a delete reach pcB.
    const forged = {
      device: 'pcA',
      staffNo: '9001',
      table: 'auditLog' as const,
      recordId: 'pcA:3'
    }
    const hlc = (original!._clock as Record<string, string>).params as string
    const parsed = parseHlc(hlc)
    const later = formatHlc({ ...parsed, ms: parsed.ms + 60_000 })
    await b.writer.applyRemote([
      { ...forged, hlc: later, field: 'params', value: { n: 2 } },
      { ...forged, hlc: later, field: '_deleted', value: 1 }
    ])
    const after = await b.db.auditLog.get('pcA:3')
    expect(after).toEqual(original)
    const reported = (await b.db.quarantine.toArray()).filter((q) => q.code === 'auditRewrite')
    expect(reported).toHaveLength(1)
    expect(reported[0]?.changes).toHaveLength(2)
    expect(await checkAuditLog(b)).toEqual({ intact: true, entries: 3 })
  })
})
