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

test.describe('切换工号 with a PIN', () => {
  // a fake clock from the first script, so the lock's five minutes can be passed without waiting
  test.use({ startTime: '2026-11-22T10:30:00+08:00' })

  test('切换工号 asks for the PIN of whoever has one; five wrong lock that 工号 for 5 minutes', async ({
    page
  }) => {
    await finishSetup(page)
    await addStaff(page, '1002', '王芳')
    await rowOf(page, '1002').getByRole('button', { name: '设置PIN' }).click()
    const setDialog = page.getByRole('dialog')
    await setDialog.getByLabel('新PIN').fill('2468')
    await setDialog.getByLabel('再次输入').fill('2468')
    await setDialog.getByRole('button', { name: '保存' }).click()
    await expect(page.getByText('已为 1002 王芳 设置 PIN')).toBeVisible()

    const tryPin = async (pin: string) => {
      const pinField = page.getByRole('dialog').getByLabel('PIN', { exact: true })
      await pinField.fill(pin)
      await pinField.press('Enter')
    }
    await page.getByRole('button', { name: '切换工号' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox').fill('1002')
    await page.keyboard.press('Enter')
    await expect(dialog.getByText('1002 王芳 已设置 PIN：输入 PIN 后切换')).toBeVisible()
    await expect(dialog.getByLabel('PIN', { exact: true })).toHaveAttribute('type', 'password')
    await tryPin('1357')
    await expect(page.getByTestId('error-switchPin')).toHaveText('PIN 不正确，还可输入 4 次')
    // still the manager: a wrong PIN switches nobody
    await expect(page.getByTestId('current-staff')).toContainText('8001')
    await screenshot(page, 'switch-staff-pin-wrong')
    for (const left of [3, 2, 1]) {
      await tryPin('1357')
      await expect(page.getByTestId('error-switchPin')).toHaveText(`PIN 不正确，还可输入 ${left} 次`)
    }
    await tryPin('1357')
    const until = await page.evaluate(() => {
      const d = new Date(Date.now() + 5 * 60_000)
      return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
    })
    await expect(page.getByTestId('error-switchPin')).toHaveText(
      `连续输错 5 次，该工号已锁定至 ${until}；请稍后再试，或请客服经理解锁`
    )
    // locked: even the right PIN is refused
    await tryPin('2468')
    await expect(page.getByTestId('error-switchPin')).toContainText('该工号已锁定至')
    await expect(page.getByTestId('current-staff')).toContainText('8001')
    await screenshot(page, 'switch-staff-pin-locked')

    // five minutes later the right PIN switches
    await page.clock.fastForward('05:01')
    await tryPin('2468')
    await expect(page.getByTestId('current-staff')).toContainText('1002')
    await expect(page.getByText('已切换为 1002 王芳')).toBeVisible()
  })
})
