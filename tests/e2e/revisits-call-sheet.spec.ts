import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup } from './flows'
import { saveViewAsPdf } from './pdf'
import { withDerived } from '@/db/derived'
import { revisitTaskKeys } from '@/db/revisitTaskKeys'

// 打印 回访任务单 (issue 14 point 5): as many pages as the calls need — one for a short day, with no
// blank page after it; a long list paginates with its header repeated and no row cut.

test.use({ startTime: '2026-11-23T15:00:00+08:00' })

const NOW = Date.parse('2026-11-23T15:00:00+08:00')
const H = 3_600_000

/** The page footer as printed, spaces removed (pdftotext spaces glyphs of the margin box its own way). */
function footerOf(pageText: string): string {
  return /第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页/.exec(pageText)?.[0].replace(/\s+/g, '') ?? ''
}

/** `count` open 大客户回访 tasks straight into the app's IndexedDB (fixture data, shaped as the writer
 *  stores them, with their derived keys), half overdue, half due tonight. */
async function seedTasks(
  page: Page,
  from: number,
  count: number
): Promise<{ name: string; phone: string }[]> {
  const stamp = { hlc: `${String(NOW).padStart(15, '0')}-0000-seed`, device: 'seed', staffNo: '8001' }
  const rows = Array.from({ length: count }, (_, k) => {
    const i = from + k
    const dueAt = i % 2 ? NOW - 2 * H - i * 60_000 : NOW + 5 * H
    const row = {
      id: `keyAccount:seed-${i}:10`,
      rule: 'keyAccount',
      sourceId: `seed-c-${i}`,
      sourceNo: '',
      customerId: `seed-c-${i}`,
      customerName: `顾客${i + 1}`,
      customerPhone: `139${String(10_000_000 + i * 7919).padStart(8, '0')}`,
      clerk: '',
      windowStart: NOW - 20 * 24 * H,
      dueAt,
      samplePercent: 100,
      retryMinutes: 120,
      maxAttempts: 3,
      _clock: {},
      _created: stamp,
      _updated: stamp
    }
    return withDerived(row, revisitTaskKeys(row))
  })
  await page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          const tx = open.result.transaction(['revisitTasks'], 'readwrite')
          for (const r of records) tx.objectStore('revisitTasks').put(r)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      }),
    rows
  )
  return rows.map((r) => ({ name: r.customerName, phone: r.customerPhone }))
}

test('the 回访任务单 takes as many pages as its calls: one for a short day, no blank page; a long list paginates', async ({
  page,
  desk
}) => {
  test.slow() // two PDFs
  await finishSetup(page)
  const few = await seedTasks(page, 0, 3)
  await page.getByRole('menuitem', { name: '回访' }).click()
  const queue = page.getByRole('row').filter({ hasText: '顾客1' })
  await expect(page.getByRole('row').filter({ hasText: /顾客\d/ })).toHaveCount(3)
  // A call made first, as a clerk would before printing: its dialog has been opened and closed.
  await page.getByRole('row').filter({ hasText: '顾客2' }).getByRole('button', { name: '开始回访' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: '未接通' }).check()
  await dialog.getByRole('button', { name: '保存回访结果' }).click()
  await expect(page.getByText('已记录：未接通')).toBeVisible()
  await expect(queue).toBeVisible()

  await page.getByRole('button', { name: '打印回访任务单' }).click()
  await expect(page.getByTestId('call-sheet').locator('tbody tr')).toHaveCount(3)
  const short = await saveViewAsPdf(page, desk, 'revisits-call-sheet-short-pdf')
  expect(short.pages).toHaveLength(1)
  expect(footerOf(short.pages[0]!)).toBe('第1页/共1页')
  for (const { name, phone } of few) {
    expect(short.pages[0]).toContain(name)
    expect(short.pages[0]).toContain(phone) // the manager may see full numbers (隐私设置 default)
  }
  await page.getByRole('button', { name: '返回' }).click()

  // 60 calls: the header repeats on every page, no row is cut, pages are numbered.
  const many = [...few, ...(await seedTasks(page, 3, 57))]
  await page.getByRole('button', { name: '打印回访任务单' }).click()
  await expect(page.getByTestId('call-sheet').locator('tbody tr')).toHaveCount(60)
  await screenshot(page, 'revisits-call-sheet-long-view')
  const long = await saveViewAsPdf(page, desk, 'revisits-call-sheet-long-pdf')
  expect(long.pages.length).toBeGreaterThanOrEqual(2)
  long.pages.forEach((text, i) => {
    expect(footerOf(text)).toBe(`第${i + 1}页/共${long.pages.length}页`)
    expect(text, `page ${i + 1}`).toMatch(/#\s+客户\s+联系电话\s+回访事由/) // the header on every page
    expect(text, `page ${i + 1}`).toMatch(/顾客\d+/) // no blank page
  })
  const lines = long.pages.flatMap((text) => text.split('\n'))
  for (const { name } of many) {
    const rows = lines.filter((l) => new RegExp(`${name}(?!\\d)`).test(l))
    expect(rows, name).toHaveLength(1)
    expect(rows[0], name).toContain('大客户回访')
  }
})
