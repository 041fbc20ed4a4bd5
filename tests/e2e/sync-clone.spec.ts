import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, openShare, registerComplaintViaUi, syncNow } from './flows'

// A cloned disk image (issue 6): PC A's browser profile and main-process folder are copied, so two
// PCs run with one device id. The one that publishes second sees its next segment written by the
// other, takes a new device id and 电脑代码, restarts, keeps its unsynced complaint (renumbered with
// the new code) and syncs; the original sees it.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })

async function deviceIdOf(page: Page): Promise<string> {
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  // 设备标识, shown under 本机信息 (issue 13.7: one name, one place)
  const text = (await page.getByTestId('device-id').textContent()) ?? ''
  const match = /^([A-Za-z0-9_-]{8,64})$/.exec(text)
  if (!match) throw new Error(`no device id in: ${text}`)
  return match[1] as string
}

test('a cloned PC is detected, takes a new device id and code, and loses nothing', async ({
  page,
  _pc1,
  _pcs,
  dataDir,
  shareDir,
  consoleErrors
}) => {
  await finishSetup(page)
  await openShare(page, shareDir)
  await page.getByTestId('share-create').click()
  await expect(page.getByTestId('sync-status')).toHaveText(/^已同步/)
  await registerComplaintViaUi(page, {
    phone: '13812345678',
    name: '张三',
    content: '复制系统之前登记的投诉。'
  })
  await syncNow(page)
  const original = await deviceIdOf(page)

  // The disk image: A is shut down, its folders copied, then both start.
  const now = await page.evaluate(() => Date.now())
  await _pc1.close()
  const cloneRoot = await mkdtemp(path.join(tmpdir(), 'desk-e2e-clone-'))
  try {
    await cp(dataDir.profileDir, path.join(cloneRoot, 'profile'), { recursive: true })
    await cp(dataDir.servicesDir, path.join(cloneRoot, 'services'), { recursive: true })
    const a = await _pcs.open({
      label: 'pcA',
      hostname: 'KEFU-PC-01',
      profileDir: dataDir.profileDir,
      servicesDir: dataDir.servicesDir,
      time: now
    })
    const b = await _pcs.open({
      label: 'clone',
      hostname: 'KEFU-PC-01',
      profileDir: path.join(cloneRoot, 'profile'),
      servicesDir: path.join(cloneRoot, 'services'),
      time: now
    })
    expect(await deviceIdOf(b.page)).toBe(original)

    // Both register a complaint; both get the same number (same 电脑代码, same day, same sequence).
    const onA = await registerComplaintViaUi(a.page, {
      phone: '13900000001',
      name: '甲机客户',
      content: '原电脑登记。'
    })
    await syncNow(a.page)
    const onB = await registerComplaintViaUi(b.page, {
      phone: '13900000002',
      name: '乙机客户',
      content: '复制出的电脑登记。'
    })
    expect(onB).toBe(onA)

    // B publishes second: it finds its next segment taken, renews and restarts by itself.
    await b.page.getByTestId('sync-status').click()
    await b.page.getByTestId('sync-now').click()
    await expect(b.page.getByTestId('device-renewed')).toBeVisible({ timeout: 20_000 })
    await expect(b.page.getByTestId('sync-status')).toHaveText(/^已同步/)
    await expect(b.page.getByTestId('device-renewed')).toContainText('已改用新的设备标识')
    const renumbered = ((await b.page.getByTestId('device-renewed').textContent()) ?? '').match(
      /→ (TS-\d{8}-[A-Z][0-9A-Z]-\d{3})/
    )?.[1]
    expect(renumbered).toBeDefined()
    expect(renumbered).not.toBe(onB)
    await screenshot(b.page, 'sync-clone-renewed')
    const renewedId = await deviceIdOf(b.page)
    expect(renewedId).not.toBe(original)

    // Each sees the other's complaint; A keeps its id.
    await syncNow(a.page)
    await syncNow(b.page)
    for (const [p, no] of [
      [a.page, renumbered as string],
      [b.page, onA],
      [b.page, renumbered as string]
    ] as const) {
      await p.getByRole('menuitem', { name: '投诉处理' }).click()
      await expect(p.getByText(no, { exact: true })).toBeVisible()
    }
    expect(await deviceIdOf(a.page)).toBe(original)
    await a.page.getByTestId('sync-status').click()
    await expect(a.page.getByTestId('sync-problems')).toContainText('没有问题')
    await b.close()
    await a.close()
  } finally {
    await rm(cloneRoot, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  }
  expect(consoleErrors).toEqual([])
})
