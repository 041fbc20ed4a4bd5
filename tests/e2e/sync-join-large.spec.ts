import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, openShare, registerComplaintViaUi } from './flows'
import { saveViewAsPdf } from './pdf'
import { writeStoreShare } from '../../bench/storeShare'

// Issue 18 point 1 at CI scale: a new PC joins a store whose snapshot holds 1 500 customers and 4 000
// complaints (small chunks, so the settled history takes many rounds). Usable first: the header says
// the history is loading while the archive finds customers and a new complaint is registered; the
// complaint list, a customer's timeline and 统计报表 say they are not complete yet (the test holds the
// background's chunk reads, so the history is surely still loading); at the end every record is there.

const CUSTOMERS = 1_500
const COMPLAINTS = 4_000

/** 统计报表 → 导出Excel (总览), read back: the 数据截至 cell of the summary sheet. */
async function exportedAsOf(page: Page): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-join-export-'))
  try {
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出Excel' }).click()
    const file = path.join(dir, 'report.xlsx')
    await (await downloading).saveAs(file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const summary = book.getWorksheet('汇总')
    const row = summary?.getRows(1, summary.rowCount)?.find((r) => r.getCell(1).value === '数据截至')
    return String(row?.getCell(2).value ?? '')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function writeJoinShare(root: string): Promise<{ name: string; phone: string }> {
  // small chunks, so the settled history takes many rounds
  const { customers } = await writeStoreShare(root, {
    storeId: 'join-store',
    customers: CUSTOMERS,
    complaints: COMPLAINTS,
    chunkRecords: 200
  })
  const c = customers[1234] as (typeof customers)[number]
  return { name: c.name, phone: c.phone }
}

test('a new PC joins a large store: usable while the history loads, with its progress in the header', async ({
  page,
  desk,
  shareDir
}) => {
  test.setTimeout(120_000)
  const someone = await writeJoinShare(shareDir)
  await finishSetup(page)
  await openShare(page, shareDir)
  await expect(page.getByTestId('share-state')).toContainText('该文件夹里已有门店共享')
  // The history stays loading until the test lets it go on: the first pass reads every chunk once,
  // the background reads the history chunks again, and those second reads wait (a slow share).
  const read = new Set<string>()
  const release = desk.hold('shareRead', (arg) => {
    const file = (arg as { path?: unknown }).path
    if (typeof file !== 'string' || !/\/chunk-\d{6}\.snap$/.test(file)) return false
    if (read.has(file)) return true
    read.add(file)
    return false
  })
  await page.getByTestId('share-join').click()

  await expect(page.getByTestId('sync-history')).toContainText(/历史记录载入中 \d+%/, { timeout: 60_000 })
  await screenshot(page, 'sync-join-history-loading')
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await page.getByTestId('customer-search').fill(someone.name)
  await expect(page.getByTestId('customer-list')).toHaveAttribute('data-query', someone.name)
  await expect(page.getByTestId('customer-list')).toContainText(someone.name)
  await page.getByTestId('customer-search').fill(someone.phone.slice(-4))
  await expect(page.getByTestId('customer-list')).toHaveAttribute('data-query', someone.phone.slice(-4))
  await expect(page.getByTestId('customer-list')).toContainText(someone.name)
  const note = page.getByTestId('customers-loading-note')
  if (await note.isVisible()) {
    // the customers are stored before the history, so this note may already be gone
    await expect(note).toContainText('客户档案仍在后台载入')
    await screenshot(page, 'sync-join-customers-note')
  }
  // Every page that shows history says it is not complete yet: the customer's timeline …
  await page.getByTestId('customer-list').getByRole('row').filter({ hasText: someone.name }).first().click()
  await expect(page.getByTestId('customer-timeline').getByTestId('history-loading-note')).toContainText(
    '历史投诉仍在后台载入'
  )
  await screenshot(page, 'sync-join-customer-history-note')
  // … 统计报表 …
  await page.getByRole('menuitem', { name: '统计报表' }).click()
  await expect(page.getByTestId('history-loading-note')).toContainText('报表数字暂不完整')
  await screenshot(page, 'sync-join-reports-note')
  // A file or a printed sheet outlives the page: each says its figures are not complete.
  expect(await exportedAsOf(page)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d（历史记录仍在载入，数字不完整）$/)
  await page.getByRole('button', { name: '打印报表' }).click()
  await expect(page.getByTestId('print-filters')).toContainText('数据截至：')
  await expect(page.getByTestId('print-filters')).toContainText('（历史记录仍在载入，数字不完整）')
  const pdf = await saveViewAsPdf(page, desk, 'sync-join-reports-print-note')
  expect(pdf.text.replace(/\s+/g, '')).toContain('（历史记录仍在载入，数字不完整）')
  await page.getByRole('button', { name: '返回' }).click()
  // … and 投诉处理.
  await page.getByRole('menuitem', { name: '投诉处理' }).click()
  await expect(page.getByTestId('history-loading-note')).toContainText('历史投诉仍在后台载入')
  await screenshot(page, 'sync-join-history-note')

  const no = await registerComplaintViaUi(page, {
    phone: '13912345678',
    name: '加载中客户',
    content: '历史载入期间登记的投诉。'
  })
  expect(no).toMatch(/^TS-/)
  // One for a customer on file (perhaps not stored here yet): it joins that archive, no second one.
  expect(
    await registerComplaintViaUi(page, {
      phone: someone.phone,
      name: someone.name,
      content: '老客户在历史载入期间来投诉。'
    })
  ).toMatch(/^TS-/)

  // Complete: the progress leaves the header, the note leaves the list, every record is there.
  // Still loading while held; then the history goes on and the notes go.
  await expect(page.getByTestId('sync-history')).toBeVisible()
  release()
  await expect(page.getByTestId('sync-history')).toHaveCount(0, { timeout: 90_000 })
  await page.getByRole('menuitem', { name: '投诉处理' }).click()
  await expect(page.getByTestId('history-loading-note')).toHaveCount(0)
  // the list counts every complaint, settled history in packs too, and an old one opens by its number
  await expect(page.getByTestId('complaint-count')).toHaveText(`共 ${COMPLAINTS + 2} 条`)
  const oldNo = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          const read = open.result.transaction('complaintPacks').objectStore('complaintPacks').openCursor()
          read.onsuccess = () => (
            open.result.close(),
            resolve((read.result?.value as { nos: string[] }).nos[0] ?? '')
          )
          read.onerror = () => reject(read.error)
        }
        open.onerror = () => reject(open.error)
      })
  )
  await page.getByRole('searchbox', { name: '按投诉编号、客户姓名或电话查找' }).fill(oldNo)
  await expect(page.getByTestId('complaint-count')).toHaveText('共 1 条')
  await screenshot(page, 'sync-join-old-complaint-found')
  await page.getByRole('row').filter({ hasText: oldNo }).click()
  await expect(page.getByTestId('complaint-no')).toHaveText(oldNo)
  await screenshot(page, 'sync-join-old-complaint')
  await page.getByRole('menuitem', { name: '统计报表' }).click()
  await expect(page.getByTestId('history-loading-note')).toHaveCount(0)
  expect(await exportedAsOf(page)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/)
  // Every record stored: settled complaints and customers in packs (renderer/src/db/packedHistory.ts,
  // packedCustomers.ts), the rest as rows.
  const counts = await page.evaluate(
    () =>
      new Promise<{ customers: number; complaints: number; packed: number; packedCustomers: number }>(
        (resolve, reject) => {
          const open = indexedDB.open('service-desk')
          open.onsuccess = () => {
            const db = open.result
            const packStores = ['complaintPacks', 'customerPacks'] as const
            const tx = db.transaction(['customers', 'complaints', ...packStores], 'readonly')
            const c = tx.objectStore('customers').count()
            const k = tx.objectStore('complaints').count()
            const packed = { complaintPacks: 0, customerPacks: 0 }
            for (const store of packStores) {
              const cursor = tx.objectStore(store).openCursor()
              cursor.onsuccess = () => {
                if (!cursor.result) return
                packed[store] += (cursor.result.value as { ids: string[] }).ids.length
                cursor.result.continue()
              }
            }
            tx.oncomplete = () => (
              db.close(),
              resolve({
                customers: c.result + packed.customerPacks,
                complaints: k.result + packed.complaintPacks,
                packed: packed.complaintPacks,
                packedCustomers: packed.customerPacks
              })
            )
            tx.onerror = () => reject(tx.error)
          }
          open.onerror = () => reject(open.error)
        }
      )
  )
  expect(counts.packed).toBeGreaterThan(0)
  expect(counts.packedCustomers).toBeGreaterThan(0)
  // the first registered complaint's customer is new (its phone is in no generated archive); the
  // second's was on file
  expect({ customers: counts.customers, complaints: counts.complaints }).toEqual({
    customers: CUSTOMERS + 1,
    complaints: COMPLAINTS + 2
  })
  await screenshot(page, 'sync-join-complete')
})
