import { test, expect, screenshot } from './fixtures'
import { finishSetup, openShare, syncNow } from './flows'

// Issue 18 point 3, 移除电脑: on the 同步 page a 客服经理 removes another PC of the store (after a
// confirmation); it is then listed as 已移除 — on the other PC too, the removal being synced. When the
// removed PC syncs again it is welcomed back (已重新加入) and can be removed again.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

test('a manager removes a PC that is gone; it shows 已移除; when it syncs again it is back', async ({
  page,
  shareDir,
  openSecondPc,
  consoleErrors
}) => {
  test.slow() // two PCs
  await finishSetup(page)
  await openShare(page, shareDir)
  await page.getByTestId('share-create').click()
  await expect(page.getByTestId('sync-status')).toHaveText(/^已同步/)

  const b = await openSecondPc()
  await finishSetup(b.page, { managerStaffNo: '8002', managerName: '张经理' })
  await openShare(b.page, shareDir)
  await b.page.getByTestId('share-join').click()
  await expect(b.page.getByTestId('sync-status')).toHaveText(/^已同步/)

  await syncNow(page)
  const peers = page.getByTestId('sync-peers')
  const rowB = peers.getByRole('row', { name: /KEFU-PC-02/ })
  await expect(rowB).toBeVisible()
  // No button on this PC's own row.
  await expect(peers.getByRole('row', { name: /KEFU-PC-01/ }).getByRole('button')).toHaveCount(0)

  await rowB.getByRole('button', { name: '移除电脑' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('移除电脑“KEFU-PC-02”？')
  await expect(dialog).toContainText('文件和已同步的数据都会保留')
  await screenshot(page, 'sync-retire-confirm')
  await dialog.getByRole('button', { name: '移除' }).click()
  await expect(page.getByText('已移除该电脑')).toBeVisible()
  await expect(rowB).toContainText('已移除')
  await expect(rowB.getByRole('button', { name: '移除电脑' })).toHaveCount(0)
  await screenshot(page, 'sync-retired')

  // B was not gone after all: it syncs again (a newer status) and is an ordinary PC again on A.
  await b.page.clock.fastForward('00:05:00')
  await syncNow(page)
  await syncNow(b.page)
  await page.clock.fastForward('00:05:00')
  await syncNow(page)
  await expect(rowB).toContainText('已重新加入')
  await expect(rowB.getByRole('button', { name: '移除电脑' })).toBeVisible()
  await screenshot(page, 'sync-retire-back')
  expect(consoleErrors).toEqual([])
})
