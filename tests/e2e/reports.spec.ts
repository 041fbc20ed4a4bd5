import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup } from './flows'
import { saveViewAsPdf } from './pdf'

// 统计报表 (issue 16): complaints made through the UI, then 总览 (KPI cards, 较上期, trend), a drill-down
// from a trend bar to a complaint, a refused custom range that keeps what was typed and the period
// shown, 原因分析 (Pareto, 其他 warning, a bar's complaints), 导出Excel read back, 打印报表 as a PDF,
// and the English UI.

test.use({ startTime: '2026-11-20T10:00:00+08:00' })

async function complaint(page: Page, c: { phone: string; name: string; category: string; product: string }) {
  await page.getByRole('menuitem', { name: '工作台' }).click()
  await page.getByRole('button', { name: '新建投诉' }).click()
  await page.getByLabel('联系电话').fill(c.phone)
  await page.getByLabel('客户姓名').fill(c.name)
  await page.getByLabel('商品名称').fill(c.product)
  await page.getByRole('radiogroup', { name: '投诉类别' }).getByText(c.category, { exact: true }).click()
  await page.getByLabel('投诉内容').fill('内容')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('complaint-no')).toBeVisible()
  return (await page.getByTestId('complaint-no').textContent()) ?? ''
}

test('总览 and 原因分析 with drill-down, a refused range, Excel and print', async ({
  page,
  desk,
  consoleErrors
}) => {
  test.setTimeout(180_000)
  await finishSetup(page)
  const first = await complaint(page, {
    phone: '13800000001',
    name: '张三',
    category: '商品质量',
    product: '电饭煲'
  })
  await complaint(page, { phone: '13800000002', name: '李四', category: '商品质量', product: '电饭煲' })
  await complaint(page, { phone: '13800000003', name: '王五', category: '其他', product: '外套' })

  await page.getByRole('menuitem', { name: '统计报表' }).click()
  await expect(page.getByRole('tab', { name: '总览' })).toBeVisible()
  await expect(page.getByTestId('kpi-complaints')).toContainText('3')
  // 服务投诉率: 3 complaints ÷ 3 customers; hover shows numerator and denominator
  await expect(page.getByTestId('kpi-value-complaintRate')).toHaveText('100%')
  // counted off the UI thread: the reports worker is running (typing stays responsive meanwhile)
  expect(page.workers().some((w) => /reportsWorker/.test(w.url()))).toBe(true)
  await expect(page.getByRole('button', { name: '服务投诉率 分子 3' })).toBeVisible()
  await expect(page.getByRole('button', { name: '服务投诉率 分母 3' })).toBeVisible()
  await page.getByTestId('kpi-value-complaintRate').hover()
  await expect(page.getByRole('tooltip')).toContainText('分子 3 / 分母 3')
  await expect(page.getByTestId('kpi-complaintRate')).toContainText('上期无数据')
  await expect(page.getByTestId('trend-chart').locator('.recharts-bar-rectangle').first()).toBeVisible()
  await screenshot(page, 'reports-overview')

  // a bar of the trend (20 Nov) → its complaints → the complaint itself
  await page.getByTestId('trend-chart').locator('.recharts-bar-rectangle path').last().click()
  const drawer = page.getByRole('dialog')
  await expect(drawer).toContainText('（3 条）')
  await expect(drawer.getByTestId('drill-list')).toContainText('张三')
  await screenshot(page, 'reports-drill')
  await drawer.getByRole('button', { name: first }).click()
  await expect(page.getByTestId('complaint-no')).toHaveText(first)
  await page.getByRole('menuitem', { name: '统计报表' }).click()

  // a custom range that ends before it starts: the message, what was typed kept, the month still shown
  await page.getByText('自定义', { exact: true }).click()
  await expect(page.getByLabel('开始日期')).toHaveValue('2026-11-01')
  await page.getByLabel('结束日期').fill('2026-10-31')
  await expect(page.getByText('结束日期不能早于开始日期。')).toBeVisible()
  await expect(page.getByLabel('结束日期')).toHaveValue('2026-10-31')
  await expect(page.getByTestId('range-kept')).toHaveText('仍显示 2026-11-01 至 2026-11-30 的数据')
  await expect(page.getByTestId('kpi-complaints')).toContainText('3')
  await page.getByLabel('结束日期').fill('2029-12-01')
  await expect(page.getByText('时间范围不能超过 3 年。')).toBeVisible()
  await screenshot(page, 'reports-range-refused')
  await page.getByLabel('结束日期').fill('2026-11-30')
  await expect(page.getByTestId('range-kept')).toBeHidden()

  // 原因分析: 商品质量 2, 其他 1 (33 % → warned); a bar's row opens its complaints
  await page.getByRole('tab', { name: '原因分析' }).click()
  await expect(page.getByTestId('other-warning')).toContainText('33.3%')
  await expect(page.getByTestId('pareto-table')).toContainText('商品质量')
  await expect(page.getByTestId('pareto-chart').locator('.recharts-bar-rectangle')).toHaveCount(2)
  await screenshot(page, 'reports-causes')
  await page.getByTestId('pareto-chart').locator('.recharts-bar-rectangle path').first().click()
  await expect(drawer).toContainText('商品质量 2 件（2 条）')
  await expect(drawer.getByTestId('drill-list')).not.toContainText('王五')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // 导出Excel of 原因分析, then of 总览, read back
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-reports-export-'))
  try {
    for (const [tab, fileName] of [
      ['原因分析', '统计报表-原因分析-20261101-20261130.xlsx'],
      ['总览', '统计报表-总览-20261101-20261130.xlsx']
    ] as const) {
      await page.getByRole('tab', { name: tab }).click()
      // the export is the shown tab's: wait until the tab has switched
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: '导出Excel' }).click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe(fileName)
      const file = path.join(dir, fileName)
      await download.saveAs(file)
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(file)
      const summary = book.getWorksheet('汇总')!
      const cells = summary.getRows(1, summary.rowCount)!.map((r) => [r.getCell(1).value, r.getCell(2).value])
      expect(cells[0]?.[0]).toBe(tab)
      expect(cells).toContainEqual(['统计期间', '2026-11-01 至 2026-11-30'])
      expect(cells.some(([a]) => a === '数据截至')).toBe(true)
      if (tab === '原因分析') expect(cells).toContainEqual(['商品质量', 2])
      else expect(cells).toContainEqual(['投诉数', 3])
      const records = book.getWorksheet('明细')!
      expect(records.rowCount).toBe(4)
      expect(records.getRow(2).getCell(1).value).toBe(first)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  // 打印报表 of 总览 → PDF → PNG
  await page.getByRole('button', { name: '打印报表' }).click()
  await expect(page.getByTestId('reports-sheet')).toContainText('数据截至')
  await expect(page.getByTestId('print-trend').locator('.recharts-bar-rectangle').first()).toBeVisible()
  await screenshot(page, 'reports-print-overview')
  const pdf = await saveViewAsPdf(page, desk, 'reports-overview-pdf')
  expect(pdf.size).toContain('A4')
  expect(pdf.pages[0]).toContain('服务投诉率')
  expect(pdf.pages[0]).toContain('统计期间：2026-11-01 至 2026-11-30')
  // page numbers at the foot of every page (@page, print.css)
  expect(pdf.pages.map((p) => p.trim().split('\n').at(-1)?.replace(/\s/g, ''))).toEqual(
    pdf.pages.map((_, i) => `${i + 1}/${pdf.pages.length}`)
  )

  // 打印报表 of 原因分析: the Pareto chart, its table and the 其他 warning on the sheet
  await page.getByRole('button', { name: '返回' }).click()
  // back with the period and filters that were printed
  await expect(page.getByLabel('开始日期')).toHaveValue('2026-11-01')
  await expect(page.getByLabel('结束日期')).toHaveValue('2026-11-30')
  await page.getByRole('tab', { name: '原因分析' }).click()
  await page.getByRole('button', { name: '打印报表' }).click()
  await expect(page.getByTestId('print-pareto').locator('.recharts-bar-rectangle')).toHaveCount(2)
  await screenshot(page, 'reports-print-causes')
  const causes = await saveViewAsPdf(page, desk, 'reports-causes-pdf')
  expect(causes.pages).toHaveLength(1)
  expect(causes.pages[0]).toContain('原因分析')
  expect(causes.pages[0]).toContain('33.3%')
  expect(consoleErrors).toEqual([])
})

test('统计报表 in English', async ({ page }) => {
  await finishSetup(page)
  await complaint(page, { phone: '13800000001', name: '张三', category: '其他', product: '电饭煲' })
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await page.getByRole('menuitem', { name: 'Reports' }).click()
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible()
  await expect(page.getByTestId('kpi-complaintRate')).toContainText('Complaint rate')
  await expect(page.getByTestId('kpi-complaintRate')).toContainText('No data in the previous period')
  await expect(page.getByRole('button', { name: 'Complaint rate numerator 1' })).toBeVisible()
  await page.getByText('Custom', { exact: true }).click()
  await page.getByLabel('End date').fill('2026-10-31')
  await expect(page.getByText('The end date cannot be before the start date.')).toBeVisible()
  await screenshot(page, 'reports-overview-en')
  await page.getByLabel('End date').fill('2026-11-30')
  await page.getByRole('tab', { name: 'Cause analysis' }).click()
  await expect(page.getByTestId('other-warning')).toContainText('100%')
  await expect(page.getByTestId('pareto-table')).toContainText('Other')
  await screenshot(page, 'reports-causes-en')
})
