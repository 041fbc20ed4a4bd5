import type { Page } from '@playwright/test'
import { expect } from './fixtures'

// Steps many specs share, done through the real UI.

export const STORE = { storeName: '幸福路店', managerStaffNo: '8001', managerName: '李经理' }

/** First-run setup through the form; ends on 工作台 with the manager at the desk. */
export async function finishSetup(page: Page, values: Partial<typeof STORE> = {}): Promise<void> {
  const v = { ...STORE, ...values }
  await expect(page.getByText('欢迎使用门店客服台')).toBeVisible()
  await page.getByLabel('门店名称').fill(v.storeName)
  await page.getByLabel('经理工号').fill(v.managerStaffNo)
  await page.getByLabel('经理姓名').fill(v.managerName)
  await page.getByRole('button', { name: '完成设置' }).click()
  await expect(page.getByTestId('current-staff')).toContainText(`${v.managerStaffNo} ${v.managerName}`)
}

export async function addStaff(
  page: Page,
  staffNo: string,
  name: string,
  role: '客服专员' | '值班长' | '客服经理' = '客服专员'
): Promise<void> {
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByLabel('工号', { exact: true }).fill(staffNo)
  await page.getByLabel('姓名', { exact: true }).fill(name)
  if (role !== '客服专员') {
    await page.getByLabel('角色', { exact: true }).click()
    await page.getByTitle(role, { exact: true }).click()
  }
  await page.getByRole('button', { name: '添加员工' }).click()
  await expect(page.getByTestId('staff-table')).toContainText(name)
}

/** 切换工号 to `staffNo`; `pin` when that person has one (the dialog then asks for it). */
export async function switchStaff(page: Page, staffNo: string, pin?: string): Promise<void> {
  await page.getByRole('button', { name: '切换工号' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('combobox').fill(staffNo)
  await page.keyboard.press('Enter')
  if (pin !== undefined) {
    await dialog.getByLabel('PIN', { exact: true }).fill(pin)
    await page.keyboard.press('Enter')
  }
  await expect(page.getByTestId('current-staff')).toContainText(staffNo)
}

/** 新建投诉 from 工作台 with the required fields only; returns the new complaint's number. */
export async function registerComplaintViaUi(
  page: Page,
  c: { phone: string; name: string; content: string }
): Promise<string> {
  await page.getByRole('menuitem', { name: '工作台' }).click()
  await page.getByRole('button', { name: '新建投诉' }).click()
  await page.getByLabel('联系电话').fill(c.phone)
  await page.getByLabel('客户姓名').fill(c.name)
  await page.getByLabel('投诉内容').fill(c.content)
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('complaint-no')).toBeVisible()
  return (await page.getByTestId('complaint-no').textContent()) ?? ''
}

/** 系统设置 → 同步: 选择文件夹… (main's dialog, stood in for by the bridge, picks the test's share
 *  folder) and wait until the folder shows. */
export async function openShare(page: Page, root: string): Promise<void> {
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  const card = page.getByTestId('share-settings')
  await card.getByRole('button', { name: '选择文件夹…' }).click()
  await expect(card.getByLabel('共享文件夹位置')).toHaveValue(root)
}

/** 同步 page → 立即同步, and wait until the round is over. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-status').click()
  await page.getByTestId('sync-now').click()
  await expect(page.getByTestId('sync-now')).not.toHaveClass(/ant-btn-loading/)
}

/** The idle minutes after which the desk locks by default (issue 17 point 1). */
const IDLE_LOCK_MS = 10 * 60_000

function durationMs(time: string | number): number {
  if (typeof time === 'number') return time
  const parts = time.split(':').map(Number)
  return parts.reduce((total, part) => total * 60 + part, 0) * 1_000
}

/**
 * Lets `time` pass on the page's fake clock (page.clock.fastForward). With someone at the desk and
 * `time` past the idle minutes (10), the desk locks (已锁定, issue 17): it is then unlocked as the same
 * person — their `pin` when they have one, else 解锁 — and is back on the page it showed.
 */
export async function passTime(page: Page, time: string | number, pin?: string): Promise<void> {
  await page.clock.fastForward(time)
  if (durationMs(time) < IDLE_LOCK_MS) return
  const locked = page.getByRole('heading', { name: '已锁定' })
  await expect(locked).toBeVisible()
  if (pin !== undefined) {
    await page.getByLabel('PIN', { exact: true }).fill(pin)
    await page.getByLabel('PIN', { exact: true }).press('Enter')
  } else await page.getByRole('button', { name: '解锁', exact: true }).click()
  await expect(locked).toHaveCount(0)
}
