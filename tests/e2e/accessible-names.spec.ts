import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, registerComplaintViaUi } from './flows'
import { antdIconNames, iconNamed } from './iconNames'

// Issue 13.9: antd icons announced their English names ("audit 投诉处理", "plus 新建投诉"). Icons
// are decorative app-wide; a control's accessible name is its label, and an icon-only control has
// an aria-label from the catalogue. Checked over the aria tree of the main screens.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

const ICONS = antdIconNames()

async function expectNoIconNames(page: Page, screen: string) {
  const snapshot = await page.locator('body').ariaSnapshot()
  expect(iconNamed(snapshot, ICONS), screen).toEqual([])
}

test('no menu item, button or image is named after an icon, on every main screen', async ({ page }) => {
  await finishSetup(page)
  const no = await registerComplaintViaUi(page, {
    phone: '13812345678',
    name: '张三',
    content: '电饭煲不加热'
  })
  await expectNoIconNames(page, 'complaint detail')
  // exact names: the label alone
  await expect(page.getByRole('menuitem', { name: '投诉处理', exact: true })).toBeVisible()

  const screens: [string, string][] = [
    ['工作台', 'dashboard'],
    ['投诉处理', 'complaints'],
    ['客户档案', 'customers'],
    ['回访', 'revisits'],
    ['柜台登记', 'counter'],
    ['交接班', 'handover'],
    ['统计报表', 'reports'],
    ['系统设置', 'settings']
  ]
  for (const [menu, screen] of screens) {
    await page.getByRole('menuitem', { name: menu, exact: true }).click()
    await expect(page.getByRole('menuitem', { name: menu, exact: true })).toHaveClass(/selected/)
    await page.waitForLoadState('networkidle')
    await expectNoIconNames(page, screen)
  }
  await expect(page.getByRole('button', { name: '切换工号', exact: true })).toBeVisible()

  await page.getByRole('menuitem', { name: '投诉处理', exact: true }).click()
  await expect(page.getByRole('button', { name: '新建投诉', exact: true })).toBeVisible()
  await page.getByTestId('complaint-list').getByText(no).click()
  await expect(page.getByTestId('complaint-no')).toHaveText(no)
  await expectNoIconNames(page, 'complaint detail (from the list)')

  await page.getByRole('menuitem', { name: '工作台', exact: true }).click()
  await page.getByRole('button', { name: '新建投诉', exact: true }).click()
  await expect(page.getByLabel('联系电话')).toBeVisible()
  await expectNoIconNames(page, 'new complaint')

  await page.getByRole('menuitem', { name: '客户档案', exact: true }).click()
  await page.getByRole('button', { name: '新建客户', exact: true }).click()
  await expect(page.getByLabel('姓名', { exact: true })).toBeVisible()
  await expectNoIconNames(page, 'new customer')

  await page.getByRole('button', { name: '切换工号', exact: true }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectNoIconNames(page, 'switch staff dialog')
  await screenshot(page, 'accessible-names-dialog')
})
