import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, registerComplaintViaUi, STORE, switchStaff } from './flows'

// 客户信息不得泄露 (issue 17 point 6, docs/security.md §4): a 客服专员 — no right to full numbers — sees
// 138****5678 in every form the app fills from a record, saving such a form keeps the stored number,
// corrections on the timeline are masked for them, and phone prefixes find nothing.

const PHONE = '13812345678'
const MASKED = '138****5678'

/** Every full number a page shows, in its text or in its inputs. */
async function fullPhonesOn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [
      document.body.innerText,
      ...Array.from(document.querySelectorAll('input, textarea')).map((el) => (el as HTMLInputElement).value)
    ]
    return texts.flatMap((t) => t.match(/1[3-9]\d{9}/g) ?? [])
  })
}

async function clerkWithOneCustomer(page: Page): Promise<string> {
  await finishSetup(page)
  const no = await registerComplaintViaUi(page, { phone: PHONE, name: '张三', content: '送货晚了三天' })
  await addStaff(page, '1002', '赵专员')
  await switchStaff(page, '1002')
  return no
}

async function openZhang(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await page.getByTestId('customer-search').fill('5678')
  await page.getByTestId('customer-list').getByRole('row').filter({ hasText: '张三' }).click()
  await expect(page.getByTestId('customer-name')).toHaveText('张三')
}

test.describe('phones for a clerk', () => {
  test('编辑客户: numbers masked; saving keeps them; a new number replaces one and the correction is masked on the timeline', async ({
    page
  }) => {
    await clerkWithOneCustomer(page)
    await openZhang(page)
    await page.getByRole('button', { name: '编辑', exact: true }).click()
    const phone1 = page.getByLabel('联系电话 1')
    await expect(phone1).toHaveValue(MASKED)
    expect(await fullPhonesOn(page)).toEqual([])
    await screenshot(page, 'privacy-customer-edit-masked')

    // Saving without touching the number keeps it (the reveal shows the stored one).
    await page.getByLabel('地址').fill('幸福路 1 号')
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('customer-name')).toHaveText('张三')
    await expect(page.getByTestId('phone')).toHaveText(MASKED)
    await page.getByRole('button', { name: '查看完整号码' }).click()
    await expect(page.getByTestId('phone')).toHaveText(PHONE)

    // Typing replaces it: focus selects the masked text.
    await page.getByRole('button', { name: '编辑', exact: true }).click()
    await page.getByLabel('联系电话 1').click()
    await page.keyboard.type('13900001111')
    await expect(page.getByLabel('联系电话 1')).toHaveValue('13900001111')
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('customer-name')).toHaveText('张三')
    const timeline = page.getByTestId('customer-timeline')
    await expect(timeline).toContainText(`${MASKED} → 139****1111`)
    expect((await fullPhonesOn(page)).filter((p) => p === PHONE)).toEqual([])
    await screenshot(page, 'privacy-customer-timeline-masked')

    // A 客服经理 sees the same correction in full.
    await switchStaff(page, STORE.managerStaffNo)
    await expect(timeline).toContainText(`${PHONE} → 13900001111`)
  })

  test('新建投诉 after picking a customer: masked, and the complaint goes to that archive', async ({
    page
  }) => {
    await clerkWithOneCustomer(page)
    await page.getByRole('menuitem', { name: '投诉处理' }).click()
    await page.getByRole('button', { name: '新建投诉' }).click()
    await page.getByTestId('customer-picker').fill('zs')
    await page.getByTestId('picker-option').first().click()
    await expect(page.getByLabel('联系电话')).toHaveValue(MASKED)
    await expect(page.getByLabel('客户姓名')).toHaveValue('张三')
    await expect(page.getByTestId('customer-match')).toContainText('张三')
    expect(await fullPhonesOn(page)).toEqual([])
    await page.getByLabel('投诉内容').fill('安装师傅迟到')
    await screenshot(page, 'privacy-complaint-new-picked')
    // The draft keeps the link: after a reload the number is still masked.
    await expect(page.getByTestId('draft-saved')).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('投诉内容')).toHaveValue('安装师傅迟到')
    await expect(page.getByLabel('联系电话')).toHaveValue(MASKED)
    await page.keyboard.press('Control+s')
    await expect(page.getByTestId('complaint-details')).toContainText('张三')
    await expect(page.getByTestId('complaint-details')).toContainText(MASKED)
    // Still one archive, now with both complaints.
    await page.getByRole('menuitem', { name: '客户档案' }).click()
    await expect(page.getByTestId('customer-count')).toHaveText('共 1 位客户')
    await openZhang(page)
    await expect(page.getByTestId('open-items')).toContainText('安装师傅迟到')
    await expect(page.getByTestId('open-items')).toContainText('送货晚了三天')
  })

  test('退换货登记 from a complaint and 修改登记内容: no full number', async ({ page }) => {
    const no = await clerkWithOneCustomer(page)
    await page.getByRole('menuitem', { name: '投诉处理' }).click()
    await page.getByTestId('complaint-list').getByRole('row').filter({ hasText: no }).click()
    await expect(page.getByTestId('complaint-no')).toHaveText(no)

    await page.getByRole('button', { name: '修改登记内容' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    expect(await fullPhonesOn(page)).toEqual([])
    await screenshot(page, 'privacy-complaint-edit')
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()

    await page.getByRole('button', { name: '登记退换货' }).click()
    await expect(page.getByTestId('return-linked')).toContainText(no)
    await expect(page.getByLabel('联系电话')).toHaveValue(MASKED)
    await expect(page.getByTestId('return-customer-match')).toHaveText('老客户：张三')
    expect(await fullPhonesOn(page)).toEqual([])
    await screenshot(page, 'privacy-return-from-complaint')
    await page.getByRole('radiogroup', { name: '类型' }).getByText('换货', { exact: true }).click()
    await page.getByRole('button', { name: '保存' }).click()
    // Saved on the complaint's customer: the return is listed on the case and on the archive.
    await expect(page.getByTestId('complaint-returns')).toContainText('换货')
    await openZhang(page)
    await expect(page.getByTestId('open-items')).toContainText('换货')
  })

  test('search: the full number and the last 4 find the customer, a prefix does not', async ({ page }) => {
    const no = await clerkWithOneCustomer(page)
    await page.getByRole('menuitem', { name: '客户档案' }).click()
    const search = page.getByTestId('customer-search')
    const rows = page.getByTestId('customer-list').getByRole('row')
    await search.fill('5678')
    await expect(rows.filter({ hasText: '张三' })).toHaveCount(1)
    await search.fill(PHONE)
    await expect(rows.filter({ hasText: '张三' })).toHaveCount(1)
    await search.fill('1381234')
    await expect(page.getByText('没有找到匹配的客户')).toBeVisible()
    await expect(rows.filter({ hasText: '张三' })).toHaveCount(0)
    await expect(page.getByTestId('phone-search-hint')).toHaveText('查找电话请输入完整号码或后4位')
    await screenshot(page, 'privacy-search-prefix')

    await page.getByRole('menuitem', { name: '投诉处理' }).click()
    const complaints = page.getByTestId('complaint-list').getByRole('row')
    const complaintSearch = page.getByPlaceholder('按投诉编号、客户姓名或电话查找')
    await complaintSearch.fill('1381234')
    await expect(page.getByText('暂无投诉')).toBeVisible()
    await complaintSearch.fill(PHONE)
    await expect(complaints).toHaveCount(1)
    await expect(complaints.first()).toContainText(no)
  })
})
