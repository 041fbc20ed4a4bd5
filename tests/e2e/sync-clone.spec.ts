import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, openShare, registerComplaintViaUi, syncNow } from './flows'

// A cloned disk image (issue 6; issue 18: found at start): PC A's browser profile and main-process
// folder are copied, so two PCs run with one device id. The copy's first round finds the claim A
// wrote after the copy (claim.ts), so before either publishes anything under the shared id it takes a
// new device id and 电脑代码 and restarts; then both work and sync normally. (The segment clash — both
// publishing the same seq, the unsynced complaint renumbered — is tested in clone.test.ts.)

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
  test.slow() // two PCs, one restart
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
    // The copy's first round finds A's claim, written after the copy (claim.ts): before either has
    // published anything under the shared id, it takes a new device id and code and restarts by itself.
    await b.page.getByTestId('sync-status').click()
    await expect(b.page.getByTestId('device-renewed')).toBeVisible({ timeout: 20_000 })
    await expect(b.page.getByTestId('sync-status')).toHaveText(/^已同步/)
    await expect(b.page.getByTestId('device-renewed')).toContainText('已改用新的设备标识')
    await screenshot(b.page, 'sync-clone-renewed')
    const renewedId = await deviceIdOf(b.page)
    expect(renewedId).not.toBe(original)

    // Both register a complaint: different numbers now (the copy has a new 电脑代码).
    const onA = await registerComplaintViaUi(a.page, {
      phone: '13900000001',
      name: '甲机客户',
      content: '原电脑登记。'
    })
    const onB = await registerComplaintViaUi(b.page, {
      phone: '13900000002',
      name: '乙机客户',
      content: '复制出的电脑登记。'
    })
    expect(onB).not.toBe(onA)

    // Each sees the other's complaint; A keeps its id.
    await syncNow(a.page)
    await syncNow(b.page)
    await syncNow(a.page)
    for (const [p, no] of [
      [a.page, onB],
      [b.page, onA],
      [b.page, onB]
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
