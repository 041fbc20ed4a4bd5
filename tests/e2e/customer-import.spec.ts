import { mkdtempSync, rmSync, writeFileSync, closeSync, openSync, ftruncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, switchStaff } from './flows'
import { maskPhone } from '@shared/domain/phone'

// 导入客户 / 导出Excel through the real UI: the GBK roster from Chinese Excel, the preview and its
// per-row report, a corrected column, 确认导入, the customers in the list; bad files refused with
// a clear message; exports masked for a clerk and complete for the manager, read back with exceljs.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import')
const fixture = (name: string) => path.join(FIXTURES, name)

async function openCustomers(page: Page) {
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await expect(page.getByTestId('customer-search')).toBeVisible()
}

async function openImport(page: Page) {
  await openCustomers(page)
  await page.getByRole('button', { name: '导入客户' }).click()
  await expect(page).toHaveURL(/\/customers\/import$/)
  await expect(page.getByTestId('import-page')).toHaveAttribute('data-step', 'pick')
}

const fileInput = (page: Page) => page.getByTestId('import-page').locator('input[type=file]')

/** 新建客户 through the form (as customers.spec.ts does); ends on the customer's page. */
async function createCustomer(page: Page, name: string, phone: string) {
  await openCustomers(page)
  await page.getByRole('button', { name: '新建客户' }).click()
  await page.getByLabel('姓名', { exact: true }).fill(name)
  await page.getByLabel('联系电话 1').fill(phone)
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('customer-name')).toHaveText(name)
}

/** The review step once its check against the archive is done. */
async function reviewed(page: Page) {
  await expect(page.getByTestId('import-page')).toHaveAttribute('data-step', 'review')
  await expect(page.getByTestId('import-preview')).toHaveAttribute('data-checking', 'false')
}

async function importGbkRoster(page: Page) {
  await openImport(page)
  await fileInput(page).setInputFiles(fixture('roster-gbk.csv'))
  await reviewed(page)
  await page.getByRole('button', { name: '确认导入' }).click()
  await expect(page.getByTestId('import-done')).toBeVisible()
}

/** The first worksheet's rows as text (row 1 = the header). */
async function readSheet(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const rows: string[][] = []
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text)
    rows.push(cells)
  })
  return rows
}

