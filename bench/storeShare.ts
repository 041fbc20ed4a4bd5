import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  encodeSnapshot,
  toSnapshotRecord,
  type SnapshotEntry,
  type SnapshotInput
} from '@shared/sync/snapshot'
import { historyClassifier } from '@shared/sync/snapshotHistory'
import { createStoreFile, STORE_FILE } from '@shared/sync/store'
import { generateComplaints, withDueEscalations } from './generate'
import { generateCustomers } from './generateCustomers'

// A store share as another PC of the store would have left it: store.json and one complete snapshot
// of generated customers and complaints (the join bench and the join e2e test).

/** The snapshot's database schema version (renderer/src/db/database.ts). */
const SCHEMA_VERSION = 5
const NOW_MS = Date.parse('2026-11-23T10:00:00+08:00')

/** Generated rows as the writer would store them: every field clocked at the row's stamp. */
function clocked<T extends { _created: { hlc: string } }>(row: T): T {
  const clock = Object.fromEntries(
    Object.keys(row)
      .filter((k) => k !== 'id' && !k.startsWith('_'))
      .map((k) => [k, row._created.hlc])
  )
  return { ...row, _clock: clock }
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export async function writeStoreShare(
  root: string,
  opts: { storeId: string; customers: number; complaints: number; chunkRecords?: number }
): Promise<{
  customers: ReturnType<typeof generateCustomers>
  files: number
  bytes: number
  writeMs: number
}> {
  const store = await createStoreFile({ storeId: opts.storeId, createdAt: NOW_MS })
  await writeFile(path.join(root, STORE_FILE), store.bytes)
  const customers = generateCustomers(opts.customers, {
    deviceId: 'pcSrc',
    staffNo: '8001',
    nowMs: NOW_MS
  }).sort(byId)
  // As the app's writer lists them (snapshots.ts allRecords): table by table, by id; history
  // (settled complaints) last, marked.
  function* entries(): Generator<SnapshotInput> {
    for (const r of customers) yield { t: 'customers', r: toSnapshotRecord(clocked(r)) }
    const complaints = generateComplaints(opts.complaints, {
      endMs: NOW_MS,
      deviceId: 'pcSrc',
      staffNo: '8001'
    })
    const isHistory = historyClassifier()
    const history: SnapshotInput[] = []
    const open: typeof complaints = []
    for (const r of complaints.sort(byId)) {
      const entry: SnapshotEntry = { t: 'complaints', r: toSnapshotRecord(clocked(r)) }
      if (isHistory(entry)) history.push({ ...entry, history: true })
      else open.push(r)
    }
    // the open ones as the store's running PCs have left them: escalations due by now recorded
    const stamp = (open[0] as (typeof complaints)[number] | undefined)?._created
    const escalated = stamp ? withDueEscalations(open, Date.now(), stamp) : { rows: open, events: [] }
    for (const r of escalated.rows) yield { t: 'complaints', r: toSnapshotRecord(clocked(r)) }
    for (const r of escalated.events.sort(byId)) yield { t: 'events', r: toSnapshotRecord(clocked(r)) }
    yield* history
  }
  const t0 = performance.now()
  let files = 0
  let bytes = 0
  for await (const file of encodeSnapshot(entries(), {
    storeId: opts.storeId,
    deviceId: 'pcSrc',
    schemaVersion: SCHEMA_VERSION,
    createdAt: NOW_MS,
    covers: {},
    ...(opts.chunkRecords ? { chunkRecords: opts.chunkRecords } : {})
  })) {
    const target = path.join(root, file.path)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, file.bytes)
    files++
    bytes += file.bytes.length
  }
  return { customers, files, bytes, writeMs: performance.now() - t0 }
}
