import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from '../tests/e2e/fixtures'
import { finishSetup, openShare } from '../tests/e2e/flows'
import { pinyinInitials } from '@shared/domain/customerSearch'
import { writeStoreShare } from './storeShare'

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
/** usable (issue 18 point 1) */
const TARGET_MS = 20_000
/** every record stored */
const COMPLETE_MS = 60_000
/** customer search while history still loads */
const SEARCH_P95_MS = 100

test.setTimeout(30 * 60_000)

/** Customer searches typed while history loads (filled by writeBenchShare). */
const queries: string[] = []

/** store.json and one complete snapshot (storeShare.ts); fills `queries` with search keys of every kind,
 *  from customers spread over the archive: name, pinyin initials, phone, last 4, member card. */
async function writeBenchShare(root: string): Promise<{ files: number; bytes: number; writeMs: number }> {
  const { customers, ...written } = await writeStoreShare(root, {
    storeId: 'bench-store',
    customers: CUSTOMERS,
    complaints: COMPLAINTS
  })
  for (let i = 0; i < 8; i++) {
    const c = customers[Math.floor(((i * 2 + 1) * customers.length) / 17)] as (typeof customers)[number]
    const mobile = c.phones.find((p) => p.startsWith('1')) ?? c.phone
    queries.push(c.name, pinyinInitials(c.name), mobile, mobile.slice(-4))
    if (c.memberNo) queries.push(c.memberNo)
  }
  return written
}

/** One way of storing the app's records into a twin database (see floorVariants). */
interface FloorVariant {
  name: string
  /** rows per transaction */
  perTx: number
  /** IDBObjectStore.add instead of put */
  add?: boolean
  /** indexes left out of the twin (by name, per table); '*' = every secondary index */
  without?: Record<string, string[] | '*'>
  /** tables stored (default customers + complaints) */
  tables?: string[]
  /** closed complaints stored `pack` to a record (history as fewer, larger records), no index */
  pack?: number
  /** the packs carry the keys the app's reads would need (multiEntry: ids, numbers, customers, phones,
   *  names; and the first day received) */
  packIndexes?: boolean
  /** every row packed, not only settled complaints (what customers as packs would cost) */
  packAll?: boolean
  /** a pack's rows stored as one JSON string (copied as a block) instead of an object graph; the
   *  stringify is timed with the writes */
  text?: boolean
  /** a pack's rows stored as deflated JSON bytes (CompressionStream, timed with the writes) */
  deflate?: boolean
}

/** What the app's writer cannot go below, and what each alternative of issue 18's design would cost. */
const FLOOR_VARIANTS: FloorVariant[] = [
  // the floor: the very records the app stored (derived keys included), same indexes, 2 000 a transaction
  { name: 'floor', perTx: 2_000 },
  { name: 'customersOnly', perTx: 2_000, tables: ['customers'] },
  { name: 'complaintsOnly', perTx: 2_000, tables: ['complaints'] },
  { name: 'withoutSearchKeys', perTx: 2_000, without: { customers: ['_keys'] } },
  { name: 'withoutSecondaryIndexes', perTx: 2_000, without: { customers: '*', complaints: '*' } },
  { name: 'bulkAdd10k', perTx: 10_000, add: true },
  { name: 'closedComplaintsPacked200', perTx: 2_000, tables: ['complaints'], pack: 200 },
  // the whole store as a packed design would store it: customers as rows, open complaints as rows,
  // settled ones 200 to a pack that carries the keys every read of history needs
  { name: 'customersAndIndexedPacks200', perTx: 2_000, pack: 200, packIndexes: true },
  // what the customers cost, and of what: without their search keys, without any secondary index, packed
  {
    name: 'customersWithoutSearchKeys',
    perTx: 2_000,
    tables: ['customers'],
    without: { customers: ['_keys'] }
  },
  { name: 'customersWithoutIndexes', perTx: 2_000, tables: ['customers'], without: { customers: '*' } },
  { name: 'customersPacked200', perTx: 2_000, tables: ['customers'], pack: 200, packAll: true },
  // archive packs that carry their customers' ids and every search key (multiEntry), rows as objects
  // or as one string: whether search could read a packed archive through IndexedDB's own index
  {
    name: 'customersPackedKeyed200',
    perTx: 2_000,
    tables: ['customers'],
    pack: 200,
    packAll: true,
    packIndexes: true
  },
  {
    name: 'customersPackedKeyedText200',
    perTx: 2_000,
    tables: ['customers'],
    pack: 200,
    packAll: true,
    packIndexes: true,
    text: true
  },
  // settled complaints in keyed packs: rows as objects, as one string (200 or 20 to a pack: a value over
  // 64 KiB is written by Chromium as a file of its own), as deflated bytes
  { name: 'complaintsIndexedPacks200', perTx: 2_000, tables: ['complaints'], pack: 200, packIndexes: true },
  {
    name: 'complaintsIndexedPacksText20',
    perTx: 2_000,
    tables: ['complaints'],
    pack: 20,
    packIndexes: true,
    text: true
  },
  {
    name: 'complaintsIndexedPacksDeflate200',
    perTx: 2_000,
    tables: ['complaints'],
    pack: 200,
    packIndexes: true,
    deflate: true
  },
  {
    name: 'complaintsIndexedPacksText200',
    perTx: 2_000,
    tables: ['complaints'],
    pack: 200,
    packIndexes: true,
    text: true
  }
]

