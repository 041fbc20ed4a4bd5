import { mkdir, rename, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { segmentPath } from '@shared/sync/segment'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, openShare, registerComplaintViaUi, STORE } from './flows'

// The English UI says nothing in Chinese where the data layer reports something (issue 12.4): the
// sync page's problems and quarantined files, and the import's row report, are codes worded by the
// catalogue. Only user data (store, staff and customer names, a roster's cells) may be Chinese.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/

/** The locator's text with the user's own data taken out; what is left must not be Chinese. */
async function chineseIn(locator: Locator, userData: readonly string[]): Promise<string[]> {
  let text = await locator.innerText()
  for (const d of [...userData].sort((a, b) => b.length - a.length)) text = text.split(d).join(' ')
  return text.split('\n').filter((line) => CJK.test(line))
}

async function toEnglish(page: Page) {
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible()
}

async function syncNowEn(page: Page) {
  await page.getByTestId('sync-status').click()
  await page.getByTestId('sync-now').click()
  await expect(page.getByTestId('sync-now')).not.toHaveClass(/ant-btn-loading/)
}

const USER_DATA = [STORE.storeName, STORE.managerName]

test('the English sync page words its problems and quarantined files in English', async ({
  page,
  shareDir
}) => {
  await finishSetup(page)
  await openShare(page, shareDir)
  await page.getByTestId('share-create').click()
  await expect(page.getByTestId('sync-status')).toHaveText(/^已同步/)
  await toEnglish(page)

  // Another "PC" left a file that is not a sync file: it is quarantined and reported.
  const bad = path.join(shareDir, segmentPath('pcX', 1))
  await mkdir(path.dirname(bad), { recursive: true })
  await writeFile(bad, 'not a sync file')
  await syncNowEn(page)
  const problems = page.getByTestId('sync-problems')
  await expect(problems).toContainText('Not a Service Desk sync file; quarantined')
  await expect(page.getByTestId('sync-quarantine')).toContainText('Not a Service Desk sync file; quarantined')
  await expect(page.getByText('Quarantined files (1)')).toBeVisible()
  await screenshot(page, 'sync-page-english-quarantine')
  expect(await chineseIn(page.getByTestId('sync-page'), USER_DATA)).toEqual([])

  // The folder goes away: the page says so in English.
  await rename(shareDir, `${shareDir}.gone`)
  await syncNowEn(page)
  await expect(problems).toContainText('The share folder cannot be reached')
  await screenshot(page, 'sync-page-english-unavailable')
  expect(await chineseIn(page.getByTestId('sync-page'), USER_DATA)).toEqual([])
  expect(await chineseIn(page.locator('header'), USER_DATA)).toEqual([])
  await rename(`${shareDir}.gone`, shareDir)
})

test('the English import report words every row in English', async ({ page }) => {
  await finishSetup(page)
  await toEnglish(page)
  await page.getByRole('menuitem', { name: 'Customers' }).click()
  await page.getByTestId('customer-search').waitFor()
  await page.getByRole('button', { name: 'Import customers' }).click()
  await expect(page.getByTestId('import-page')).toHaveAttribute('data-step', 'pick')
  const file = path.join(__dirname, '..', 'fixtures', 'import', 'roster-gbk.csv')
  await page.getByTestId('import-page').locator('input[type=file]').setInputFiles(file)
  await expect(page.getByTestId('import-page')).toHaveAttribute('data-step', 'review')
  await expect(page.getByTestId('import-preview')).toHaveAttribute('data-checking', 'false')
  await page.getByText('All rows with notes').click()
  const report = page.getByTestId('report-row')
  await expect(report.first()).toContainText('Row 2: ')
  // The roster's own cells are user data (names, addresses, full-width digits).
  const cells = new TextDecoder('gbk')
    .decode(readFileSync(file))
    .split(/[\r\n,]+/)
    .filter((cell) => CJK.test(cell))
  await page.getByTestId('import-report').scrollIntoViewIfNeeded()
  await screenshot(page, 'customer-import-english-report')
  for (const id of ['import-report', 'import-notice', 'import-summary', 'import-counts'])
    expect(await chineseIn(page.getByTestId(id), cells), id).toEqual([])
})

test('the English import of a messy roster: fates, counts that add up, phone-less rows and 下载问题行 in English (issue 13.1, 13.2)', async ({
  page
}) => {
  await finishSetup(page)
  await toEnglish(page)
  await page.getByRole('menuitem', { name: 'Customers' }).click()
  await page.getByTestId('customer-search').waitFor()
  await page.getByRole('button', { name: 'Import customers' }).click()
  const file = path.join(__dirname, '..', 'fixtures', 'import', 'roster-messy-gbk.csv')
  await page.getByTestId('import-page').locator('input[type=file]').setInputFiles(file)
  await expect(page.getByTestId('import-preview')).toHaveAttribute('data-checking', 'false')
  await expect(page.getByTestId('import-data-rows')).toHaveText(
    '7 (plus 2 blank; 9 rows read below the header)'
  )
  await expect(page.getByTestId('import-counts-sum')).toHaveText(
    '7 data rows = 4 new + 0 existing + 3 skipped; plus 2 blank; 9 rows read below the header.'
  )
  await page.getByLabel('Also import rows without a valid phone (phone left blank)').check()
  await expect(page.getByTestId('import-preview')).toHaveAttribute('data-checking', 'false')
  await page.getByText('All rows with notes').click()
  const report = page.getByTestId('import-report')
  await expect(report).toContainText(
    'Row 7: the phone is missing. The row is imported as a customer without a phone.'
  )
  await expect(report).toContainText(
    'Row 3: Birthday "2099/5/1" is later than today. That field is left blank; the rest of the row is imported.'
  )
  const cells = new TextDecoder('gbk')
    .decode(readFileSync(file))
    .split(/[\r\n,]+/)
    .filter((cell) => CJK.test(cell))
  await page.getByRole('button', { name: 'Download problem rows' }).scrollIntoViewIfNeeded()
  await screenshot(page, 'customer-import-english-messy')
  for (const id of ['import-report', 'import-summary', 'import-counts-sum'])
    expect(await chineseIn(page.getByTestId(id), cells), id).toEqual([])
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download problem rows' }).click()
  expect((await downloading).suggestedFilename()).toBe('roster-messy-gbk-problem rows.xlsx')
})

test('the English wording check: a negation is to rewrite, with no one-click swap (issue 13.3)', async ({
  page
}) => {
  await finishSetup(page)
  await registerComplaintViaUi(page, { phone: '13800138000', name: '张三', content: '电饭煲不加热' })
  await toEnglish(page)
  await page.getByRole('menuitem', { name: 'Complaints' }).click()
  await page.getByTestId('complaint-list').getByRole('row').first().click()
  await page
    .getByTestId('workflow-actions')
    .getByRole('button', { name: 'Complaint not valid', exact: true })
    .click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Written explanation to the customer').fill('我不能给您退款，但是可以换货。')
  const rewrite = dialog.getByTestId('wording-rewrite')
  await expect(rewrite).toContainText('Rewrite')
  await expect(rewrite).toContainText('A negative phrase cannot simply be swapped')
  await expect(rewrite.getByRole('button')).toHaveCount(0)
  await expect(dialog.getByRole('button', { name: 'Use: 同时' })).toBeVisible()
  await screenshot(page, 'workflow-wording-rewrite-english')
})
