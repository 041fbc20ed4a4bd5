import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test, expect, screenshot } from '../tests/e2e/fixtures'
import { finishSetup } from '../tests/e2e/flows'
import { encodeSnapshot, toSnapshotRecord, type SnapshotEntry } from '@shared/sync/snapshot'
import { createStoreFile, STORE_FILE } from '@shared/sync/store'
import { generateComplaints } from './generate'
import { generateCustomers } from './generateCustomers'

// Issue "Sync through a shared folder": a new PC joining a store with years of data is usable quickly.
// In Chromium, the real app: the share holds a snapshot of 100 000 customers + 200 000 complaints
// written by another PC; this PC is set up, joins the store (加入已有门店) and the clock runs until the
// indicator says 已同步 with every record stored. Target ≤ 20 s. Also measured: the floor, i.e. how long
// IndexedDB alone takes to store those same records with the same indexes (indexedDbFloor). Written to
// bench/results/sync-bootstrap.json (full scale only; BENCH_SYNC_SCALE=0.1 runs a tenth).
// Meeting the 20 s target is issue 18's work: until then this bench reports its figure (and whether it
// meets the target) without failing `npm run bench`, so the other targets can gate the run.

const SCALE = Number(process.env.BENCH_SYNC_SCALE ?? 1)
const CUSTOMERS = Math.round(100_000 * SCALE)
const COMPLAINTS = Math.round(200_000 * SCALE)
const TARGET_MS = 20_000
/** The database schema version the snapshot says it was written with (renderer/src/db/database.ts). */
const SCHEMA_VERSION = 5

test.setTimeout(30 * 60_000)

/** Generated rows as the writer would store them: every field clocked at the row's stamp. */
function clocked<T extends { _created: { hlc: string } }>(row: T): T {
  const clock = Object.fromEntries(
    Object.keys(row)
      .filter((k) => k !== 'id' && !k.startsWith('_'))
      .map((k) => [k, row._created.hlc])
  )
  return { ...row, _clock: clock }
}

/** store.json and one complete snapshot, as another PC of the store would have left them. */
async function writeStoreShare(root: string): Promise<{ files: number; bytes: number; writeMs: number }> {
  const nowMs = Date.parse('2026-11-23T10:00:00+08:00')
  const store = await createStoreFile({ storeId: 'bench-store', createdAt: nowMs })
  await writeFile(path.join(root, STORE_FILE), store.bytes)
  function* entries(): Generator<SnapshotEntry> {
    for (const r of generateCustomers(CUSTOMERS, { deviceId: 'pcSrc', staffNo: '8001', nowMs }))
      yield { t: 'customers', r: toSnapshotRecord(clocked(r)) }
    for (const r of generateComplaints(COMPLAINTS, { endMs: nowMs, deviceId: 'pcSrc', staffNo: '8001' }))
      yield { t: 'complaints', r: toSnapshotRecord(clocked(r)) }
  }
  const t0 = performance.now()
  let files = 0
  let bytes = 0
  for await (const file of encodeSnapshot(entries(), {
    storeId: 'bench-store',
    deviceId: 'pcSrc',
    schemaVersion: SCHEMA_VERSION,
    createdAt: nowMs,
    covers: {}
  })) {
    const target = path.join(root, file.path)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, file.bytes)
    files++
    bytes += file.bytes.length
  }
  return { files, bytes, writeMs: performance.now() - t0 }
}

/**
 * The least any bootstrap can take here: the very records the app stored (derived keys included),
 * put into a twin database with the same indexes, in transactions of 2 000, with no app code at all.
 * Only the puts are timed (reading them back is not).
 */
async function indexedDbFloor(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise(
        (resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error)))
      )
    const done = (tx: IDBTransaction): Promise<void> =>
      new Promise(
        (resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error)))
      )
    const app = await request(indexedDB.open('service-desk'))
    const stores = ['customers', 'complaints']
    await request(indexedDB.deleteDatabase('floor-twin'))
    const opening = indexedDB.open('floor-twin', 1)
    opening.onupgradeneeded = () => {
      const shape = app.transaction(stores, 'readonly')
      for (const name of stores) {
        const from = shape.objectStore(name)
        const to = opening.result.createObjectStore(name, { keyPath: from.keyPath })
        for (const index of Array.from(from.indexNames)) {
          const i = from.index(index)
          to.createIndex(index, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry })
        }
      }
    }
    const twin = await request(opening)
    let putMs = 0
    for (const name of stores) {
      let after: IDBValidKey | undefined
      for (;;) {
        const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true)
        const rows = await request(app.transaction(name, 'readonly').objectStore(name).getAll(range, 2_000))
        if (rows.length === 0) break
        after = (rows[rows.length - 1] as { id: string }).id
        const t0 = performance.now()
        const tx = twin.transaction(name, 'readwrite')
        for (const row of rows) tx.objectStore(name).put(row)
        await done(tx)
        putMs += performance.now() - t0
      }
    }
    app.close()
    twin.close()
    await request(indexedDB.deleteDatabase('floor-twin'))
    return putMs
  })
}

