import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  decodeSnapshotChunk,
  decodeSnapshotManifest,
  encodeSnapshot,
  MANIFEST_FILE,
  toSnapshotRecord,
  type SnapshotInput
} from '@shared/sync/snapshot'
import { SYNCED_TABLES } from '@shared/sync/change'
import { registerComplaint } from '@/db/complaints'
import { BOOTSTRAPPED_KEY, pendingHistory } from '@/db/sync/historyLoader'
import { anyPacked, recordsOf } from '@/db/packedHistory'
import { completeSnapshots } from '@/db/sync/snapshotFiles'
import { fillFromSnapshots, writeSnapshot } from '@/db/sync/snapshots'
import { isStoreAccess, openStore } from '@/db/sync/storeAccess'
import { syncOnce } from '@/db/sync/syncOnce'
import type { RealShare } from './realShare'
import { decodes } from './snapshotDecodeSpy'
import { BASE_TIME, intake, pc, shareKeeper, syncedState, TEST_STORE_ID, type Pc } from './harness'

// Issue 18 point 1, the snapshot's order: the working set first, history (settled complaints and
// their timelines) last in chunks marked `history`, so a joining PC is usable without reading them.

vi.mock('@shared/sync/snapshot', async (original) =>
  (await import('./snapshotDecodeSpy')).spiedSnapshot(await original())
)

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const ONE_CHUNK = { historyBudgetMs: 0 }

/** A: `n` complaints, every one but each third closed; synced; no snapshot yet. */
async function storeOnA(share: RealShare, n: number): Promise<{ a: Pc; settled: Set<string> }> {
  const a = await pc('pcA', 'A1')
  const settled = new Set<string>()
  for (let i = 0; i < n; i++) {
    const c = await registerComplaint(
      a,
      '1001',
      intake({ customerPhone: `1380013${8000 + i}`, customerName: `客户${i}` })
    )
    if (i % 3 === 0) continue
    await a.writer.transact('1001', (tx) =>
      tx.update('complaints', c.id, { status: 'closed', closedAt: a.time.value })
    )
    settled.add(c.id)
  }
  await syncOnce(a, share)
  return { a, settled }
}

async function snapshotOf(a: Pc, share: RealShare, chunkRecords: number): Promise<string> {
  const store = await openStore(a.db, share, a.now())
  if (!isStoreAccess(store)) throw new Error('A has no store')
  return (await writeSnapshot(a, share, store, { chunkRecords })).snapshotId
}

/** The chunks of a snapshot, in order, decoded. */
async function chunksOf(share: RealShare, id: string) {
  const manifest = await decodeSnapshotManifest(await share.read(`snapshots/${id}/${MANIFEST_FILE}`))
  if (!manifest.ok) throw new Error(manifest.detail)
  const out = []
  for (const [i, ref] of manifest.chunks.entries()) {
    const chunk = await decodeSnapshotChunk(await share.read(`snapshots/${id}/${ref.name}`), {
      expect: { snapshotId: id, index: i + 1, ref }
    })
    if (!chunk.ok) throw new Error(chunk.detail)
    out.push({ history: ref.history === true, entries: chunk.entries })
  }
  return out
}

/** History entries as a writer lists them (docs/sync-format.md §8.1): the settled complaints, each
 *  once, in receivedAt order (then id), each followed right away by every event of its own. */
function expectReceivedOrder(
  history: readonly { t: string; r: Record<string, unknown> }[],
  settled: ReadonlySet<string>
): void {
  const seen: { at: number; id: string }[] = []
  let current: string | undefined
  const eventsOf = new Map<string, number>()
  for (const e of history) {
    if (e.t === 'complaints') {
      current = e.r.id as string
      seen.push({ at: e.r.receivedAt as number, id: current })
    } else {
      expect(e.t).toBe('events')
      expect(e.r.subjectId).toBe(current)
      eventsOf.set(current as string, (eventsOf.get(current as string) ?? 0) + 1)
    }
  }
  const sorted = [...seen].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
  expect(seen).toEqual(sorted)
  expect(new Set(seen.map((c) => c.id))).toEqual(new Set(settled))
  expect(seen.length).toBe(settled.size)
  // every complaint has its timeline (registered, closed at least)
  for (const { id } of seen) expect(eventsOf.get(id) ?? 0).toBeGreaterThan(0)
}

