import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, passTime } from './flows'
import { saveViewAsPdf } from './pdf'

// 回访 where it belongs (issue 14 point 4): 工作台 shows my follow-ups due and overdue, the customer
// page every attempt, the complaint page its follow-up tasks and attempts, and the handover pre-fill
// lists the tasks due today or overdue (on screen and on the printed 交接班记录表).

test.use({ startTime: '2026-11-23T11:00:00+08:00' })

/** The page footer as printed, spaces removed (pdftotext spaces glyphs of the margin box its own way). */
function footerOf(pageText: string): string {
  return /第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页/.exec(pageText)?.[0].replace(/\s+/g, '') ?? ''
}

/** 新建客户 with 负责客服 8001 (the manager at the desk), so their tasks are "mine". */
async function myCustomer(page: Page, name: string, phone: string, tier: '普通客户' | '大客户') {
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await page.getByRole('button', { name: '新建客户' }).click()
  await page.getByLabel('姓名', { exact: true }).fill(name)
  await page.getByLabel('联系电话 1').fill(phone)
  if (tier !== '普通客户') {
    await page.getByLabel('客户等级').click()
    await page.getByTitle(tier, { exact: true }).click()
  }
  await page.getByLabel('负责客服').click()
  await page.getByTitle('8001 李经理', { exact: true }).click()
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('customer-name')).toHaveText(name)
}

/** 新客户回访 samples customers by their (random) id: switched off so a run is deterministic. */
async function newCustomerRuleOff(page: Page) {
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  const rules = page.getByTestId('revisit-rules-settings')
  await rules.getByRole('checkbox', { name: '新客户回访 启用' }).uncheck()
  await rules.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('回访规则已保存')).toBeVisible()
}

/** Opens a workflow step, lets `fill` type into its dialog, and confirms it. */
async function step(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}
) {
  await page.getByTestId('workflow-actions').getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog')
  await fill(dialog)
  await dialog.getByRole('button', { name: action, exact: true }).click()
  await expect(dialog).toHaveCount(0)
}

const queueRow = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name })

