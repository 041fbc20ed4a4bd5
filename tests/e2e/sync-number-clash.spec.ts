import { test, expect, screenshot } from './fixtures'
import { finishSetup, openShare, registerComplaintViaUi, syncNow } from './flows'

// Issue 18 point 3: two PCs given the same 电脑代码 by hand register complaints with the same number.
// The 同步 page lists the clash; 改号 renumbers this PC's complaint, the other one comes in, and both
// timelines say so — on both PCs.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

test('the same 电脑代码 on two PCs: the clash is listed, 改号 renumbers this side, both timelines record it', async ({
  page,
  shareDir,
  openSecondPc,
  consoleErrors
}) => {
  test.slow() // two PCs
  const code = await page.getByLabel('电脑代码').inputValue()
  await finishSetup(page)
  await openShare(page, shareDir)
  await page.getByTestId('share-create').click()
  await expect(page.getByTestId('sync-status')).toHaveText(/^已同步/)

  const b = await openSecondPc()
  await b.page.getByLabel('电脑代码').fill(code) // typed by hand: the same code as A
  await finishSetup(b.page, { managerStaffNo: '8002', managerName: '张经理' })
  await openShare(b.page, shareDir)
  await b.page.getByTestId('share-join').click()
  await expect(b.page.getByTestId('sync-status')).toHaveText(/^已同步/)

  const noA = await registerComplaintViaUi(page, {
    phone: '13812345678',
    name: '张三',
    content: '空调不制冷。'
  })
  const noB = await registerComplaintViaUi(b.page, {
    phone: '13912345678',
    name: '李四',
    content: '冰箱噪音大。'
  })
  expect(noB).toBe(noA)
  await syncNow(page)
  await syncNow(b.page)
  await syncNow(page)

  const card = page.getByTestId('number-clashes')
  await expect(card).toContainText('投诉编号冲突')
  await expect(card).toContainText(noA)
  await expect(card).toContainText('张三')
  await expect(card).toContainText('李四')
  await screenshot(page, 'sync-number-clash')
  await card.getByRole('button', { name: '改号' }).click()
  const renumbered = noA.replace(/-001$/, '-002')
  await expect(page.getByText(`已改号：${noA} → ${renumbered}`)).toBeVisible()
  await expect(card).toHaveCount(0)

  // A has both; its complaint's timeline says it was renumbered.
  await page.getByRole('menuitem', { name: '投诉处理' }).click()
  await expect(page.getByText(renumbered, { exact: true })).toBeVisible()
  await expect(page.getByText(noA, { exact: true })).toBeVisible()
  await page.getByText(renumbered, { exact: true }).click()
  await expect(page.getByTestId('timeline')).toContainText('投诉编号重复，改用新编号')
  await expect(page.getByTestId('timeline')).toContainText(`投诉编号：${noA} → ${renumbered}`)
  await screenshot(page, 'sync-number-clash-timeline')

  // B gets the renumbering, and B's own complaint's timeline says the other one was renumbered.
  await syncNow(page)
  await syncNow(b.page)
  await b.page.getByRole('menuitem', { name: '投诉处理' }).click()
  await expect(b.page.getByText(renumbered, { exact: true })).toBeVisible()
  await b.page.getByText(noB, { exact: true }).click()
  await expect(b.page.getByTestId('timeline')).toContainText('另一台电脑的同号投诉已改号')
  await screenshot(b.page, 'sync-number-clash-other')
  expect(consoleErrors).toEqual([])
})
