import { test, expect, screenshot } from './fixtures'
import { finishSetup } from './flows'

// 柜台登记 in English: every new screen and dialog worded from the English catalogue (no Chinese
// label left), looked at as screenshots.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

test('the counter log screens in English', async ({ page }) => {
  test.setTimeout(180_000)
  await finishSetup(page)
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible()

  await page.keyboard.press('F2')
  const dialog = page.getByRole('dialog', { name: /New consultation/ })
  await expect(dialog).toContainText('Shortcut F2')
  await expect(dialog.getByLabel('Question')).toBeFocused()
  await page.keyboard.type('Do you have a 3-litre rice cooker?')
  await page.keyboard.press('Control+s')
  await expect(dialog).toBeHidden()
  await page.keyboard.press('F2')
  await dialog.getByLabel('Order no.').fill('DD1')
  await page.keyboard.press('Control+s')
  await expect(dialog.getByTestId('error-question')).toHaveText('Enter the question')
  await expect(dialog.getByTestId('error-orderNo')).toHaveText(
    'Only a converted consultation can have an order no.'
  )
  await screenshot(page, 'counter-en-consultation-dialog')
  await page.keyboard.press('Escape')
  await page.keyboard.press('F3')
  await expect(page.getByRole('dialog', { name: /Log a problem/ })).toContainText('Product data error')
  await screenshot(page, 'counter-en-problem-dialog')
  await expect(page.getByLabel('Description')).toBeFocused()
  await page.keyboard.type('Shelf label price differs from the system')
  await page.keyboard.press('Control+s')

  await page.getByRole('menuitem', { name: 'Counter log' }).click()
  await page.getByRole('tab', { name: 'Consultation' }).click()
  await expect(page.getByTestId('consultations-table')).toContainText('Walk-in')
  await screenshot(page, 'counter-en-consultations')
  await page.getByRole('tab', { name: 'Problem log' }).click()
  await expect(page.getByTestId('problems-table')).toContainText('Open')
  await screenshot(page, 'counter-en-problems')
  await page.getByRole('tab', { name: 'Service statistics' }).click()
  await expect(page.getByTestId('service-stats')).toContainText('Conversion rate')
  await expect(page.getByTestId('service-stats')).toContainText('—')
  await screenshot(page, 'counter-en-stats')
  await page.getByRole('tab', { name: 'Weekly summary' }).click()
  await expect(page.getByTestId('weekly-summary')).toContainText('Problems by kind and status')
  await screenshot(page, 'counter-en-weekly')
  await page.getByRole('menuitem', { name: 'Dashboard' }).click()
  await expect(page.getByTestId('my-service-today')).toContainText('Customers served')
  await screenshot(page, 'counter-en-dashboard')
})
