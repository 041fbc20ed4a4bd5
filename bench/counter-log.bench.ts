import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from '../tests/e2e/fixtures'
import { finishSetup } from '../tests/e2e/flows'
import { seedRows } from './seed'
import { generateComplaints } from './generate'
import { generateConsultations, generateProblems } from './generateCounter'
import { serviceKey, withDerived } from '@/db/derived'
import { periodRange, previousWeek } from '@shared/domain/counter/week'

// Issue 15 (柜台登记): 100 000 consultations and 20 000 problems over two years next to 200 000
// complaints. Targets: saving a consultation ≤ 50 ms, the consultation list's first page ≤ 100 ms,
// 服务统计表 for a month ≤ 300 ms and a year ≤ 1 s, 每周汇总 ≤ 300 ms. Each is measured in the page
// from the action to the figures on screen. Written to bench/results/counter-log.json.
const SCALE = Number(process.env.BENCH_SCALE ?? 1)
const COUNTS = {
  complaints: Math.round(200_000 * SCALE),
  consultations: Math.round(100_000 * SCALE),
  problems: Math.round(20_000 * SCALE)
}
const CHUNK = 20_000
const TARGETS = {
  saveConsultationMs: 50,
  listFirstPageMs: 100,
  monthStatsMs: 300,
  yearStatsMs: 1000,
  weeklySummaryMs: 300
}

