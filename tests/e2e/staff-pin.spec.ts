import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, switchStaff } from './flows'

// 设置PIN in 系统设置 → 员工列表: everyone their own, the 客服经理 anyone's (and only they clear one).

const rowOf = (page: Page, staffNo: string) =>
  page.getByTestId('staff-table').getByRole('row').filter({ hasText: staffNo })

test.describe('staff PINs', () => {
  test('a clerk sets their own PIN: format and mismatch errors first, then 已设置; no PIN buttons on other rows', async ({
    page
  }) => {
    await finishSetup(page)
    await addStaff(page, '1001', '王小明')
    await addStaff(page, '1002', '王芳')
    await switchStaff(page, '1001')
    await page.getByRole('menuitem', { name: '系统设置' }).click()

    await expect(rowOf(page, '1001').getByText('未设置')).toBeVisible()
    await expect(rowOf(page, '1002').getByRole('button', { name: '设置PIN' })).toHaveCount(0)
    await expect(rowOf(page, '8001').getByRole('button', { name: '设置PIN' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: '清除PIN' })).toHaveCount(0)

    await rowOf(page, '1001').getByRole('button', { name: '设置PIN' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toContainText('设置PIN：1001 王小明')
    await expect(dialog.getByLabel('新PIN')).toHaveAttribute('type', 'password')
    await expect(dialog.getByLabel('新PIN')).toHaveAttribute('inputmode', 'numeric')
    await expect(dialog.getByLabel('新PIN')).toHaveAttribute('maxlength', '6')

    await dialog.getByLabel('新PIN').fill('12')
    await dialog.getByLabel('再次输入').fill('12')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('error-pinNew')).toHaveText('PIN 为 4–6 位数字')

    await dialog.getByLabel('新PIN').fill('1234')
    await dialog.getByLabel('再次输入').fill('1243')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('error-pinConfirm')).toHaveText('两次输入的 PIN 不一致')
    await expect(page.getByTestId('error-pinNew')).toHaveCount(0)
    // let the earlier toasts (员工已添加, 已切换) fade so they do not cover the dialog in the picture
    await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 })
    await screenshot(page, 'staff-pin-mismatch')

    // full-width digits from a Chinese keyboard count as the same PIN
    await dialog.getByLabel('再次输入').fill('１２３４')
    await page.keyboard.press('Enter')
    await expect(page.getByText('已为 1001 王小明 设置 PIN')).toBeVisible()
    await expect(dialog).toBeHidden()
    await expect(rowOf(page, '1001').getByText('已设置')).toBeVisible()
    await expect(rowOf(page, '1002').getByText('未设置')).toBeVisible()
    // the hash itself is never shown
    await expect(page.getByTestId('staff-table')).not.toContainText('pbkdf2')
    await screenshot(page, 'staff-pin-table')
  })

  test('the manager sets another’s PIN and can clear it', async ({ page }) => {
    await finishSetup(page)
    await addStaff(page, '1002', '王芳')
    await rowOf(page, '1002').getByRole('button', { name: '设置PIN' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('新PIN').fill('567890')
    await dialog.getByLabel('再次输入').fill('567890')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect(page.getByText('已为 1002 王芳 设置 PIN')).toBeVisible()
    await expect(rowOf(page, '1002').getByText('已设置')).toBeVisible()
    await expect(rowOf(page, '8001').getByText('未设置')).toBeVisible()
    // the manager may set their own too, and clears only where a PIN exists
    await expect(rowOf(page, '8001').getByRole('button', { name: '设置PIN' })).toBeVisible()
    await expect(rowOf(page, '8001').getByRole('button', { name: '清除PIN' })).toHaveCount(0)

    await rowOf(page, '1002').getByRole('button', { name: '清除PIN' }).click()
    await expect(page.getByText('清除 1002 王芳 的 PIN？清除后需重新设置。')).toBeVisible()
    await page.getByRole('tooltip').getByRole('button', { name: '清除PIN' }).click()
    await expect(page.getByText('已清除 1002 王芳 的 PIN')).toBeVisible()
    await expect(rowOf(page, '1002').getByText('未设置')).toBeVisible()
  })
})
