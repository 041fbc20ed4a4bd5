import type { Locator, Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, registerComplaintViaUi } from './flows'

// Issue 13.10: in English at 1366×768 the complaint list's column headers and filter placeholders
// were cut off ("All statu…", "First respon…"). Each must show its whole label: nothing clipped
// (scrollWidth ≤ clientWidth) in the header cells and the filters' shown text.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

/** The elements of `locator` whose text is cut (label and widths, for the failure message). */
async function clipped(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    els
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => `${el.textContent ?? ''} (${el.scrollWidth} > ${el.clientWidth})`)
  )
}

/** Inputs whose placeholder is wider than the room inside them (measured in the input's own font). */
async function placeholderCut(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    (els as HTMLInputElement[])
      .filter((input) => input.placeholder)
      .map((input) => {
        const style = getComputedStyle(input)
        const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D
        ctx.font = style.font
        const text = Math.ceil(ctx.measureText(input.placeholder).width)
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
        return { text: `${input.placeholder} (${text} > ${room})`, cut: text > room }
      })
      .filter((p) => p.cut)
      .map((p) => p.text)
  )
}

async function toEnglish(page: Page) {
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible()
}

test('the English complaint list shows its headers and filters whole at 1366×768', async ({ page }) => {
  expect(page.viewportSize()).toEqual({ width: 1366, height: 768 })
  await finishSetup(page)
  await registerComplaintViaUi(page, { phone: '13812345678', name: '张三', content: '电饭煲不加热' })
  await toEnglish(page)
  await page.getByRole('menuitem', { name: 'Complaints' }).click()
  const head = page.locator('.desk-list-head')
  await expect(head).toContainText('Complaint no.')
  await expect(page.getByTestId('complaint-list').getByRole('row')).toHaveCount(1)

  const cells = head.locator(':scope > span')
  expect(await cells.count()).toBe(8)
  expect(await clipped(cells)).toEqual([])
  const filters = page.locator('.ant-select')
  expect(await filters.count()).toBeGreaterThanOrEqual(7)
  await expect(page.getByTestId('status-filter')).toContainText('All statuses')
  expect(await clipped(page.locator('.ant-select-placeholder, .ant-select-content'))).toEqual([])
  expect(await placeholderCut(page.locator('main input'))).toEqual([])
  // punctuation from the catalogue: "On duty: 8001", not a Chinese colon glued in code
  await expect(page.getByTestId('current-staff')).toHaveText('On duty: 8001 李经理')
  await screenshot(page, 'complaint-list-english')

  // the other screens issue 13 changed, in English (for people to look at)
  await page.getByRole('menuitem', { name: 'Customers' }).click()
  await page.getByTestId('customer-search').fill('13812345678')
  await expect(page.getByTestId('customer-count')).toHaveText('1 found')
  await screenshot(page, 'customer-list-search-english')
  await page.getByRole('menuitem', { name: 'Settings' }).click()
  await page.getByTestId('share-settings').scrollIntoViewIfNeeded()
  await expect(page.getByTestId('share-settings').getByLabel('Share folder')).toBeVisible()
  await screenshot(page, 'settings-share-folder-english')

  // and Chinese still fits as before
  await page.getByRole('menuitem', { name: 'Settings' }).click()
  await page.getByText('简体中文', { exact: true }).click()
  await page.getByRole('menuitem', { name: '投诉处理' }).click()
  await expect(head).toContainText('投诉编号')
  expect(await clipped(cells)).toEqual([])
  expect(await clipped(page.locator('.ant-select-placeholder, .ant-select-content'))).toEqual([])
  expect(await placeholderCut(page.locator('main input'))).toEqual([])
  await expect(page.getByTestId('current-staff')).toHaveText('当前工号：8001 李经理')
  await screenshot(page, 'complaint-list-zh')
})
