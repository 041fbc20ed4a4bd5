process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import './nodeCustomerSearch'
import { mkdirSync, writeFileSync } from 'node:fs'
import { test, expect } from '@playwright/test'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { createRealShare, type RealShare } from '../tests/integration/renderer/db/sync/realShare'
import { intake, pc } from '../tests/integration/renderer/db/sync/harness'

// Issue "Sync through a shared folder" — performance, in Node: the real engine on fake-indexeddb and a
// real temp folder. Targets: apply 10 000 changes from a peer ≤ 3 s; a round with nothing new ≤ 50 ms.
// The same 10 000 documents are replicated with PouchDB (memory adapter) in the same run for the
// ratio. Bootstrapping a new PC from a snapshot is measured in Chromium, in the app itself:
// sync-bootstrap.bench.ts.

const TARGETS = { apply10kMs: 3_000, emptyRoundMs: 50 }

test.setTimeout(30 * 60_000)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

type PouchDb = {
  bulkDocs(docs: object[]): Promise<unknown>
  replicate: { to(target: PouchDb): Promise<unknown> }
  info(): Promise<{ doc_count: number }>
}
type PouchCtor = (new (name: string, options: { adapter: string }) => PouchDb) & {
  plugin(p: unknown): PouchCtor
}
let pouch: Promise<PouchCtor> | undefined

/** PouchDB with the memory adapter and replication, loaded (and its plugins registered) once. */
function loadPouch(): Promise<PouchCtor> {
  const load = async (name: string): Promise<unknown> => {
    const mod = (await import(name)) as { default?: unknown }
    return mod.default ?? mod
  }
  pouch ??= (async () => {
    const core = (await load('pouchdb-core')) as PouchCtor
    return core.plugin(await load('pouchdb-adapter-memory')).plugin(await load('pouchdb-replication'))
  })()
  return pouch
}

/** The same job for PouchDB: replicate `count` documents from one database to a fresh one. */
async function pouchReplicate(count: number): Promise<number> {
  const Pouch = await loadPouch()
  const from = new Pouch(`bench-a-${Date.now()}-${Math.random()}`, { adapter: 'memory' })
  const to = new Pouch(`bench-b-${Date.now()}-${Math.random()}`, { adapter: 'memory' })
  await from.bulkDocs(
    Array.from({ length: count }, (_, i) => ({ _id: `doc-${i}`, field: `value ${i}`, n: i }))
  )
  const t0 = performance.now()
  await from.replicate.to(to)
  const ms = performance.now() - t0
  expect((await to.info()).doc_count).toBe(count)
  return ms
}

test('sync: apply 10 000 changes, an empty round, PouchDB ratio', async () => {
  const shares: RealShare[] = []
  const share = async () => {
    const s = await createRealShare()
    shares.push(s)
    return s
  }
  try {
    // 1. 10 000 changes from a peer (complaint intakes: ~45 field changes each, customers and events included).
    const applyRuns: number[] = []
    const emptyRuns: number[] = []
    let changes = 0
    for (let run = 0; run < 3; run++) {
      const folder = await share()
      const a = await pc(`pcA${run}`, 'A1')
      const b = await pc(`pcB${run}`, 'B1')
      for (let i = 0; (await a.db.outbox.count()) < 10_000; i++) {
        await registerComplaint(
          a,
          '1001',
          intake({ customerPhone: `139${String(10_000_000 + i).padStart(8, '0')}`, customerName: `客户${i}` })
        )
      }
      changes = await a.db.outbox.count()
      await syncOnce(a, folder)
      const t0 = performance.now()
      const report = await syncOnce(b, folder)
      applyRuns.push(performance.now() - t0)
      expect(report).toMatchObject({ state: 'synced', received: changes })
      for (let i = 0; i < 10; i++) {
        const t1 = performance.now()
        await syncOnce(b, folder)
        emptyRuns.push(performance.now() - t1)
      }
    }
    const pouchRuns = [
      await pouchReplicate(10_000),
      await pouchReplicate(10_000),
      await pouchReplicate(10_000)
    ]

    const figures = {
      engine: 'Node 20, fake-indexeddb, real temp folder',
      changesFromPeer: changes,
      apply10kMs: Math.round(median(applyRuns)),
      emptyRoundMs: Math.round(median(emptyRuns) * 10) / 10,
      pouchReplicate10kMs: Math.round(median(pouchRuns)),
      pouchRatio: Math.round((median(pouchRuns) / median(applyRuns)) * 10) / 10,
      runs: { applyRuns, emptyRuns, pouchRuns },
      targets: TARGETS,
      measuredAt: new Date().toISOString()
    }
    console.log(JSON.stringify({ ...figures, runs: undefined }, null, 2))
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/sync.json', JSON.stringify(figures, null, 2) + '\n')
    expect(figures.apply10kMs).toBeLessThanOrEqual(TARGETS.apply10kMs)
    expect(figures.emptyRoundMs).toBeLessThanOrEqual(TARGETS.emptyRoundMs)
    expect(figures.pouchRatio).toBeGreaterThan(1) // we must be faster than PouchDB
  } finally {
    for (const s of shares) await s.dispose()
  }
})