async function timeInPage(page: Page, act: string, done: string): Promise<number> {
  return page.evaluate(
    async ([actSrc, doneSrc]) => {
      const act = new Function(actSrc as string) as () => void
      const isDone = new Function(`return (${doneSrc as string})`) as () => boolean
      const t0 = performance.now()
      act()
      while (!isDone()) {
        if (performance.now() - t0 > 30_000) throw new Error(`not done after 30 s: ${doneSrc as string}`)
        await new Promise((r) => setTimeout(r, 0))
      }
      return performance.now() - t0
    },
    [act, done]
  )
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const clickText = (text: string) =>
  `[...document.querySelectorAll('[role=tab], label, button')].find((e) => e.textContent?.trim() === ${JSON.stringify(text)})?.click()`

test('counter log at 100 000 consultations, 20 000 problems and 200 000 complaints', async ({
  page,
  restartApp
}) => {
  await finishSetup(page)
  process.env.TZ = 'Asia/Shanghai'
  const endMs = Date.now()
  const complaints = generateComplaints(COUNTS.complaints, { endMs, deviceId: 'bench', staffNo: '8001' }).map(
    (c) => withDerived(c, serviceKey('complaints', c as unknown as Record<string, unknown>))
  )
  const consultations = generateConsultations(COUNTS.consultations, { endMs, days: 730 })
  const problems = generateProblems(COUNTS.problems, { endMs, days: 730 })
  const seedStart = Date.now()
  for (const [table, rows] of [
    ['complaints', complaints],
    ['consultations', consultations],
    ['problems', problems]
  ] as const)
    for (let i = 0; i < rows.length; i += CHUNK) await seedRows(page, table, rows.slice(i, i + CHUNK))
  console.log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`)
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          // The rows were put here behind the writer's back: its tallies and day rows are rebuilt.
          const tx = open.result.transaction('meta', 'readwrite')
          tx.objectStore('meta').delete('tallies.built.v3')
          tx.objectStore('meta').delete(IDBKeyRange.bound('serviceDays.built.', 'serviceDays.built.\uffff'))
          tx.oncomplete = () => (open.result.close(), resolve())
        }
      })
  )
  const app = await restartApp()
  await app.waitForFunction(() => performance.getEntriesByName('desk:ready')[0]?.startTime, undefined, {
    timeout: 300_000
  })

  // List: 柜台登记 → 咨询登记, today's first page (about 140 rows a day at this scale).
  const listRuns: number[] = []
  for (let i = 0; i < 5; i++) {
    await app.getByRole('menuitem', { name: '工作台' }).click()
    await app.getByRole('menuitem', { name: '柜台登记' }).click()
    await expect(app.getByRole('tab', { name: '咨询登记' })).toBeVisible()
    listRuns.push(
      await timeInPage(
        app,
        clickText('咨询登记'),
        `document.querySelector('[data-testid=consultations-table] .ant-table-row') !== null`
      )
    )
  }

  // Save: the form filled, then Ctrl+S until the dialog has closed (validation, write, outbox, UI).
  const saveRuns: number[] = []
  for (let i = 0; i < 5; i++) {
    await app.keyboard.press('F2')
    const dialog = app.getByRole('dialog', { name: /新建咨询/ })
    await dialog.getByLabel('咨询内容').fill(`有货吗 ${i}`)
    // A person fills the form over seconds: Ctrl+S comes after the dialog's own loading (its lists, the
    // pinyin chunk) has finished, which a robot filling in a millisecond would otherwise measure too.
    await app.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })))
    saveRuns.push(
      await timeInPage(
        app,
        `window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }))`,
        `document.querySelector('[data-testid=consultation-form]') === null`
      )
    )
  }

  // 服务统计表 for this month and this year: from the period's button to its table.
  const now = await app.evaluate(() => Date.now())
  const month = periodRange('month', now)
  const year = periodRange('year', now)
  const statsRuns = { month: [] as number[], year: [] as number[] }
  for (let i = 0; i < 3; i++) {
    for (const [label, range, runs] of [
      ['月', month, statsRuns.month],
      ['年', year, statsRuns.year]
    ] as const) {
      await app.getByRole('tab', { name: '咨询登记' }).click()
      await app.getByRole('tab', { name: '服务统计表' }).click()
      await expect(app.getByTestId('service-stats')).toBeVisible()
      runs.push(
        await timeInPage(
          app,
          clickText(label),
          `document.querySelector('[data-testid=service-stats]')?.getAttribute('data-range') === '${range.start}-${range.end}'`
        )
      )
    }
  }

  // The year's sheet is real work, not an empty table: its totals equal a count of the generated data
  // (the consultations of the year, plus the 5 saved above; every complaint in it is a service too).
  const totals = await app
    .locator('[data-testid=service-stats] tbody tr')
    .last()
    .locator('td')
    .allTextContents()
  const inYear = (at: number) => at >= year.start && at < year.end
  const yearConsultations =
    consultations.filter((c) => inYear(c.createdAt as number)).length + saveRuns.length
  const yearComplaints = complaints.filter((c) => inYear(c.receivedAt as number)).length
  console.log(`year sheet totals: ${totals.join(' | ')}; consultations expected ${yearConsultations}`)
  expect(Number(totals[2])).toBe(yearConsultations)
  expect(Number(totals[1])).toBeGreaterThan(Math.min(yearComplaints, 1000))

  // 每周汇总 of last week: from its tab to the summary.
  const week = previousWeek(now)
  const weeklyRuns: number[] = []
  for (let i = 0; i < 3; i++) {
    await app.getByRole('tab', { name: '咨询登记' }).click()
    weeklyRuns.push(
      await timeInPage(
        app,
        clickText('每周汇总'),
        `document.querySelector('[data-testid=weekly-summary]')?.getAttribute('data-range') === '${week.start}'`
      )
    )
  }

  const figures = {
    ...COUNTS,
    saveConsultationMs: Math.round(median(saveRuns)),
    listFirstPageMs: Math.round(median(listRuns)),
    monthStatsMs: Math.round(median(statsRuns.month)),
    yearStatsMs: Math.round(median(statsRuns.year)),
    weeklySummaryMs: Math.round(median(weeklyRuns)),
    targets: TARGETS,
    runs: { saveRuns, listRuns, monthRuns: statsRuns.month, yearRuns: statsRuns.year, weeklyRuns }
  }
  console.log(JSON.stringify(figures, null, 2))
  if (SCALE === 1) {
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/counter-log.json', JSON.stringify(figures, null, 2) + '\n')
  }
  for (const key of Object.keys(TARGETS) as (keyof typeof TARGETS)[])
    expect(figures[key], key).toBeLessThanOrEqual(TARGETS[key])
})
