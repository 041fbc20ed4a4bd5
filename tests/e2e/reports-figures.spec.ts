import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, switchStaff } from './flows'
import { saveViewAsPdf } from './pdf'

// 统计报表 (issue 16), the rest of its pages: 客流数据 — daily 客流 / 成交笔数 typed by hand and imported
// from real .xlsx files (a refused one and a good one), a stored day replaced only when confirmed, the
// 服务投诉率口径 setting switching 总览's card, its denominator opening the days, its Excel; 工作报表's
// Excel read back and its print as PDF; 部门反馈 with complaints closed through the UI.

test.use({ startTime: '2026-11-20T10:00:00+08:00' })

async function complaint(page: Page, c: { phone: string; name: string }) {
  await page.getByRole('menuitem', { name: '工作台' }).click()
  await page.getByRole('button', { name: '新建投诉' }).click()
  await page.getByLabel('联系电话').fill(c.phone)
  await page.getByLabel('客户姓名').fill(c.name)
  await page.getByLabel('商品名称').fill('电饭煲')
  await page.getByRole('radiogroup', { name: '投诉类别' }).getByText('商品质量', { exact: true }).click()
  await page.getByLabel('投诉内容').fill('内容')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('complaint-no')).toBeVisible()
  return (await page.getByTestId('complaint-no').textContent()) ?? ''
}

async function xlsxFile(dir: string, name: string, rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('客流')
  for (const r of rows) sheet.addRow(r)
  const file = path.join(dir, name)
  await book.xlsx.writeFile(file)
  return file
}

async function chooseFile(page: Page, file: string) {
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '选择文件' }).click()
  await (await choosing).setFiles(file)
}

