import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from '../tests/e2e/fixtures'
import { finishSetup } from '../tests/e2e/flows'
import { generateComplaints } from './generate'

// docs/design.md §6 with 200 000 complaints: app ready ≤ 1.5 s, first page of a filtered list ≤ 100 ms,
// renderer heap ≤ 200 MB. Also measured (no design target; we hold it to 200 ms): opening 投诉处理
// from 工作台 until its first rows show, which includes mounting the page; and deep scrolling (held to 500 ms, see TARGETS). Figures are printed and written to bench/results/complaint-list.json.
/** BENCH_COMPLAINTS lets a quick local run use fewer rows; the figures that count use 200 000. */
const COUNT = Number(process.env.BENCH_COMPLAINTS ?? 200_000)
const CHUNK = 20_000
const TARGETS = {
  appReadyMs: 1500,
  openListPageMs: 200,
  filteredFirstPageMs: 100,
  categoryFirstPageMs: 100,
  overdueFirstPageMs: 300,
  // Ours, not the design's. Until 2026-12 the figure was a measuring error (it timed a still-filtered
  // list, ~1 ms); measured properly, the first jump to a quarter of 200 000 rows takes ~350 ms while
  // IndexedDB reads that part of the index for the first time (later jumps ~40 ms). Placeholder rows
  // show at once meanwhile; nothing is blocked.
  deepScrollMs: 500,
  heapMb: 200
}

/** Bulk-load generated rows straight into the app's IndexedDB (fixture data, not an app write path). */
async function seed(page: Page, rows: unknown[]): Promise<void> {
  await page.evaluate(
    (chunk) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('complaints', 'readwrite')
          const store = tx.objectStore('complaints')
          for (const row of chunk) store.put(row)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    rows
  )
}

/** Runs `act` in the page and measures until `done` holds, polling with zero-delay timers. */
async function timeInPage(page: Page, act: string, done: string): Promise<number> {
  return page.evaluate(
    async ([actSrc, doneSrc]) => {
      const act = new Function(actSrc as string) as () => void
      const isDone = new Function(`return (${doneSrc as string})`) as () => boolean
      const t0 = performance.now()
      act()
      while (!isDone()) {
        if (performance.now() - t0 > 20_000) throw new Error(`not done after 20 s: ${doneSrc as string}`)
        await new Promise((r) => setTimeout(r, 0))
      }
      return performance.now() - t0
    },
    [act, done]
  )
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number
}