describe('history chunks', () => {
  it('the writer lists the working set first and history last, each record once, history in chunks of its own', async () => {
    const share = await shares.make()
    const { a, settled } = await storeOnA(share, 9)
    const chunks = await chunksOf(share, await snapshotOf(a, share, 4))
    const firstHistory = chunks.findIndex((c) => c.history)
    expect(firstHistory).toBeGreaterThan(0)
    expect(chunks.slice(firstHistory).every((c) => c.history)).toBe(true)
    const historyOf = (e: { t: string; r: Record<string, unknown> }): boolean =>
      (e.t === 'complaints' && settled.has(e.r.id as string)) ||
      (e.t === 'events' && settled.has(e.r.subjectId as string))
    for (const c of chunks) expect(c.entries.every((e) => historyOf(e) === c.history)).toBe(true)
    // each settled complaint followed by its events, in receivedAt order; nothing twice or missing
    const history = chunks.filter((c) => c.history).flatMap((c) => c.entries)
    expectReceivedOrder(history, settled)
    const ids = chunks.flatMap((c) => c.entries.map((e) => `${e.t}/${e.r.id}`))
    expect(new Set(ids).size).toBe(ids.length)
    let records = 0
    for (const table of SYNCED_TABLES) records += await a.db.table(table).count()
    expect(ids.length).toBe(records)
  })

  it('a joining PC decodes no history chunk before it is usable; each is validated once, when stored', async () => {
    const share = await shares.make()
    const { a } = await storeOnA(share, 9)
    await snapshotOf(a, share, 4)
    const c = await pc('pcC', 'C1')
    decodes.length = 0
    const first = await syncOnce(c, share, ONE_CHUNK)
    expect(first.state).toBe('synced')
    expect(decodes.length).toBeGreaterThan(0)
    expect(decodes.some((d) => d.history)).toBe(false)
    expect(await c.db.complaints.count()).toBe(3) // the open ones
    decodes.length = 0
    for (let round = 0; (await syncOnce(c, share, ONE_CHUNK)).history; round++)
      if (round > 50) throw new Error('history never finished loading')
    const history = decodes.filter((d) => d.history)
    expect(history.length).toBeGreaterThan(0)
    expect(history.every((d) => !d.verified)).toBe(true)
    expect(new Set(history.map((d) => d.name)).size).toBe(history.length)
    // chunks read in the first pass (customers held in memory) are not validated twice
    expect(decodes.filter((d) => !d.history).every((d) => d.verified)).toBe(true)
    expect(await pendingHistory(c)).toBeNull()
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a damaged history chunk refuses the snapshot before anything is used (its hash is checked)', async () => {
    const share = await shares.make()
    const { a } = await storeOnA(share, 9)
    const id = await snapshotOf(a, share, 4)
    const files = (await share.files(`snapshots/${id}`)).filter((f) => !f.endsWith(MANIFEST_FILE))
    const last = files[files.length - 1] as string
    await share.corrupt(last, (bytes) => bytes.map((b, i) => (i === bytes.length - 5 ? b ^ 0xff : b)))
    const c = await pc('pcC', 'C1')
    const first = await syncOnce(c, share, ONE_CHUNK)
    expect(first.problems.map((p) => p.kind)).toContain('checksum')
    // the snapshot is not taken: no history list; every segment is replayed instead
    expect(await pendingHistory(c)).toBeNull()
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a chunk marked history that holds another table is reported when it is stored, never dropped silently', async () => {
    const share = await shares.make()
    const { a, settled } = await storeOnA(share, 6)
    // a snapshot as a broken writer could leave it: a customer among the history
    const stray = (await a.db.customers.toCollection().first())?.id
    const history = (t: string, r: Record<string, unknown>): boolean =>
      (t === 'customers' && r.id === stray) ||
      (t === 'complaints' && settled.has(r.id as string)) ||
      (t === 'events' && settled.has(r.subjectId as string))
    const entries: SnapshotInput[] = []
    for (const pass of [false, true])
      for (const t of pass ? (['complaints', 'events', 'customers'] as const) : SYNCED_TABLES)
        for (const row of (await a.db.table(t).toArray()) as Record<string, unknown>[])
          if (history(t, row) === pass)
            entries.push({ t, r: toSnapshotRecord(row), ...(pass ? { history: true } : {}) })
    for await (const file of encodeSnapshot(entries, {
      storeId: TEST_STORE_ID,
      deviceId: 'pcA',
      schemaVersion: a.db.verno,
      createdAt: a.now(),
      covers: {},
      chunkRecords: 4
    }))
      await share.writeNew(file.path, file.bytes)
    expect(await completeSnapshots(share)).toHaveLength(1)
    const c = await pc('pcC', 'C1')
    const problems = []
    for (let round = 0; round < 20; round++) problems.push(...(await syncOnce(c, share, ONE_CHUNK)).problems)
    expect(problems.map((p) => p.detail).join('\n')).toMatch(
      /a chunk marked history holds a customers record/
    )
    expect(await pendingHistory(c)).not.toBeNull() // not done: the list stays until a good snapshot
  })
})