test.describe('customer import and export', () => {
  test('imports the GBK roster of Chinese Excel: preview, per-row report, corrected column, confirm, customers in the list', async ({
    page
  }) => {
    await finishSetup(page)
    // 单雄信 is already on file (same phone): his row is an update, applied only when chosen.
    await createCustomer(page, '单雄信', '139 0013 9000')

    await openImport(page)
    await screenshot(page, 'customer-import-pick')
    await fileInput(page).setInputFiles(fixture('roster-gbk.csv'))
    await reviewed(page)

    // What was detected
    await expect(page.getByTestId('import-encoding')).toHaveText('GBK（中文 Excel 另存的 CSV）')
    await expect(page.getByLabel('表头在第几行')).toHaveValue('1')
    await expect(page.getByTestId('import-mapping')).toContainText('联系电话')
    await expect(page.getByTestId('mapping-B')).toContainText('联系电话')
    await expect(page.getByTestId('mapping-I')).toContainText('备注')

    // Counts and the report (nothing written yet)
    const counts = page.getByTestId('import-counts')
    await expect(page.getByTestId('count-new')).toContainText('2')
    await expect(page.getByTestId('count-update')).toContainText('1')
    await expect(page.getByTestId('count-skip')).toContainText('2')
    await expect(page.getByTestId('count-blank')).toContainText('1')
    await expect(counts).toBeVisible()
    await expect(page.getByTestId('import-notice')).toHaveText('已跳过 1 个空行。')
    const report = page.getByTestId('report-row')
    await expect(report).toHaveCount(2)
    await expect(report.nth(0)).toHaveAttribute('data-row', '6')
    await expect(report.nth(0)).toContainText('第 6 行：联系电话 021-52345678 与第 5 行重复，本行不导入。')
    await expect(report.nth(1)).toContainText(
      '第 7 行：联系电话“1381234”不是有效的手机号或座机号，本行不导入。'
    )
    await page.getByText('所有有提示的行').click()
    await expect(report).toHaveCount(5)
    await expect(report.nth(0)).toContainText(
      '第 2 行：联系电话“１３８００１３８０００”中的全角字符已转成半角：13800138000。'
    )
    await expect(report.nth(1)).toContainText(
      '第 3 行：联系电话 13900139000 已有客户档案“单雄信”。只有选择“更新已有客户”时才会用本行更新该档案。'
    )
    await expect(report.nth(2)).toContainText(
      '第 5 行：联系电话“2152345678”少了开头的 0（Excel 把它当成了数字），已按 021-52345678 导入。'
    )
    await expect(page.getByTestId('import-summary')).toHaveText(
      '将新建 2 位客户，更新 0 位已有客户，不导入 3 行。'
    )
    await page.getByTestId('import-page').evaluate((el) => el.scrollIntoView())
    await screenshot(page, 'customer-import-review')
    await page.getByTestId('import-counts').scrollIntoViewIfNeeded()
    await screenshot(page, 'customer-import-preview')

    // This store wrote special needs into 备注: correct column I, and the rows are checked again.
    await page.getByTestId('mapping-I').click()
    await page.getByTitle('特殊需求', { exact: true }).click()
    await expect(page.getByTestId('mapping-I')).toContainText('特殊需求')
    await reviewed(page)
    await expect(page.getByTestId('count-new')).toContainText('2')

    await page.getByTestId('update-existing').click()
    await expect(page.getByText('只补充已有档案中空白的信息')).toBeVisible()
    await expect(page.getByTestId('import-summary')).toHaveText(
      '将新建 2 位客户，更新 1 位已有客户，不导入 2 行。'
    )
    await page.getByRole('button', { name: '确认导入' }).scrollIntoViewIfNeeded()
    await screenshot(page, 'customer-import-mapped')
    await page.getByRole('button', { name: '确认导入' }).click()
    await expect(page.getByTestId('import-done')).toHaveText(
      '新建 2 位客户，更新 1 位已有客户，未导入 2 行。'
    )
    await screenshot(page, 'customer-import-done')

    // The customers are in the list
    await page.getByRole('button', { name: '返回客户列表' }).click()
    await expect(page.getByTestId('customer-count')).toHaveText('共 3 位客户')
    const rows = page.getByTestId('customer-list').getByRole('row')
    await expect(rows).toHaveCount(3)
    await expect(page.getByTestId('customer-list')).toContainText('张三')
    await expect(page.getByTestId('customer-list')).toContainText('曾国藩')
    await screenshot(page, 'customer-import-list')

    // The corrected column went to 特殊需求; the existing archive was filled in, not duplicated.
    await page.getByTestId('customer-search').fill('zgf')
    await page.getByTestId('customer-list').getByRole('row').first().click()
    await expect(page.getByTestId('customer-name')).toHaveText('曾国藩')
    await expect(page.getByTestId('customer-needs')).toHaveText('座机少了开头的0')
    await expect(page.getByText('湖南省长沙市岳麓区')).toBeVisible()
    await screenshot(page, 'customer-import-imported-customer')
    await openCustomers(page)
    await page.getByTestId('customer-search').fill('13900139000')
    await page.getByTestId('customer-list').getByRole('row').first().click()
    await expect(page.getByTestId('customer-name')).toHaveText('单雄信')
    await expect(page.getByText('山东省济南市历下区泉城路1号')).toBeVisible()
  })

  test('a phone put on file after the preview (e.g. synced from another PC) refuses the whole import, then the preview is checked again', async ({
    page,
    context
  }) => {
    await finishSetup(page)
    await openImport(page)
    await fileInput(page).setInputFiles(fixture('roster-gbk.csv'))
    await reviewed(page)
    await expect(page.getByTestId('count-new')).toContainText('3')

    // Meanwhile the same phone as 张三's row is put on file (a second window stands in for a synced change).
    const other = await context.newPage()
    await other.goto(new URL('/', page.url()).href)
    await expect(other.getByTestId('current-staff')).toContainText('8001')
    await createCustomer(other, '张叁', '13800138000')
    await other.close()

    await page.getByRole('button', { name: '确认导入' }).click()
    await expect(page.getByTestId('import-alert')).toHaveText(
      '导入已取消，没有写入任何数据：以下电话刚刚已有客户档案（可能是别的电脑同步过来的）：13800138000（张叁）。已重新检查，请核对预览后再确认导入。'
    )
    await reviewed(page)
    await expect(page.getByTestId('count-new')).toContainText('2')
    await expect(page.getByTestId('count-update')).toContainText('1')
    await page.getByText('所有有提示的行').click()
    await expect(page.getByTestId('report-row').first()).toContainText('电话 13800138000 已有客户档案“张叁”')
    await page.getByTestId('import-alert').scrollIntoViewIfNeeded()
    await screenshot(page, 'customer-import-refused')

    // Nothing of the refused batch was written; confirming the re-checked preview imports the rest.
    await page.getByRole('button', { name: '确认导入' }).click()
    await expect(page.getByTestId('import-done')).toHaveText(
      '新建 2 位客户，更新 0 位已有客户，未导入 3 行。'
    )
    await page.getByRole('button', { name: '返回客户列表' }).click()
    await expect(page.getByTestId('customer-count')).toHaveText('共 3 位客户')
  })

  test('a larger roster shows its progress while it is written', async ({ page }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'desk-import-'))
    try {
      const rows = Array.from(
        { length: 8000 },
        (_, i) => `客户${i},1${3 + (i % 7)}${String(i).padStart(9, '0')},会员`
      )
      const file = path.join(dir, '花名册.csv')
      writeFileSync(file, `姓名,手机,等级\n${rows.join('\n')}\n`)
      await finishSetup(page)
      await openImport(page)
      await fileInput(page).setInputFiles(file)
      await reviewed(page)
      await expect(page.getByTestId('count-new')).toContainText('8,000')
      await page.getByRole('button', { name: '确认导入' }).click()
      // The bar moves while the one transaction is still open (checked every frame).
      await page.waitForFunction(() =>
        /正在导入，请稍候… [1-9]\d* \/ 8000/.test(
          document.querySelector('[data-testid=import-progress]')?.textContent ?? ''
        )
      )
      await screenshot(page, 'customer-import-progress')
      await expect(page.getByTestId('import-done')).toHaveText(
        '新建 8000 位客户，更新 0 位已有客户，未导入 0 行。',
        { timeout: 30_000 }
      )
      await page.getByRole('button', { name: '返回客户列表' }).click()
      await expect(page.getByTestId('customer-count')).toHaveText('共 8000 位客户')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('bad files get a clear Chinese message and the page stays ready for another file', async ({
    page
  }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'desk-import-'))
    try {
      await finishSetup(page)
      await openImport(page)
      const error = page.getByTestId('import-error')

      await fileInput(page).setInputFiles(fixture('not-a-sheet.pdf'))
      await expect(error).toHaveText('“not-a-sheet.pdf”不是表格文件。请选择 .xlsx 或 .csv 格式的客户花名册。')
      await expect(page.getByTestId('import-page')).toHaveAttribute('data-step', 'pick')
      await screenshot(page, 'customer-import-not-a-sheet')

      await fileInput(page).setInputFiles(fixture('empty.csv'))
      await expect(error).toHaveText('文件是空的，没有可导入的内容。')

      // 200 MB: refused by its size before a byte is read (a sparse file, so the test is quick)
      const huge = path.join(dir, '花名册.csv')
      const fd = openSync(huge, 'w')
      ftruncateSync(fd, 200 * 1024 * 1024)
      closeSync(fd)
      await fileInput(page).setInputFiles(huge)
      await expect(error).toHaveText(
        '文件太大（200 MB），最多只能导入 50 MB。请把花名册分成几个文件分别导入。'
      )
      await screenshot(page, 'customer-import-too-large')

      await fileInput(page).setInputFiles(fixture('no-columns.csv'))
      await expect(error).toContainText('没有找到可识别的列。文件里的表头是：')

      // A 10 000-character field: never truncated; the field is left blank with the reason and the
      // customer is still imported (issue 13.1: only the key skips a row).
      const long = path.join(dir, '长备注.csv')
      writeFileSync(long, `姓名,电话,备注\n张三,13800138000,${'很'.repeat(10_000)}\n李四,13900139000,\n`)
      await fileInput(page).setInputFiles(long)
      await reviewed(page)
      await page.getByText('所有有提示的行').click()
      await expect(page.getByTestId('report-row').first()).toContainText(
        '第 2 行：备注有 10000 个字，最多只能有 2000 个字，该项留空，本行其余信息照常导入。'
      )
      await expect(page.getByTestId('count-skip')).toContainText('0')
      await expect(page.getByTestId('count-new')).toContainText('2')
      await page.getByTestId('import-report').scrollIntoViewIfNeeded()
      await screenshot(page, 'customer-import-long-field')

      // Nothing was written by any of it
      await openCustomers(page)
      await expect(page.getByTestId('customer-count')).toHaveText('共 0 位客户')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('导出Excel: masked for a clerk, complete for the manager, each export recorded', async ({ page }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'desk-export-'))
    try {
      await finishSetup(page)
      await addStaff(page, '1001', '王小明')
      await importGbkRoster(page)

      const exportAs = async (name: string) => {
        await openCustomers(page)
        const downloading = page.waitForEvent('download')
        await page.getByRole('button', { name: '导出Excel' }).click()
        const download = await downloading
        expect(download.suggestedFilename()).toBe('客户档案-20261123.xlsx')
        const file = path.join(dir, name)
        await download.saveAs(file)
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.readFile(file)
        const sheet = workbook.getWorksheet('客户档案')
        if (!sheet) throw new Error('no 客户档案 sheet')
        const phones = new Map<string, string>()
        sheet.eachRow((row, n) => {
          if (n > 1) phones.set(String(row.getCell(1).value), String(row.getCell(2).value))
        })
        return phones
      }

      // The manager may see full numbers (the default privacy setting)
      const full = await exportAs('manager.xlsx')
      await expect(page.getByText('已导出 3 位客户（完整号码）')).toBeVisible()
      await screenshot(page, 'customer-export-manager')
      expect(Object.fromEntries(full)).toEqual({
        张三: '13800138000',
        单雄信: '13900139000',
        曾国藩: '021-52345678'
      })

      await switchStaff(page, '1001')
      const masked = await exportAs('clerk.xlsx')
      await expect(page.getByText('已导出 3 位客户（号码已隐藏）')).toBeVisible()
      await screenshot(page, 'customer-export-clerk')
      expect(Object.fromEntries(masked)).toEqual({
        张三: maskPhone('13800138000'),
        单雄信: maskPhone('13900139000'),
        曾国藩: maskPhone('021-52345678')
      })
      expect(masked.get('张三')).toBe('138****8000')
      for (const phone of masked.values()) expect(phone).toContain('****')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a messy GBK roster (issue 13.1, 13.2): unreadable birthdays left blank, duplicates of skipped rows reported, counts add up, phone-less rows on request, 下载问题行 re-imported', async ({
    page
  }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'desk-problems-'))
    try {
      await finishSetup(page)
      await openImport(page)
      await fileInput(page).setInputFiles(fixture('roster-messy-gbk.csv'))
      await reviewed(page)
      await expect(page.getByTestId('import-encoding')).toHaveText('GBK（中文 Excel 另存的 CSV）')

      // 7 data rows + 2 blank rows = the 9 rows read below the header (the trailing empty row is not read).
      await expect(page.getByTestId('import-data-rows')).toHaveText('7（另有空行 2 行；表头下共读取 9 行）')
      await expect(page.getByTestId('count-new')).toContainText('4')
      await expect(page.getByTestId('count-skip')).toContainText('3')
      await expect(page.getByTestId('count-blank')).toContainText('2')
      await expect(page.getByTestId('import-counts-sum')).toHaveText(
        '数据行 7 = 新建 4 + 已有客户 0 + 跳过 3；另有空行 2 行；表头下共读取 9 行。'
      )

      // Skipped: only the key (name, phone, a phone another row is written with).
      const report = page.getByTestId('report-row')
      await expect(report).toHaveCount(3)
      await expect(report.nth(0)).toHaveText(/第 5 行：没有填写姓名，本行不导入。/)
      await expect(report.nth(1)).toHaveText(/第 7 行：没有填写联系电话，本行不导入。/)
      await expect(report.nth(2)).toHaveText(/第 9 行：联系电话 13811112222 与第 2 行重复，本行不导入。/)
      await page.getByText('所有有提示的行').click()
      await expect(report).toHaveCount(6)
      const preview = page.getByTestId('import-report')
      // 不详 / 未知 are blank: no message for 王芳 (row 2) or 陈静's birthday.
      await expect(preview.locator('[data-row="2"]')).toHaveCount(0)
      await expect(preview).not.toContainText('未知')
      await expect(preview).toContainText('第 3 行：生日“2099/5/1”晚于今天，该项留空，本行其余信息照常导入。')
      await expect(preview).toContainText(
        '第 6 行：生日“1975年13月2日”不是有效的日期（应写成 1990-01-31 这样），该项留空，本行其余信息照常导入。'
      )
      // The repeat of a skipped row is reported (it was not before).
      await expect(preview).toContainText(
        '第 6 行：联系电话 13633334444 与第 5 行重复。第 5 行不导入，所以本行照常导入'
      )
      await expect(preview).toContainText('第 10 行：生日“1980/2/30”不是有效的日期')
      await screenshot(page, 'customer-import-messy-review')

      // 下载问题行: the skipped and flagged rows, original columns plus the reason.
      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: '下载问题行' }).click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe('roster-messy-gbk-问题行.xlsx')
      const problems = path.join(dir, 'problems.xlsx')
      await download.saveAs(problems)
      await expect(page.getByText('已下载 6 个问题行')).toBeVisible()
      const sheet = await readSheet(problems)
      expect(sheet[0]).toEqual(['序号', '姓名', '手机号码', '生日', '地址', '会员等级', '备注', '问题说明'])
      expect(sheet.slice(1).map((r) => r.slice(0, 7))).toEqual([
        ['2', '李强', '13922223333', '2099/5/1', '', 'VIP', '生日年份写错了'],
        ['3', '', '13633334444', '1988/7/7', '', '', '没写姓名'],
        ['4', '张伟', '13633334444', '1975年13月2日', '', '', ''],
        ['5', '刘洋', '', '1992/2/2', '上海市徐汇区', '', '没留电话'],
        ['6', '陈静', '13811112222', '未知', '', '', '和王芳同一个号码'],
        ['7', '赵磊', '13755556666', '1980/2/30', '', '普通', '']
      ])
      expect(sheet.slice(1).map((r) => r[7])).toEqual([
        '第 3 行：生日“2099/5/1”晚于今天，该项留空，本行其余信息照常导入。',
        '第 5 行：没有填写姓名，本行不导入。',
        '第 6 行：生日“1975年13月2日”不是有效的日期（应写成 1990-01-31 这样），该项留空，本行其余信息照常导入。',
        '第 7 行：没有填写联系电话，本行不导入。',
        '第 9 行：联系电话 13811112222 与第 2 行重复，本行不导入。',
        '第 10 行：生日“1980/2/30”不是有效的日期（应写成 1990-01-31 这样），该项留空，本行其余信息照常导入。'
      ])

      // The phone-less row, on request.
      await page.getByLabel('没有有效联系电话的行也导入（联系电话留空）').check()
      await reviewed(page)
      await expect(page.getByTestId('count-new')).toContainText('5')
      await expect(page.getByTestId('count-skip')).toContainText('2')
      await expect(page.getByTestId('import-summary')).toHaveText(
        '将新建 5 位客户，更新 0 位已有客户，不导入 2 行。'
      )
      await expect(preview).toContainText('第 7 行：没有填写联系电话，本行导入为没有联系电话的客户。')
      await page.getByLabel('没有有效联系电话的行也导入（联系电话留空）').scrollIntoViewIfNeeded()
      await screenshot(page, 'customer-import-messy-without-phone')
      await page.getByRole('button', { name: '确认导入' }).click()
      await expect(page.getByTestId('import-done')).toHaveText(
        '新建 5 位客户，更新 0 位已有客户，未导入 2 行。'
      )
      await page.getByRole('button', { name: '返回客户列表' }).click()
      await expect(page.getByTestId('customer-count')).toHaveText('共 5 位客户')
      await expect(page.getByTestId('customer-list')).toContainText('刘洋')
      await screenshot(page, 'customer-import-messy-list')

      // Fix the problem file as staff would, and import it again.
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(problems)
      const ws = workbook.worksheets[0]
      if (!ws) throw new Error('no worksheet')
      ws.getCell('D2').value = '1979/5/1'
      ws.getCell('B3').value = '孙丽'
      ws.getCell('C3').value = '13644445555'
      ws.getCell('D4').value = '1975/12/2'
      ws.getCell('C6').value = '13899990000'
      ws.getCell('D7').value = '1980/2/28'
      const fixed = path.join(dir, '问题行-已改.xlsx')
      await workbook.xlsx.writeFile(fixed)

      await page.getByRole('button', { name: '导入客户' }).click()
      await fileInput(page).setInputFiles(fixed)
      await reviewed(page)
      await expect(page.getByTestId('mapping-H')).toContainText('不导入')
      await expect(page.getByTestId('import-data-rows')).toHaveText('6（另有空行 0 行；表头下共读取 6 行）')
      await expect(page.getByTestId('count-new')).toContainText('2')
      await expect(page.getByTestId('count-update')).toContainText('3')
      await expect(page.getByTestId('count-skip')).toContainText('1')
      await page.getByTestId('update-existing').click()
      await page.getByRole('button', { name: '确认导入' }).click()
      await expect(page.getByTestId('import-done')).toHaveText(
        '新建 2 位客户，更新 3 位已有客户，未导入 1 行。'
      )
      await page.getByRole('button', { name: '返回客户列表' }).click()
      await expect(page.getByTestId('customer-count')).toHaveText('共 7 位客户')
      await page.getByTestId('customer-search').fill('13922223333')
      await page.getByTestId('customer-list').getByRole('row').first().click()
      await expect(page.getByTestId('customer-name')).toHaveText('李强')
      await expect(page.getByText('1979-05-01')).toBeVisible()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