test('complaint list at 200 000 complaints', async ({ page, restartApp }) => {
  await finishSetup(page)
  // The derived time keys depend on the local time zone (store days end at local midnight): compute
  // them in the page's zone (playwright.config.ts), as the app itself would.
  process.env.TZ = 'Asia/Shanghai'
  const rows = generateComplaints(COUNT, { endMs: Date.now(), deviceId: 'bench', staffNo: '8001' })
  const seedStart = Date.now()
  for (let i = 0; i < rows.length; i += CHUNK) await seed(page, rows.slice(i, i + CHUNK))
  console.log(`seeded ${COUNT} complaints in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`)
  // Rows loaded behind the data layer's back: make it recount its tallies on the next start.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite')
          tx.objectStore('meta').delete('tallies.built.v3')
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
      })
  )
  const warm = await restartApp()
  // Not a measured figure (it is printed): recounting 200 000 rows took 15 s on a quiet 2-core PC and
  // over a minute on a busy one, so this wait allows five.
  const rebuilt = await warm.waitForFunction(
    () => performance.getEntriesByName('desk:ready')[0]?.startTime,
    undefined,
    { timeout: 300_000 }
  )
  console.log(
    `first start after loading (recounts tallies): ${Math.round((await rebuilt.jsonValue()) as number)} ms`
  )

  // App ready: a fresh start (new Chromium process) until 工作台 shows the counts.
  const readyRuns: number[] = []
  let app = page
  for (let i = 0; i < 3; i++) {
    app = await restartApp()
    // The dashboard marks 'desk:ready' once its counts and recent list are on screen.
    const ready = await app.waitForFunction(
      () => performance.getEntriesByName('desk:ready')[0]?.startTime,
      undefined,
      { timeout: 30_000 }
    )
    readyRuns.push((await ready.jsonValue()) as number)
  }

  // First page of the list, unfiltered and filtered, measured in the page from click to rows.
  const firstRowShown = `document.querySelector('[data-testid=complaint-list] [role=row] span')?.textContent?.startsWith('TS-')`
  const listRuns: number[] = []
  const filteredRuns: number[] = []
  for (let i = 0; i < 5; i++) {
    await app.getByRole('menuitem', { name: '工作台' }).click()
    listRuns.push(
      await timeInPage(
        app,
        `[...document.querySelectorAll('[role=menuitem]')].find(e => e.textContent === '投诉处理').click()`,
        firstRowShown
      )
    )
    await app.getByTestId('status-filter').click()
    await app.getByTitle('已结案').click()
    await expect(app.getByTestId('complaint-list').getByRole('row').first()).toContainText('已结案')
    await app.getByTestId('status-filter').click()
    filteredRuns.push(
      await timeInPage(
        app,
        `[...document.querySelectorAll('.ant-select-item-option')].find(e => e.title === '不成立').click()`,
        `document.querySelector('[data-testid=complaint-list] [role=row]')?.textContent?.includes('不成立')`
      )
    )
  }

  // Other criteria filter while reading the index: 投诉类别 = 服务态度 (about 1 in 8), then 已超时.
  await app.getByTestId('status-filter').click()
  await app.getByTitle('全部状态').click()
  const categoryRuns: number[] = []
  for (const label of ['服务态度', '价格收费', '配送安装']) {
    await app.getByTestId('category-filter').click()
    categoryRuns.push(
      await timeInPage(
        app,
        `[...document.querySelectorAll('.ant-select-item-option')].find(e => e.title === '${label}').click()`,
        // every row on screen in that category (the first row alone may already be one)
        `(() => { const rows = [...document.querySelectorAll('[data-testid=complaint-list] [role=row]')].slice(0, 10); return rows.length > 0 && rows.every((r) => r.textContent.includes('${label}')) })()`
      )
    )
  }
  await app.getByTestId('category-filter').locator('.ant-select-clear').click({ force: true })
  const overdueRuns: number[] = []
  for (let i = 0; i < 3; i++) {
    overdueRuns.push(
      await timeInPage(
        app,
        `document.querySelector('[data-testid=overdue-filter]').click()`,
        `(() => { const rows = [...document.querySelectorAll('[data-testid=complaint-list] [role=row]')].slice(0, 5); return rows.length > 0 && rows.every((r) => r.querySelector('[data-testid=overdue-tag]')) })()`
      )
    )
    await app.getByTestId('overdue-filter').click()
  }

  // Scrolling deep into the list: rows at the new position render from their page. First the whole
  // list must be back (the last 已超时 click turns it off; scrolling before its count arrives
  // measured a short list).
  await expect(app.getByTestId('complaint-count')).toHaveText(`共 ${COUNT} 条`)
  const scrollRuns: number[] = []
  for (const fraction of [0.25, 0.5, 0.75, 0.999]) {
    scrollRuns.push(
      await timeInPage(
        app,
        `const el = document.querySelector('[data-testid=complaint-list]'); el.scrollTop = el.scrollHeight * ${fraction}`,
        // a row inside the list's own viewport shows its complaint (rows scrolled just out of the
        // list but still below the window's top do not count)
        `(() => { const list = document.querySelector('[data-testid=complaint-list]').getBoundingClientRect(); return [...document.querySelectorAll('[data-testid=complaint-list] [role=row]')].some(r => { const b = r.getBoundingClientRect(); return b.top >= list.top && b.bottom <= list.bottom && r.textContent.startsWith('TS-') }) })()`
      )
    )
  }

  const cdp = await app.context().newCDPSession(app)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  const figures = {
    complaints: COUNT,
    appReadyMs: Math.round(Math.max(...readyRuns)),
    openListPageMs: Math.round(p95(listRuns)),
    filteredFirstPageMs: Math.round(p95(filteredRuns)),
    deepScrollMs: Math.round(Math.max(...scrollRuns)),
    categoryFirstPageMs: Math.round(Math.max(...categoryRuns)),
    overdueFirstPageMs: Math.round(Math.max(...overdueRuns)),
    heapMb: Math.round(heap.usedSize / 1024 / 1024),
    runs: { readyRuns, listRuns, filteredRuns, scrollRuns, categoryRuns, overdueRuns },
    targets: TARGETS,
    measuredAt: new Date().toISOString()
  }
  console.log(JSON.stringify({ ...figures, runs: undefined }, null, 2))
  console.log(JSON.stringify(figures.runs))
  if (COUNT === 200_000) {
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/complaint-list.json', JSON.stringify(figures, null, 2) + '\n')
  }
  expect(figures.appReadyMs).toBeLessThanOrEqual(TARGETS.appReadyMs)
  expect(figures.openListPageMs).toBeLessThanOrEqual(TARGETS.openListPageMs)
  expect(figures.deepScrollMs).toBeLessThanOrEqual(TARGETS.deepScrollMs)
  expect(figures.categoryFirstPageMs).toBeLessThanOrEqual(TARGETS.categoryFirstPageMs)
  expect(figures.overdueFirstPageMs).toBeLessThanOrEqual(TARGETS.overdueFirstPageMs)
  expect(figures.filteredFirstPageMs).toBeLessThanOrEqual(TARGETS.filteredFirstPageMs)
  expect(figures.heapMb).toBeLessThanOrEqual(TARGETS.heapMb)
})
