import path from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import ExcelJS from 'exceljs'
import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, registerComplaintViaUi, switchStaff } from './flows'

// 操作日志 (issue 17 point 3): a clerk reveals a customer's number and exports the archive (masked,
// as a clerk may); the manager's 操作日志 shows both — who, when, which PC, what — filters them,
// checks the hash chains and exports the log (read back). The clerk has no 操作日志 at all.

const PHONE = '13812345678'

test('a manager’s 操作日志 shows a phone reveal and an export done by a clerk; filter, check, export', async ({
  page
}) => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-audit-'))
  try {
    await finishSetup(page)
    await registerComplaintViaUi(page, { phone: PHONE, name: '张三', content: '送货晚了三天' })
    await addStaff(page, '1002', '赵专员')
    await switchStaff(page, '1002')
    await expect(page.getByRole('menuitem', { name: '操作日志' })).toHaveCount(0)

    // the clerk reveals 张三's number …
    await page.getByRole('menuitem', { name: '客户档案' }).click()
    await page.getByTestId('customer-search').fill('5678')
    await page.getByTestId('customer-list').getByRole('row').filter({ hasText: '张三' }).click()
    await page.getByRole('button', { name: '查看完整号码' }).click()
    await expect(page.getByTestId('phone').first()).toHaveText(PHONE)
    // … and exports the archive, masked
    await page.getByRole('menuitem', { name: '客户档案' }).click()
    const clerkDownload = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出Excel' }).click()
    await clerkDownload
    await expect(page.getByText('已导出 1 位客户（号码已隐藏）')).toBeVisible()

    await switchStaff(page, '8001')
    await page.getByRole('menuitem', { name: '操作日志' }).click()
    const table = page.getByTestId('audit-table')
    const reveal = table.getByRole('row').filter({ hasText: '查看完整号码' })
    await expect(reveal).toContainText('1002 赵专员')
    await expect(reveal).toContainText('号码 138****5678')
    await expect(reveal).toContainText('KEFU-PC')
    const exported = table.getByRole('row').filter({ hasText: '导出客户档案' })
    await expect(exported).toContainText('1002 赵专员')
    await expect(exported).toContainText('1 条，号码已隐藏中间位')
    await screenshot(page, 'audit-log')

    // filter by person, then by kind
    await page.getByRole('combobox', { name: '人员' }).click()
    await page.getByTitle('1002 赵专员').click()
    await expect(table.getByRole('row').filter({ hasText: '添加员工' })).toHaveCount(0)
    await expect(table.getByRole('row').filter({ hasText: '1002 赵专员' })).toHaveCount(2)
    await page.getByRole('combobox', { name: '操作类型' }).click()
    await page.getByTitle('导出客户档案').click()
    await expect(table.getByRole('row').filter({ hasText: '查看完整号码' })).toHaveCount(0)
    await expect(table.getByRole('row').filter({ hasText: '导出客户档案' })).toHaveCount(1)
    await screenshot(page, 'audit-log-filtered')

    // the hash chains
    await page.getByRole('button', { name: '检查完整性' }).click()
    await expect(page.getByTestId('audit-check')).toContainText('操作日志完整')

    // export what the filter shows, read back
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出Excel' }).click()
    const download = await downloading
    const file = path.join(dir, download.suggestedFilename())
    await download.saveAs(file)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const rows: string[][] = []
    wb.getWorksheet('操作日志')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String)))
    expect(rows[0]?.slice(0, 5)).toEqual(['时间', '工号', '电脑', '操作', '内容'])
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['1002', 'KEFU-PC-01', '导出客户档案', '1 条，号码已隐藏中间位']
    ])
    await expect(page.getByText('已导出 1 条操作日志')).toBeVisible()
    // the export itself is recorded
    await page.getByRole('combobox', { name: '人员' }).click()
    await page.getByTitle('全部人员').click()
    await page.getByRole('combobox', { name: '操作类型' }).click()
    await page.getByTitle('全部类型').click()
    await expect(table.getByRole('row').filter({ hasText: '导出操作日志' })).toContainText('8001 李经理')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
