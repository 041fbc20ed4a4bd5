import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, registerComplaintViaUi } from './flows'

// Issue 17 point 1: 已锁定 after the idle minutes and on 锁定 (F9); unlocking with one's own PIN goes back
// to the same page, with another person's it is a staff switch; "PIN for everyone" makes someone without
// a PIN set one at their next 切换工号 (a PIN of the wrong length refused, nothing changed); a 工号 locked
// by five wrong PINs is unlocked by a 客服经理's own PIN.

const rowOf = (page: Page, staffNo: string) =>
  page.getByTestId('staff-table').getByRole('row').filter({ hasText: staffNo })

async function setPin(page: Page, staffNo: string, pin: string) {
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await rowOf(page, staffNo).getByRole('button', { name: '设置PIN' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('新PIN').fill(pin)
  await dialog.getByLabel('再次输入').fill(pin)
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
}

/** Nothing of the customer anywhere in the page: text, attributes, the accessibility tree. */
async function expectNoCustomer(page: Page, name: string, phone: string) {
  const html = await page.content()
  expect(html).not.toContain(name)
  expect(html).not.toContain(phone)
  expect(html).not.toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
  const tree = await page.locator('body').ariaSnapshot()
  expect(tree).not.toContain(name)
  expect(tree).not.toContain(phone.slice(-4))
}

test.describe('已锁定', () => {
  test.use({ startTime: '2026-11-22T10:30:00+08:00' })

  test('after 10 idle minutes a customer’s complaint page is hidden; the same person’s PIN returns to it', async ({
    page
  }) => {
    await finishSetup(page)
    await setPin(page, '8001', '135790')
    const no = await registerComplaintViaUi(page, {
      phone: '13812345678',
      name: '张三丰',
      content: '冰箱不制冷'
    })
    const url = page.url()
    await expect(page.getByTestId('complaint-details')).toContainText('张三丰')

    // 9 minutes idle: still open; the 10th minute locks
    await page.clock.fastForward('09:00')
    await expect(page.getByTestId('complaint-details')).toContainText('张三丰')
    await page.clock.fastForward('01:00')
    await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible()
    await expect(page.getByTestId('complaint-details')).toHaveCount(0)
    await expectNoCustomer(page, '张三丰', '13812345678')
    expect(await page.content()).not.toContain(no)
    await expect(page.getByText('锁定前的工号：8001 李经理')).toBeVisible()
    await screenshot(page, 'desk-locked-idle')

    // a wrong PIN keeps it locked; the right one returns to the same page
    const pin = page.getByLabel('PIN', { exact: true })
    await pin.fill('111111')
    await pin.press('Enter')
    await expect(page.getByTestId('error-switchPin')).toHaveText('PIN 不正确，还可输入 4 次')
    await expectNoCustomer(page, '张三丰', '13812345678')
    await pin.fill('135790')
    await pin.press('Enter')
    await expect(page.getByTestId('complaint-details')).toContainText('张三丰')
    expect(page.url()).toBe(url)
    await expect(page.getByTestId('current-staff')).toContainText('8001 李经理')

    // a restart while locked opens locked
    await page.clock.fastForward('10:00')
    await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible()
    await expectNoCustomer(page, '张三丰', '13812345678')
  })

  test('锁定 (F9, shown on the button); unlocking as another person is a staff switch; a manager unlocks a locked 工号', async ({
    page
  }) => {
    await finishSetup(page)
    await addStaff(page, '1002', '王芳')
    await setPin(page, '1002', '2468')
    await setPin(page, '8001', '135790')
    const lockButton = page.getByRole('button', { name: '锁定', exact: true })
    await expect(lockButton).toContainText('F9')
    await expect(lockButton).toHaveAttribute('aria-keyshortcuts', 'F9')
    await screenshot(page, 'desk-lock-button')

    await page.keyboard.press('F9')
    await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible()
    await expect(page.getByRole('menuitem', { name: '系统设置' })).toHaveCount(0)

    // 王芳 takes over: five wrong PINs lock her 工号; the manager unlocks it with his own PIN
    const picker = page.getByRole('combobox')
    await picker.fill('1002')
    await page.keyboard.press('Enter')
    await expect(page.getByText('1002 王芳 已设置 PIN：输入 PIN 后切换')).toBeVisible()
    const pin = page.getByLabel('PIN', { exact: true })
    for (let i = 0; i < 5; i++) {
      await pin.fill('0000')
      await pin.press('Enter')
      await expect(page.getByTestId('error-switchPin')).toBeVisible()
    }
    await expect(page.getByTestId('error-switchPin')).toContainText('该工号已锁定至')
    await page.getByRole('button', { name: '请客服经理解锁' }).click()
    await page.getByLabel('客服经理工号').click()
    await page.getByTitle('8001 李经理').click()
    await page.getByLabel('客服经理 PIN').fill('999999')
    await page.getByRole('button', { name: '解锁该工号' }).click()
    await expect(page.getByTestId('error-managerPin')).toHaveText('PIN 不正确')
    await page.getByLabel('客服经理 PIN').fill('135790')
    await screenshot(page, 'desk-lock-manager-unlock')
    await page.getByRole('button', { name: '解锁该工号' }).click()
    await expect(page.getByTestId('pin-notice')).toHaveText('已解锁 1002 王芳，请输入 PIN')

    await page.getByLabel('PIN', { exact: true }).fill('2468')
    await page.getByLabel('PIN', { exact: true }).press('Enter')
    await expect(page.getByTestId('current-staff')).toContainText('1002 王芳')
    // records from now on carry 1002
    await registerComplaintViaUi(page, { phone: '13900001111', name: '李四', content: '洗衣机漏水' })
    await expect(page.getByTestId('complaint-details')).toContainText('1002 王芳')

    // the button locks too
    await lockButton.click()
    await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible()
    await expectNoCustomer(page, '李四', '13900001111')
  })

  test('PIN for everyone: someone without a PIN sets one at their next 切换工号; a wrong length is refused, nothing changed', async ({
    page
  }) => {
    await finishSetup(page)
    await addStaff(page, '1002', '王芳')
    const card = page.getByTestId('desk-lock-settings')
    // bad idle minutes: the reason, what was typed stays, nothing saved
    await card.getByLabel('无操作自动锁定（分钟）').fill('abc')
    await card.getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('error-idleMinutes')).toHaveText('请输入整数')
    await card.getByLabel('无操作自动锁定（分钟）').fill('121')
    await card.getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('error-idleMinutes')).toHaveText('超出允许范围')
    await expect(card.getByLabel('无操作自动锁定（分钟）')).toHaveValue('121')
    await card.getByLabel('无操作自动锁定（分钟）').fill('３')
    await card.getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('error-idleMinutes')).toHaveCount(0)
    await card.getByLabel('所有员工必须设置 PIN').check()
    await expect(card.getByLabel('所有员工必须设置 PIN')).toBeChecked()
    // the box stays disabled until the setting is stored
    await expect(card.getByLabel('所有员工必须设置 PIN')).toBeEnabled()
    await screenshot(page, 'desk-lock-settings')

    await page.getByRole('button', { name: '切换工号' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox').fill('1002')
    await page.keyboard.press('Enter')
    await expect(dialog).toContainText('本店要求每位员工设置 PIN：请为 1002 王芳 设置 4–6 位数字的 PIN')
    await dialog.getByLabel('新PIN').fill('12')
    await dialog.getByLabel('再次输入').fill('12')
    await dialog.getByLabel('再次输入').press('Enter')
    await expect(page.getByTestId('error-switchNewPin')).toHaveText('PIN 为 4–6 位数字')
    await expect(page.getByTestId('current-staff')).toContainText('8001')
    await dialog.getByLabel('新PIN').fill('1234567')
    await expect(dialog.getByLabel('新PIN')).toHaveValue('123456') // six at most
    await dialog.getByLabel('新PIN').fill('1234')
    await dialog.getByLabel('再次输入').fill('1243')
    await dialog.getByLabel('再次输入').press('Enter')
    await expect(page.getByTestId('error-switchConfirmPin')).toHaveText('两次输入的 PIN 不一致')
    await expect(page.getByTestId('current-staff')).toContainText('8001')
    await screenshot(page, 'switch-staff-set-pin')
    await dialog.getByLabel('再次输入').fill('1234')
    await dialog.getByLabel('再次输入').press('Enter')
    await expect(page.getByTestId('current-staff')).toContainText('1002 王芳')
    await expect(rowOf(page, '1002').getByText('已设置')).toBeVisible()
    // a clerk cannot change the setting
    await expect(card.getByLabel('所有员工必须设置 PIN')).toBeDisabled()
    await expect(card).toContainText('只有客服经理可以修改此设置。')

    // the 3 idle minutes are in force; the PIN just set unlocks
    await page.clock.fastForward('03:00')
    await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible()
    await page.getByLabel('PIN', { exact: true }).fill('1234')
    await page.getByLabel('PIN', { exact: true }).press('Enter')
    await expect(page.getByTestId('current-staff')).toContainText('1002 王芳')
    // and the next switch back asks the manager to set his
    await switchStaffExpectingSetPin(page)
  })
})

async function switchStaffExpectingSetPin(page: Page) {
  await page.getByRole('button', { name: '切换工号' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('combobox').fill('8001')
  // Enter picks the highlighted option: only once the list shows it (a slow PC filters later)
  await expect(page.locator('.ant-select-item-option-active', { hasText: '8001' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(dialog.getByLabel('新PIN')).toBeVisible()
}
