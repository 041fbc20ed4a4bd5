import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { Change } from '@shared/sync/change'
import { formatHlc, parseHlc } from '@shared/sync/hlc'
import { recordAsChanges, type MergeRecord } from '@shared/sync/merge'
import { toSnapshotRecord } from '@shared/sync/snapshot'
import { listConflicts } from '@/db/sync/conflicts'
import { registerComplaint } from '@/db/complaints'
import { searchCustomers } from '@/db/customerQuery'
import { BASE_TIME, intake, pc } from './harness'

// Writer.applyRemote: other PCs' changes enter IndexedDB merged per field, with this PC's own
// bookkeeping (derived keys, tallies, stamps, clock) kept right and nothing added to the outbox.

const DAY = 24 * 3_600_000
let n = 0
function change(
  over: Partial<Change> & Pick<Change, 'table' | 'recordId' | 'field' | 'value'>,
  ms = BASE_TIME,
  device = 'pcR'
): Change {
  return { hlc: formatHlc({ ms, counter: n++ % 0xffff, node: device }), device, staffNo: '2001', ...over }
}

describe('Writer.applyRemote', () => {
  it('writes no outbox entry, and later local stamps order after remote ones from a clock a day ahead', async () => {
    const b = await pc('pcB', 'B1')
    const ahead = BASE_TIME + DAY
    const r = await b.writer.applyRemote([
      change({ table: 'settings', recordId: 'store', field: '*', value: { storeName: '总店' } }, ahead)
    ])
    expect(r.applied).toBe(1)
    expect(await b.db.outbox.count()).toBe(0)
    await b.writer.transact('1001', (tx) => tx.update('settings', 'store', { storeName: '分店' }))
    const [entry] = await b.db.outbox.toArray()
    expect(parseHlc(entry?.hlc as string).ms).toBeGreaterThanOrEqual(ahead)
    expect((await b.db.settings.get('store'))?._clock.storeName).toBe(entry?.hlc)
    // the folded clock is persisted: a restart keeps ordering after it
    expect(((await b.db.meta.get('hlc'))?.value as string) >= (entry?.hlc as string)).toBe(true)
  })

  it('recomputes derived keys and tallies from the merged record', async () => {
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const c = await registerComplaint(a, '1001', intake({ customerName: '单雄信' }))
    const all = (await a.db.outbox.toArray()).map(({ seq: _seq, ...e }) => e as Change)
    await b.writer.applyRemote(all)
    expect((await b.db.complaints.get(c.id))?._openAt).toBe(c.receivedAt)
    expect((await b.db.tallies.get('complaints.status=registered'))?.n).toBe(1)
    expect((await searchCustomers(b, 'sxx')).map((x) => x.customer.id)).toEqual([c.customerId])

    await b.writer.applyRemote([
      change({ table: 'complaints', recordId: c.id, field: 'status', value: 'closed' }, BASE_TIME + 60_000),
      change({ table: 'customers', recordId: c.customerId, field: 'name', value: '李四' }, BASE_TIME + 60_000)
    ])
    const closed = await b.db.complaints.get(c.id)
    expect(closed?.status).toBe('closed')
    expect(closed?._openAt).toBeUndefined()
    expect((await b.db.tallies.get('complaints.status=registered'))?.n).toBe(0)
    expect((await b.db.tallies.get('complaints.status=closed'))?.n).toBe(1)
    expect(await searchCustomers(b, 'sxx')).toEqual([])
    expect((await searchCustomers(b, 'ls')).map((x) => x.customer.id)).toEqual([c.customerId])
  })

  it('a tombstone is not undone by an older or newer edit; a deleted complaint leaves its tally', async () => {
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const c = await registerComplaint(a, '1001', intake())
    await b.writer.applyRemote((await a.db.outbox.toArray()).map(({ seq: _seq, ...e }) => e as Change))
    await b.writer.applyRemote([
      change({ table: 'complaints', recordId: c.id, field: '_deleted', value: 1 }, BASE_TIME + 10_000),
      change({ table: 'complaints', recordId: c.id, field: 'demand', value: '退款' }, BASE_TIME + 5_000),
      change(
        { table: 'complaints', recordId: c.id, field: 'department', value: '运营部' },
        BASE_TIME + 20_000
      )
    ])
    const gone = await b.db.complaints.get(c.id)
    expect(gone).toMatchObject({ _deleted: 1, demand: '退款', department: '运营部' })
    expect(gone?._openAt).toBeUndefined()
    expect((await b.db.tallies.get('complaints.status=registered'))?.n).toBe(0)
  })

  it('events are immutable: the first write is kept, later writes of the same id ignored', async () => {
    const b = await pc('pcB', 'B1')
    const first = { subjectId: 's1', type: 'customerNote', at: 1, staffNo: '1', data: { text: 'first' } }
    await b.writer.applyRemote([
      change({ table: 'events', recordId: 'e1', field: '*', value: first }, BASE_TIME)
    ])
    const r = await b.writer.applyRemote([
      change({ table: 'events', recordId: 'e1', field: 'data', value: { text: 'edited' } }, BASE_TIME + 1),
      change({ table: 'events', recordId: 'e1', field: '_deleted', value: 1 }, BASE_TIME + 2)
    ])
    expect(r.applied).toBe(0)
    expect(await b.db.events.get('e1')).toMatchObject({ ...first })
    expect((await b.db.events.get('e1'))?._deleted).toBeUndefined()
  })

  it('an edit that arrives before its record’s creation is stored, kept out of lists, and completed later', async () => {
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const c = await registerComplaint(a, '1001', intake())
    const later = change(
      { table: 'complaints', recordId: c.id, field: 'department', value: '运营部' },
      BASE_TIME + DAY
    )
    expect((await b.writer.applyRemote([later])).applied).toBe(1)
    const partial = await b.db.complaints.get(c.id)
    expect(partial).toMatchObject({ id: c.id, department: '运营部' })
    expect(partial?._openAt).toBeUndefined()
    expect(await b.db.complaints.where('_openAt').above(-Infinity).count()).toBe(0)
    await b.writer.applyRemote((await a.db.outbox.toArray()).map(({ seq: _seq, ...e }) => e as Change))
    expect(await b.db.complaints.get(c.id)).toMatchObject({
      no: c.no,
      department: '运营部',
      _openAt: c.receivedAt,
      _created: { device: 'pcA' }
    })
  })

  it('keeps the losing long text as a conflict, once, listed for the record', async () => {
    const b = await pc('pcB', 'B1')
    await b.writer.transact('1002', (tx) => tx.create('settings', { id: 'store', storeName: 'x' }))
    const c = await registerComplaint(b, '1002', intake({ content: '本机写的' }))
    const remote = change(
      { table: 'complaints', recordId: c.id, field: 'content', value: '别的电脑写的' },
      BASE_TIME - 60_000
    )
    const r = await b.writer.applyRemote([remote])
    expect(r).toEqual({
      applied: 0,
      held: [],
      conflicts: [
        expect.objectContaining({ field: 'content', losingValue: '别的电脑写的', losingHlc: remote.hlc })
      ]
    })
    expect(await b.writer.applyRemote([remote])).toEqual({ applied: 0, conflicts: [], held: [] })
    const listed = await listConflicts(b, 'complaints', c.id)
    expect(listed).toEqual([
      expect.objectContaining({
        losingValue: '别的电脑写的',
        winningHlc: (await b.db.complaints.get(c.id))?._clock.content
      })
    ])
  })

  it('snapshot records a PC does not hold are stored exactly as merging their changes stores them (stamps, keys, tallies too)', async () => {
    const a = await pc('pcA', 'A1')
    for (let i = 0; i < 6; i++)
      await registerComplaint(
        a,
        '1001',
        intake({ customerPhone: `1370013${String(1000 + i)}`, customerName: `快照客户${i}` })
      )
    await a.writer.transact('1001', async (tx) => {
      const first = (await a.db.complaints.toCollection().first())!
      await tx.update('complaints', first.id, { demand: '换新' })
      await tx.remove('customers', first.customerId)
    })
    const entries = []
    for (const t of ['customers', 'complaints', 'events'] as const)
      for (const r of (await a.db.table(t).toArray()) as MergeRecord[])
        entries.push({ t, r: toSnapshotRecord(r) })

    const direct = await pc('pcD', 'D1')
    const merged = await pc('pcM', 'M1')
    await direct.writer.applySnapshotRecords(entries, () => true)
    await merged.writer.applyRemote(entries.flatMap((e) => recordAsChanges(e.t, e.r)))
    for (const t of ['customers', 'complaints', 'events', 'tallies'] as const)
      expect(await direct.db.table(t).toArray(), t).toEqual(await merged.db.table(t).toArray())
  })
})
