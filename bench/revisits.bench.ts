import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from '../tests/e2e/fixtures'
import { finishSetup } from '../tests/e2e/flows'
import { generateCustomers } from './generateCustomers'
import { generateComplaints } from './generate'
import { DEFAULT_REVISIT_SETTINGS } from '@shared/domain/revisit'
import { benchTask, storedTask } from './generateTasks'
import { SWEEP_DONE_MARK } from '@/app/useRevisitSweep'

// Issue 14 (回访) at store scale, in Chromium: 100 000 customers, 200 000 complaints, 30 000 open
// follow-up tasks. 今日回访 first page ≤ 100 ms, opening a call ≤ 100 ms, recording an outcome ≤ 50 ms,
// turning on 新客户回访 + 大客户回访 over the 100 000 customers ≤ 10 s, the per-write cost of keeping
// tasks derived ≤ 2 ms, 回访统计 for a year ≤ 500 ms. Printed and written to bench/results/revisits.json.
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000)
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 200_000)
const OPEN_TASKS = Number(process.env.BENCH_TASKS ?? 30_000)
const TARGETS = {
  todayQueueFirstPageMs: 100,
  openCallMs: 100,
  recordOutcomeMs: 50,
  generate100kMs: 10_000,
  perWriteDeriveMs: 2,
  statsYearMs: 500
}
const DAY = 86_400_000

async function seed(page: Page, store: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ([name, chunk]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          const tx = open.result.transaction([name as string, 'meta'], 'readwrite')
          for (const row of chunk as unknown[]) tx.objectStore(name as string).put(row)
          // Rows put behind the writer's back: its tallies and day rows are rebuilt at the next start.
          tx.objectStore('meta').delete('tallies.built.v3')
          for (const family of ['serviceDays', 'taskDays'])
            tx.objectStore('meta').delete(IDBKeyRange.bound(`${family}.built.`, `${family}.built.\uffff`))
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
      }),
    [store, rows] as const
  )
}

/** Until the page is quiet, as when a person has spent a few seconds on the form: its database answers
 *  a one-row read at once three times running (no other transaction is ahead in IndexedDB's queue —
 *  e.g. the previous page's list still loading), then the thread has a whole idle period (50 ms). */
async function waitForQuiet(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('service-desk')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const probe = () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now()
        const get = db.transaction('meta', 'readonly').objectStore('meta').get('probe')
        get.onsuccess = get.onerror = () => resolve(performance.now() - t0)
      })
    // (at most 10 s: a store that is never quiet is measured as it is)
    const t0 = performance.now()
    for (let quick = 0; quick < 3 && performance.now() - t0 < 10_000;)
      quick = (await probe()) < 4 ? quick + 1 : 0
    db.close()
    await new Promise<void>((done) => {
      const check = (deadline: IdleDeadline) =>
        deadline.timeRemaining() >= 49 ? done() : requestIdleCallback(check)
      requestIdleCallback(check)
    })
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const round = (x: number) => Math.round(x * 10) / 10