test('客流数据: entry, a refused and a good Excel file, the setting switching 总览', async ({
  page,
  consoleErrors
}) => {
  test.setTimeout(240_000)
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-figures-'))
  try {
    await finishSetup(page)
    await addStaff(page, '1001', '张专员')
    await complaint(page, { phone: '13800000001', name: '张三' })
    await complaint(page, { phone: '13800000002', name: '李四' })

    await page.getByRole('menuitem', { name: '统计报表' }).click()
    // the counter log by default: 2 complaints, 2 customers
    await expect(page.getByRole('button', { name: '服务投诉率 分母 2' })).toBeVisible()
    await expect(page.getByTestId('served-note')).toHaveCount(0)

    await page.getByRole('tab', { name: '客流数据' }).click()
    const list = page.getByTestId('figures-list')
    await expect(page.getByText('0 / 20 天已录入')).toBeVisible()

    // by hand: text in 客流 refused under the field, what was typed kept
    await page.getByLabel('日期', { exact: true }).fill('2026-11-20')
    await page.getByLabel('客流', { exact: true }).fill('约200')
    await page.getByTestId('figures-entry').getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('figures-entry').getByText('不是数字')).toBeVisible()
    await expect(page.getByLabel('客流', { exact: true })).toHaveValue('约200')
    await page.getByLabel('客流', { exact: true }).fill('200')
    await page.getByTestId('figures-entry').getByRole('button', { name: '保存' }).click()
    await expect(page.getByText('已保存 2026-11-20 的客流数据')).toBeVisible()
    await expect(list.getByRole('row', { name: /2026-11-20/ })).toContainText('200')
    await expect(page.getByText('1 / 20 天已录入')).toBeVisible()
    await screenshot(page, 'reports-figures-entry')

    // a refused file: text in a number column and a duplicate date — every problem by row, nothing stored
    const bad = await xlsxFile(dir, '客流-错误.xlsx', [
      ['日期', '客流', '成交笔数'],
      ['2026-11-18', 100, 10],
      ['2026-11-19', '约300', 20],
      ['2026-11-18', 120, 12]
    ])
    await chooseFile(page, bad)
    const error = page.getByTestId('figures-import-error')
    await expect(error).toContainText('文件有 3 处问题，未导入任何数据。请修改文件后重新导入。')
    await expect(error).toContainText('第 2 行 日期：日期 2026-11-18 重复（第 2、4 行）')
    await expect(error).toContainText('第 3 行 客流：不是数字')
    await expect(error).toContainText('第 4 行 日期：日期 2026-11-18 重复（第 2、4 行）')
    await expect(list.getByRole('row', { name: /2026-11-18/ })).toContainText('未录入')
    await expect(page.getByText('1 / 20 天已录入')).toBeVisible()
    await error.scrollIntoViewIfNeeded()
    await screenshot(page, 'reports-figures-import-refused')

    // a good file: the preview names the day it replaces; 导入 asks first
    const good = await xlsxFile(dir, '客流-11月.xlsx', [
      ['日期', '客流', '成交笔数'],
      [new Date(Date.UTC(2026, 10, 18)), 100, 10],
      ['2026-11-19', 300, 20],
      ['2026-11-20', 250, 30]
    ])
    await chooseFile(page, good)
    const preview = page.getByTestId('figures-preview')
    await expect(preview).toContainText('共 3 天（2026-11-18 至 2026-11-20）')
    await expect(preview).toContainText('其中 1 天已有不同的数字，导入将覆盖：2026-11-20')
    await expect(preview.getByRole('row', { name: /2026-11-20/ })).toContainText('将覆盖')
    await preview.getByRole('button', { name: '导入 3 天' }).scrollIntoViewIfNeeded()
    await screenshot(page, 'reports-figures-preview')
    await page.getByRole('button', { name: '导入 3 天' }).click()
    const confirm = page.getByRole('dialog')
    await expect(confirm).toContainText('以下 1 天已有不同的数字，导入将覆盖：2026-11-20。是否继续？')
    await confirm.getByRole('button', { name: '取消' }).click()
    // not confirmed: nothing written, the preview still there
    await expect(list.getByRole('row', { name: /2026-11-20/ })).toContainText('200')
    await page.getByRole('button', { name: '导入 3 天' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '覆盖' }).click()
    await expect(page.getByText('已导入 3 天的客流数据')).toBeVisible()
    await expect(list.getByRole('row', { name: /2026-11-20/ })).toContainText('250')
    await expect(list.getByRole('row', { name: /2026-11-18/ })).toContainText('100')
    await expect(page.getByText('3 / 20 天已录入')).toBeVisible()

    // the setting: customers served from 每日客流
    const source = page.getByRole('radiogroup', { name: '服务人数来源' })
    await source.getByText('每日客流', { exact: true }).click()
    await page.getByTestId('served-from-card').getByRole('button', { name: '保存' }).click()
    await expect(page.getByText('服务投诉率口径已保存')).toBeVisible()
    await screenshot(page, 'reports-figures')

    await page.getByRole('tab', { name: '总览' }).click()
    // 客流 100 + 300 + 250 = 650; both complaints were received on the 20th, which has a figure
    await expect(page.getByRole('button', { name: '服务投诉率 分子 2' })).toBeVisible()
    await expect(page.getByRole('button', { name: '服务投诉率 分母 650' })).toBeVisible()
    await expect(page.getByTestId('kpi-complaintRate')).toContainText('服务人数：每日客流')
    await expect(page.getByTestId('kpi-complaintRate')).toContainText(
      '17 天没有每日客流数据，这些天的投诉未计入'
    )
    await page.getByTestId('kpi-value-complaintRate').hover()
    await expect(page.getByRole('tooltip')).toContainText('分子 2 / 分母 650')
    await page.getByRole('button', { name: '服务投诉率 分母 650' }).click()
    const drawer = page.getByRole('dialog')
    await expect(drawer).toContainText('（3 条）')
    const days = drawer.getByTestId('drill-list')
    await expect(days.getByRole('row', { name: /2026-11-19/ })).toContainText('300')
    await expect(days.getByRole('row', { name: /2026-11-20/ })).toContainText('250')
    await screenshot(page, 'reports-figures-drill')
    await page.keyboard.press('Escape')
    await expect(drawer).toBeHidden()
    await screenshot(page, 'reports-figures-overview')

    // 导出Excel of 总览 says where customers served came from
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出Excel' }).click()
    const download = await downloading
    const file = path.join(dir, download.suggestedFilename())
    await download.saveAs(file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const summary = book.getWorksheet('汇总')!
    const cells = summary.getRows(1, summary.rowCount)!.map((r) => [r.getCell(1).value, r.getCell(4).value])
    expect(cells).toContainEqual(['服务投诉率', 650])
    expect(cells.map((c) => c[0])).toContain('服务人数：每日客流')

    // 成交笔数 instead: 10 + 20 + 30 = 60
    await page.getByRole('tab', { name: '客流数据' }).click()
    await source.getByText('每日成交笔数', { exact: true }).click()
    await page.getByTestId('served-from-card').getByRole('button', { name: '保存' }).click()
    await expect(page.getByText('服务投诉率口径已保存')).toBeVisible()
    await page.getByRole('tab', { name: '总览' }).click()
    await expect(page.getByRole('button', { name: '服务投诉率 分母 60' })).toBeVisible()
    await expect(page.getByTestId('kpi-complaintRate')).toContainText('服务人数：每日成交笔数')

    // a clerk sees the figures and the setting, and changes neither
    await switchStaff(page, '1001')
    await page.getByRole('menuitem', { name: '统计报表' }).click()
    await page.getByRole('tab', { name: '客流数据' }).click()
    await expect(page.getByText('只有客服经理可以修改。', { exact: true })).toBeVisible()
    await expect(
      page.getByRole('radiogroup', { name: '服务人数来源' }).getByRole('radio').first()
    ).toBeDisabled()
    await expect(page.getByTestId('figures-entry')).toHaveCount(0)
    await expect(page.getByTestId('figures-import')).toHaveCount(0)
    await expect(page.getByTestId('figures-list').getByRole('row', { name: /2026-11-19/ })).toContainText(
      '300'
    )
    await screenshot(page, 'reports-figures-clerk')
    expect(consoleErrors).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('工作报表: 导出Excel read back, 打印报表 as a PDF', async ({ page, desk, consoleErrors }) => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-work-export-'))
  try {
    await finishSetup(page)
    await addStaff(page, '1001', '张专员')
    await switchStaff(page, '1001')
    const taken = await complaint(page, { phone: '13800000001', name: '张三' })
    await page.getByRole('menuitem', { name: '统计报表' }).click()
    await page.getByRole('tab', { name: '工作报表' }).click()
    await page.getByLabel('工作备注').fill('受理电饭煲投诉一件')
    await page.getByRole('button', { name: '提交', exact: true }).click()
    await expect(page.getByText('工作报表已提交')).toBeVisible()

    await switchStaff(page, '8001')
    // still on 工作报表: the menu opens 统计报表 at 总览, and only then is 工作报表 a click away (clicked
    // before that lands, the tab is already the active one and the click does nothing)
    await page.getByRole('menuitem', { name: '统计报表' }).click()
    await expect(page.getByRole('tab', { name: '总览' })).toHaveAttribute('aria-selected', 'true')
    await page.getByRole('tab', { name: '工作报表' }).click()
    await expect(page.getByText('1 / 2 人已提交')).toBeVisible()

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出Excel' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('统计报表-工作报表-20261120.xlsx')
    const file = path.join(dir, download.suggestedFilename())
    await download.saveAs(file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const summary = book.getWorksheet('汇总')!
    const rows = summary.getRows(1, summary.rowCount)!.map((r) => (r.values as unknown[]).slice(1))
    expect(rows[0]).toEqual(['工作报表'])
    expect(rows).toContainEqual(['工作日期', '2026-11-20'])
    expect(rows.some((r) => r[0] === '数据截至')).toBe(true)
    expect(rows).toContainEqual(['1 / 2 人已提交'])
    expect(rows).toContainEqual([
      '员工',
      '受理投诉',
      '处理投诉',
      '回访',
      '咨询',
      '退换货',
      '交接班',
      '提交情况',
      '工作备注'
    ])
    const clerk = rows.find((r) => r[0] === '1001 张专员')!
    expect(clerk.slice(1, 7)).toEqual([1, 0, 0, 0, 0, 0])
    expect(String(clerk[7])).toMatch(/^提交于 2026-11-20 /)
    expect(clerk[8]).toBe('受理电饭煲投诉一件')
    expect(rows.find((r) => r[0] === '8001 李经理')?.[7]).toBe('未提交')
    const records = book.getWorksheet('明细')!
    expect(records.rowCount).toBe(2)
    expect((records.getRow(2).values as unknown[]).slice(1, 5)).toEqual([
      '1001 张专员',
      '受理投诉',
      '投诉',
      taken
    ])

    await page.getByRole('button', { name: '打印报表' }).click()
    const sheet = page.getByTestId('print-work')
    await expect(sheet.getByRole('row', { name: /1001 张专员/ })).toContainText('受理电饭煲投诉一件')
    await expect(sheet.getByRole('row', { name: /8001 李经理/ })).toContainText('未提交')
    await screenshot(page, 'reports-print-work')
    const pdf = await saveViewAsPdf(page, desk, 'reports-work-pdf')
    expect(pdf.size).toContain('A4')
    expect(pdf.pages[0]).toContain('工作报表')
    expect(pdf.pages[0]).toContain('工作日期：2026-11-20')
    expect(pdf.pages[0]).toContain('受理电饭煲投诉一件')
    // page numbers at the foot of every page (@page, print.css)
    expect(pdf.pages.map((p) => p.trim().split('\n').at(-1)?.replace(/\s/g, ''))).toEqual(
      pdf.pages.map((_, i) => `${i + 1}/${pdf.pages.length}`)
    )
    await page.getByRole('button', { name: '返回' }).click()
    await expect(page.getByLabel('工作日期')).toHaveValue('2026-11-20')
    expect(consoleErrors).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

/** Opens a workflow step on the complaint page, lets `fill` type into its dialog, and confirms it. */
async function step(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}
) {
  await page.getByTestId('workflow-actions').getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog')
  await fill(dialog)
  await dialog.getByRole('button', { name: action, exact: true }).click()
  await expect(dialog).toBeHidden()
}

/** The whole loop on the complaint page shown, as the manager, to 结案 with or without feedback. */
async function closeCase(page: Page, feedbackTo: string | null) {
  await step(page, '投诉成立')
  await step(page, '指定责任部门', async (d) => {
    await d.getByLabel('责任部门').click()
    await page.getByTitle('售后服务部').click()
  })
  await step(page, '提交处理方案', (d) => d.getByLabel('方案内容').fill('为您免费维修'))
  await step(page, '批准方案')
  await step(page, '登记处理结果', (d) => d.getByLabel('处理结果').fill('已修好'))
  await step(page, '登记回访', (d) => d.getByText('满意', { exact: true }).click())
  await step(page, '结案', async (d) => {
    if (feedbackTo) await d.getByText(feedbackTo).click()
  })
  await expect(page.getByTestId('complaint-details').locator('.ant-tag').first()).toHaveText('已结案')
}

test('部门反馈 with cases closed through the UI: the figures, and a figure opening its complaints', async ({
  page,
  consoleErrors
}) => {
  test.setTimeout(240_000)
  await finishSetup(page)
  const fedBack = await complaint(page, { phone: '13800000001', name: '张三' })
  await closeCase(page, '采购部')
  const notFedBack = await complaint(page, { phone: '13800000002', name: '李四' })
  await closeCase(page, null)
  const open = await complaint(page, { phone: '13800000003', name: '王五' })

  await page.getByRole('menuitem', { name: '统计报表' }).click()
  await page.getByRole('tab', { name: '部门反馈' }).click()
  const table = page.getByTestId('feedback-table')
  const row = table.getByRole('row', { name: /售后服务部/ })
  // 售后服务部: 2 closed, 1 fed back, 1 not, 50 %; 采购部 received one result
  await expect(page.getByRole('button', { name: '售后服务部 结案数 2 件' })).toBeVisible()
  await expect(page.getByRole('button', { name: '售后服务部 已反馈 1 件' })).toBeVisible()
  await expect(page.getByRole('button', { name: '售后服务部 未反馈 1 件' })).toBeVisible()
  await expect(row).toContainText('50%')
  await expect(page.getByRole('button', { name: '采购部 收到反馈 1 件' })).toBeVisible()
  await expect(page.getByRole('button', { name: '合计 结案数 2 件' })).toBeVisible()
  await screenshot(page, 'reports-feedback-closed')

  // 未反馈 → exactly the case closed without feedback → its page
  await page.getByRole('button', { name: '售后服务部 未反馈 1 件' }).click()
  const drawer = page.getByRole('dialog')
  await expect(drawer).toContainText('（1 条）')
  const list = drawer.getByTestId('drill-list')
  await expect(list).toContainText(notFedBack)
  await expect(list).not.toContainText(fedBack)
  await expect(list).not.toContainText(open)
  await screenshot(page, 'reports-feedback-drill')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  // 结案数 → both closed cases, not the open one; one of them opens its page
  await page.getByRole('button', { name: '售后服务部 结案数 2 件' }).click()
  await expect(drawer).toContainText('（2 条）')
  await expect(list).toContainText(fedBack)
  await expect(list).toContainText(notFedBack)
  await expect(list).not.toContainText(open)
  await drawer.getByRole('button', { name: fedBack }).click()
  await expect(page.getByTestId('complaint-no')).toHaveText(fedBack)
  expect(consoleErrors).toEqual([])
})

test('客流数据 in English', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000)
  await finishSetup(page)
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await page.getByRole('menuitem', { name: 'Reports' }).click()
  await page.getByRole('tab', { name: 'Footfall data' }).click()
  await expect(page.getByRole('radiogroup', { name: 'Customers served from' })).toContainText(
    'Daily footfall'
  )
  await expect(page.getByText('0 / 20 days entered')).toBeVisible()
  await page.getByLabel('Date', { exact: true }).fill('2026-11-20')
  await page.getByLabel('Footfall', { exact: true }).fill('about 200')
  await page.getByTestId('figures-entry').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('figures-entry').getByText('Not a number')).toBeVisible()
  await expect(page.getByLabel('Footfall', { exact: true })).toHaveValue('about 200')
  await screenshot(page, 'reports-figures-en')
  expect(consoleErrors).toEqual([])
})
