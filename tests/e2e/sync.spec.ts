import { rename } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, openShare, registerComplaintViaUi, syncNow } from './flows'

// Sync through a shared folder (issue 6), two PCs in two browser profiles with their own services
// folders and one shareDir: explicit create / join, a complaint made on A appears on B, concurrent
// edits converge, and the indicator follows the folder going away and coming back.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

test('two PCs: create and join the store share, a complaint travels, edits converge, the folder vanishes and returns', async ({
  page,
  shareDir,
  openSecondPc,
  consoleErrors
}) => {
  await finishSetup(page)
  await expect(page.getByTestId('sync-status')).toHaveText('未设置共享文件夹')

  // PC A: the folder is empty — a new store share is created only when asked.
  await openShare(page, shareDir)
  await expect(page.getByTestId('share-state')).toContainText('这是一个空文件夹')
  await screenshot(page, 'sync-settings-empty')
  await page.getByTestId('share-create').click()
  await expect(page.getByTestId('share-state')).toContainText('本机已加入该门店共享')
  await expect(page.getByTestId('sync-status')).toHaveText(/^已同步/)

  // PC B: joins the store found in the folder.
  const b = await openSecondPc()
  await finishSetup(b.page, { managerStaffNo: '8002', managerName: '张经理' })
  await openShare(b.page, shareDir)
  await expect(b.page.getByTestId('share-state')).toContainText('该文件夹里已有门店共享')
  await screenshot(b.page, 'sync-settings-join')
  await b.page.getByTestId('share-join').click()
  await expect(b.page.getByTestId('sync-status')).toHaveText(/^已同步/)

  // A complaint registered on A appears on B.
  const no = await registerComplaintViaUi(page, {
    phone: '13812345678',
    name: '张三',
    content: '空调不制冷，师傅上门两次仍未修好。'
  })
  await syncNow(page)
  await syncNow(b.page)
  await b.page.getByRole('menuitem', { name: '投诉处理' }).click()
  await expect(b.page.getByText(no)).toBeVisible()
  await b.page.getByTestId('sync-status').click()
  await expect(b.page.getByTestId('sync-peers')).toContainText('（本机）')
  // The page belongs to 系统设置 in the menu (not 工作台), and says how much the share holds.
  await expect(b.page.getByRole('menuitem', { name: '系统设置', exact: true })).toHaveClass(/selected/)
  await expect(b.page.getByRole('menuitem', { name: '工作台', exact: true })).not.toHaveClass(/selected/)
  await expect(b.page.getByTestId('share-usage')).toHaveText(/^\d+ 个文件，共 \d+ KB$/) // a small share
  const files = Number((await b.page.getByTestId('share-usage').textContent())?.split(' ')[0])
  expect(files).toBeGreaterThanOrEqual(4) // store.json, a status file and a segment of each PC, a snapshot …
  await screenshot(b.page, 'sync-page')

  // Both change the store name while apart; after syncing both ways they agree (the later edit wins).
  const rename_ = async (p: Page, name: string) => {
    await p.getByRole('menuitem', { name: '系统设置' }).click()
    await p.getByLabel('门店名称', { exact: true }).fill(name)
    await p
      .getByLabel('门店名称', { exact: true })
      .locator('xpath=../..')
      .getByRole('button', { name: '保存' })
      .first()
      .click()
    await expect(p.getByTestId('store-name')).toHaveText(name)
  }
  await rename_(page, '幸福路店（A改）')
  await page.clock.fastForward('00:01:00')
  await b.page.clock.fastForward('00:02:00')
  await rename_(b.page, '幸福路店（B改）')
  for (const p of [page, b.page, page]) await syncNow(p)
  await expect(page.getByTestId('store-name')).toHaveText('幸福路店（B改）')
  await expect(b.page.getByTestId('store-name')).toHaveText('幸福路店（B改）')

  // B is typing a new name when A's arrives by an automatic round: the typing stays, and saved, it wins.
  await b.page.getByRole('menuitem', { name: '系统设置' }).click()
  await b.page.getByLabel('门店名称', { exact: true }).fill('幸福路店（B再改）')
  await rename_(page, '幸福路店（A再改）')
  await syncNow(page)
  await b.page.clock.fastForward('00:02:00')
  await expect(b.page.getByTestId('store-name')).toHaveText('幸福路店（A再改）')
  await expect(b.page.getByLabel('门店名称', { exact: true })).toHaveValue('幸福路店（B再改）')
  await b.page
    .getByLabel('门店名称', { exact: true })
    .locator('xpath=../..')
    .getByRole('button', { name: '保存' })
    .first()
    .click()
  await expect(b.page.getByTestId('store-name')).toHaveText('幸福路店（B再改）')
  // Not typing: a synced name shows in the field at once.
  await b.page.getByRole('menuitem', { name: '系统设置' }).click()
  await syncNow(b.page)
  await syncNow(page)
  await expect(page.getByTestId('store-name')).toHaveText('幸福路店（B再改）')
  await b.page.getByRole('menuitem', { name: '系统设置' }).click()
  await rename_(page, '幸福路店')
  await syncNow(page)
  await b.page.clock.fastForward('00:02:00')
  await expect(b.page.getByLabel('门店名称', { exact: true })).toHaveValue('幸福路店')

  // The same for a list: B is editing 班次 when A's saved change to them arrives by an automatic round
  // (the store name shows it came); what B typed stays, and saved, it wins.
  const shiftName = (p: Page) => p.getByTestId('shift-settings').getByLabel('名称', { exact: true })
  /** B types a first shift's name; A saves a second shift's name, then a store name, and syncs; B's
   *  automatic round brings both (the store name shows it came); B's typing is still there. */
  const savedWhileBTypes = async (bTypes: string, aSaves: string, storeName: string) => {
    await shiftName(b.page).first().fill(bTypes)
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    await shiftName(page).nth(1).fill(aSaves)
    await page.getByTestId('save-shifts').click()
    await expect(page.getByText('班次已保存').first()).toBeVisible()
    await rename_(page, storeName)
    await syncNow(page)
    await b.page.clock.fastForward('00:02:00')
    await expect(b.page.getByTestId('store-name')).toHaveText(storeName)
    await expect(shiftName(b.page).first()).toHaveValue(bTypes)
  }
  await savedWhileBTypes('早班（B）', '中班（A）', '幸福路店（A三改）')
  // … and B is told that another PC saved this setting meanwhile.
  const changed = b.page.getByTestId('setting-changed-elsewhere')
  await expect(changed).toHaveCount(1)
  await expect(changed).toContainText('另一台电脑刚修改并保存了这项设置')
  await screenshot(b.page, 'settings-changed-elsewhere')
  await b.page.getByTestId('save-shifts').click()
  await expect(b.page.getByText('班次已保存').first()).toBeVisible()
  await expect(shiftName(b.page).first()).toHaveValue('早班（B）')
  await expect(changed).toHaveCount(0)

  // Or B drops the edits for the value that arrived: the editor shows A's shifts, not the stale ones.
  await syncNow(b.page)
  await syncNow(page)
  await b.page.getByRole('menuitem', { name: '系统设置' }).click()
  await savedWhileBTypes('早班（B二改）', '中班（A二改）', '幸福路店（A四改）')
  await changed.getByRole('button', { name: '放弃我的修改，查看新设置' }).click()
  await expect(shiftName(b.page).first()).toHaveValue('早班（B）')
  await expect(shiftName(b.page).nth(1)).toHaveValue('中班（A二改）')
  await expect(changed).toHaveCount(0)

  // A renames itself in 系统设置 → 本机信息: B lists the new name after the next rounds, no restart.
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  await page.getByLabel('电脑名称', { exact: true }).fill('服务台主机')
  await page.getByTestId('save-device').click()
  await expect(page.getByText('已保存').first()).toBeVisible()
  await syncNow(page)
  await syncNow(b.page)
  await b.page.getByTestId('sync-status').click()
  await expect(b.page.getByTestId('sync-peers')).toContainText('服务台主机')

  // The folder disappears: A keeps working and says so; back again, it syncs.
  await rename(shareDir, `${shareDir}.gone`)
  await syncNow(page)
  await expect(page.getByTestId('sync-status')).toHaveText(/^共享文件夹不可用/)
  await expect(page.getByTestId('sync-problems')).toContainText('无法访问共享文件夹')
  await screenshot(page, 'sync-unavailable')
  await rename(`${shareDir}.gone`, shareDir)
  await syncNow(page)
  await expect(page.getByTestId('sync-status')).toHaveText(/^已同步/)
  expect(consoleErrors).toEqual([])
})
