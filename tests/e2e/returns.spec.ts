import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup } from './flows'

// 退换货登记 (docs/design.md §3.4) on 柜台登记, on its own and from a complaint.

const CONTENT = '新买的电饭煲不加热，要求退货'

async function openCounter(page: Page) {
  await page.getByRole('menuitem', { name: '柜台登记' }).click()
  await expect(page.getByRole('tab', { name: '退换货登记' })).toHaveAttribute('aria-selected', 'true')
}

const row = (page: Page, text: string) =>
  page.getByTestId('returns-table').getByRole('row').filter({ hasText: text })

test.describe('returns and exchanges', () => {
  test('registered on its own: errors in Chinese keep what was typed; then pending → processing → done', async ({
    page
  }) => {
    await finishSetup(page)
    await openCounter(page)
    await expect(page.getByTestId('returns-table')).toContainText('暂无退换货登记')
    await screenshot(page, 'returns-counter-empty')
    // Keyboard first: the phone has the focus, Enter moves on.
    const phone = page.getByLabel('联系电话')
    await expect(phone).toBeFocused()
    await phone.fill('1390013')
    await page.keyboard.press('Enter')
    await expect(page.getByLabel('客户姓名')).toBeFocused()
    await page.keyboard.type('李四')
    await page.getByLabel('金额（元）').fill('12.345')
    await page.keyboard.press('Control+s')
    await expect(page.getByTestId('error-customerPhone')).toHaveText(
      '请输入正确的手机号或带区号的座机号（如 13800138000、021-52345678）'
    )
    await expect(page.getByTestId('error-amount')).toHaveText('金额最多保留两位小数')
    await expect(page.getByTestId('error-reason')).toHaveText('此项必填')
    await expect(page.getByLabel('客户姓名')).toHaveValue('李四')

    // A 退货 with money needs the account to pay it to, and an account its holder's name.
    await page.getByLabel('金额（元）').fill('199')
    await page.getByLabel('退换货原因').fill('尺码不合适，未拆封')
    await page.keyboard.press('Control+s')
    await expect(page.getByTestId('error-refundAccount')).toHaveText('退货退款需要填写退款账户')
    await screenshot(page, 'returns-form-errors')
    await page.getByLabel('退款账户').fill('6222 0212 3456 7890')
    await phone.fill('139 0013 9000')
    await page.keyboard.press('Control+s')
    await expect(page.getByTestId('error-accountName')).toHaveText('请填写账户名（开户人姓名）')
    await expect(page.getByTestId('error-customerPhone')).toHaveCount(0)
    for (const [label, value] of [
      ['客户姓名', '李四'],
      ['金额（元）', '199'],
      ['退款账户', '6222 0212 3456 7890'],
      ['退换货原因', '尺码不合适，未拆封']
    ] as const)
      await expect(page.getByLabel(label)).toHaveValue(value)
    await page.getByLabel('账户名').fill('李四')
    await page.keyboard.press('Control+s')
    await expect(page.getByText('退换货已登记')).toBeVisible()
    await expect(page.getByLabel('客户姓名')).toHaveValue('')

    // In the list: masked phone and account, 待处理, and only the allowed next steps.
    const entry = row(page, '李四')
    await expect(entry).toContainText('139****9000')
    await expect(entry).toContainText('****7890')
    await expect(entry).toContainText('199.00')
    await expect(entry).toContainText('待处理')
    await expect(entry.getByRole('button')).toHaveText(['开始处理', '取消登记'])
    await entry.getByRole('button', { name: '开始处理' }).click()
    await expect(entry).toContainText('处理中')
    await expect(entry.getByRole('button')).toHaveText(['处理完成', '取消登记'])
    await entry.getByRole('button', { name: '处理完成' }).click()
    await expect(entry).toContainText('已完成')
    await expect(entry.getByRole('button')).toHaveCount(0)

    // Filter by status.
    await page.getByTestId('returns-filter').getByText('待处理', { exact: true }).click()
    await expect(page.getByTestId('returns-table')).toContainText('暂无退换货登记')
    await page.getByTestId('returns-filter').getByText('已完成', { exact: true }).click()
    await expect(row(page, '李四')).toBeVisible()
    await expect(page.getByTestId('returns-count')).toHaveText('共 1 条')
    await screenshot(page, 'returns-done')

    // The neighbouring tab is 问题登记 (issue 15), no longer 即将推出.
    await page.getByRole('tab', { name: '问题登记' }).click()
    await expect(page.getByTestId('problems-table')).toBeVisible()
    await expect(page.getByText('问题登记 · 即将推出')).toHaveCount(0)
  })

  test('from a complaint: pre-filled, linked, and on the complaint timeline', async ({ page }) => {
    await finishSetup(page)
    await page.getByRole('menuitem', { name: '投诉处理' }).click()
    await page.getByRole('button', { name: '新建投诉' }).click()
    await page.getByLabel('联系电话').fill('13800138000')
    await page.getByLabel('客户姓名').fill('张三')
    await page.getByLabel('投诉内容').fill(CONTENT)
    await page.keyboard.press('Control+s')
    const complaintNo = (await page.getByTestId('complaint-no').textContent()) ?? ''
    expect(complaintNo).toMatch(/^TS-/)

    await page.getByRole('button', { name: '登记退换货' }).click()
    await expect(page).toHaveURL(/\/counter\?complaint=/)
    await expect(page.getByTestId('return-linked')).toContainText(`关联投诉：${complaintNo}`)
    await expect(page.getByLabel('联系电话')).toHaveValue('13800138000')
    await expect(page.getByLabel('客户姓名')).toHaveValue('张三')
    await expect(page.getByLabel('退换货原因')).toHaveValue(CONTENT)
    await expect(page.getByTestId('return-customer-match')).toHaveText('老客户：张三')
    await screenshot(page, 'returns-from-complaint')

    await page.getByRole('radiogroup', { name: '类型' }).getByText('换货', { exact: true }).click()
    await page.getByRole('button', { name: '保存' }).click()

    // Back on the case: the return is listed and the step is on its 处理记录.
    await expect(page.getByTestId('complaint-no')).toHaveText(complaintNo)
    await expect(page.getByTestId('timeline')).toContainText('登记退换货')
    const linked = page.getByTestId('complaint-returns')
    await expect(linked).toContainText('换货')
    await expect(linked).toContainText('待处理')
    await page.getByTestId('timeline').scrollIntoViewIfNeeded()
    await screenshot(page, 'returns-complaint-timeline')

    // And in the counter's register, with a link back to the complaint.
    await openCounter(page)
    await expect(page.getByTestId('return-linked')).toHaveCount(0)
    await row(page, '张三').getByRole('button', { name: complaintNo }).click()
    await expect(page.getByTestId('complaint-no')).toHaveText(complaintNo)
  })
})
