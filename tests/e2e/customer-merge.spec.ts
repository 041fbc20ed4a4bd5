import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, switchStaff } from './flows'

test.use({ startTime: '2026-11-24T10:00:00+08:00' })

/** 新建投诉 with the fields that matter here; a phone not on file makes a new archive. */
async function registerComplaint(page: Page, phone: string, name: string, content: string) {
  await page.getByRole('menuitem', { name: '投诉处理' }).click()
  await page.getByRole('button', { name: '新建投诉' }).click()
  await page.getByLabel('联系电话').fill(phone)
  await page.getByLabel('客户姓名').fill(name)
  await page.getByLabel('投诉内容').fill(content)
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('complaint-no')).toBeVisible()
}

async function openCustomers(page: Page) {
  await page.getByRole('menuitem', { name: '客户档案' }).click()
  await expect(page.getByTestId('customer-search')).toBeVisible()
}

/** 新建客户 with a name and one phone. */
async function createCustomer(page: Page, name: string, phone: string) {
  await openCustomers(page)
  await page.getByRole('button', { name: '新建客户' }).click()
  await page.getByLabel('姓名', { exact: true }).fill(name)
  await page.getByLabel('联系电话 1').fill(phone)
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('customer-name')).toHaveText(name)
}

test.describe('customer duplicates, merge and balanced assignment', () => {
  test('two archives of one customer are found, merged with nothing lost, and explained on the survivor', async ({
    page
  }) => {
    await finishSetup(page)
    // The same customer twice: the second time the phone was taken down with one digit wrong.
    await registerComplaint(page, '13812345678', '王小二', '电饭煲不加热')
    // the first archive is a 大客户 (set on its page)
    await page
      .getByTestId('complaint-details')
      .getByRole('link', { name: /王小二/ })
      .click()
    await page.getByRole('button', { name: '编辑' }).click()
    await page.getByLabel('客户等级').click()
    await page.getByTitle('大客户', { exact: true }).click()
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('customer-name')).toHaveText('王小二')
    await expect(page.getByTestId('key-account')).toBeVisible()
    await page.clock.fastForward('05:00')
    await registerComplaint(page, '13812345679', '王小二', '送货晚了三天')

    await openCustomers(page)
    await expect(page.getByTestId('customer-count')).toHaveText('共 2 位客户')
    await page.getByRole('button', { name: '疑似重复' }).click()
    await expect(page.getByRole('heading', { name: '疑似重复客户' })).toBeVisible()
    const pair = page.getByTestId('duplicate-pair')
    await expect(pair).toHaveCount(1)
    await expect(pair.getByTestId('duplicate-reason')).toHaveText('同名且电话相近')
    await expect(pair).toContainText('电话相差一位数字')
    await expect(pair.getByTestId('archive-phones').first()).toHaveText('13812345678')
    await expect(pair.getByTestId('archive-phones').last()).toHaveText('13812345679')
    await expect(pair.getByTestId('archive-complaints')).toHaveText(['投诉 1 次', '投诉 1 次'])
    await expect(pair.getByTestId('key-account')).toHaveCount(1)
    await screenshot(page, 'customer-merge-duplicates')

    await pair.getByRole('button', { name: '合并' }).click()
    const dialog = page.getByRole('dialog', { name: '合并客户档案' })
    await expect(dialog.getByTestId('merge-side-0')).toContainText('13812345678')
    await expect(dialog.getByTestId('merge-side-1')).toContainText('13812345679')
    // keep the second archive this time: the preview follows the choice
    await dialog.getByTestId('keep-1').click()
    await expect(dialog.getByTestId('merge-side-0')).toContainText('合并后停用')
    await expect(dialog.getByTestId('merge-moves')).toContainText(
      '另一份档案的 1 次投诉、0 次退换货将转到保留的档案'
    )
    // the manager may see full numbers (privacy settings); what is recorded keeps them masked
    await expect(dialog.getByTestId('merge-preview')).toContainText('13812345679、13812345678')
    await expect(dialog.getByTestId('merge-filled')).toContainText('联系电话 138****5678')
    // the kept archive was 普通客户, the other a 大客户: the higher tier is kept, the difference listed
    await expect(dialog.getByTestId('merge-differences')).toContainText(
      '客户等级普通客户大客户采用较高的等级'
    )
    await expect(dialog.getByTestId('merge-preview').getByTestId('key-account')).toBeVisible()
    await screenshot(page, 'customer-merge-dialog')
    await dialog.getByRole('button', { name: '确认合并' }).scrollIntoViewIfNeeded()
    await screenshot(page, 'customer-merge-dialog-bottom')
    await dialog.getByRole('button', { name: '确认合并' }).click()

    // the survivor's page: both complaints, both phones, the merge explained
    await expect(page.getByTestId('customer-name')).toHaveText('王小二')
    const timeline = page.getByTestId('customer-timeline')
    await expect(timeline.getByTestId('timeline-complaint')).toHaveCount(2)
    await expect(timeline).toContainText('电饭煲不加热')
    await expect(timeline).toContainText('送货晚了三天')
    await expect(page.getByTestId('phone')).toHaveText(['13812345679', '13812345678'])
    const explanation = timeline.getByTestId('merge-explanation').filter({ hasText: '并入档案' })
    await expect(explanation).toContainText('并入档案“王小二”（138****5678）')
    await expect(explanation).toContainText('转入投诉 1 次、退换货 0 次')
    await expect(explanation).toContainText('客户等级：保留 普通客户，另一份为 大客户（采用较高的等级）')
    await expect(page.getByTestId('key-account')).toBeVisible()
    await screenshot(page, 'customer-merge-survivor')
    await timeline.locator('.ant-list-item').last().scrollIntoViewIfNeeded()
    await screenshot(page, 'customer-merge-survivor-timeline')

    // the retired archive is gone from the list and from the suspects
    await openCustomers(page)
    await expect(page.getByTestId('customer-count')).toHaveText('共 1 位客户')
    await page.getByRole('button', { name: '疑似重复' }).click()
    await expect(page.getByText('没有发现疑似重复的客户档案')).toBeVisible()
    await screenshot(page, 'customer-merge-none-left')
  })

  test('the manager shares unassigned customers out evenly, then moves one clerk’s customers; clerks cannot', async ({
    page
  }) => {
    await finishSetup(page)
    await addStaff(page, '1001', '王小明')
    await addStaff(page, '1002', '赵小红', '值班长')
    await createCustomer(page, '张三', '13900000001')
    await createCustomer(page, '李四', '13900000002')
    await createCustomer(page, '王五', '13900000003')

    await openCustomers(page)
    await page.getByRole('button', { name: '均衡分配' }).click()
    const dialog = page.getByRole('dialog', { name: '均衡分配' })
    await expect(dialog.getByTestId('unassigned-count')).toHaveText('未分配的客户：3 位')
    // both ticked by default: 2 + 1
    await expect(dialog.getByTestId('after-1001')).toHaveText('2')
    await expect(dialog.getByTestId('after-1002')).toHaveText('1')
    await screenshot(page, 'customer-merge-assign')
    await dialog.getByRole('button', { name: '确认分配' }).click()
    await expect(page.getByText('已分配 3 位客户')).toBeVisible()
    await expect(dialog).toBeHidden()

    // the list shows who looks after whom
    await page.getByTestId('clerk-filter').click()
    await page.getByTitle('1001 王小明', { exact: true }).click()
    await expect(page.getByTestId('customer-count')).toHaveText('共 2 位客户')
    await page.getByTestId('clerk-filter').click()
    await page.getByTitle('未分配', { exact: true }).click()
    await expect(page.getByTestId('customer-count')).toHaveText('共 0 位客户')

    // 调整分配: everything of 1001 goes to 1002
    await page.getByRole('button', { name: '均衡分配' }).click()
    await dialog.getByRole('tab', { name: '调整分配' }).click()
    await dialog.getByTestId('move-from').click()
    await page.getByTitle('1001 王小明（2 位客户）', { exact: true }).click()
    const move = dialog.getByRole('tabpanel', { name: '调整分配' })
    await move.getByRole('row', { name: /1002/ }).getByRole('checkbox').check()
    await expect(move.getByTestId('after-1002')).toHaveText('3')
    await screenshot(page, 'customer-merge-reassign')
    await move.getByRole('button', { name: '确认调整' }).click()
    await expect(page.getByText('已调整 2 位客户')).toBeVisible()
    await page.getByTestId('clerk-filter').click()
    await page.getByTitle('1002 赵小红', { exact: true }).click()
    await expect(page.getByTestId('customer-count')).toHaveText('共 3 位客户')

    // a clerk is not offered the assignment at all
    await switchStaff(page, '1001')
    await openCustomers(page)
    await expect(page.getByRole('button', { name: '疑似重复' })).toBeVisible()
    await expect(page.getByRole('button', { name: '均衡分配' })).toHaveCount(0)
  })

  test('a clerk merges from the customer page, finding the other archive by search; phones stay masked', async ({
    page
  }) => {
    await finishSetup(page)
    await addStaff(page, '1001', '王小明')
    await createCustomer(page, '陈静', '13900000001')
    await createCustomer(page, '陈 静', '13700000002')
    await switchStaff(page, '1001')
    await openCustomers(page)
    await page.getByTestId('customer-search').fill('13900000001')
    await page.getByTestId('customer-list').getByRole('row').first().click()
    await expect(page.getByTestId('customer-name')).toHaveText('陈静')

    await page.getByRole('button', { name: '合并重复档案' }).click()
    const dialog = page.getByRole('dialog', { name: '合并客户档案' })
    await expect(dialog.getByTestId('merge-side-0')).toContainText('139****0001')
    await dialog.getByTestId('merge-picker').fill('cj')
    await expect(page.getByTestId('merge-picker-option')).toHaveCount(1) // the archive itself is not offered
    await expect(page.getByTestId('merge-picker-option')).toContainText('137****0002')
    await screenshot(page, 'customer-merge-picker')
    await page.getByTestId('merge-picker-option').click()
    await expect(dialog.getByTestId('merge-side-1')).toContainText('137****0002')
    await expect(dialog.getByTestId('merge-differences')).toContainText('姓名陈静陈 静记入备注')
    await expect(dialog.getByTestId('merge-notes')).toContainText('【合并自 陈 静 (137****0002)】姓名：陈 静')
    await expect(dialog.getByTestId('merge-preview')).toContainText('139****0001、137****0002')
    await screenshot(page, 'customer-merge-from-page')
    await dialog.getByRole('button', { name: '确认合并' }).click()
    await expect(page.getByTestId('customer-name')).toHaveText('陈静')
    await expect(page.getByTestId('phone')).toHaveText(['139****0001', '137****0002'])
    await expect(
      page.getByTestId('customer-timeline').getByTestId('merge-explanation').filter({ hasText: '并入档案' })
    ).toContainText('姓名：保留 陈静，另一份为 陈 静（记入备注）')
  })
})