describe('history chunks, from a PC whose history is packed', () => {
  it('a PC holding packs lists them as records, in receivedAt order; a new PC bootstrapping from it ends equal', async () => {
    const share = await shares.make()
    // A: complaints received out of id order and out of registration order, over 18 days
    const a = await pc('pcA', 'A1')
    const settled = new Set<string>()
    const n = 18
    for (let i = 0; i < n; i++) {
      a.time.value = BASE_TIME - ((i * 7) % n) * 86_400_000 - i * 60_000
      const c = await registerComplaint(
        a,
        '1001',
        intake({ customerPhone: `1380013${8000 + i}`, customerName: `客户${i}` })
      )
      if (i % 4 === 0) continue
      await a.writer.transact('1001', (tx) =>
        tx.update('complaints', c.id, { status: 'closed', closedAt: a.time.value })
      )
      settled.add(c.id)
    }
    a.time.value = BASE_TIME
    await syncOnce(a, share)
    await snapshotOf(a, share, 5)
    // C joins: its history is stored in packs
    const c = await pc('pcC', 'C1')
    for (let round = 0; (await syncOnce(c, share, ONE_CHUNK)).history || round === 0; round++)
      if (round > 50) throw new Error('history never finished loading')
    expect(await pendingHistory(c)).toBeNull()
    expect(await anyPacked(c.db)).toBe(true)
    expect(await c.db.complaints.count()).toBe(n - settled.size) // the open ones as rows, the rest packed
    expect(await syncedState(c)).toEqual(await syncedState(a))

    // C writes a snapshot: the packed complaints and their events are records like any
    c.time.value = BASE_TIME + 3_600_000
    const id = await snapshotOf(c, share, 7)
    const chunks = await chunksOf(share, id)
    const history = chunks.filter((h) => h.history).flatMap((h) => h.entries)
    expectReceivedOrder(history, settled)
    const working = chunks.filter((h) => !h.history).flatMap((h) => h.entries)
    expect(working.some((e) => e.t === 'complaints' && settled.has(e.r.id as string))).toBe(false)
    const listed = chunks.flatMap((h) => h.entries.map((e) => `${e.t}/${e.r.id}`))
    expect(new Set(listed).size).toBe(listed.length)
    let records = 0
    for (const table of SYNCED_TABLES) records += (await recordsOf(c.db, table)).length
    expect(listed.length).toBe(records)

    // D starts from C's snapshot (the newest) and ends with the same store
    const d = await pc('pcD', 'D1')
    d.time.value = BASE_TIME + 7_200_000
    for (let round = 0; (await syncOnce(d, share, ONE_CHUNK)).history || round === 0; round++)
      if (round > 50) throw new Error('history never finished loading')
    expect(await d.db.meta.get(BOOTSTRAPPED_KEY)).toMatchObject({ value: id })
    expect(await syncedState(d)).toEqual(await syncedState(c))
    expect(await syncedState(d)).toEqual(await syncedState(a))
  })

  it('a PC holding packs that fills a gap from a snapshot merges into its packed complaints, never stores one twice', async () => {
    const share = await shares.make()
    const { a } = await storeOnA(share, 9)
    await snapshotOf(a, share, 4)
    const c = await pc('pcC', 'C1')
    for (let round = 0; (await syncOnce(c, share, ONE_CHUNK)).history || round === 0; round++)
      if (round > 50) throw new Error('history never finished loading')
    expect(await anyPacked(c.db)).toBe(true)
    const store = await openStore(c.db, share, c.now())
    if (!isStoreAccess(store)) throw new Error('C has no store')
    // as if A's segments had gone from the share while C was away: the whole snapshot is merged
    const filled = await fillFromSnapshots(c, share, store, new Map([['pcA', [1]]]))
    expect(filled.missing.size).toBe(0)
    expect(filled.records).toBeGreaterThan(0)
    for (const table of ['complaints', 'events']) {
      const ids = (await recordsOf(c.db, table)).map((r) => r.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })
})
