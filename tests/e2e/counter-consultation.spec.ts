import type { Locator, Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, registerComplaintViaUi, switchStaff, passTime } from './flows'

// 咨询登记 (docs/counter-log.md): F2 from anywhere, a walk-in by keyboard alone, bad input kept with
// the message next to its field, 考虑中 → 约定回电 → 已成交, 转为投诉 linked both ways.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

/** Presses keys one by one and counts them (a character typed is one key; so is F2 or Ctrl+S). */
function keyCounter(page: Page) {
  let count = 0
  return {
    get count() {
      return count
    },
    async press(key: string) {
      count++
      await page.keyboard.press(key)
    },
    async type(text: string) {
      count += [...text].length
      await page.keyboard.type(text)
    }
  }
}

async function typeDate(page: Page, input: Locator, text: string) {
  await input.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

async function widenDates(page: Page) {
  await typeDate(page, page.locator('#consult-from'), '2026-11-23')
  await typeDate(page, page.locator('#consult-to'), '2026-11-25')
}

const consultations = (page: Page) => page.getByTestId('consultations-table')
const row = (page: Page, text: string) =>
  consultations(page).locator('.ant-table-row').filter({ hasText: text })

test('a walk-in consultation by keyboard alone, from 工作台, with its keys counted', async ({ page }) => {
  await finishSetup(page)
  await addStaff(page, '1001', '王小明')
  await switchStaff(page, '1001')
  await page.getByRole('menuitem', { name: '工作台' }).click()
  const keys = keyCounter(page)
  const started = Date.now()
  await keys.press('F2')
  const dialog = page.getByRole('dialog', { name: /新建咨询/ })
  await expect(dialog).toContainText('快捷键 F2')
  await expect(dialog.getByLabel('咨询内容')).toBeFocused()
  await keys.type('有3升的电饭煲吗')
  await keys.press('Enter')
  await expect(dialog.getByLabel('答复内容')).toBeFocused()
  await keys.type('有的，在二楼家电区')
  await keys.press('Enter')
  // outcome: the first option has the focus; three arrows to 未成交
  for (let i = 0; i < 3; i++) await keys.press('ArrowRight')
  await expect(dialog.getByRole('radio', { name: '未成交' })).toBeChecked()
  await screenshot(page, 'counter-consultation-walkin-form')
  await keys.press('Control+s')
  await expect(page.getByText('咨询已登记')).toBeVisible()
  await expect(dialog).toBeHidden()
  const seconds = (Date.now() - started) / 1000
  // 8 + 9 characters and 7 other keys (F2, Enter ×2, → ×3, Ctrl+S); no mouse. (Wall time is reported,
  // not asserted: it depends on the machine.)
  expect(keys.count).toBe(24)
  test
    .info()
    .annotations.push({ type: 'walk-in', description: `${keys.count} keys, ${seconds.toFixed(1)} s` })

  await page.getByRole('menuitem', { name: '柜台登记' }).click()
  await page.getByRole('tab', { name: '咨询登记' }).click()
  await expect(row(page, '有3升的电饭煲吗')).toContainText('散客')
  await expect(row(page, '有3升的电饭煲吗')).toContainText('未成交')
  await expect(row(page, '有3升的电饭煲吗')).toContainText('1001')
  await screenshot(page, 'counter-consultation-list')
})

test('keys typed the moment F2 opens the dialog land in 咨询内容, and a field clicked before it finished opening keeps the focus', async ({
  page
}) => {
  await finishSetup(page)
  await page.keyboard.press('F2')
  await page.keyboard.type('有货吗')
  const dialog = page.getByRole('dialog', { name: /新建咨询/ })
  await expect(dialog.getByLabel('咨询内容')).toHaveValue('有货吗')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // The worst case, made certain: text arrives (as an input method delivers it) in the same moment as
  // F2, before the dialog is in the page; it is kept, and what follows is typed after it.
  const before = await page.evaluate(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true }))
    const inPage = document.getElementById('field-question') !== null
    document.execCommand('insertText', false, '有')
    return inPage
  })
  expect(before).toBe(false)
  await page.keyboard.type('货吗')
  await expect(dialog.getByLabel('咨询内容')).toHaveValue('有货吗')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.keyboard.press('F2')
  await dialog.getByLabel('答复内容').click()
  await page.keyboard.type('有的')
  await expect(dialog.getByLabel('答复内容')).toHaveValue('有的')
  await expect(dialog.getByLabel('咨询内容')).toHaveValue('')
})

