import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, switchStaff } from './flows'
import { saveViewAsPdf } from './pdf'

// 统计报表 pages 质量异常分析日报表 and 部门反馈 (issue 16): complaints made through the UI, the day's
// flags (volume spike, a customer complaining twice), a flag → its records → the complaint, the
// manager's thresholds (a bad value refused under its field, a raised minimum removing the flag),
// a bad date refused, 导出Excel read back, 打印报表 as a PDF, 部门反馈's table, the English UI.

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

test('质量异常分析日报表 and 部门反馈 with flags, thresholds, Excel and print', async ({
  page,
  desk,
  consoleErrors
}) => {
  test.setTimeout(240_000)
  await finishSetup(page)
  const first = await complaint(page, { phone: '13800000001', name: '张三' })
  await complaint(page, { phone: '13800000002', name: '李四' })
  const again = await complaint(page, { phone: '13800000001', name: '张三' })

  await page.getByRole('menuitem', { name: '统计报表' }).click()
  await page.getByRole('tab', { name: '质量异常分析日报表' }).click()
  await expect(page.getByLabel('报表日期')).toHaveValue('2026-11-20')
  const comparison = page.getByTestId('anomaly-comparison')
  await expect(comparison).toContainText('2026-11-13')
  await expect(comparison).toContainText('2026-10-23')
  const flags = page.getByTestId('anomaly-flags')
  // 3 complaints against 0,0,0,0: a volume spike; 张三 twice: a repeat complaint
  await expect(flags).toContainText('投诉量异常')
  await expect(flags).toContainText('当日 3 件，前四周均值 0 件')
  await expect(flags).toContainText('30 天内重复投诉')
  await expect(flags).toContainText('客户 张三：30 天内 2 件投诉')
  await screenshot(page, 'reports-anomaly')

  // a flag → its records → the complaint
  await page.getByRole('button', { name: '查看 30 天内重复投诉 的 2 件记录' }).click()
  const drawer = page.getByRole('dialog')
  await expect(drawer).toContainText('（2 条）')
  await expect(drawer.getByTestId('drill-list')).toContainText(first)
  await expect(drawer.getByTestId('drill-list')).toContainText(again)
  await expect(drawer.getByTestId('drill-list')).not.toContainText('李四')
  await screenshot(page, 'reports-anomaly-drill')
  await drawer.getByRole('button', { name: again }).click()
  await expect(page.getByTestId('complaint-no')).toHaveText(again)
  await page.goBack()
  await expect(page.getByLabel('报表日期')).toHaveValue('2026-11-20')

  // a bad date: the message under the field, the typed text kept, the day still shown
  await page.getByLabel('报表日期').fill('2026-13-01')
  await expect(page.getByText('请输入有效日期（如 2026-11-23）。')).toBeVisible()
  await expect(page.getByLabel('报表日期')).toHaveValue('2026-13-01')
  await expect(flags).toContainText('投诉量异常')
  await page.getByLabel('报表日期').fill('2026-11-20')

  // the thresholds: a bad value refused under its field, nothing saved; a minimum of 4 removes the spike
  await page.getByLabel('异常比例（%）').fill('100')
  await page.getByLabel('最少件数').fill('abc')
  await page.getByRole('button', { name: '保存阈值' }).click()
  await expect(page.getByText('异常比例须为 101 到 1000 之间的整数。')).toBeVisible()
  await expect(page.getByText('最少件数须为 1 到 1000 之间的整数。')).toBeVisible()
  await expect(page.getByLabel('最少件数')).toHaveValue('abc')
  await screenshot(page, 'reports-anomaly-settings-refused')
  await page.getByLabel('异常比例（%）').fill('150')
  await page.getByLabel('最少件数').fill('4')
  await page.getByRole('button', { name: '保存阈值' }).click()
  await expect(page.getByText('异常阈值已保存')).toBeVisible()
  await expect(flags).not.toContainText('投诉量异常')
  await page.getByLabel('最少件数').fill('3')
  await page.getByRole('button', { name: '保存阈值' }).click()
  await expect(flags).toContainText('投诉量异常')

  // 导出Excel: the day and 数据截至, the comparison and flags, one row per record of each flag
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-anomaly-export-'))
  try {
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出Excel' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('统计报表-质量异常分析日报表-20261120-20261120.xlsx')
    const file = path.join(dir, download.suggestedFilename())
    await download.saveAs(file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const summary = book.getWorksheet('汇总')!
    const cells = summary.getRows(1, summary.rowCount)!.map((r) => [r.getCell(1).value, r.getCell(2).value])
    expect(cells[0]?.[0]).toBe('质量异常分析日报表')
    expect(cells).toContainEqual(['报表日期', '2026-11-20'])
    expect(cells.some(([a]) => a === '数据截至')).toBe(true)
    expect(cells).toContainEqual(['投诉量', 3])
    expect(cells).toContainEqual(['投诉量异常', '当日 3 件，前四周均值 0 件'])
    const records = book.getWorksheet('明细')!
    // header + 3 (volume) + 2 (repeat)
    expect(records.rowCount).toBe(6)
    expect(records.getRow(2).getCell(1).value).toBe('投诉量异常')
    expect(records.getRow(2).getCell(3).value).toBe(first)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  // 打印报表 → PDF → PNG
  await page.getByRole('button', { name: '打印报表' }).click()
  await expect(page.getByTestId('reports-sheet')).toContainText('质量异常分析日报表')
  await expect(page.getByTestId('print-anomaly-flags')).toContainText(first)
  await screenshot(page, 'reports-print-anomaly')
  const pdf = await saveViewAsPdf(page, desk, 'reports-anomaly-pdf')
  expect(pdf.size).toContain('A4')
  expect(pdf.pages[0]).toContain('报表日期：2026-11-20')
  expect(pdf.pages[0]).toContain('30 天内重复投诉')
  await page.getByRole('button', { name: '返回' }).click()
  await expect(page.getByLabel('报表日期')).toHaveValue('2026-11-20')

  // 部门反馈: nothing closed yet — the table with its total, printable
  await page.getByRole('tab', { name: '部门反馈' }).click()
  const table = page.getByTestId('feedback-table')
  await expect(table).toContainText('合计')
  await expect(page.getByRole('button', { name: '合计 未反馈 0 件' })).toBeVisible()
  await screenshot(page, 'reports-feedback')
  await page.getByRole('button', { name: '打印报表' }).click()
  await expect(page.getByTestId('print-feedback')).toContainText('合计')
  const feedbackPdf = await saveViewAsPdf(page, desk, 'reports-feedback-pdf')
  expect(feedbackPdf.pages[0]).toContain('部门反馈')
  expect(consoleErrors).toEqual([])
})

test('质量异常分析日报表 and 部门反馈 in English', async ({ page }) => {
  test.setTimeout(120_000)
  await finishSetup(page)
  await complaint(page, { phone: '13800000001', name: '张三' })
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await page.getByRole('menuitem', { name: 'Reports' }).click()
  await page.getByRole('tab', { name: 'Daily quality-anomaly report' }).click()
  await expect(page.getByLabel('Report date')).toHaveValue('2026-11-20')
  await expect(page.getByText('Nothing unusual on this day')).toBeVisible()
  await page.getByLabel('Spike percentage (%)').fill('99')
  await page.getByRole('button', { name: 'Save thresholds' }).click()
  await expect(page.getByText('The spike percentage must be a whole number from 101 to 1000.')).toBeVisible()
  await screenshot(page, 'reports-anomaly-en')
  await page.getByRole('tab', { name: 'Department feedback' }).click()
  await expect(page.getByTestId('feedback-table')).toContainText('Total')
  await screenshot(page, 'reports-feedback-en')
})

test('工作报表: a clerk submits their day, the manager sees who has submitted', async ({
  page,
  consoleErrors
}) => {
  test.setTimeout(180_000)
  await finishSetup(page)
  await addStaff(page, '1001', '张专员')
  await switchStaff(page, '1001')
  const taken = await complaint(page, { phone: '13800000001', name: '张三' })
  await page.getByRole('menuitem', { name: '统计报表' }).click()
  await page.getByRole('tab', { name: '工作报表' }).click()
  await expect(page.getByLabel('工作日期')).toHaveValue('2026-11-20')
  const mine = page.getByTestId('work-mine')
  await expect(mine).toContainText('未提交')
  // a clerk sees only their own day, not the table of everyone
  await expect(page.getByTestId('work-all')).toBeHidden()
  // 受理投诉 1 → its complaint
  await page.getByRole('button', { name: '张专员 受理投诉 1 条' }).click()
  const drawer = page.getByRole('dialog')
  await expect(drawer.getByTestId('drill-list')).toContainText(taken)
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await page.getByLabel('工作备注').fill('受理电饭煲投诉一件')
  await page.getByRole('button', { name: '提交', exact: true }).click()
  await expect(page.getByText('工作报表已提交')).toBeVisible()
  await expect(mine).toContainText('已提交')
  await page.getByLabel('工作备注').fill('受理电饭煲投诉一件，已联系厂家')
  await page.getByRole('button', { name: '重新提交' }).click()
  await expect(mine).toContainText('已提交')
  await screenshot(page, 'reports-work-clerk')

  await switchStaff(page, '8001')
  await page.getByRole('menuitem', { name: '统计报表' }).click()
  // the menu opens 统计报表 at 总览 (a tab clicked before that lands is already the active one)
  await expect(page.getByRole('tab', { name: '总览' })).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('tab', { name: '工作报表' }).click()
  const all = page.getByTestId('work-all')
  await expect(page.getByText('1 / 2 人已提交')).toBeVisible()
  await expect(all.getByRole('row', { name: /1001 张专员/ })).toContainText('受理电饭煲投诉一件，已联系厂家')
  await expect(all.getByRole('row', { name: /8001 李经理/ })).toContainText('未提交')
  await expect(page.getByRole('button', { name: '张专员 受理投诉 1 条' })).toBeVisible()
  await screenshot(page, 'reports-work-manager')
  expect(consoleErrors).toEqual([])
})