/**
 * IndexedDB alone, no app code: the records the app stored, read back page by page and written into a
 * twin database made with the app's indexes (less those a variant leaves out). Only the writes are
 * timed. Variant `pack`: open complaints as rows, closed ones `pack` to a row in a keyed store.
 */
async function floorVariant(page: Page, v: FloorVariant): Promise<number> {
  return page.evaluate(async (v) => {
    const request = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise(
        (resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error)))
      )
    const done = (tx: IDBTransaction): Promise<void> =>
      new Promise(
        (resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error)))
      )
    const app = await request(indexedDB.open('service-desk'))
    const stores = v.tables ?? ['customers', 'complaints']
    await request(indexedDB.deleteDatabase('floor-twin'))
    const opening = indexedDB.open('floor-twin', 1)
    opening.onupgradeneeded = () => {
      const shape = app.transaction(stores, 'readonly')
      for (const name of stores) {
        const from = shape.objectStore(name)
        const to = opening.result.createObjectStore(name, { keyPath: from.keyPath })
        const without = v.without?.[name] ?? []
        for (const index of Array.from(from.indexNames)) {
          if (without === '*' || without.includes(index)) continue
          const i = from.index(index)
          to.createIndex(index, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry })
        }
      }
      if (v.pack) {
        const packs = opening.result.createObjectStore('packs', { keyPath: 'id' })
        if (v.packIndexes && stores.includes('complaints')) {
          for (const key of ['ids', 'nos', 'customerIds', 'phones', 'names'])
            packs.createIndex(key, key, { multiEntry: true })
          packs.createIndex('day', 'day')
        } else if (v.packIndexes)
          for (const key of ['ids', 'keys']) packs.createIndex(key, key, { multiEntry: true })
      }
    }
    const twin = await request(opening)
    let putMs = 0
    let packNo = 0
    // The app's records of a table, `perTx` at a time: its rows, then (complaints) those it stored in
    // packs (renderer/src/db/packedHistory.ts) — the floor is every record as a row, whatever the app did.
    const pagesOf = async function* (name: string): AsyncGenerator<Record<string, unknown>[]> {
      let after: IDBValidKey | undefined
      for (;;) {
        const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true)
        const rows = await request(app.transaction(name, 'readonly').objectStore(name).getAll(range, v.perTx))
        if (rows.length === 0) break
        after = (rows[rows.length - 1] as { id: string }).id
        yield rows as Record<string, unknown>[]
      }
      // (customers: those it stored in packs too, renderer/src/db/packedCustomers.ts)
      const packStore = name === 'complaints' ? 'complaintPacks' : name === 'customers' ? 'customerPacks' : ''
      if (!packStore || !app.objectStoreNames.contains(packStore)) return
      const buffer: Record<string, unknown>[] = []
      let afterPack: IDBValidKey | undefined
      for (;;) {
        const range = afterPack === undefined ? null : IDBKeyRange.lowerBound(afterPack, true)
        const packs = (await request(
          app.transaction(packStore, 'readonly').objectStore(packStore).getAll(range, 20)
        )) as { id: string; rowsText?: string; complaints?: { row: Record<string, unknown> }[] }[]
        if (packs.length === 0) break
        afterPack = (packs[packs.length - 1] as { id: string }).id
        for (const p of packs)
          buffer.push(...(p.rowsText ? JSON.parse(p.rowsText) : (p.complaints ?? []).map((c) => c.row)))
        while (buffer.length >= v.perTx) yield buffer.splice(0, v.perTx)
      }
      if (buffer.length) yield buffer
    }
    const deflate = async (text: string): Promise<Uint8Array> =>
      new Uint8Array(
        await new Response(
          new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))
        ).arrayBuffer()
      )
    for (const name of stores) {
      for await (const rows of pagesOf(name)) {
        const t0 = performance.now()
        const packs: Record<string, unknown>[] = []
        const singles: unknown[] = []
        if (v.pack) {
          const closed: unknown[] = []
          for (const row of rows)
            if (
              v.packAll ||
              (row as { status?: string }).status === 'closed' ||
              (row as { status?: string }).status === 'rejected'
            )
              closed.push(row)
            else singles.push(row)
          for (let i = 0; i < closed.length; i += v.pack) {
            const rows = closed.slice(i, i + v.pack) as Record<string, unknown>[]
            const keys = (f: string) => [
              ...new Set(rows.map((r) => r[f]).filter((x) => typeof x === 'string'))
            ]
            const day = Math.min(...rows.map((r) => Number(r.receivedAt)))
            const indexed = !v.packIndexes
              ? {}
              : name === 'customers'
                ? { ids: keys('id'), keys: [...new Set(rows.flatMap((r) => (r._keys as string[]) ?? []))] }
                : {
                    ids: keys('id'),
                    nos: keys('no'),
                    customerIds: keys('customerId'),
                    phones: keys('customerPhone'),
                    names: keys('customerName'),
                    day
                  }
            const body = v.deflate
              ? { bytes: await deflate(JSON.stringify(rows)) }
              : v.text
                ? { text: JSON.stringify(rows) }
                : { rows }
            packs.push({ id: `p${packNo++}`, ...body, ...indexed })
          }
        } else singles.push(...rows)
        const tx = twin.transaction(v.pack ? [name, 'packs'] : [name], 'readwrite')
        const store = tx.objectStore(name)
        for (const row of singles)
          if (v.add) store.add(row)
          else store.put(row)
        for (const pack of packs) tx.objectStore('packs').put(pack)
        await done(tx)
        putMs += performance.now() - t0
      }
    }
    app.close()
    twin.close()
    await request(indexedDB.deleteDatabase('floor-twin'))
    return Math.round(putMs)
  }, v)
}

