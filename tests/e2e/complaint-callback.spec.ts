import { test, expect, screenshot } from './fixtures'
import { addStaff, finishSetup, registerComplaintViaUi, switchStaff, passTime } from './flows'

// 约定回电: promised on the complaint page, shown until done (red once late), on the timeline, and
// listed in the shift handover's 约定回电 section.

test.use({ startTime: '2026-11-23T14:00:00+08:00' })

test('promise a callback, see it turn late, find it in the handover, then record 已回电', async ({
  page,
  consoleErrors
}) => {
  await finishSetup(page)
  await addStaff(page, '1001', '王小明')
  await switchStaff(page, '1001')
  const no = await registerComplaintViaUi(page, {
    phone: '13812345678',
    name: '张三',
    content: '洗衣机脱水时噪音很大，要求上门检查。'
  })

  // A time in the past is refused in the dialog, and the note typed stays.
  await page.getByTestId('callback-promise').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('callback-note').fill('客户下午三点后方便接听')
  await dialog.getByTestId('callback-due').click()
  await page.keyboard.type('2026-11-23 09:00')
  await page.keyboard.press('Enter')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toContainText('回电时间不能早于现在')
  await expect(dialog.getByTestId('callback-note')).toHaveValue('客户下午三点后方便接听')
  await screenshot(page, 'complaint-callback-dialog-error')
  await dialog.getByRole('button', { name: '1小时后' }).click()
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('已记录约定回电 11-23 15:00')).toBeVisible()
  await expect(page.getByTestId('callback-pending')).toHaveText(
    /约定回电：11月23日 15:00（客户下午三点后方便接听）/
  )
  await expect(page.getByTestId('timeline')).toContainText('约定回电')
  await expect(page.getByTestId('timeline')).toContainText('11-23 15:00 · 客户下午三点后方便接听')
  await screenshot(page, 'complaint-callback-pending')

  // Past its time it shows 已过时 …
  await passTime(page, '01:30:00')
  await expect(page.getByTestId('callback-panel')).toContainText('已过时')
  // … and the handover lists it as overdue.
  await page.getByRole('menuitem', { name: '交接班' }).click()
  await page.getByTestId('new-handover').click()
  const callbacks = page.getByTestId('prefill-callbacks')
  await expect(callbacks).toContainText('约定回电（1）')
  await expect(callbacks).toContainText(no)
  await expect(callbacks).toContainText('客户下午三点后方便接听')
  await expect(callbacks).toContainText('已超时')
  await expect(page.getByTestId('prefill-complaints')).toContainText('回电 11-23 15:00')

  // 已回电 clears it.
  await page.getByTestId('prefill-complaints').getByRole('link', { name: no }).click()
  await page.getByTestId('callback-done').click()
  await expect(page.getByText('已记录回电')).toBeVisible()
  await expect(page.getByTestId('callback-pending')).toHaveCount(0)
  await expect(page.getByTestId('timeline')).toContainText('已回电')
  await screenshot(page, 'complaint-callback-done')
  expect(consoleErrors).toEqual([])
})