test('bad input is refused next to its field and nothing typed is lost; the answer is checked', async ({
  page
}) => {
  await finishSetup(page)
  await page.keyboard.press('F2')
  const dialog = page.getByRole('dialog', { name: /新建咨询/ })
  await dialog.getByLabel('答复内容').fill('这个不知道')
  await expect(dialog.getByTestId('wording-hits')).toBeVisible()
  await dialog.getByText('考虑中', { exact: true }).click()
  await dialog.getByLabel('订单编号').fill('DD20261123001')
  await page.keyboard.press('Control+s')
  await expect(dialog.getByTestId('error-question')).toHaveText('请填写咨询内容')
  await expect(dialog.getByTestId('error-orderNo')).toHaveText('只有“已成交”的咨询才能填写订单编号')
  await expect(dialog.getByLabel('订单编号')).toHaveValue('DD20261123001')
  await screenshot(page, 'counter-consultation-errors')
  await dialog.getByLabel('咨询内容').fill('长'.repeat(2001))
  await page.keyboard.press('Control+s')
  await expect(dialog.getByTestId('error-question')).toHaveText('内容过长')
  // 标准用语 by pinyin initials, into the answer
  await dialog.getByLabel('答复内容').fill('')
  await dialog.getByLabel('搜索标准用语（关键词或拼音首字母）').click()
  await page.keyboard.type('zzhs')
  // the one reply whose title reads zzhs (正在核实) is the active option: Enter takes it
  await expect(page.getByRole('option', { name: '正在核实' })).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(dialog.getByLabel('答复内容')).toHaveValue(/我们已请相关部门核实/)
  await expect(dialog.getByTestId('wording-hits')).toHaveCount(0)
})

test('考虑中 → 约定回电 → 已成交 on a later day, then 转为投诉 linked both ways', async ({ page }) => {
  test.setTimeout(180_000)
  await finishSetup(page)
  await registerComplaintViaUi(page, { phone: '13812345678', name: '张三', content: '旧投诉' })
  // The customer is found by the same search as Ctrl+K.
  await page.keyboard.press('F2')
  const dialog = page.getByRole('dialog', { name: /新建咨询/ })
  await dialog.getByLabel('咨询内容').fill('冰箱以旧换新怎么算')
  await dialog.getByText('考虑中', { exact: true }).click()
  await dialog.getByText('促销活动', { exact: true }).click()
  await dialog.getByLabel('查找客户').fill('zs')
  await page.getByTestId('picker-option').first().click()
  await expect(dialog.getByTestId('consultation-customer')).toHaveText('已选客户：张三')
  await page.keyboard.press('Control+s')
  await expect(page.getByText('咨询已登记')).toBeVisible()

  await page.getByRole('menuitem', { name: '柜台登记' }).click()
  await page.getByRole('tab', { name: '咨询登记' }).click()
  const r = row(page, '冰箱以旧换新怎么算')
  await expect(r).toContainText('张三')
  await r.getByRole('button', { name: '约定回电' }).click()
  const cb = page.getByRole('dialog', { name: '约定回电' })
  await cb.getByRole('button', { name: '1小时后' }).click()
  await cb.getByRole('button', { name: '保存' }).click()
  await expect(r).toContainText('约定回电：11月23日 11:00')

  // Two days later the customer buys: a date before the consultation is refused in the dialog.
  await passTime(page, '48:00:00')
  await page.getByRole('menuitem', { name: '柜台登记' }).click()
  await page.getByRole('tab', { name: '咨询登记' }).click()
  // the list shows today's; widen it to the consultation's day
  await widenDates(page)
  await r.getByRole('button', { name: '记为已成交' }).click()
  const conv = page.getByRole('dialog', { name: '记为已成交' })
  await conv.getByLabel('订单编号').fill('DD20261125007')
  await typeDate(page, conv.getByLabel('成交时间'), '2026-11-22 09:00')
  await conv.getByRole('button', { name: '保存' }).click()
  await expect(conv.getByTestId('error-convertedAt')).toHaveText('成交时间不能早于咨询时间')
  await expect(conv.getByLabel('订单编号')).toHaveValue('DD20261125007')
  await screenshot(page, 'counter-consultation-convert-error')
  await typeDate(page, conv.getByLabel('成交时间'), '2026-11-25 10:00')
  await conv.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('已记为成交')).toBeVisible()
  await expect(r).toContainText('已成交')
  await expect(r).toContainText('DD20261125007')
  await expect(r).not.toContainText('约定回电：')

  // 转为投诉: customer and question pre-filled; the complaint's timeline names the consultation.
  await r.getByRole('button', { name: '转为投诉' }).click()
  const tc = page.getByRole('dialog', { name: '转为投诉' })
  await expect(tc.getByLabel('联系电话')).toHaveValue('13812345678')
  await expect(tc.getByLabel('投诉内容')).toHaveValue('冰箱以旧换新怎么算')
  await screenshot(page, 'counter-consultation-to-complaint')
  await tc.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('complaint-no')).toBeVisible()
  await expect(page.getByTestId('timeline')).toContainText('由咨询转入')
  await page.getByRole('menuitem', { name: '柜台登记' }).click()
  await page.getByRole('tab', { name: '咨询登记' }).click()
  await widenDates(page)
  await expect(r).toContainText('已转投诉')
  await expect(r.getByRole('button', { name: '转为投诉' })).toHaveCount(0)
  // The customer page's timeline lists the consultation.
  // (the click goes to the archive's own row: a CI run clicked 张三 on the page being left)
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await page.getByTestId('customer-list').getByRole('row').filter({ hasText: '张三' }).click()
  await expect(page.getByTestId('timeline-consultation')).toContainText('冰箱以旧换新怎么算')
})
