import { test } from '../tests/e2e/fixtures'
import { finishSetup } from '../tests/e2e/flows'
import { seedRows } from './seed'
import { generateComplaints } from './generate'
import { generateCustomers } from './generateCustomers'
import { serviceKey, withDerived } from '@/db/derived'

// How a restore should store its records (issue 17 point 4; docs/backup.md "Restore: what it costs"):
// the app's customers and complaints, with the app's indexes, written into a twin database that
// already holds them (as a restore finds the store) by several strategies, raw IndexedDB, no app code:
//  - one: clear and put everything in ONE transaction (what the restore did);
//  - batchesN: clear in its own transaction, then puts in transactions of N rows, one after another;
//  - piped: the same with every transaction issued at once (the page serialises while the database
//    writes the previous ones);
//  - relaxed: batches with { durability: 'relaxed' }.
// Diagnostic only (no target): BENCH_SCALE=0.1 (default) is 10 000 customers + 20 000 complaints.
const SCALE = Number(process.env.BENCH_SCALE ?? 0.1)
const COUNTS = { customers: Math.round(100_000 * SCALE), complaints: Math.round(200_000 * SCALE) }
const CHUNK = 20_000

test.setTimeout(60 * 60_000)

test('restore write strategies', async ({ page }) => {
  await finishSetup(page)
  const now = Date.now()
  const customers = generateCustomers(COUNTS.customers, { deviceId: 'bench', staffNo: '8001', nowMs: now })
  const complaints = generateComplaints(COUNTS.complaints, {
    endMs: now,
    deviceId: 'bench',
    staffNo: '8001'
  }).map((c, i) =>
    withDerived(
      { ...c, customerId: `bc-${(i * 7919) % COUNTS.customers}` },
      serviceKey('complaints', c as unknown as Record<string, unknown>)
    )
  )
  for (const [table, rows] of [
    ['customers', customers],
    ['complaints', complaints]
  ] as const)
    for (let i = 0; i < rows.length; i += CHUNK) await seedRows(page, table, rows.slice(i, i + CHUNK))

  const results = await page.evaluate(async () => {
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
    const data: Record<string, unknown[]> = {}
    for (const name of stores)
      data[name] = await request(app.transaction(name, 'readonly').objectStore(name).getAll())
    await request(indexedDB.deleteDatabase('restore-twin'))
    const opening = indexedDB.open('restore-twin', 1)
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
    type Options = { durability?: 'relaxed' | 'default' | 'strict' }
    const fill = async (batch: number, opts: Options = {}, piped = false) => {
      for (const name of stores) {
        const rows = data[name] as unknown[]
        const pending: Promise<void>[] = []
        for (let i = 0; i < rows.length; i += batch) {
          const tx = twin.transaction(name, 'readwrite', opts)
          const store = tx.objectStore(name)
          for (const row of rows.slice(i, i + batch)) store.put(row)
          const d = done(tx)
          if (piped) pending.push(d)
          else await d
        }
        await Promise.all(pending)
      }
    }
    const clearAll = async (opts: Options = {}) => {
      const tx = twin.transaction(stores, 'readwrite', opts)
      for (const name of stores) tx.objectStore(name).clear()
      await done(tx)
    }
    const out: Record<string, number> = {}
    const time = async (label: string, run: () => Promise<void>) => {
      const t0 = performance.now()
      await run()
      out[label] = Math.round(performance.now() - t0)
    }
    const one = (write: 'put' | 'add', clear: boolean) => async () => {
      const tx = twin.transaction(stores, 'readwrite')
      if (clear) for (const name of stores) tx.objectStore(name).clear()
      for (const name of stores) for (const row of data[name] as unknown[]) tx.objectStore(name)[write](row)
      await done(tx)
    }
    await fill(2000) // the twin holds the records, as the store does when it is restored
    await time('one', one('put', true))
    await time('oneAdd', one('add', true))
    await time('overwriteOne', one('put', false))
    await time('overwrite20000', () => fill(20000))
    await time('clearOwn', () => clearAll())
    await time('emptyOne', one('put', false))
    await time('clearOwn2', () => clearAll())
    await time('empty20000', () => fill(20000))
    await time('one2', one('put', true))
    app.close()
    twin.close()
    await request(indexedDB.deleteDatabase('restore-twin'))
    return out
  })
  console.log(JSON.stringify({ ...COUNTS, ...results }, null, 2))
})