test('回访 at 100 000 customers, 200 000 complaints, 30 000 open tasks', async ({ page, restartApp }) => {
  await finishSetup(page)
  process.env.TZ = 'Asia/Shanghai'
  const now = Date.now()
  const stamp = { hlc: `${String(now).padStart(15, '0')}-0000-bench`, device: 'bench', staffNo: '8001' }
  const customers = generateCustomers(CUSTOMERS, { deviceId: 'bench', staffNo: '8001', nowMs: now })
  const complaints = generateComplaints(COMPLAINTS, { endMs: now, deviceId: 'bench', staffNo: '8001' }).map(
    (c, i) => ({ ...c, customerId: `bc-${(i * 7919) % CUSTOMERS}` })
  )
  // 30 000 open tasks due from 5 days ago to 25 days ahead, plus a year of ended ones for statistics.
  // Twelve campaigns (a store's year of 专项回访), each with thousands of customers.
  const customerOf = (i: number) => customers[i % CUSTOMERS] as (typeof customers)[number]
  const tasks: object[] = []
  for (let i = 0; i < OPEN_TASKS; i++)
    tasks.push(
      storedTask(
        benchTask(customerOf(i), i, now - 5 * DAY + Math.floor((i / OPEN_TASKS) * 30 * DAY)),
        stamp,
        false
      )
    )
  for (let i = 0; i < 30_000; i++) {
    const dueAt = now - 365 * DAY + Math.floor((i / 30_000) * 360 * DAY)
    tasks.push(storedTask(benchTask(customerOf(OPEN_TASKS + i), OPEN_TASKS + i, dueAt), stamp, true, 1))
  }
  // Start with 新客户回访 and 大客户回访 off: switching them on is measured.
  const off = {
    ...DEFAULT_REVISIT_SETTINGS,
    rules: {
      ...DEFAULT_REVISIT_SETTINGS.rules,
      newCustomer: { ...DEFAULT_REVISIT_SETTINGS.rules.newCustomer, enabled: false },
      keyAccount: { ...DEFAULT_REVISIT_SETTINGS.rules.keyAccount, enabled: false }
    }
  }
  const started = Date.now()
  for (let i = 0; i < customers.length; i += 10_000)
    await seed(page, 'customers', customers.slice(i, i + 10_000))
  for (let i = 0; i < complaints.length; i += 10_000)
    await seed(page, 'complaints', complaints.slice(i, i + 10_000))
  for (let i = 0; i < tasks.length; i += 10_000) await seed(page, 'revisitTasks', tasks.slice(i, i + 10_000))
  await seed(page, 'settings', [{ id: 'revisit', ...off, _clock: {}, _created: stamp, _updated: stamp }])
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  let app = await restartApp()
  await app.waitForFunction(() => performance.getEntriesByName('desk:ready')[0], undefined, {
    timeout: 120_000
  })
  app = await restartApp()
  await app.waitForFunction(() => performance.getEntriesByName('desk:ready')[0], undefined, {
    timeout: 60_000
  })
  // The start-up sweep (10 s after start) done, so no measure below waits behind it (it is background
  // work on the same thread; a person opening 回访 at that second would see the same delay).
  await app.waitForFunction((mark) => performance.getEntriesByName(mark)[0], SWEEP_DONE_MARK, {
    timeout: 120_000
  })

  // 今日回访 first page: from the menu click until the first row's phone is on screen.
  const queueRuns: number[] = []
  for (let i = 0; i < 5; i++) {
    await app.getByRole('menuitem', { name: '工作台' }).click()
    await expect(app.getByTestId('overdue-count')).toBeVisible()
    await waitForQuiet(app)
    const ms = await app.evaluate(async () => {
      const item = [...document.querySelectorAll<HTMLElement>('[role=menuitem]')].find((e) =>
        e.textContent?.includes('回访')
      )
      const t0 = performance.now()
      item?.click()
      while (!document.querySelector('[data-testid=queue-phone]')) {
        if (performance.now() - t0 > 30_000) throw new Error('queue did not show')
        await new Promise((r) => setTimeout(r, 0))
      }
      return performance.now() - t0
    })
    queueRuns.push(ms)
  }

  // Opening a call and recording 未接通, five times.
  const openRuns: number[] = []
  const recordRuns: number[] = []
  for (let i = 0; i < 5; i++) {
    await expect(app.getByRole('button', { name: '开始回访' }).first()).toBeVisible()
    await waitForQuiet(app)
    openRuns.push(
      await app.evaluate(async () => {
        const button = [...document.querySelectorAll<HTMLElement>('button')].find(
          (b) => b.textContent?.includes('开始回访') && b.classList.contains('ant-btn-primary')
        )
        const t0 = performance.now()
        button?.click()
        while (!document.querySelector('[data-testid=script-opening]')) {
          if (performance.now() - t0 > 30_000) throw new Error('call did not open')
          await new Promise((r) => setTimeout(r, 0))
        }
        return performance.now() - t0
      })
    )
    const dialog = app.getByRole('dialog')
    await dialog.getByRole('radio', { name: '未接通' }).check()
    await waitForQuiet(app)
    recordRuns.push(
      await app.evaluate(async () => {
        const save = [...document.querySelectorAll<HTMLElement>('.ant-modal button')].find((b) =>
          b.textContent?.includes('保存回访结果')
        )
        const t0 = performance.now()
        save?.click()
        while (document.querySelector('[data-testid=script-opening]')) {
          if (performance.now() - t0 > 30_000) throw new Error('outcome not recorded')
          await new Promise((r) => setTimeout(r, 0))
        }
        return performance.now() - t0
      })
    )
  }

  // 回访统计 for a year.
  const from = new Date(now - 365 * DAY).toISOString().slice(0, 10)
  const to = new Date(now).toISOString().slice(0, 10)
  const statsRuns: number[] = []
  for (let i = 0; i < 3; i++) {
    await app.getByRole('menuitem', { name: '工作台' }).click()
    await expect(app.getByTestId('overdue-count')).toBeVisible()
    statsRuns.push(
      await app.evaluate(
        async ([f, t]) => {
          const t0 = performance.now()
          window.location.hash = `#/revisits?tab=stats&from=${f}&to=${t}`
          while (!document.querySelector('[data-testid=coverage-total]')) {
            if (performance.now() - t0 > 60_000) throw new Error('stats did not show')
            await new Promise((r) => setTimeout(r, 0))
          }
          return performance.now() - t0
        },
        [from, to] as const
      )
    )
  }

  // Switching on 新客户回访 and 大客户回访 over the whole archive, in the background.
  await app.getByRole('menuitem', { name: '系统设置' }).click()
  const rules = app.getByTestId('revisit-rules-settings')
  await rules.getByRole('checkbox', { name: '新客户回访 启用' }).check()
  await rules.getByRole('checkbox', { name: '大客户回访 启用' }).check()
  const t0 = Date.now()
  await rules.getByRole('button', { name: '保存' }).click()
  await expect(app.getByText(/^已生成 \d+ 条回访任务$/)).toBeVisible({ timeout: 120_000 })
  const generate100kMs = Date.now() - t0

  // The per-write cost: what each save paid for keeping tasks derived (performance entries: the
  // derivation's own time until its writes are asked for, plus the time the save then waited for them
  // beyond its own writes — WriteTx.together) over five customers created at the counter, after a first
  // one that is not counted (the code path's first run compiles it: a one-off per session).
  for (const [i, phone] of [
    '13100000000',
    '13100000001',
    '13100000002',
    '13100000003',
    '13100000004',
    '13100000005'
  ].entries()) {
    await app.getByRole('menuitem', { name: '客户档案' }).click()
    await app.getByRole('button', { name: '新建客户' }).click()
    await app.getByLabel('姓名', { exact: true }).fill(`基准${i}`)
    await app.getByLabel('联系电话 1').fill(phone)
    // A person types for seconds: the save comes when the page is quiet (the generation's live queries
    // and the customer list done), not while a robot's previous click is still loading.
    await waitForQuiet(app)
    await app.getByRole('button', { name: '保存' }).click()
    await expect(app.getByTestId('customer-name')).toHaveText(`基准${i}`)
    if (i === 0) await app.evaluate((name) => performance.clearMeasures(name), 'desk:revisit-derive')
  }
  const derive = await app.evaluate(() =>
    performance.getEntriesByName('desk:revisit-derive').map((e) => e.duration)
  )

  const figures = {
    customers: CUSTOMERS,
    complaints: COMPLAINTS,
    openTasks: OPEN_TASKS,
    todayQueueFirstPageMs: round(median(queueRuns)),
    openCallMs: round(median(openRuns)),
    recordOutcomeMs: round(median(recordRuns)),
    generate100kMs,
    perWriteDeriveMs: round(derive.length ? Math.max(...derive) : 0),
    statsYearMs: round(median(statsRuns)),
    runs: { queueRuns, openRuns, recordRuns, statsRuns, derive },
    targets: TARGETS,
    measuredAt: new Date().toISOString()
  }
  console.log(JSON.stringify({ ...figures, runs: undefined }, null, 2))
  if (CUSTOMERS === 100_000) {
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/revisits.json', JSON.stringify(figures, null, 2) + '\n')
  }
  for (const [key, target] of Object.entries(TARGETS))
    expect(figures[key as keyof typeof TARGETS], key).toBeLessThanOrEqual(target)
})
