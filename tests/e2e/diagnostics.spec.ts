import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, registerComplaintViaUi } from './flows'

// Issue 17 point 5: 系统设置 → 关于 shows version, data folder and log folder; renderer errors reach
// main's log; 导出诊断信息 writes one zip (logs, versions, sync state, record counts) — scanned here for
// the seeded customers' names and numbers, none of which may be in it.

const CUSTOMERS = [
  { phone: '13812345678', name: '张三丰', content: '冰箱不制冷' },
  { phone: '13900001111', name: '欧阳娜娜', content: '洗衣机漏水' }
]

test('关于 and 导出诊断信息: one zip with logs, versions, sync state and counts — no customer data', async ({
  page,
  desk
}) => {
  await finishSetup(page)
  for (const c of CUSTOMERS) await registerComplaintViaUi(page, c)
  // a renderer error and an unhandled rejection that carry a customer's data
  await page.evaluate((c) => {
    setTimeout(() => {
      throw new Error(`render failed for ${c.name} ${c.phone}`)
    })
    void Promise.reject(new Error(`save failed: {"customerName":"${c.name}","phone":"${c.phone}"}`))
  }, CUSTOMERS[0]!)
  await expect
    .poll(() => desk.calls.filter((c) => c.method === 'logRenderer' && c.ok).length)
    .toBeGreaterThanOrEqual(2)

  await page.getByRole('menuitem', { name: '系统设置' }).click()
  const about = page.getByTestId('about-card')
  await about.scrollIntoViewIfNeeded()
  await expect(about.getByText('关于', { exact: true })).toBeVisible()
  await expect(page.getByTestId('about-version')).toHaveText('0.1.0')
  await expect(page.getByTestId('about-dataDir')).not.toBeEmpty()
  await expect(page.getByTestId('about-logDir')).toContainText('logs')
  await about.getByRole('button', { name: '导出诊断信息' }).click()
  await expect(page.getByText('诊断信息已导出')).toBeVisible()
  await expect(page.getByTestId('diagnostics-path')).toContainText('.zip')
  await screenshot(page, 'settings-about-diagnostics')

  const call = desk.calls.find((c) => c.method === 'exportDiagnostics' && c.ok)
  const file = (call?.result as { value: { path: string } }).value.path
  const zip = unzipSync(new Uint8Array(readFileSync(file)))
  expect(Object.keys(zip).sort()).toEqual(['logs/desk.log', 'summary.json', 'versions.json'])
  const all = Object.values(zip)
    .map((f) => strFromU8(f))
    .join('\n')
  for (const c of CUSTOMERS) {
    expect(all).not.toContain(c.name)
    expect(all).not.toContain(c.phone)
    expect(all).not.toContain(c.phone.slice(-4))
    expect(all).not.toContain(c.content)
  }
  // what it does hold
  const log = strFromU8(zip['logs/desk.log']!)
  expect(log).toContain('[renderer:error] Error: render failed for [redacted] [redacted]')
  expect(log).toContain('[renderer:unhandledrejection] Error: save failed:')
  const summary = JSON.parse(strFromU8(zip['summary.json']!)) as {
    counts: Record<string, number>
    sync: { shareSet: boolean }
  }
  expect(summary.counts).toMatchObject({ complaints: 2, customers: 2 })
  expect(summary.sync.shareSet).toBe(false)
  expect(JSON.parse(strFromU8(zip['versions.json']!))).toMatchObject({ app: '0.1.0' })
})