/** Every variant, after the app has stored the store (BENCH_SYNC_VARIANTS=0: only the floor;
 *  =name,name: the floor and those). */
async function floorVariants(page: Page): Promise<Record<string, number>> {
  const asked = process.env.BENCH_SYNC_VARIANTS
  const names = asked === undefined ? null : new Set(['floor', ...asked.split(',')])
  const out: Record<string, number> = {}
  for (const v of FLOOR_VARIANTS.filter((f) => !names || names.has(f.name))) {
    out[v.name] = await floorVariant(page, v)
    console.log(`floor variant ${v.name}: ${out[v.name]} ms`)
  }
  return out
}

test('sync bootstrap: a new PC joins a store of 100 000 customers + 200 000 complaints', async ({
  page,
  shareDir
}) => {
  const written = await writeBenchShare(shareDir)
  console.log(
    `snapshot: ${written.files} files, ${(written.bytes / 1e6).toFixed(1)} MB, written in ${Math.round(written.writeMs)} ms`
  )

  await finishSetup(page)
  await openShare(page, shareDir)
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
  // (a plain poll in the page, as below: a failed `expect` renders Playwright's accessibility tree)
  await page.waitForFunction(
    () =>
      /正在载入门店数据 [1-9]\d*%/.test(
        document.querySelector('[data-testid=sync-loading]')?.textContent ?? ''
      ),
    null,
    { polling: 100, timeout: 60_000 }
  )
  await screenshot(page, 'sync-bootstrap-loading')
  // Usable: the working set is stored (every customer, open complaint, setting) — the round ends and
  // the header shows 已同步, with the history still loading behind it (or already all there).
  // Waited for with a plain poll in the page: a long `expect(…).toBeVisible()` re-renders Playwright's
  // accessibility tree of the page on every failed try — seen in the CPU profile as ~20 % of the
  // renderer's main thread during the join, time the app itself never spends.
  await page.waitForFunction(
    () => document.querySelector('[data-testid=sync-history], [data-testid=sync-status][data-state=synced]'),
    null,
    { polling: 100, timeout: 10 * 60_000 }
  )
  const usableMs = Date.now() - t0
  const loadingAtUsable = await page.getByTestId('sync-history').isVisible()
  if (loadingAtUsable) await screenshot(page, 'sync-bootstrap-history')

  // Customer search while history loads, every kind of key, timed in the page from typing until the
  // list shows that query's result (data-query).
  console.log(`usable after ${usableMs} ms (history still loading: ${loadingAtUsable})`)
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await expect(page.getByTestId('customer-search')).toBeVisible()
  const searchMs: number[] = []
  let searchesWhileLoading = 0
  for (const q of queries) {
    const loading = await page.getByTestId('sync-history').isVisible()
    searchMs.push(
      await page.evaluate(
        (q) =>
          new Promise<number>((resolve, reject) => {
            const input = document.querySelector<HTMLInputElement>('[data-testid=customer-search]')
            if (!input) return reject(new Error('no customer search'))
            const answered = (): boolean =>
              Array.from(document.querySelectorAll('[data-testid=customer-list]')).some(
                (list) => list.getAttribute('data-query') === q
              )
            const t0 = performance.now()
            const giveUp = setTimeout(() => {
              observer.disconnect()
              reject(new Error(`no result for ${q} after 30 s`))
            }, 30_000)
            const observer = new MutationObserver(() => {
              if (answered()) {
                observer.disconnect()
                clearTimeout(giveUp)
                resolve(performance.now() - t0)
              }
            })
            observer.observe(document.body, {
              subtree: true,
              childList: true,
              attributes: true,
              attributeFilter: ['data-query']
            })
            const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
            setValue?.call(input, q)
            input.dispatchEvent(new Event('input', { bubbles: true }))
          }),
        q
      )
    )
    if (loading) searchesWhileLoading++
  }
  const p95 = (xs: number[]): number =>
    Math.round(
      ([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? 0) * 10
    ) / 10
  const searchWhileLoadingP95Ms = p95(searchMs)
  console.log(
    `searches (ms): ${searchMs.map((x) => Math.round(x)).join(' ')}; ${searchesWhileLoading} while loading`
  )

  // Complete: every settled complaint stored too (the header's history progress gone).
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid=sync-history]') &&
      /^已同步/.test(document.querySelector('[data-testid=sync-status]')?.textContent ?? ''),
    null,
    { polling: 100, timeout: 10 * 60_000 }
  )
  const bootstrapMs = Date.now() - t0
  if (cdp && process.env.BENCH_PROFILE)
    writeFileSync(process.env.BENCH_PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile))

  console.log(`complete after ${bootstrapMs} ms`)
  // Every record stored: settled complaints and customers as rows or in packs (packedHistory.ts,
  // packedCustomers.ts).
  const counts = await page.evaluate(
    () =>
      new Promise<{ customers: number; complaints: number }>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          const db = open.result
          const stores = ['customers', 'complaints', 'complaintPacks', 'customerPacks'].filter((n) =>
            db.objectStoreNames.contains(n)
          )
          const tx = db.transaction(stores, 'readonly')
          const c = tx.objectStore('customers').count()
          const k = tx.objectStore('complaints').count()
          const packed = { complaintPacks: 0, customerPacks: 0 }
          for (const store of ['complaintPacks', 'customerPacks'] as const) {
            if (!stores.includes(store)) continue
            const cursor = tx.objectStore(store).openCursor()
            cursor.onsuccess = () => {
              const at = cursor.result
              if (!at) return
              packed[store] += (at.value as { ids: string[] }).ids.length
              at.continue()
            }
          }
          tx.oncomplete = () => (
            db.close(),
            resolve({
              customers: c.result + packed.customerPacks,
              complaints: k.result + packed.complaintPacks
            })
          )
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      })
  )
  expect(counts).toEqual({ customers: CUSTOMERS, complaints: COMPLAINTS })

  // The archive finds a customer by name once everything is stored.
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
  const variants = await floorVariants(page)
  const floorMs = variants.floor as number

  const figures = {
    engine: 'Chromium (Debian), the app joining through 加入已有门店, real temp folder',
    customers: CUSTOMERS,
    complaints: COMPLAINTS,
    snapshot: { files: written.files, megabytes: Math.round(written.bytes / 1e5) / 10 },
    usableMs,
    bootstrapMs,
    searchWhileLoadingP95Ms,
    searches: { total: searchMs.length, whileHistoryLoading: searchesWhileLoading },
    indexedDbFloorMs: Math.round(floorMs),
    floorVariantsMs: variants,
    firstSearchMs,
    emptyRoundInAppMs,
    targets: { usableMs: TARGET_MS, bootstrapMs: COMPLETE_MS, searchWhileLoadingP95Ms: SEARCH_P95_MS },
    meetsTargets: {
      usable: usableMs <= TARGET_MS,
      complete: bootstrapMs <= COMPLETE_MS,
      search: searchWhileLoadingP95Ms <= SEARCH_P95_MS
    },
    target: 'issue 18',
    measuredAt: new Date().toISOString()
  }
  console.log(JSON.stringify(figures, null, 2))
  if (SCALE === 1) {
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/sync-bootstrap.json', JSON.stringify(figures, null, 2) + '\n')
  }
  if (usableMs > TARGET_MS || bootstrapMs > COMPLETE_MS || searchWhileLoadingP95Ms > SEARCH_P95_MS) {
    const note = `usable ${usableMs} ms (target ${TARGET_MS}), complete ${bootstrapMs} ms (target ${COMPLETE_MS}), search p95 ${searchWhileLoadingP95Ms} ms (target ${SEARCH_P95_MS}): reported, not enforced (issue 18)`
    console.log(note)
    test.info().annotations.push({ type: 'target missed (issue 18)', description: note })
  }
})
