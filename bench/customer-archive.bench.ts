import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from '../tests/e2e/fixtures'
import { finishSetup } from '../tests/e2e/flows'
import { generateCustomers } from './generateCustomers'
import { generateComplaints } from './generate'

// Issue "Customer archive" with 100 000 customers, in Chromium: search as you type p95 ≤ 30 ms per
// keystroke (name, pinyin initials, phone prefix, last 4), opening a customer page ≤ 100 ms.
// Figures are printed and written to bench/results/customer-archive.json.
const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 100_000)
const COMPLAINTS = 20_000
const TARGETS = { searchKeystrokeP95Ms: 30, openCustomerPageMs: 100 }

async function seed(page: Page, store: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ([name, chunk]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          const tx = open.result.transaction([name as string, 'meta'], 'readwrite')
          for (const row of chunk as unknown[]) tx.objectStore(name as string).put(row)
          // loaded behind the data layer's back: recount its tallies on the next start
          tx.objectStore('meta').delete('tallies.built.v3')
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
      }),
    [store, rows] as const
  )
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number
}

/** Types `query` one character at a time into the archive's search box; per keystroke, the time
 *  until the results for exactly that text are on screen. */
async function typeMeasured(page: Page, query: string): Promise<number[]> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=customer-search]')
    if (!input) throw new Error('no search box')
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
    const times: number[] = []
    for (let i = 1; i <= q.length; i++) {
      const text = q.slice(0, i)
      const shown = () =>
        document.querySelector('[data-testid=customer-list]')?.getAttribute('data-query') === text
      // A MutationObserver notices the results in the DOM at once (a polling timer would add its own delay).
      const done = new Promise<number>((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (!shown()) return
          observer.disconnect()
          resolve(performance.now())
        })
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['data-query']
        })
        setTimeout(() => (observer.disconnect(), reject(new Error(`no results for ${text}`))), 10_000)
      })
      const t0 = performance.now()
      setValue?.call(input, text)
      input.dispatchEvent(new Event('input', { bubbles: true }))
      times.push((shown() ? performance.now() : await done) - t0)
    }
    setValue?.call(input, '')
    input.dispatchEvent(new Event('input', { bubbles: true }))
    return times
  }, query)
}

