import type { Locator, Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup } from './flows'

// Issue 13.8: toasts stacked down from the top centre over headings, the search box and dialog
// titles. They show one at a time inside the header band, clear of what is on it.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

type Box = { x: number; y: number; width: number; height: number }

/** Where `locator` is on screen; waits through the instant a toast is replaced by the next one (the
 *  old one gone, the new one not yet laid out — seen on a loaded CI machine). */
async function box(locator: Locator): Promise<Box> {
  let b: Box | null = null
  await expect
    .poll(async () => (b = await locator.boundingBox()) !== null, { message: 'not on screen' })
    .toBe(true)
  return b as unknown as Box
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The toast on screen: only one, within the header, over neither the store name nor the staff. */
async function expectToastInHeader(page: Page): Promise<Box> {
  const notices = page.locator('.ant-message-notice')
  await expect(notices.first()).toBeVisible()
  await expect(notices).toHaveCount(1)
  const toast = await box(notices.first())
  const header = await box(page.locator('header'))
  expect(toast.y + toast.height).toBeLessThanOrEqual(header.y + header.height)
  expect(overlaps(toast, await box(page.getByTestId('store-name')))).toBe(false)
  expect(overlaps(toast, await box(page.getByTestId('current-staff')))).toBe(false)
  return toast
}

test('toasts show one at a time in the header band, over no heading, search box or dialog title', async ({
  page
}) => {
  await finishSetup(page)
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  const storeCard = page.locator('.ant-card', { hasText: '门店信息' })
  const save = storeCard.getByRole('button', { name: '保存' })
  // two saves in a row: the second toast replaces the first instead of stacking under it
  await save.click()
  await expect(page.getByText('已保存', { exact: true })).toBeVisible()
  await save.click()
  const toast = await expectToastInHeader(page)
  await screenshot(page, 'toast-settings')

  // a dialog's title is below the band
  await page.getByRole('button', { name: '切换工号' }).click()
  const title = page.getByRole('dialog').locator('.ant-modal-title')
  await expect(title).toBeVisible()
  expect(overlaps(toast, await box(title))).toBe(false)
  await screenshot(page, 'toast-dialog')
  await page.keyboard.press('Escape')

  // the customer page's search box too
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await page.getByRole('button', { name: '新建客户' }).click()
  await page.getByLabel('姓名', { exact: true }).fill('张三')
  await page.getByLabel('联系电话 1').fill('13900001111')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('customer-name')).toHaveText('张三')
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  const search = page.getByTestId('customer-search')
  await expect(search).toBeVisible()
  const created = await expectToastInHeader(page)
  expect(overlaps(created, await box(search))).toBe(false)
  await screenshot(page, 'toast-customers')

  // English: the longer words still fit between the store name and the staff on duty
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await page.locator('.ant-card', { hasText: 'Store' }).first().getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await expectToastInHeader(page)
  await screenshot(page, 'toast-settings-english')
})
