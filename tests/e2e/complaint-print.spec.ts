import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { saveViewAsPdf } from './pdf'
import { finishSetup, STORE } from './flows'

// 打印投诉登记表 (docs/design.md §3.7): the print view, then the PDF main renders of it — read back with
// poppler (pdfinfo / pdftotext) and turned into a PNG under test-results/screens/ for people to look at.

test.use({ startTime: '2026-11-22T10:30:00+08:00' })

const PHONE = '13812345678'

async function registerComplaint(page: Page): Promise<string> {
  await page.getByRole('button', { name: '新建投诉' }).click()
  await page.getByLabel('联系电话').fill(PHONE)
  await page.getByLabel('客户姓名').fill('张三')
  await page.getByLabel('订单编号').fill('DD-20261120-88')
  await page.getByLabel('商品编号').fill('SKU-3321')
  await page.getByLabel('商品名称').fill('美的电饭煲 MB-40')
  await page.getByLabel('数量').fill('1')
  await page.getByLabel('购买/交运日期').fill('2026-11-20')
  await page.getByLabel('投诉内容').fill('刚买两天的电饭煲不加热，按下煮饭键后指示灯亮但锅内一直是凉的。')
  await page.getByLabel('客户诉求').fill('换一台新的')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('complaint-no')).toBeVisible()
  return (await page.getByTestId('complaint-no').textContent()) ?? ''
}

test.describe('complaint registration form (打印投诉登记表)', () => {
  test('prints to one A4 page with the store, number, masked phone and signature lines', async ({
    page,
    desk,
    consoleErrors
  }) => {
    await finishSetup(page)
    const no = await registerComplaint(page)

    await page.getByRole('button', { name: '打印投诉登记表' }).click()
    await expect(page).toHaveURL(/#\/print\/complaint\//)
    const form = page.getByTestId('complaint-print-form')
    await expect(form).toContainText('顾客投诉登记表')
    await expect(form).toContainText(no)
    await expect(form).toContainText('138****5678')
    await expect(form).not.toContainText(PHONE)
    // Only the form: the Shell's menu and header are not on this page.
    await expect(page.getByRole('menuitem', { name: '投诉处理' })).toHaveCount(0)
    await expect(page).toHaveTitle(`顾客投诉登记表 ${no}`)
    // Toasts from the detail page are cleared: they would cover the sheet's heading.
    await expect(page.getByText(/^投诉已登记/)).toHaveCount(0)
    await screenshot(page, 'complaint-print-view')

    const { file, text, pages, size } = await saveViewAsPdf(page, desk, 'complaint-print-pdf')
    expect(path.basename(file)).toBe(`投诉登记表-${no}.pdf`)
    // issue 13.8: the toast names the file and its folder, not main's whole path
    await expect(page.locator('.ant-message')).toHaveText(
      `已保存为 PDF：投诉登记表-${no}.pdf（在 ${path.basename(path.dirname(file))} 文件夹）`
    )
    await expect(page.locator('.ant-message')).not.toContainText(path.dirname(file))
    await screenshot(page, 'complaint-print-saved')
    expect(desk.calls.find((c) => c.method === 'savePdf')).toMatchObject({
      from: 'page',
      ok: true,
      arg: { suggestedName: `投诉登记表-${no}.pdf` }
    })
    for (const expected of [
      STORE.storeName,
      '顾客投诉登记表',
      no,
      '138****5678',
      '张三',
      'DD-20261120-88',
      '美的电饭煲 MB-40',
      '2026-11-22 10:30',
      '柜台',
      '商品质量',
      '换一台新的',
      '8001 李经理',
      '已登记',
      '客户签名',
      '受理客服签名',
      '日期'
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain(PHONE)
    // No toolbar on paper, nor the toast left over from registering.
    expect(text).not.toContain('保存为PDF')
    expect(text).not.toContain('投诉已登记')
    expect({ pages: pages.length, size }).toEqual({ pages: 1, size: expect.stringMatching(/\(A4\)/) })

    await page.getByRole('button', { name: '打印' }).click()
    await expect.poll(() => desk.printed.length).toBe(1)
    expect(desk.printed[0]).toBe(`顾客投诉登记表 ${no}`)
    expect(desk.calls.filter((c) => c.method === 'printPage')).toMatchObject([
      { from: 'page', ok: true, result: { ok: true, value: { printed: true } } }
    ])

    await page.getByRole('button', { name: '返回' }).click()
    await expect(page.getByTestId('complaint-no')).toHaveText(no)
    await expect(page).toHaveTitle('门店客服台')
    expect(consoleErrors).toEqual([])
  })

  test('shows the handling so far: department and plan', async ({ page, desk }) => {
    await finishSetup(page)
    const no = await registerComplaint(page)
    const actions = page.getByTestId('workflow-actions')
    await actions.getByRole('button', { name: '投诉成立', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: '投诉成立', exact: true }).click()
    await actions.getByRole('button', { name: '指定责任部门', exact: true }).click()
    await page.getByRole('dialog').getByLabel('责任部门').click()
    await page.getByTitle('售后服务部').click()
    await page.getByRole('dialog').getByRole('button', { name: '指定责任部门', exact: true }).click()
    await actions.getByRole('button', { name: '提交处理方案', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('换货', { exact: true }).click()
    await dialog.getByLabel('方案内容').fill('为您更换同型号新机')
    await dialog.getByRole('button', { name: '提交处理方案', exact: true }).click()
    await expect(page.getByTestId('plan')).toBeVisible()

    await page.getByRole('button', { name: '打印投诉登记表' }).click()
    await expect(page.getByText('已提交处理方案')).toHaveCount(0)
    await screenshot(page, 'complaint-print-view-handling')
    const { text, pages } = await saveViewAsPdf(page, desk, 'complaint-print-pdf-handling')
    for (const expected of [
      no,
      '责任部门',
      '售后服务部',
      '处理方案',
      '换货',
      '为您更换同型号新机',
      '138****5678'
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain(PHONE)
    expect(pages).toHaveLength(1)
  })
})
