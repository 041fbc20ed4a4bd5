import { test, expect, screenshot } from './fixtures'
import { finishSetup } from './flows'

test.use({ startTime: '2026-11-22T10:30:00+08:00' })

test.describe('complaint intake', () => {
  test('a calm complaint is registered by keyboard only and shows at the top of the list', async ({
    page
  }) => {
    await finishSetup(page)
    await page.getByRole('button', { name: '新建投诉' }).click()
    await expect(page.getByText('顾客投诉登记表')).toBeVisible()
    const kb = page.keyboard
    // The phone field has the focus; Enter moves from field to field.
    await expect(page.getByLabel('联系电话')).toBeFocused()
    await kb.type('１３８ ００１３ ８０００')
    await kb.press('Enter')
    await expect(page.getByLabel('客户姓名')).toBeFocused()
    await kb.type('张三')
    await kb.press('Enter')
    await kb.type('DD-20261120-88')
    await kb.press('Enter')
    await kb.type('SKU-3321')
    await kb.press('Enter')
    await kb.type('美的电饭煲 MB-40')
    await kb.press('Enter')
    await kb.type('1')
    await kb.press('Enter')
    await expect(page.getByLabel('购买/交运日期')).toBeFocused()
    await kb.type('20261120')
    await kb.press('Enter')
    await kb.press('ArrowRight') // 商品质量 → 服务态度 → back: stay on quality
    await kb.press('ArrowLeft')
    await kb.press('Enter')
    await expect(page.getByLabel('投诉内容')).toBeFocused()
    await kb.type('刚买两天的电饭煲不加热')
    await kb.press('Enter')
    await kb.type('换一台新的')
    await kb.press('Enter')
    await kb.press('ArrowLeft') // emotion: 平静 → 喧哗… pick 焦急 (two steps back from 平静 is 悲伤, three is 焦急)
    await kb.press('ArrowLeft')
    await kb.press('ArrowLeft')
    await kb.press('Enter')
    await kb.press('ArrowRight') // urgency 一般 → 紧急
    await screenshot(page, 'complaint-new-filled')
    await kb.press('Control+s')

    await expect(page.getByTestId('complaint-no')).toHaveText(/^TS-20261122-[A-Z][0-9A-Z]-001$/)
    const details = page.getByTestId('complaint-details')
    await expect(details).toContainText('13800138000')
    await expect(details).toContainText('8001 李经理')
    await expect(details).toContainText('DD-20261120-88')
    await expect(details).toContainText('SKU-3321')
    await expect(details).toContainText('美的电饭煲 MB-40')
    await expect(details).toContainText('2026-11-20')
    await expect(details).toContainText('商品质量')
    await expect(details).toContainText('焦急')
    await expect(details).toContainText('紧急')
    await expect(details).toContainText('柜台')
    await expect(page.getByText('受理登记')).toBeVisible()
    await screenshot(page, 'complaint-detail')

    const no = (await page.getByTestId('complaint-no').textContent()) ?? ''
    await page.getByRole('menuitem', { name: '投诉处理' }).click()
    const firstRow = page.getByTestId('complaint-list').getByRole('row').first()
    await expect(firstRow).toContainText(no)
    await expect(firstRow).toContainText('138****8000')
    await expect(page.getByTestId('complaint-count')).toHaveText('共 1 条')
    await screenshot(page, 'complaint-list')
  })

  test('the list is newest first, filters by status and finds by number, name or phone', async ({ page }) => {
    await finishSetup(page)
    const register = async (phone: string, name: string, content: string) => {
      await page.getByRole('menuitem', { name: '投诉处理' }).click()
      await page.getByRole('button', { name: '新建投诉' }).click()
      await page.getByLabel('联系电话').fill(phone)
      await page.getByLabel('客户姓名').fill(name)
      await page.getByLabel('投诉内容').fill(content)
      await page.keyboard.press('Control+s')
      await expect(page.getByTestId('complaint-no')).toBeVisible()
      return (await page.getByTestId('complaint-no').textContent()) ?? ''
    }
    const first = await register('13900139000', '王五', '第一单')
    await page.clock.fastForward('05:00')
    const second = await register('13800138000', '张三', '第二单')
    await page.getByRole('menuitem', { name: '投诉处理' }).click()
    const rows = page.getByTestId('complaint-list').getByRole('row')
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(0)).toContainText(second)
    await expect(rows.nth(1)).toContainText(first)
    const search = page.getByPlaceholder('按投诉编号、客户姓名或电话查找')
    await search.fill('王五')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText(first)
    await search.fill('1380013')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText(second)
    await search.fill(first)
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('第一单')
    await search.fill('')
    await page.getByTestId('status-filter').click()
    await page.getByTitle('已结案').click()
    await expect(page.getByText('暂无投诉')).toBeVisible()
    await page.getByTestId('status-filter').click()
    await page.getByTitle('已登记').click()
    await expect(rows).toHaveCount(2)
  })

  test('a half-filled complaint survives navigating away, a reload and an app restart', async ({
    page,
    restartApp
  }) => {
    await finishSetup(page)
    await page.getByRole('button', { name: '新建投诉' }).click()
    await page.getByLabel('联系电话').fill('13700137000')
    await page.getByLabel('客户姓名').fill('孙七')
    await page.getByLabel('投诉内容').fill('送货晚了三天')
    await page.getByRole('menuitem', { name: '工作台' }).click()
    await page.getByRole('button', { name: '新建投诉' }).click()
    await expect(page.getByTestId('draft-restored')).toBeVisible()
    await expect(page.getByLabel('客户姓名')).toHaveValue('孙七')
    await page.getByLabel('商品名称').fill('沙发')
    await expect(page.getByTestId('draft-saved')).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('投诉内容')).toHaveValue('送货晚了三天')
    await expect(page.getByLabel('商品名称')).toHaveValue('沙发')
    await screenshot(page, 'complaint-draft-restored')
    const again = await restartApp()
    await again.getByRole('button', { name: '新建投诉' }).click()
    await expect(again.getByTestId('draft-restored')).toBeVisible()
    await expect(again.getByLabel('联系电话')).toHaveValue('13700137000')
    await expect(again.getByLabel('商品名称')).toHaveValue('沙发')
    await again.keyboard.press('Control+s')
    await expect(again.getByTestId('complaint-no')).toBeVisible()
    // Saved: the draft is gone, the next form is empty.
    await again.getByRole('menuitem', { name: '投诉处理' }).click()
    await again.getByRole('button', { name: '新建投诉' }).click()
    await expect(again.getByLabel('客户姓名')).toHaveValue('')
    await expect(again.getByTestId('draft-restored')).toHaveCount(0)
  })

  test('what was typed just before a reload is kept, and 草稿已保存 shows only once it is', async ({
    page
  }) => {
    await finishSetup(page)
    await page.getByRole('button', { name: '新建投诉' }).click()
    await page.getByLabel('客户姓名').fill('孙七')
    await expect(page.getByTestId('draft-saved')).toBeVisible()
    // Newer typing: the mark of the earlier save goes until this text is stored too.
    await page.getByLabel('投诉内容').fill('送货晚了三天')
    await expect(page.getByTestId('draft-saved')).toHaveCount(0)
    await expect(page.getByTestId('draft-saved')).toBeVisible()
    await page.getByLabel('商品名称').fill('沙发')
    // No wait at all: leaving the page writes what is pending.
    await page.reload()
    await expect(page.getByLabel('投诉内容')).toHaveValue('送货晚了三天')
    await expect(page.getByLabel('商品名称')).toHaveValue('沙发')
  })

  test('everything is still there after closing and reopening the app', async ({ page, restartApp }) => {
    await finishSetup(page)
    await page.getByRole('button', { name: '新建投诉' }).click()
    await page.getByLabel('联系电话').fill('13600136000')
    await page.getByLabel('客户姓名').fill('周八')
    await page.getByLabel('投诉内容').fill('收银员态度差')
    await page.keyboard.press('Control+s')
    const no = (await page.getByTestId('complaint-no').textContent()) ?? ''
    expect(no).toMatch(/^TS-20261122-[A-Z][0-9A-Z]-001$/)
    const again = await restartApp()
    await expect(again.getByTestId('current-staff')).toContainText('8001 李经理')
    await expect(again.getByTestId('store-name')).toHaveText('幸福路店')
    await again.getByRole('menuitem', { name: '投诉处理' }).click()
    await expect(again.getByTestId('complaint-list').getByRole('row').first()).toContainText(no)
    // An existing customer is recognised by phone on the next complaint.
    await again.getByRole('button', { name: '新建投诉' }).click()
    await again.getByLabel('联系电话').fill('136 0013 6000')
    await expect(again.getByTestId('customer-match')).toContainText('老客户：周八（已有 1 次投诉）')
    await expect(again.getByLabel('客户姓名')).toHaveValue('周八')
  })
})

