import { test, expect, screenshot } from './fixtures'
import { finishSetup } from './flows'

// Time is driven through Playwright's page.clock (installed at a given time on each start), never by sleeping.
test.describe('time rules', () => {
  test.use({ startTime: '2026-11-22T10:00:00+08:00' })

  test('an unresolved complaint escalates by the clock to the shift leader, then the manager, recorded once', async ({
    page,
    restartApp
  }) => {
    await finishSetup(page)
    await page.getByRole('menuitem', { name: '投诉处理' }).click()
    await page.getByRole('button', { name: '新建投诉' }).click()
    await page.getByLabel('联系电话').fill('13800138000')
    await page.getByLabel('客户姓名').fill('张三')
    await page.getByLabel('投诉内容').fill('退款一直没到账')
    await page.keyboard.press('Control+s')
    await expect(page.getByTestId('time-info')).toContainText('未超时')

    // 25 hours later the app is opened again: the sweep at start records the leader escalation.
    let app = await restartApp({ time: '2026-11-23T11:00:00+08:00' })
    // 工作台 shows it too.
    await expect(app.getByTestId('overdue-count')).toContainText('1')
    await expect(app.getByTestId('overdue-list')).toContainText('已超时·升级值班长')
    await app.getByRole('menuitem', { name: '投诉处理' }).click()
    const row = app.getByTestId('complaint-list').getByRole('row').first()
    await expect(row).toContainText('已超时·升级值班长')
    await row.click()
    await expect(app.getByTestId('timeline')).toContainText('超时升级')
    await expect(app.getByTestId('time-info')).toContainText('已超时·升级值班长')
    await screenshot(app, 'complaint-escalated-leader')

    // Two more days: the manager level; reopening again records nothing twice.
    app = await restartApp({ time: '2026-11-25T12:00:00+08:00' })
    await app.reload()
    await app.getByRole('menuitem', { name: '投诉处理' }).click()
    await expect(app.getByTestId('complaint-list').getByRole('row').first()).toContainText('已超时·升级经理')
    await app.getByTestId('complaint-list').getByRole('row').first().click()
    const timeline = app.getByTestId('timeline')
    await expect(timeline.getByText('超时升级')).toHaveCount(2)
    await expect(timeline).toContainText('2026-11-23 10:00')
    await expect(timeline).toContainText('2026-11-24 10:00')
    await expect(timeline).toContainText('系统（按时限自动）')
    await screenshot(app, 'complaint-escalated-manager')
  })
})
