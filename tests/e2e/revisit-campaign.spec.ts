import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup } from './flows'

// 专项回访 (issue 14 point 1): a manager creates a campaign for the 大客户; a window that ends before it
// starts is refused next to the field with everything typed kept; the queue shows one task per key
// account under 专项回访, and a call shows the campaign's own script.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

async function customer(page: Page, name: string, phone: string, tier: string) {
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await page.getByRole('button', { name: '新建客户' }).click()
  await page.getByLabel('姓名', { exact: true }).fill(name)
  await page.getByLabel('联系电话 1').fill(phone)
  if (tier !== '普通客户') {
    // 普通客户 is the default
    await page.getByLabel('客户等级').click()
    await page.getByTitle(tier, { exact: true }).click()
  }
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('customer-name')).toHaveText(name)
}

const queueRow = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name })

test('a manager creates a 专项回访 for 大客户: bad window refused with the text kept, tasks queued, a call with the campaign script', async ({
  page,
  consoleErrors
}) => {
  test.setTimeout(180_000)
  await finishSetup(page)
  await customer(page, '曾小贤', '13955556666', '大客户')
  await customer(page, '胡一菲', '13966667777', '大客户')
  await customer(page, '陆展博', '13988889999', '普通客户')

  await page.getByRole('menuitem', { name: '回访' }).click()
  await page.getByRole('button', { name: '新建专项回访' }).click()
  const dialog = page.getByRole('dialog', { name: '新建专项回访' })
  await dialog.getByLabel('名称').fill('春节问候')
  await dialog.getByLabel('客户等级').click()
  await page.getByTitle('大客户', { exact: true }).last().click()
  await page.keyboard.press('Escape')
  await expect(dialog.getByTestId('campaign-count')).toHaveText('符合条件的客户：2 位')
  await screenshot(page, 'revisits-campaign-criteria')
  await dialog.getByLabel('回访话术').click()
  await page.getByTitle('为本次回访编写', { exact: true }).click()
  await dialog.getByLabel('开场白').fill('{客户姓名}您好，{门店名称}给您拜个早年！')
  // the window ends before it starts: refused next to 结束日期, nothing typed lost, nothing written
  await dialog.getByLabel('开始日期').fill('2026-11-25')
  await dialog.getByLabel('结束日期').fill('2026-11-24')
  await dialog.getByRole('button', { name: '保存并生成任务' }).click()
  await expect(dialog.getByTestId('error-end')).toHaveText('结束日期不能早于开始日期')
  await expect(dialog.getByLabel('名称')).toHaveValue('春节问候')
  await expect(dialog.getByLabel('开场白')).toHaveValue('{客户姓名}您好，{门店名称}给您拜个早年！')
  await expect(dialog.getByLabel('开始日期')).toHaveValue('2026-11-25')
  await screenshot(page, 'revisits-campaign-bad-window')

  await dialog.getByLabel('开始日期').fill('2026-11-23')
  await dialog.getByLabel('结束日期').fill('2026-11-30')
  await screenshot(page, 'revisits-campaign-form')
  await dialog.getByRole('button', { name: '保存并生成任务' }).click()
  await expect(page.getByText('专项回访“春节问候”已保存，生成 2 条回访任务')).toBeVisible()
  await expect(dialog).toBeHidden()

  // 今日回访, filtered to 专项回访: one task per key account
  await page.getByLabel('回访规则').click()
  await page.getByTitle('专项回访', { exact: true }).click()
  await expect(page.getByRole('row')).toHaveCount(3) // header + 2
  await expect(queueRow(page, '曾小贤')).toContainText('春节问候')
  await expect(queueRow(page, '陆展博')).toHaveCount(0)
  await screenshot(page, 'revisits-campaign-queue')

  // the call shows the campaign's own script; 已接通 满意 ends it
  await queueRow(page, '曾小贤').getByRole('button', { name: '开始回访' }).click()
  const call = page.getByRole('dialog')
  await expect(call.getByTestId('script-opening')).toContainText('曾小贤您好，幸福路店给您拜个早年！')
  await screenshot(page, 'revisits-campaign-call')
  await call.getByRole('radio', { name: '已接通' }).check()
  await call.getByRole('radio', { name: '满意', exact: true }).check()
  await call.getByRole('button', { name: '保存回访结果' }).click()
  await expect(page.getByText('已记录：已接通')).toBeVisible()
  await expect(queueRow(page, '曾小贤')).toHaveCount(0)
  await expect(page.getByRole('row')).toHaveCount(2)

  // 回访统计: a row for the campaign
  await page.getByRole('tab', { name: '回访统计' }).click()
  await expect(page.getByTestId('stats-by-campaign')).toContainText('春节问候')
  await page.getByTestId('stats-by-campaign').scrollIntoViewIfNeeded()
  await screenshot(page, 'revisits-campaign-stats')

  // English, once: the form's words
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await page.getByRole('menuitem', { name: 'Follow-ups' }).click()
  await page.getByRole('button', { name: 'New campaign' }).click()
  await page.getByRole('dialog').getByLabel('Tier').click()
  await page.getByTitle('Key account', { exact: true }).last().click()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('campaign-count')).toHaveText('Matching customers: 2')
  await screenshot(page, 'revisits-campaign-form-en')
  expect(consoleErrors).toEqual([])
})