// Real time: the future-date check uses a date far ahead.
test.describe('complaint intake validation', () => {
  test('validation errors are shown in Chinese next to the fields and nothing typed is lost', async ({
    page
  }) => {
    await finishSetup(page)
    await page.getByRole('button', { name: '新建投诉' }).click()
    await expect(page.getByLabel('联系电话')).toBeFocused()
    await page.keyboard.press('Control+s')
    await expect(page.getByTestId('error-customerPhone')).toHaveText('此项必填')
    await expect(page.getByTestId('error-customerName')).toHaveText('此项必填')
    await expect(page.getByTestId('error-content')).toHaveText('此项必填')
    await page.getByLabel('联系电话').fill('12345')
    await page.getByLabel('客户姓名').fill('赵六')
    await page.getByLabel('数量').fill('0')
    await page.getByLabel('购买/交运日期').fill('2099-01-01')
    await page.getByLabel('投诉内容').fill('商品有划痕')
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('error-customerPhone')).toContainText('请输入正确的手机号或带区号的座机号')
    await expect(page.getByTestId('error-quantity')).toHaveText('数量须为正整数')
    await expect(page.getByTestId('error-purchaseDate')).toHaveText('日期不能晚于今天')
    await expect(page.getByText('请先改正标红的项目，已填写的内容不会丢失')).toBeVisible()
    await screenshot(page, 'complaint-new-errors')
    await expect(page.getByLabel('客户姓名')).toHaveValue('赵六')
    await expect(page.getByLabel('投诉内容')).toHaveValue('商品有划痕')
    // A landline with area code and full-width digits is fine.
    await page.getByLabel('联系电话').fill('０２１－５２３４５６７８')
    await page.getByLabel('数量').fill('２')
    await page.getByLabel('购买/交运日期').fill('2026-11-21')
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('complaint-details')).toContainText('021-52345678')
    await expect(page.getByTestId('complaint-details')).toContainText('赵六')
  })
})