test('sync bootstrap: a new PC joins a store of 100 000 customers + 200 000 complaints', async ({
  page,
  shareDir
}) => {
  const written = await writeStoreShare(shareDir)
  console.log(
    `snapshot: ${written.files} files, ${(written.bytes / 1e6).toFixed(1)} MB, written in ${Math.round(written.writeMs)} ms`
  )

  await finishSetup(page)
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  const card = page.getByTestId('share-settings')
  await card.getByTestId('share-root').fill(shareDir)
  await card.getByTestId('share-check').click()
  await expect(page.getByTestId('share-state')).toContainText('该文件夹里已有门店共享')

  // BENCH_PROFILE=<file>: also record a CPU profile of the page while it joins (open in Chrome DevTools).
  const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.start')
  }
  const t0 = Date.now()
  await page.getByTestId('share-join').click()
  // The header says how far the loading is while it runs.
  await expect(page.getByTestId('sync-loading')).toContainText(/正在载入门店数据 [1-9]\d*%/, {
    timeout: 60_000
  })
  await screenshot(page, 'sync-bootstrap-loading')
  await expect(page.getByTestId('sync-status')).toHaveText(/^已同步/, { timeout: 10 * 60_000 })
  const bootstrapMs = Date.now() - t0
  if (cdp && process.env.BENCH_PROFILE)
    writeFileSync(process.env.BENCH_PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile))

  const counts = await page.evaluate(
    () =>
      new Promise<{ customers: number; complaints: number }>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          const tx = open.result.transaction(['customers', 'complaints'], 'readonly')
          const c = tx.objectStore('customers').count()
          const k = tx.objectStore('complaints').count()
          tx.oncomplete = () => (open.result.close(), resolve({ customers: c.result, complaints: k.result }))
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      })
  )
  expect(counts).toEqual({ customers: CUSTOMERS, complaints: COMPLAINTS })

  // Usable: the archive finds a customer by name at once.
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  const s0 = Date.now()
  await page.getByTestId('customer-search').fill('王')
  await expect(page.getByTestId('customer-list')).toHaveAttribute('data-query', '王')
  const firstSearchMs = Date.now() - s0

  // 立即同步 with nothing new, as the user sees it: a round plus this PC's presence file, on the
  // full store (median of 10 clicks, from click until the button is idle again, timed in the page).
  await page.getByTestId('sync-status').click()
  await expect(page.getByTestId('sync-now')).toBeEnabled()
  const rounds: number[] = []
  for (let i = 0; i < 10; i++) {
    rounds.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const button = document.querySelector<HTMLButtonElement>('[data-testid=sync-now]')
            if (!button) return reject(new Error('no 立即同步 button'))
            let started = false
            const t0 = performance.now()
            const observer = new MutationObserver(() => {
              const busy = button.classList.contains('ant-btn-loading')
              if (busy) started = true
              else if (started) {
                observer.disconnect()
                resolve(performance.now() - t0)
              }
            })
            observer.observe(button, { attributes: true, attributeFilter: ['class'] })
            button.click()
          })
      )
    )
  }
  const emptyRoundInAppMs = Math.round(([...rounds].sort((a, b) => a - b)[5] as number) * 10) / 10
  await screenshot(page, 'sync-bootstrap-done')

  // Last, so its 300 000 extra writes do not slow what the user sees above.
  const floorMs = await indexedDbFloor(page)

  const figures = {
    engine: 'Chromium (Debian), the app joining through 加入已有门店, real temp folder',
    customers: CUSTOMERS,
    complaints: COMPLAINTS,
    snapshot: { files: written.files, megabytes: Math.round(written.bytes / 1e5) / 10 },
    bootstrapMs,
    indexedDbFloorMs: Math.round(floorMs),
    firstSearchMs,
    emptyRoundInAppMs,
    targetMs: TARGET_MS,
    meetsTarget: bootstrapMs <= TARGET_MS,
    target: 'issue 18',
    measuredAt: new Date().toISOString()
  }
  console.log(JSON.stringify(figures, null, 2))
  if (SCALE === 1) {
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/sync-bootstrap.json', JSON.stringify(figures, null, 2) + '\n')
  }
  if (bootstrapMs > TARGET_MS) {
    const note = `bootstrap ${bootstrapMs} ms is over the ${TARGET_MS} ms target: reported, not enforced (issue 18)`
    console.log(note)
    test.info().annotations.push({ type: 'target missed (issue 18)', description: note })
  }
})
