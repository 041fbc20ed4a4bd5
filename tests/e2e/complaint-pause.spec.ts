import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, registerComplaintViaUi, switchStaff, passTime } from './flows'

// 暂停计时 / 恢复计时 and 停业日 (issue 16): paused time and closed days do not count toward any limit.
// Time is driven through Playwright's page.clock (installed at startTime), never by sleeping.
test.describe('fair clocks', () => {
  test.use({ startTime: '2026-11-22T10:00:00+08:00' })

  test('a pause with its reason on the timeline shifts the deadline after 恢复计时; no pause while paused; 停业日 with a bad date refused', async ({
    page
  }) => {
    await finishSetup(page)
    await registerComplaintViaUi(page, { phone: '13800138000', name: '张三', content: '冰箱不制冷，等配件' })
    const time = page.getByTestId('time-info')
    await expect(time.getByTestId('escalation-limits')).toContainText('11-23 10:00 升级值班长')

    // 暂停计时 asks for the reason; without one it says so and stays open
    await page.getByRole('button', { name: '暂停计时', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '暂停计时' })
    await dialog.getByRole('button', { name: '暂停计时', exact: true }).click()
    await expect(dialog).toContainText('请选择暂停原因。')
    await dialog
      .getByRole('radiogroup', { name: '暂停原因' })
      .getByRole('radio', { name: '等待配件到货' })
      .check()
    await expect(dialog).not.toContainText('请选择暂停原因。')
    await screenshot(page, 'complaint-pause-dialog')
    await dialog.getByRole('button', { name: '暂停计时', exact: true }).click()
    await expect(dialog).toBeHidden()

    // on the timeline with its reason; the limits are held; no second pause is offered
    const timeline = page.getByTestId('timeline')
    await expect(timeline).toContainText('暂停计时')
    await expect(timeline).toContainText('等待配件到货')
    await expect(page.getByTestId('clock-paused')).toContainText('计时已暂停：等待配件到货')
    await expect(time.getByTestId('escalation-limits')).toHaveText('暂停中')
    await expect(time.getByTestId('sunset-deadline')).toHaveText('暂停中')
    await expect(page.getByRole('button', { name: '暂停计时', exact: true })).toHaveCount(0)
    await screenshot(page, 'complaint-paused')
    await timeline.scrollIntoViewIfNeeded()
    await screenshot(page, 'complaint-paused-timeline')
    // the list marks it 暂停中
    const detailUrl = page.url()
    await page.getByRole('menuitem', { name: '投诉处理' }).click()
    await expect(page.getByTestId('complaint-list').getByRole('row').first()).toContainText('暂停中')
    await screenshot(page, 'complaint-list-paused')
    await page.goto(detailUrl)

    // three hours later: 恢复计时, and the 24 h deadline is three hours later
    await passTime(page, '03:00:00')
    await page.getByRole('button', { name: '恢复计时', exact: true }).click()
    await expect(timeline).toContainText('恢复计时')
    await expect(page.getByTestId('clock-paused')).toHaveCount(0)
    await expect(time.getByTestId('escalation-limits')).toContainText('11-23 13:00 升级值班长')
    await expect(time.getByTestId('escalation-limits')).toContainText('11-24 13:00 升级经理')
    await expect(page.getByRole('button', { name: '暂停计时', exact: true })).toBeVisible()
    await screenshot(page, 'complaint-resumed')
    await timeline.scrollIntoViewIfNeeded()
    await screenshot(page, 'complaint-resumed-timeline')
    const complaintUrl = page.url()

    // 停业日 in 系统设置: a bad date is refused with the reason, what was typed stays
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    const card = page.getByTestId('closed-days-settings')
    await expect(card).toContainText('停业日')
    await card.getByLabel('开始日期').fill('2026-02-30')
    await card.getByRole('button', { name: '添加停业日' }).click()
    await expect(card).toContainText('停业日须为有效日期（如 2027-02-06）。')
    await expect(card.getByLabel('开始日期')).toHaveValue('2026-02-30')
    await expect(card.getByTestId('closed-days-list')).toContainText('尚未设置停业日')
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'closed-days-bad-date')
    // an end before the start
    await card.getByLabel('开始日期').fill('2027-02-12')
    await card.getByLabel('结束日期').fill('2027-02-06')
    await card.getByRole('button', { name: '添加停业日' }).click()
    await expect(card).toContainText('结束日期不能早于开始日期。')
    await screenshot(page, 'closed-days-end-before-start')
    // a range (the Spring Festival closing), then the day after the complaint
    await card.getByLabel('开始日期').fill('2027-02-06')
    await card.getByLabel('结束日期').fill('2027-02-12')
    await card.getByRole('button', { name: '添加停业日' }).click()
    await expect(card.getByTestId('closed-days-list')).toContainText('2027-02-06 至 2027-02-12（7 天）')
    await expect(card.getByLabel('开始日期')).toHaveValue('')
    await card.getByLabel('开始日期').fill('2026-11-23')
    await card.getByRole('button', { name: '添加停业日' }).click()
    await expect(card.getByTestId('closed-days-list')).toContainText('2026-11-23')
    await expect(card.getByTestId('closed-days-list')).toContainText('共 8 天')
    await card.getByTestId('closed-days-list').scrollIntoViewIfNeeded()
    await screenshot(page, 'closed-days')

    // the complaint's deadline skips the closed day
    await page.goto(complaintUrl)
    await expect(page.getByTestId('time-info').getByTestId('escalation-limits')).toContainText(
      '11-24 13:00 升级值班长'
    )

    // a clerk who is not the 首问负责人 is not offered the clock, nor the closed days
    await addStaff(page, '1002', '赵专员')
    await switchStaff(page, '1002')
    await expect(page.getByTestId('closed-days-settings')).toContainText('只有客服经理可以修改停业日。')
    await expect(page.getByTestId('closed-days-settings').getByLabel('开始日期')).toHaveCount(0)
    await page.goto(complaintUrl)
    await expect(page.getByTestId('complaint-no')).toBeVisible()
    await expect(page.getByTestId('clock-panel').getByRole('button')).toHaveCount(0)
  })
})