async function noAnswer(page: Page, name: string) {
  await page.getByRole('menuitem', { name: '回访' }).click()
  await queueRow(page, name).first().getByRole('button', { name: '开始回访' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(`回访：${name}`)
  await dialog.getByRole('radio', { name: '未接通' }).check()
  await dialog.getByRole('button', { name: '保存回访结果' }).click()
  await expect(page.getByText('已记录：未接通')).toBeVisible()
}

test('工作台, customer page and complaint page show the follow-ups; the handover lists the tasks due and prints them', async ({
  page,
  desk,
  consoleErrors
}) => {
  test.setTimeout(240_000) // one story: two customers, a complaint through its workflow, calls, handover, PDF
  await finishSetup(page)
  await newCustomerRuleOff(page)
  await myCustomer(page, '曾小贤', '13955556666', '大客户') // 大客户回访, the period ends on the 26th
  await myCustomer(page, '胡一菲', '13966667777', '普通客户')

  // 胡一菲's complaint, walked to 待回访: 投诉回访 due in 3 days and, resolved by 维修, 维修回访 in 14.
  await page.getByRole('menuitem', { name: '工作台' }).click()
  await page.getByRole('button', { name: '新建投诉' }).click()
  await page.getByLabel('联系电话').fill('13966667777')
  await page.getByLabel('客户姓名').fill('胡一菲')
  await page.getByLabel('投诉内容').fill('新买的电饭煲不加热，要求处理')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('complaint-no')).toBeVisible()
  const no = (await page.getByTestId('complaint-no').textContent()) ?? ''
  const complaintUrl = page.url()
  await step(page, '投诉成立')
  await step(page, '指定责任部门', async (d) => {
    await d.getByLabel('责任部门').click()
    await page.getByTitle('售后服务部').click()
  })
  await step(page, '提交处理方案', (d) => d.getByLabel('方案内容').fill('上门维修'))
  await step(page, '批准方案')
  await step(page, '登记处理结果', (d) => d.getByLabel('处理结果').fill('已上门修好'))
  const status = page.getByTestId('complaint-details').locator('.ant-tag').first()
  await expect(status).toHaveText('待回访')

  // A first call to 胡一菲 goes unanswered on the 23rd.
  await noAnswer(page, '胡一菲')

  // The 26th, 15:00: the complaint's follow-up (due 11:00) is overdue, the key account's is due today.
  await passTime(page, 76 * 3_600_000)
  await noAnswer(page, '胡一菲') // a second try, unanswered too

  // 工作台: my follow-ups, overdue and due today.
  await page.getByRole('menuitem', { name: '工作台' }).click()
  const mine = page.getByTestId('dashboard-revisits')
  await expect(mine).toContainText('已超时')
  await expect(mine.locator('.ant-statistic').filter({ hasText: '已超时' })).toContainText('1')
  await expect(mine.locator('.ant-statistic').filter({ hasText: '今日到期' })).toContainText('1')
  await mine.scrollIntoViewIfNeeded()
  await screenshot(page, 'revisits-where-dashboard')

  // The customer page: each task, with every call made.
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await page.getByTestId('customer-search').fill('胡一菲')
  await page.getByTestId('customer-list').getByRole('row').filter({ hasText: '胡一菲' }).click()
  await expect(page.getByTestId('customer-name')).toHaveText('胡一菲')
  const onCustomer = page.getByTestId('customer-revisits')
  await expect(onCustomer.locator('.ant-list-item')).toHaveCount(2) // 投诉回访 and 维修回访
  const complaintTask = onCustomer.locator('.ant-list-item').filter({ hasText: '投诉回访' })
  await expect(complaintTask).toContainText('未接通 · 8001')
  await expect(complaintTask.getByText(/未接通 · 8001/)).toHaveCount(2)
  await expect(complaintTask).toContainText('11月23日')
  await expect(complaintTask).toContainText('11月26日')
  await onCustomer.scrollIntoViewIfNeeded()
  await screenshot(page, 'revisits-where-customer')

  // The complaint page: its follow-up tasks and their attempts.
  await page.goto(complaintUrl)
  const onComplaint = page.getByTestId('complaint-revisit-tasks')
  await expect(onComplaint.locator('.ant-list-item')).toHaveCount(2)
  const followUp = onComplaint.locator('.ant-list-item').filter({ hasText: '投诉回访' })
  await expect(followUp).toContainText('未完成') // still open
  await expect(followUp.getByText(/未接通 · 8001/)).toHaveCount(2)
  await expect(onComplaint.locator('.ant-list-item').filter({ hasText: '维修回访' })).toBeVisible()
  await onComplaint.scrollIntoViewIfNeeded()
  await screenshot(page, 'revisits-where-complaint')

  // 交接班: the pre-fill lists the tasks due today or overdue — the complaint's and the key account's —
  // with why, due and attempts; not the 维修回访 due on 12-07.
  await page.getByRole('menuitem', { name: '交接班' }).click()
  await page.getByTestId('new-handover').click()
  const revisits = page.getByTestId('prefill-revisits')
  await expect(revisits).toContainText('回访任务（今天到期或已超期）（2）')
  const rows = revisits.locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('胡一菲')
  await expect(rows.nth(0)).toContainText(`投诉回访：${no}`)
  await expect(rows.nth(0)).toContainText('2 次')
  await expect(rows.nth(0)).toContainText('已超时')
  await expect(rows.nth(1)).toContainText('曾小贤')
  await expect(rows.nth(1)).toContainText('大客户回访')
  await expect(rows.nth(1)).toContainText('0 次')
  await expect(revisits).not.toContainText('维修回访')
  // the complaint's number links to it
  await expect(rows.nth(0).getByRole('link', { name: `投诉回访：${no}` })).toBeVisible()
  await revisits.scrollIntoViewIfNeeded()
  await screenshot(page, 'revisits-where-handover')

  // The printed 交接班记录表: the same rows, phones masked, on one page.
  await page.getByTestId('print-handover').click()
  await expect(page.getByTestId('sheet-revisits').locator('tbody tr')).toHaveCount(2)
  await screenshot(page, 'revisits-where-handover-print-view')
  const pdf = await saveViewAsPdf(page, desk, 'revisits-where-handover-pdf')
  expect(pdf.pages).toHaveLength(1)
  const flat = pdf.text.replace(/\s+/g, '')
  for (const expected of [
    '回访任务（今天到期或已超期）（2）',
    '胡一菲139****7777',
    `投诉回访：${no}`,
    '大客户回访',
    '2次',
    '曾小贤139****6666'
  ])
    expect(flat, expected).toContain(expected)
  expect(pdf.text).not.toContain('13966667777')
  expect(footerOf(pdf.text)).toBe('第1页/共1页')
  await page.getByRole('button', { name: '返回' }).click()

  // Once in English.
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await page.getByRole('menuitem', { name: 'Handover' }).click()
  await page.getByTestId('handover-list').getByRole('row').nth(1).click()
  await expect(page.getByTestId('prefill-revisits')).toContainText('Follow-up tasks due today or overdue')
  await expect(page.getByTestId('prefill-revisits')).toContainText(`Complaint: ${no}`)
  await page.getByTestId('prefill-revisits').scrollIntoViewIfNeeded()
  await screenshot(page, 'revisits-where-handover-en')
  expect(consoleErrors).toEqual([])
})