test('customer archive at 100 000 customers', async ({ page, restartApp }) => {
  await finishSetup(page)
  process.env.TZ = 'Asia/Shanghai'
  const now = Date.now()
  const customers = generateCustomers(COUNT, { deviceId: 'bench', staffNo: '8001', nowMs: now })
  const complaints = generateComplaints(COMPLAINTS, { endMs: now, deviceId: 'bench', staffNo: '8001' }).map(
    (c, i) => ({ ...c, customerId: `bc-${(i * 7919) % COUNT}` })
  )
  const started = Date.now()
  for (let i = 0; i < customers.length; i += 10_000)
    await seed(page, 'customers', customers.slice(i, i + 10_000))
  for (let i = 0; i < complaints.length; i += 10_000)
    await seed(page, 'complaints', complaints.slice(i, i + 10_000))
  console.log(
    `seeded ${COUNT} customers and ${COMPLAINTS} complaints in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )

  let app = await restartApp()
  await app.waitForFunction(() => performance.getEntriesByName('desk:ready')[0], undefined, {
    timeout: 60_000
  })
  app = await restartApp()
  await app.waitForFunction(() => performance.getEntriesByName('desk:ready')[0], undefined, {
    timeout: 30_000
  })
  await app.getByRole('menuitem', { name: '客户档案' }).click()
  await expect(app.getByTestId('customer-count')).toHaveText(`共 ${COUNT} 位客户`)

  // Queries as staff type them: names, pinyin initials and full pinyin, phone prefixes, last 4, cards.
  const withComplaint = customers[7919 % COUNT] as (typeof customers)[number]
  const mobile = withComplaint.phones.at(-1) as string
  const queries = {
    name: ['张伟', '王芳', '单雄', '李娜', '刘洋', '曾国', '陈静', withComplaint.name],
    initials: ['zw', 'lmh', 'sx', 'wangf', 'cj', 'zengg', 'ly'],
    phonePrefix: [mobile.slice(0, 7), '13912', '1860', '021'],
    last4: [mobile.slice(-4), '0042', '8888', '1234', '5678', '9001'],
    card: ['M1000']
  }
  // One untimed query first: the first keystroke of the session compiles the search code paths.
  await typeMeasured(app, 'zs')
  const perKind: Record<string, number[]> = {}
  for (let round = 0; round < 2; round++) {
    for (const [kind, list] of Object.entries(queries)) {
      for (const q of list) (perKind[kind] ??= []).push(...(await typeMeasured(app, q)))
    }
  }
  const all = Object.values(perKind).flat()
  const labelled = Object.entries(queries).flatMap(([kind, list]) =>
    list.flatMap((q) => [...q].map((_, i) => `${kind}:${q.slice(0, i + 1)}`))
  )
  // per kind, round 1 then round 2: label each time with its keystroke
  const named = Object.entries(perKind).flatMap(([kind, list]) => {
    const keys = labelled.filter((l) => l.startsWith(`${kind}:`))
    return list.map((ms, i) => `${keys[i % keys.length]} ${ms.toFixed(1)}`)
  })
  console.log(
    'slowest keystrokes',
    [...named]
      .sort((a, b) => Number(b.split(' ').at(-1)) - Number(a.split(' ').at(-1)))
      .slice(0, 10)
      .join(' | ')
  )
  // Opening a customer page: click the search result until the profile and timeline show.
  const openRuns: number[] = []
  for (let i = 0; i < 5; i++) {
    const target = customers[(7919 * (i + 1)) % COUNT] as (typeof customers)[number]
    await app.getByTestId('customer-search').fill(target.phones.at(-1) as string)
    await expect(app.getByTestId('customer-list').getByRole('row').first()).toContainText(target.name)
    openRuns.push(
      await app.evaluate(async (name) => {
        const t0 = performance.now()
        document.querySelector<HTMLElement>('[data-testid=customer-list] [role=row]')?.click()
        while (!(
          document.querySelector('[data-testid=customer-name]')?.textContent === name &&
          document.querySelector('[data-testid=customer-timeline] [data-testid=timeline-complaint]')
        )) {
          if (performance.now() - t0 > 10_000) throw new Error('customer page did not open')
          await new Promise((r) => setTimeout(r, 0))
        }
        return performance.now() - t0
      }, target.name)
    )
    await app.getByRole('menuitem', { name: '客户档案' }).click()
  }

  const figures = {
    customers: COUNT,
    searchKeystrokeP95Ms: Math.round(p95(all) * 10) / 10,
    searchP95ByKind: Object.fromEntries(
      Object.entries(perKind).map(([k, v]) => [k, Math.round(p95(v) * 10) / 10])
    ),
    keystrokes: all.length,
    openCustomerPageMs: Math.round(Math.max(...openRuns)),
    runs: { perKind, openRuns },
    targets: TARGETS,
    measuredAt: new Date().toISOString()
  }
  console.log(JSON.stringify({ ...figures, runs: undefined }, null, 2))
  if (COUNT === 100_000) {
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/customer-archive.json', JSON.stringify(figures, null, 2) + '\n')
  }
  expect(figures.searchKeystrokeP95Ms).toBeLessThanOrEqual(TARGETS.searchKeystrokeP95Ms)
  // The issue names these four kinds: each must meet the target on its own, not only the mix.
  for (const kind of ['name', 'initials', 'phonePrefix', 'last4']) {
    expect(figures.searchP95ByKind[kind], kind).toBeLessThanOrEqual(TARGETS.searchKeystrokeP95Ms)
  }
  expect(figures.openCustomerPageMs).toBeLessThanOrEqual(TARGETS.openCustomerPageMs)
})
